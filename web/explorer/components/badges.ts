import type { EntityKind, LinkRole, Provenance } from '../api/types';
import { h } from '../dom';
import { cssName, KIND_LABEL, PROVENANCE_LABEL, ROLE_LABEL } from '../labels';

export function kindBadge(kind: EntityKind): HTMLElement {
  return h('span', { class: `badge kind-${cssName(kind)}` }, KIND_LABEL[kind]);
}

export function paperBadge(): HTMLElement {
  return h('span', { class: 'badge kind-paper' }, 'Paper');
}

export function roleBadge(role: LinkRole): HTMLElement {
  return h('span', { class: `badge role-${cssName(role)}` }, ROLE_LABEL[role]);
}

/** Only curated links are flagged: extracted is the default and would be noise on every line. */
export function provenanceBadge(source: Provenance): HTMLElement | null {
  if (source !== 'CURATED') return null;
  return h(
    'span',
    { class: 'badge provenance-curated', title: 'Stated by a curator, not found by the extractor' },
    PROVENANCE_LABEL[source],
  );
}
