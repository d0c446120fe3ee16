import { fetchLineage, Lineage } from '../api/lineage.query';
import { ENTITY_KINDS, EntityRef, LINEAGE_DIRECTIONS, LineageDirection } from '../api/types';
import { kindBadge } from '../components/badges';
import { createLineageGraph, LineageGraph } from '../components/lineage-graph';
import { lineageLists } from '../components/lineage-lists';
import { LineagePanel } from '../components/lineage-panel';
import { debounce } from '../debounce';
import { fill, h } from '../dom';
import { cssName, DIRECTION_LABEL, KIND_LABEL } from '../labels';
import { entityHref, lineageHref, MAX_DEPTH, MIN_DEPTH } from '../routes';
import type { Route } from '../routes';
import type { View, ViewContext } from './view';

type LineageRoute = Extract<Route, { view: 'lineage' }>;

/** A depth slider dragged across several values asks for the last one only. */
const DEPTH_DEBOUNCE_MS = 300;

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Node colours' },
    ENTITY_KINDS.map((kind) =>
      h(
        'li',
        null,
        h('span', { class: `swatch kind-${cssName(kind)}`, 'aria-hidden': 'true' }),
        KIND_LABEL[kind],
      ),
    ),
    h(
      'li',
      null,
      h('span', { class: 'swatch-line dashed', 'aria-hidden': 'true' }),
      'curated edge',
    ),
  );
}

/**
 * The lineage around one entity. The view is kept while only the route's entity, depth or
 * direction changes, so the controls keep focus and the graph is redrawn in place.
 */
export function createLineageView(root: HTMLElement): View<LineageRoute> {
  let route: LineageRoute | undefined;
  let context: ViewContext | undefined;
  let graph: LineageGraph | undefined;
  let graphLoading: Promise<LineageGraph> | undefined;
  let lineage: Lineage | undefined;

  const go = (next: Partial<LineageRoute>, replace: boolean): void => {
    if (!route || !context) return;
    context.navigate({ ...route, ...next }, { replace, focus: false });
  };
  const recentre = (entity: EntityRef): void => {
    if (!route || !context || entity.id === lineage?.root.id) return;
    context.navigate({ ...route, name: entity.name, kind: entity.kind }, { focus: false });
  };

  const title = h('h1', { tabindex: '-1' });
  const subtitle = h('p', { class: 'lede' });
  const depthOutput = h('output', { for: 'lineage-depth', id: 'lineage-depth-value' });
  const depthInput = h('input', {
    id: 'lineage-depth',
    type: 'range',
    min: MIN_DEPTH,
    max: MAX_DEPTH,
    step: 1,
    'aria-describedby': 'lineage-depth-value',
  });
  const setDepth = debounce((depth: number) => go({ depth }, true), DEPTH_DEBOUNCE_MS);
  depthInput.addEventListener('input', () => {
    depthOutput.textContent = depthInput.value;
    setDepth(Number(depthInput.value));
  });
  const directionInputs = LINEAGE_DIRECTIONS.map((direction) =>
    h('input', {
      type: 'radio',
      name: 'lineage-direction',
      id: `lineage-direction-${cssName(direction)}`,
      value: direction,
      onChange: () => go({ direction }, true),
    }),
  );
  const panel = new LineagePanel();
  const canvas = h('div', {
    class: 'lineage-canvas',
    role: 'img',
    'aria-roledescription': 'graph',
  });
  const canvasNote = h('p', { class: 'canvas-note', hidden: true });
  const lists = h('div', { class: 'lineage-lists' });

  const layout = [
    h('header', { class: 'view-header' }, h('p', { class: 'eyebrow' }, 'Lineage'), title, subtitle),
    h(
      'form',
      {
        class: 'lineage-controls',
        'aria-label': 'Lineage controls',
        onSubmit: (e: Event) => e.preventDefault(),
      },
      h(
        'div',
        { class: 'control' },
        h('label', { for: 'lineage-depth' }, 'Depth'),
        depthInput,
        depthOutput,
      ),
      h(
        'fieldset',
        { class: 'control segmented' },
        h('legend', null, 'Direction'),
        LINEAGE_DIRECTIONS.map((direction, i) =>
          h(
            'span',
            null,
            directionInputs[i],
            h('label', { for: directionInputs[i].id }, DIRECTION_LABEL[direction]),
          ),
        ),
      ),
      h('button', { type: 'button', class: 'button', onClick: () => graph?.fit() }, 'Fit to view'),
      legend(),
    ),
    h(
      'div',
      { class: 'lineage-layout' },
      h('div', { class: 'lineage-stage' }, canvas, canvasNote),
      panel.element,
    ),
    lists,
  ];

  function selectEdge(index: number): void {
    if (!lineage) return;
    graph?.selectEdge(index);
    panel.pin(lineage.edges[index]);
    panel.element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  function syncControls(next: LineageRoute): void {
    depthInput.value = String(next.depth);
    depthOutput.textContent = String(next.depth);
    for (const input of directionInputs) input.checked = input.value === next.direction;
  }

  function describe(current: Lineage, next: LineageRoute): string {
    const what: Record<LineageDirection, string> = {
      ANCESTORS: 'what it builds on',
      DESCENDANTS: 'what builds on it',
      BOTH: 'what it builds on and what builds on it',
    };
    return `${KIND_LABEL[current.root.kind]} — ${what[next.direction]}, up to ${next.depth} ${next.depth === 1 ? 'level' : 'levels'}: ${current.nodes.length - 1} related entities.`;
  }

  return {
    async show(next, nextContext) {
      route = next;
      context = nextContext;
      if (!root.contains(canvas)) fill(root, ...layout);
      syncControls(next);
      // The graph library loads while the lineage is asked for.
      graphLoading ??= createLineageGraph(canvas, {
        onNodeSelect: recentre,
        onEdgeSelect: (edge) => panel.pin(edge),
        onHover: (target) => panel.preview(target),
      });
      const [found, readyGraph] = await Promise.all([
        fetchLineage(
          { name: next.name, kind: next.kind, direction: next.direction, maxDepth: next.depth },
          nextContext.signal,
        ),
        graphLoading,
      ]);
      nextContext.signal.throwIfAborted();
      graph = readyGraph;
      if (!found) {
        fill(
          root,
          h('h1', { tabindex: '-1' }, 'No such entity'),
          h(
            'p',
            null,
            `The graph has no entity named “${next.name}”. `,
            h('a', { href: `#/search?${new URLSearchParams({ q: next.name })}` }, 'Search for it'),
            '.',
          ),
        );
        return 'No such entity';
      }
      lineage = found;
      fill(title, found.root.name, ' ', kindBadge(found.root.kind));
      fill(
        subtitle,
        describe(found, next),
        ' ',
        h('a', { href: entityHref(found.root.id) }, 'Entity page'),
      );
      canvas.setAttribute(
        'aria-label',
        `Lineage graph of ${found.root.name}: ${found.nodes.length} entities and ${found.edges.length} edges, listed below the graph.`,
      );
      canvasNote.hidden = found.edges.length > 0;
      canvasNote.textContent = 'No ancestor or descendant within this depth and direction.';
      panel.reset(found);
      fill(
        lists,
        ...lineageLists(found, {
          // Keeps depth and direction, as a click on the canvas does.
          centreHref: (entity) => lineageHref(entity.name, { ...next, kind: entity.kind }),
          onEvidence: selectEdge,
        }),
      );
      graph.draw(found);
      return `Lineage of ${found.root.name}`;
    },
    dispose() {
      setDepth.cancel();
      graph?.destroy();
    },
  };
}
