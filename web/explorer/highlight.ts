/**
 * Where a paper's entities occur in its abstract: the text cut into plain and marked segments.
 * Pure (no DOM), so that the matching rules can be unit-tested.
 */
import type { EntityKind, LinkRole } from './api/types';

export interface MentionForHighlight {
  role: LinkRole;
  entity: { id: string; name: string; kind: EntityKind; aliases: string[] };
}

export interface HighlightTerm {
  entityId: string;
  name: string;
  kind: EntityKind;
  /** Every role the paper gives the entity, the most telling first. */
  roles: LinkRole[];
}

export type Segment = { text: string; term?: undefined } | { text: string; term: HighlightTerm };

/**
 * When a paper gives one entity several roles, the mark shows the most specific: introducing it
 * says more than evaluating on it, which says more than comparing with or using it.
 */
export const ROLE_PRECEDENCE: readonly LinkRole[] = [
  'INTRODUCES',
  'EVALUATES_ON',
  'COMPARES_WITH',
  'USES',
  'ADDRESSES',
];

/** Acronyms ("MAE", "ViT") are matched in their own case; "mae" in prose is not the model. */
const CASE_SENSITIVE_UP_TO = 4;

function termsOf(
  mentions: MentionForHighlight[],
): Map<string, HighlightTerm & { spellings: string[] }> {
  const terms = new Map<string, HighlightTerm & { spellings: string[] }>();
  for (const { role, entity } of mentions) {
    const term = terms.get(entity.id) ?? {
      entityId: entity.id,
      name: entity.name,
      kind: entity.kind,
      roles: [],
      spellings: [entity.name, ...entity.aliases],
    };
    if (!term.roles.includes(role)) term.roles.push(role);
    terms.set(entity.id, term);
  }
  for (const term of terms.values()) {
    term.roles.sort((a, b) => ROLE_PRECEDENCE.indexOf(a) - ROLE_PRECEDENCE.indexOf(b));
  }
  return terms;
}

function spellingPattern(spelling: string): RegExp {
  const escaped = spelling
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  const flags = spelling.trim().length <= CASE_SENSITIVE_UP_TO ? 'gu' : 'giu';
  // Whole words only, with an optional plural ("Transformers"); \b would fail next to "+" or "-".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, flags);
}

/**
 * Cuts `text` at each occurrence of an entity's name or alias. Longer spellings win where matches
 * overlap ("Vision Transformer" over "Transformer"); each character belongs to one mark at most.
 */
export function highlightSegments(text: string, mentions: MentionForHighlight[]): Segment[] {
  const candidates: Array<{ spelling: string; term: HighlightTerm }> = [];
  for (const { spellings, ...term } of termsOf(mentions).values()) {
    for (const spelling of new Set(spellings)) {
      if (spelling.trim().length >= 2) candidates.push({ spelling, term });
    }
  }
  candidates.sort((a, b) => b.spelling.length - a.spelling.length);

  const taken: Array<{ start: number; end: number; term: HighlightTerm }> = [];
  for (const { spelling, term } of candidates) {
    for (const match of text.matchAll(spellingPattern(spelling))) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some((t) => start < t.end && t.start < end)) continue;
      taken.push({ start, end, term });
    }
  }
  taken.sort((a, b) => a.start - b.start);

  const segments: Segment[] = [];
  let at = 0;
  for (const { start, end, term } of taken) {
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), term });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
