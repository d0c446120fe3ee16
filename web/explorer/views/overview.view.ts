import { fetchStats, GraphStats } from '../api/stats.query';
import { barChart } from '../components/bar-chart';
import { fill, h } from '../dom';
import { cssName, KIND_PLURAL, RELATION_LABEL, ROLE_LABEL } from '../labels';
import { entityHref, lineageHref } from '../routes';
import type { Route } from '../routes';
import type { ViewFactory } from './view';

const TOP = 10;

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function totals(stats: GraphStats): HTMLElement {
  const figures: Array<[number, string]> = [
    [stats.papers, 'papers'],
    [stats.entities, 'entities'],
    [stats.mentions, 'paper–entity links'],
    [stats.lineageEdges, 'lineage edges'],
  ];
  return h(
    'dl',
    { class: 'totals' },
    figures.map(([value, label]) =>
      h('div', { class: 'total' }, h('dt', null, label), h('dd', null, value.toLocaleString('en'))),
    ),
  );
}

function provenanceNote(stats: GraphStats): HTMLElement {
  const parts = stats.provenance.map(
    (p) =>
      `${p.source.toLowerCase()}: ${plural(p.mentions, 'link')} and ${plural(p.lineageEdges, 'edge')}`,
  );
  return h('p', { class: 'muted' }, `Provenance — ${parts.join('; ')}.`);
}

function render(stats: GraphStats): HTMLElement[] {
  return [
    h(
      'header',
      { class: 'view-header' },
      h('h1', { tabindex: '-1' }, 'Overview'),
      h(
        'p',
        { class: 'lede' },
        'What the graph holds: the methods, models, datasets and tasks that papers introduce, use, evaluate on or compare with, and which method builds on which. Search above, or start from a chart.',
      ),
    ),
    totals(stats),
    h(
      'div',
      { class: 'chart-grid' },
      barChart({
        caption: 'Entities by kind',
        describe: (n) => plural(n, 'entity', 'entities'),
        bars: stats.entitiesByKind.map(({ kind, count }) => ({
          label: KIND_PLURAL[kind],
          value: count,
          colorClass: `kind-${cssName(kind)}`,
        })),
      }),
      barChart({
        caption: 'Paper–entity links by role',
        describe: (n) => plural(n, 'link'),
        bars: stats.mentionsByRole.map(({ role, count }) => ({
          label: ROLE_LABEL[role],
          value: count,
          colorClass: `role-${cssName(role)}`,
        })),
      }),
      barChart({
        caption: 'Most used datasets',
        describe: (n) => plural(n, 'paper'),
        bars: stats.topDatasets.map(({ entity, count }) => ({
          label: entity.name,
          value: count,
          href: entityHref(entity.id),
          colorClass: 'kind-dataset',
        })),
      }),
      barChart({
        caption: 'Most descendants (methods and models)',
        describe: (n) => plural(n, 'descendant'),
        bars: stats.mostDescendants.map(({ entity, count }) => ({
          label: entity.name,
          value: count,
          href: lineageHref(entity.name, { kind: entity.kind, direction: 'DESCENDANTS' }),
          colorClass: `kind-${cssName(entity.kind)}`,
        })),
      }),
      barChart({
        caption: 'Lineage edges by relation',
        describe: (n) => plural(n, 'edge'),
        bars: stats.lineageByRelation.map(({ relation, count }) => ({
          label: RELATION_LABEL[relation],
          value: count,
          colorClass: 'relation',
        })),
      }),
    ),
    provenanceNote(stats),
  ];
}

export const createOverviewView: ViewFactory<Extract<Route, { view: 'overview' }>> = (root) => ({
  async show(_route, { signal }) {
    const stats = await fetchStats(TOP, signal);
    fill(root, ...render(stats));
    return 'Overview';
  },
});
