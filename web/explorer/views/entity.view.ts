import {
  CoUsage,
  DirectEdge,
  EntityDetail,
  EntityPapersPage,
  fetchEntity,
  fetchEntityPapers,
} from '../api/entity.query';
import { LINK_ROLES, LinkRole } from '../api/types';
import { kindBadge, provenanceBadge } from '../components/badges';
import { evidenceBlock } from '../components/evidence';
import { entityChip, paperLink } from '../components/links';
import { emptyNote, isAbort } from '../components/status';
import { Child, fill, h } from '../dom';
import { cssName, KIND_LABEL, RELATION_LABEL, ROLE_PAPERS_HEADING } from '../labels';
import { lineageHref } from '../routes';
import type { Route } from '../routes';
import type { ViewFactory } from './view';

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function header(entity: EntityDetail): HTMLElement {
  return h(
    'header',
    { class: 'view-header' },
    h('p', { class: 'eyebrow' }, KIND_LABEL[entity.kind]),
    h('h1', { tabindex: '-1' }, entity.name, ' ', kindBadge(entity.kind)),
    entity.aliases.length
      ? h(
          'p',
          { class: 'aliases' },
          h('span', { class: 'muted' }, 'Also known as '),
          entity.aliases.map((alias) => h('span', { class: 'alias' }, alias)),
        )
      : null,
    entity.description
      ? h('p', { class: 'lede' }, entity.description)
      : h('p', { class: 'lede muted' }, 'No description yet.'),
    h(
      'ul',
      { class: 'facts', 'aria-label': 'Counts' },
      h('li', null, count(entity.paperCount, 'paper')),
      h('li', null, count(entity.derivativeCount, 'direct derivative')),
      h('li', null, count(entity.descendantCount, 'descendant')),
    ),
    entity.parents.length || entity.children.length
      ? h(
          'p',
          { class: 'actions' },
          h(
            'a',
            { class: 'button primary', href: lineageHref(entity.name, { kind: entity.kind }) },
            'Open lineage',
          ),
        )
      : null,
  );
}

function paperItem(paper: EntityPapersPage['papers'][number]): HTMLElement {
  return h(
    'li',
    { class: 'paper-item' },
    paperLink(paper),
    paper.evidence ? h('blockquote', null, paper.evidence) : null,
  );
}

/** One role's papers, with a button that pages on through the API's cursor. */
function rolePapers(
  entity: EntityDetail,
  role: LinkRole,
  page: EntityPapersPage,
  signal: AbortSignal,
): HTMLElement {
  const headingId = `papers-${cssName(role)}`;
  const list = h('ol', { class: 'paper-list' }, page.papers.map(paperItem));
  let cursor = page.endCursor;
  const more = h('button', { type: 'button', class: 'button' }, 'Show more');
  more.hidden = !page.hasNextPage;
  more.addEventListener('click', async () => {
    if (!cursor) return;
    more.disabled = true;
    more.textContent = 'Loading…';
    try {
      const next = await fetchEntityPapers(entity, role, cursor, signal);
      list.append(...next.papers.map(paperItem));
      cursor = next.endCursor;
      more.hidden = !next.hasNextPage;
      more.textContent = 'Show more';
    } catch (error) {
      if (isAbort(error)) return;
      more.textContent = 'Could not load more; try again';
    } finally {
      more.disabled = false;
    }
  });
  return h(
    'section',
    { class: `role-papers role-${cssName(role)}`, 'aria-labelledby': headingId },
    h(
      'h2',
      { id: headingId },
      ROLE_PAPERS_HEADING[role],
      ' ',
      h('span', { class: 'count' }, String(page.totalCount)),
    ),
    list,
    more,
  );
}

function edgeItem(edge: DirectEdge, phrase: (relation: string) => Child[]): HTMLElement {
  return h(
    'li',
    { class: 'edge-item' },
    h('p', null, phrase(RELATION_LABEL[edge.relation]), ' ', provenanceBadge(edge.source)),
    h(
      'details',
      null,
      h('summary', null, 'Evidence'),
      evidenceBlock(edge.evidence, edge.source, edge.paper),
    ),
  );
}

function directLineage(entity: EntityDetail): HTMLElement {
  if (entity.parents.length === 0 && entity.children.length === 0) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'direct-lineage' },
      h('h2', { id: 'direct-lineage' }, 'Lineage'),
      emptyNote('Not part of any lineage yet: it derives from nothing known, and nothing from it.'),
    );
  }
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'direct-lineage' },
    h('h2', { id: 'direct-lineage' }, 'Lineage'),
    h('h3', null, 'Derives from'),
    entity.parents.length
      ? h(
          'ul',
          { class: 'edge-list' },
          entity.parents.map((edge) =>
            edgeItem(edge, (relation) => [
              h('span', { class: 'relation' }, relation),
              ' ',
              entityChip(edge.other),
            ]),
          ),
        )
      : emptyNote('No known parent.'),
    h('h3', null, 'Derivatives'),
    entity.children.length
      ? h(
          'ul',
          { class: 'edge-list' },
          entity.children.map((edge) =>
            edgeItem(edge, (relation) => [
              entityChip(edge.other),
              ' ',
              h('span', { class: 'relation' }, relation),
            ]),
          ),
        )
      : emptyNote('No known derivative.'),
    h(
      'p',
      null,
      h(
        'a',
        { href: lineageHref(entity.name, { kind: entity.kind }) },
        'See the whole lineage graph',
      ),
    ),
  );
}

function coUsageList(id: string, title: string, note: string, rows: CoUsage[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': id },
    h('h2', { id }, title),
    h('p', { class: 'muted small' }, note),
    rows.length
      ? h(
          'ul',
          { class: 'co-used' },
          rows.map((row) =>
            h(
              'li',
              { title: row.papers.map((p) => p.title).join('\n') },
              entityChip(row.entity, count(row.count, 'paper')),
            ),
          ),
        )
      : emptyNote('None yet.'),
  );
}

function render(entity: EntityDetail, signal: AbortSignal): HTMLElement[] {
  const roles = LINK_ROLES.filter((role) => entity.papersByRole[role].totalCount > 0);
  return [
    header(entity),
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        { class: 'column-main' },
        roles.length
          ? roles.map((role) => rolePapers(entity, role, entity.papersByRole[role], signal))
          : emptyNote('No paper mentions this entity.'),
      ),
      h(
        'aside',
        { class: 'column-side', 'aria-label': 'Related entities' },
        directLineage(entity),
        entity.kind === 'DATASET'
          ? coUsageList(
              'evaluated-models',
              'Evaluated on it',
              'Models and methods of the papers that evaluate on this dataset.',
              entity.evaluatedModels,
            )
          : null,
        coUsageList(
          'co-used',
          'Used together with',
          'Entities mentioned by the same papers, most shared papers first.',
          entity.coUsed,
        ),
      ),
    ),
  ];
}

export const createEntityView: ViewFactory<Extract<Route, { view: 'entity' }>> = (root) => ({
  async show({ id }, { signal }) {
    const entity = await fetchEntity(id, signal);
    if (!entity) {
      fill(
        root,
        h('h1', { tabindex: '-1' }, 'No such entity'),
        h(
          'p',
          null,
          `The graph has no entity with the id “${id}”. `,
          h('a', { href: `#/search?${new URLSearchParams({ q: id })}` }, 'Search for it'),
          '.',
        ),
      );
      return 'No such entity';
    }
    fill(root, ...render(entity, signal));
    return `${entity.name} (${KIND_LABEL[entity.kind]})`;
  },
});
