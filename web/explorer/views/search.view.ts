import { ExactEntity, fetchSearch, SearchHit } from '../api/search.query';
import { kindBadge, paperBadge } from '../components/badges';
import { emptyNote } from '../components/status';
import { fill, h } from '../dom';
import { entityHref, lineageHref, paperHref } from '../routes';
import type { Route } from '../routes';
import type { ViewFactory } from './view';

const SNIPPET_LENGTH = 220;

function snippet(text: string | null): string | null {
  if (!text) return null;
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH).trimEnd()}…` : text;
}

function exactCard(entity: ExactEntity): HTMLElement {
  return h(
    'section',
    { class: 'card exact-match', 'aria-labelledby': 'exact-match-title' },
    h('p', { class: 'eyebrow', id: 'exact-match-title' }, 'Entity of this name'),
    h(
      'h2',
      null,
      h('a', { href: entityHref(entity.id) }, entity.name),
      ' ',
      kindBadge(entity.kind),
    ),
    entity.aliases.length ? h('p', { class: 'muted' }, `Also: ${entity.aliases.join(', ')}`) : null,
    entity.description ? h('p', null, entity.description) : null,
    h(
      'p',
      { class: 'actions' },
      h(
        'a',
        { class: 'button', href: entityHref(entity.id) },
        `Entity page (${entity.paperCount} papers)`,
      ),
      h(
        'a',
        { class: 'button', href: lineageHref(entity.name, { kind: entity.kind }) },
        `Lineage (${entity.descendantCount} descendants)`,
      ),
    ),
  );
}

function hitItem({ node }: SearchHit): HTMLElement {
  if (node.__typename === 'Paper') {
    return h(
      'li',
      { class: 'hit' },
      h(
        'p',
        { class: 'hit-title' },
        paperBadge(),
        ' ',
        h('a', { href: paperHref(node.id) }, node.title),
        node.published ? h('span', { class: 'muted' }, ` (${node.published.slice(0, 4)})`) : null,
      ),
      node.abstract ? h('p', { class: 'hit-text' }, snippet(node.abstract)) : null,
    );
  }
  return h(
    'li',
    { class: 'hit' },
    h(
      'p',
      { class: 'hit-title' },
      kindBadge(node.kind),
      ' ',
      h('a', { href: entityHref(node.id) }, node.name),
      node.aliases.length
        ? h('span', { class: 'muted' }, ` — ${node.aliases.slice(0, 4).join(', ')}`)
        : null,
    ),
    node.description ? h('p', { class: 'hit-text' }, snippet(node.description)) : null,
  );
}

function header(query: string, summary: string): HTMLElement {
  return h(
    'header',
    { class: 'view-header' },
    h('h1', { tabindex: '-1' }, query ? `Search: “${query}”` : 'Search'),
    h('p', { class: 'lede', role: 'status' }, summary),
  );
}

export const createSearchView: ViewFactory<Extract<Route, { view: 'search' }>> = (root) => ({
  async show({ query }, { signal }) {
    const text = query.trim();
    if (!text) {
      fill(
        root,
        header(
          '',
          'Type in the search field above: papers by title and abstract, entities by name, alias and description.',
        ),
      );
      return 'Search';
    }
    const { search, exact } = await fetchSearch(text, signal);
    // The exact entity is shown on its own card, so not again in the list.
    const hits = search.filter(
      (hit) => !(exact && hit.node.id === exact.id && hit.node.__typename !== 'Paper'),
    );
    const count = search.length;
    fill(
      root,
      header(
        text,
        count === 0
          ? 'No matches.'
          : `${count} best ${count === 1 ? 'match' : 'matches'}, best first.`,
      ),
      exact ? exactCard(exact) : null,
      hits.length
        ? h('ol', { class: 'hits', 'aria-label': 'Search results' }, hits.map(hitItem))
        : exact
          ? null
          : emptyNote('Nothing matches. Try fewer or other words, or a known alias.'),
    );
    return `Search: ${text}`;
  },
});
