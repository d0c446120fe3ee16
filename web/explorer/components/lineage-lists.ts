import type { Lineage, LineageEdge } from '../api/lineage.query';
import type { EntityRef } from '../api/types';
import { h } from '../dom';
import { RELATION_LABEL } from '../labels';
import { kindBadge, provenanceBadge } from './badges';
import { emptyNote } from './status';

export interface LineageListsOptions {
  /** Where a click on an entity goes: the lineage centred on it. */
  centreHref(entity: EntityRef): string;
  /** Shows the evidence of `lineage.edges[index]`. */
  onEvidence(index: number): void;
}

function edgeRow(edge: LineageEdge, index: number, options: LineageListsOptions): HTMLElement {
  const relation = RELATION_LABEL[edge.relation];
  return h(
    'tr',
    null,
    h('td', null, h('a', { href: options.centreHref(edge.child) }, edge.child.name)),
    h('td', null, relation, ' ', provenanceBadge(edge.source)),
    h('td', null, h('a', { href: options.centreHref(edge.parent) }, edge.parent.name)),
    h(
      'td',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'aria-label': `Evidence: ${edge.child.name} ${relation} ${edge.parent.name}`,
          onClick: () => options.onEvidence(index),
        },
        'Evidence',
      ),
    ),
  );
}

/**
 * What the canvas shows, as lists a keyboard and a screen reader can use: the entities (each
 * re-centres the lineage) and the edges (each shows its evidence in the side panel).
 */
export function lineageLists(lineage: Lineage, options: LineageListsOptions): HTMLElement[] {
  const others = lineage.nodes.filter((n) => n.id !== lineage.root.id);
  return [
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'lineage-entities' },
      h('h2', { id: 'lineage-entities' }, `Entities (${lineage.nodes.length})`),
      others.length
        ? h(
            'ul',
            { class: 'chip-list' },
            others.map((entity) =>
              h(
                'li',
                null,
                h(
                  'a',
                  {
                    class: 'chip',
                    href: options.centreHref(entity),
                    title: `Centre the lineage on ${entity.name}`,
                  },
                  kindBadge(entity.kind),
                  h('span', { class: 'chip-name' }, entity.name),
                ),
              ),
            ),
          )
        : emptyNote('Only the entity itself.'),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'lineage-edges' },
      h('h2', { id: 'lineage-edges' }, `Edges (${lineage.edges.length})`),
      lineage.edges.length
        ? h(
            'div',
            { class: 'table-scroll' },
            h(
              'table',
              { class: 'edge-table' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, 'Child'),
                  h('th', { scope: 'col' }, 'Relation'),
                  h('th', { scope: 'col' }, 'Parent'),
                  h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Evidence')),
                ),
              ),
              h(
                'tbody',
                null,
                lineage.edges.map((edge, index) => edgeRow(edge, index, options)),
              ),
            ),
          )
        : emptyNote('No edge within this depth and direction.'),
    ),
  ];
}
