import type {
  Core,
  ElementDefinition,
  EventObject,
  LayoutOptions,
  StylesheetJson,
} from 'cytoscape';

import type { Lineage, LineageEdge } from '../api/lineage.query';
import type { EntityRef } from '../api/types';
import { ENTITY_KINDS } from '../api/types';
import { cssName, RELATION_LABEL } from '../labels';

export interface LineageGraphHandlers {
  /** A node was clicked or tapped. */
  onNodeSelect(entity: EntityRef): void;
  /** The pointer is over a node or an edge (null: over nothing); for a preview. */
  onHover(target: { node: EntityRef } | { edge: LineageEdge } | null): void;
  /** An edge was clicked (null: the background was, which unpins). */
  onEdgeSelect(edge: LineageEdge | null): void;
}

export interface LineageGraph {
  draw(lineage: Lineage): void;
  /** Marks the edge as selected, as a click on it would (from the keyboard-reachable list). */
  selectEdge(index: number | null): void;
  fit(): void;
  destroy(): void;
}

/**
 * Cytoscape adds an inline <style> to <head> unless an element with this id exists; the page's
 * Content-Security-Policy refuses inline styles, and explorer.css carries its one rule instead.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function claimCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  marker.name = 'cytoscape-stylesheet';
  marker.content = 'in explorer.css';
  document.head.append(marker);
}

/** Colours live in explorer.css as custom properties; the canvas reads the same ones. */
function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Wide enough for the name at the label size below (the canvas cannot size to text itself). */
const nodeWidth = (name: string): number => Math.max(56, Math.round(name.length * 7.4) + 22);

function stylesheet(): StylesheetJson {
  const ink = cssColor('--ink', '#1f2937');
  const edge = cssColor('--edge', '#6b7280');
  const accent = cssColor('--accent', '#b91c1c');
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 28,
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: '#ffffff',
        'text-valign': 'center',
        'text-halign': 'center',
        'border-width': 1,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 6,
      },
    },
    ...ENTITY_KINDS.map((kind) => ({
      selector: `node.kind-${cssName(kind)}`,
      style: { 'background-color': cssColor(`--kind-${cssName(kind)}`, '#4b5563') },
    })),
    {
      selector: 'node.root',
      style: { 'border-width': 4, 'border-color': ink, height: 34, 'font-weight': 'bold' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        // Two relations between the same pair (BEiT extends and is inspired by BERT) need room
        // for both labels.
        'control-point-step-size': 70,
        'line-color': edge,
        'target-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        // Near the child end: many children fan into one parent, and labels at the middle or
        // the parent end would pile up there.
        'source-label': 'data(label)',
        'source-text-offset': 56,
        'source-text-rotation': 'none',
        'font-size': 10,
        'font-family': 'system-ui, sans-serif',
        color: ink,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge.curated', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge.hover, edge:selected',
      style: {
        width: 3.5,
        'line-color': accent,
        'target-arrow-color': accent,
        color: accent,
        'z-index': 10,
      },
    },
    { selector: 'node.hover', style: { 'border-color': accent, 'border-width': 3 } },
  ];
}

function elements(lineage: Lineage): ElementDefinition[] {
  const nodes = lineage.nodes.map((entity) => ({
    group: 'nodes' as const,
    data: { id: entity.id, label: entity.name, width: nodeWidth(entity.name) },
    classes: `kind-${cssName(entity.kind)}${entity.id === lineage.root.id ? ' root' : ''}`,
  }));
  const known = new Set(lineage.nodes.map((n) => n.id));
  // The arrow points from child to parent, so it reads as the relation does ("BEiT extends BERT").
  const edges = lineage.edges
    .map((edge, index) => ({ edge, index }))
    .filter(({ edge }) => known.has(edge.child.id) && known.has(edge.parent.id))
    .map(({ edge, index }) => ({
      group: 'edges' as const,
      data: {
        id: `edge-${index}`,
        index,
        source: edge.child.id,
        target: edge.parent.id,
        label: RELATION_LABEL[edge.relation],
      },
      classes: `relation-${cssName(edge.relation)}${edge.source === 'CURATED' ? ' curated' : ''}`,
    }));
  return [...nodes, ...edges];
}

/**
 * The lineage as an interactive Cytoscape.js graph, parents above children (dagre layout).
 * Cytoscape is imported here, on first use, so that the other views load without it.
 */
export async function createLineageGraph(
  container: HTMLElement,
  handlers: LineageGraphHandlers,
): Promise<LineageGraph> {
  const [{ default: cytoscape }, { default: dagre }] = await Promise.all([
    import('cytoscape'),
    import('cytoscape-dagre'),
  ]);
  cytoscape.use(dagre);
  claimCytoscapeStylesheet();
  const cy: Core = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.2,
    maxZoom: 2.5,
    boxSelectionEnabled: false,
    autoungrabify: true,
  });
  let lineage: Lineage | undefined;
  const entityOf = (id: string): EntityRef | undefined => lineage?.nodes.find((n) => n.id === id);
  const edgeOf = (event: EventObject): LineageEdge | undefined =>
    lineage?.edges[event.target.data('index') as number];

  cy.on('tap', 'node', (event) => {
    const entity = entityOf(event.target.id());
    if (entity) handlers.onNodeSelect(entity);
  });
  cy.on('tap', 'edge', (event) => {
    cy.edges().unselect();
    event.target.select();
    handlers.onEdgeSelect(edgeOf(event) ?? null);
  });
  cy.on('tap', (event) => {
    if (event.target !== cy) return;
    cy.edges().unselect();
    handlers.onEdgeSelect(null);
  });
  cy.on('mouseover', 'node, edge', (event) => {
    event.target.addClass('hover');
    container.style.cursor = 'pointer';
    const edge = event.target.isEdge() ? edgeOf(event) : undefined;
    const node = event.target.isNode() ? entityOf(event.target.id()) : undefined;
    handlers.onHover(edge ? { edge } : node ? { node } : null);
  });
  cy.on('mouseout', 'node, edge', (event) => {
    event.target.removeClass('hover');
    container.style.cursor = '';
    handlers.onHover(null);
  });

  const runDagre = (rankDir: 'BT' | 'RL'): number => {
    cy.layout({
      name: 'dagre',
      rankDir,
      nodeSep: rankDir === 'BT' ? 18 : 10,
      // Narrow screens get shorter edges, or the labels would be too small to read.
      rankSep: rankDir === 'BT' ? 110 : Math.min(170, Math.max(70, container.clientWidth / 5)),
      edgeSep: 12,
      fit: false,
      animate: false,
    } as LayoutOptions).run();
    const box = cy.elements().boundingBox();
    return Math.min(container.clientWidth / box.w, container.clientHeight / box.h);
  };
  // Parents above children reads best, but one generation of many siblings (BERT has a dozen
  // children) gets too wide to read; then parents go left and each generation is a column.
  const layOut = (): void => {
    const vertical = runDagre('BT');
    const horizontal = runDagre('RL');
    if (vertical >= horizontal) runDagre('BT');
  };

  const fit = (): void => {
    cy.fit(undefined, 24);
    // A lone root would be blown up to maxZoom; keep it at a readable size.
    if (cy.zoom() > 1.4) {
      cy.zoom(1.4);
      cy.center();
    }
  };

  return {
    draw(next) {
      lineage = next;
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements(next));
      });
      layOut();
      fit();
    },
    selectEdge(index) {
      cy.edges().unselect();
      if (index !== null) cy.getElementById(`edge-${index}`).select();
    },
    fit,
    destroy() {
      cy.destroy();
    },
  };
}
