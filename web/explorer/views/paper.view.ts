import { fetchPaper, PaperDetail, PaperMention, RelatedPaper } from '../api/paper.query';
import { LINK_ROLES, LinkRole } from '../api/types';
import { provenanceBadge } from '../components/badges';
import { highlightedAbstract, roleLegend } from '../components/highlighted-abstract';
import { entityChip, paperLink } from '../components/links';
import { emptyNote } from '../components/status';
import { fill, h } from '../dom';
import { cssName, ROLE_LABEL } from '../labels';
import type { Route } from '../routes';
import type { ViewFactory } from './view';

/** Only http(s) links become anchors: a URL is data from the input, and "javascript:" is not one. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function externalLink(href: string, text: string): HTMLElement {
  return h('a', { href, rel: 'noopener noreferrer external', target: '_blank' }, text);
}

function header(paper: PaperDetail): HTMLElement {
  const url = safeUrl(paper.url);
  const arxiv = paper.arxivId ? `https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)}` : null;
  const meta = [
    paper.authors.length ? paper.authors.join(', ') : null,
    paper.published ? `published ${paper.published}` : null,
  ].filter((part): part is string => part !== null);
  return h(
    'header',
    { class: 'view-header' },
    h('p', { class: 'eyebrow' }, 'Paper'),
    h('h1', { tabindex: '-1' }, paper.title),
    meta.length ? h('p', { class: 'muted' }, meta.join(' · ')) : null,
    url || arxiv
      ? h(
          'p',
          { class: 'actions' },
          arxiv ? externalLink(arxiv, `arXiv ${paper.arxivId}`) : null,
          url && url !== arxiv ? externalLink(url, 'Paper page') : null,
        )
      : null,
  );
}

function abstractSection(paper: PaperDetail): HTMLElement {
  if (!paper.abstract) {
    return h('section', { class: 'card' }, h('h2', null, 'Abstract'), emptyNote('No abstract.'));
  }
  const { text, roles } = highlightedAbstract(paper.abstract, paper.mentions);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'abstract-title' },
    h('h2', { id: 'abstract-title' }, 'Abstract'),
    roles.size ? roleLegend(roles) : null,
    text,
  );
}

function mentionItem(mention: PaperMention): HTMLElement {
  return h(
    'li',
    { class: 'mention' },
    h('p', null, entityChip(mention.entity), ' ', provenanceBadge(mention.source)),
    mention.evidence ? h('blockquote', null, mention.evidence) : null,
  );
}

function entitiesByRole(mentions: PaperMention[]): HTMLElement {
  const byRole = new Map<LinkRole, PaperMention[]>();
  for (const mention of mentions)
    byRole.set(mention.role, [...(byRole.get(mention.role) ?? []), mention]);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'entities-title' },
    h('h2', { id: 'entities-title' }, 'Entities by role'),
    mentions.length === 0
      ? emptyNote('The extractor found no entity in this paper.')
      : LINK_ROLES.filter((role) => byRole.has(role)).map((role) =>
          h(
            'section',
            { class: `role-group role-${cssName(role)}`, 'aria-label': ROLE_LABEL[role] },
            // Styled as the abstract's marks of the role, so the heading doubles as their key.
            h(
              'h3',
              null,
              h('mark', { class: `role-mark role-${cssName(role)}` }, ROLE_LABEL[role]),
            ),
            h('ul', { class: 'mention-list' }, (byRole.get(role) ?? []).map(mentionItem)),
          ),
        ),
  );
}

function relatedPapers(related: RelatedPaper[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'related-title' },
    h('h2', { id: 'related-title' }, 'Related papers'),
    h('p', { class: 'muted small' }, 'Papers naming the same entities, most shared first.'),
    related.length
      ? h(
          'ol',
          { class: 'related-list' },
          related.map((r) =>
            h(
              'li',
              null,
              paperLink(r.paper),
              h(
                'p',
                { class: 'shared' },
                h('span', { class: 'muted' }, `${r.sharedCount} shared: `),
                r.shared.map((entity) => entityChip(entity)),
              ),
            ),
          ),
        )
      : emptyNote('No other paper names the same entities.'),
  );
}

export const createPaperView: ViewFactory<Extract<Route, { view: 'paper' }>> = (root) => ({
  async show({ id }, { signal }) {
    const paper = await fetchPaper(id, signal);
    if (!paper) {
      fill(
        root,
        h('h1', { tabindex: '-1' }, 'No such paper'),
        h('p', null, `The graph has no paper with the id “${id}”.`),
      );
      return 'No such paper';
    }
    fill(
      root,
      header(paper),
      h(
        'div',
        { class: 'columns' },
        h('div', { class: 'column-main' }, abstractSection(paper), entitiesByRole(paper.mentions)),
        h(
          'aside',
          { class: 'column-side', 'aria-label': 'Related papers' },
          relatedPapers(paper.related),
        ),
      ),
    );
    return paper.title;
  },
});
