import type { Lineage, LineageEdge } from '../api/lineage.query';
import type { EntityRef } from '../api/types';
import { fill, h } from '../dom';
import { KIND_LABEL, RELATION_LABEL } from '../labels';
import { kindBadge } from './badges';
import { evidenceBlock } from './evidence';
import { entityChip } from './links';

/**
 * The side panel of the lineage view: what the pointer is on, else the pinned edge, else how to
 * use the graph. It is a live region, so the evidence is read out when an edge is chosen.
 */
export class LineagePanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private lineage: Lineage | undefined;
  private pinned: LineageEdge | null = null;

  constructor() {
    this.body = h('div', { class: 'panel-body' });
    this.element = h(
      'aside',
      {
        class: 'lineage-panel card',
        'aria-labelledby': 'lineage-panel-title',
        'aria-live': 'polite',
      },
      h('h2', { id: 'lineage-panel-title' }, 'Details'),
      this.body,
    );
  }

  reset(lineage: Lineage): void {
    this.lineage = lineage;
    this.pinned = null;
    this.showResting();
  }

  pin(edge: LineageEdge | null): void {
    this.pinned = edge;
    this.showResting();
  }

  preview(target: { node: EntityRef } | { edge: LineageEdge } | null): void {
    if (!target) this.showResting();
    else if ('edge' in target) this.showEdge(target.edge);
    else this.showNode(target.node);
  }

  private showResting(): void {
    if (this.pinned) this.showEdge(this.pinned);
    else this.showHelp();
  }

  private showHelp(): void {
    if (!this.lineage) return;
    const { root, nodes, edges } = this.lineage;
    fill(
      this.body,
      h('p', null, entityChip(root)),
      h(
        'p',
        { class: 'muted' },
        `${nodes.length} entities, ${edges.length} edges. Arrows point from child to parent; dashed edges were stated by a curator.`,
      ),
      h(
        'p',
        null,
        'Hover or click an edge for its evidence. Click an entity to centre the lineage on it.',
      ),
    );
  }

  private showEdge(edge: LineageEdge): void {
    fill(
      this.body,
      h(
        'p',
        { class: 'edge-sentence' },
        entityChip(edge.child),
        ' ',
        h('span', { class: 'relation' }, RELATION_LABEL[edge.relation]),
        ' ',
        entityChip(edge.parent),
      ),
      evidenceBlock(edge.evidence, edge.source, edge.paper),
      h('p', { class: 'muted small' }, `Confidence ${edge.confidence.toFixed(2)}`),
    );
  }

  private showNode(entity: EntityRef): void {
    fill(
      this.body,
      h('p', null, kindBadge(entity.kind), ' ', h('strong', null, entity.name)),
      h('p', { class: 'muted' }, `${KIND_LABEL[entity.kind]}. Click to centre the lineage on it.`),
    );
  }
}
