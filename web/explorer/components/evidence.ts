import type { PaperRef, Provenance } from '../api/types';
import { h } from '../dom';
import { provenanceBadge } from './badges';
import { paperLink } from './links';

/**
 * Curated lexicon edges carry the word "lexicon" rather than a sentence; say what that means
 * instead of quoting it.
 */
function isSentence(evidence: string | null): evidence is string {
  return !!evidence && evidence.trim().toLowerCase() !== 'lexicon';
}

/** The sentence behind a link, its paper and whether a curator stated it. */
export function evidenceBlock(
  evidence: string | null,
  source: Provenance,
  paper?: PaperRef | null,
): HTMLElement {
  return h(
    'div',
    { class: 'evidence' },
    isSentence(evidence)
      ? h('blockquote', null, evidence)
      : h(
          'p',
          { class: 'muted' },
          source === 'CURATED' ? 'From the curated lexicon; no sentence.' : 'No sentence recorded.',
        ),
    paper || source === 'CURATED'
      ? h(
          'p',
          { class: 'evidence-source' },
          paper ? ['— ', paperLink(paper), ' '] : null,
          provenanceBadge(source),
        )
      : null,
  );
}
