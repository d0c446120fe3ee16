import type { EntityRef, PaperRef } from '../api/types';
import { h } from '../dom';
import { entityHref, paperHref } from '../routes';
import { kindBadge } from './badges';

/** An entity as a link with its kind: the unit most lists of the explorer are made of. */
export function entityChip(entity: EntityRef, extra?: string): HTMLElement {
  return h(
    'a',
    { class: 'chip', href: entityHref(entity.id) },
    kindBadge(entity.kind),
    h('span', { class: 'chip-name' }, entity.name),
    extra ? h('span', { class: 'chip-extra' }, extra) : null,
  );
}

export function paperLink(paper: PaperRef): HTMLElement {
  return h(
    'span',
    { class: 'paper-ref' },
    h('a', { href: paperHref(paper.id) }, paper.title),
    paper.published ? h('span', { class: 'muted' }, ` (${paper.published.slice(0, 4)})`) : null,
  );
}
