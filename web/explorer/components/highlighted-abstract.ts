import type { LinkRole } from '../api/types';
import { h } from '../dom';
import { highlightSegments, MentionForHighlight, ROLE_PRECEDENCE } from '../highlight';
import { cssName, KIND_LABEL, ROLE_LABEL, ROLE_VERB } from '../labels';
import { entityHref } from '../routes';

/** The colour key of the marks: one swatch per role that has a mark. */
export function roleLegend(roles: Iterable<LinkRole>): HTMLElement {
  const shown = new Set(roles);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Highlight colours' },
    ROLE_PRECEDENCE.filter((role) => shown.has(role)).map((role) =>
      h('li', null, h('mark', { class: `role-mark role-${cssName(role)}` }, ROLE_LABEL[role])),
    ),
  );
}

/**
 * The abstract with each entity the paper names marked in the colour of its role. Marks are
 * links to the entity; their title says every role the paper gives it.
 */
export function highlightedAbstract(
  abstract: string,
  mentions: MentionForHighlight[],
): { text: HTMLElement; roles: Set<LinkRole> } {
  const roles = new Set<LinkRole>();
  const parts = highlightSegments(abstract, mentions).map((segment) => {
    if (!segment.term) return segment.text;
    const { term } = segment;
    const [role] = term.roles;
    roles.add(role);
    const says = `${term.name} (${KIND_LABEL[term.kind]}): the paper ${term.roles.map((r) => ROLE_VERB[r]).join(', ')} it`;
    return h(
      'mark',
      {
        class: `role-mark role-${cssName(role)}`,
        'data-role': role,
        'data-entity': term.entityId,
        title: says,
      },
      h(
        'a',
        { href: entityHref(term.entityId), 'aria-label': `${segment.text} — ${says}` },
        segment.text,
      ),
    );
  });
  return { text: h('p', { class: 'abstract' }, parts), roles };
}
