import { exactKey, indexKey } from '../resolve/normalize';
import { DESCRIPTIVE_AFFIXES } from './name-shapes';
import { Sentence, Token } from './sentences';

/**
 * A dictionary of surface forms that finds its entries in tokenized text in one left-to-right
 * pass: keys are built token by token from folded pieces, and a set of key prefixes stops the
 * extension as soon as no entry can match, so lookups cost O(tokens x name length) whatever the
 * size of the dictionary (no scan over the lexicon per sentence).
 */
export class SurfaceIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly prefixes = new Set<string>();

  /** Adds a form; the first value added under a key wins. Returns false for a taken key. */
  add(surface: string, value: T): boolean {
    const key = indexKey(surface);
    if (!key || key === '=' || this.byKey.has(key)) return false;
    this.byKey.set(key, value);
    const folded = key.startsWith('=') ? key.slice(1).toLowerCase() : key;
    for (let i = 1; i <= folded.length; i++) this.prefixes.add(folded.slice(0, i));
    this.prefixes.add(`${folded}s`);
    if (!key.startsWith('=')) {
      // Folded keys lost a final plural "s"; the spelled plural is a key of its own, so that
      // lookups need no second try.
      if (!this.byKey.has(`${folded}s`)) this.byKey.set(`${folded}s`, value);
    }
    return true;
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * The longest entry that starts at token `start` on a word boundary and ends on a word
   * boundary, or is followed only by an accepted affix ("BERT-based", "LLaMA-70B").
   */
  longestAt(
    sentence: Sentence,
    start: number,
    acceptAffix: (value: T, affix: string) => boolean = acceptNoAffix,
  ): SpanMatch<T> | undefined {
    const tokens = sentence.tokens;
    // Cheapest test first: most tokens start no entry at all, and a name starts with a letter
    // or digit (a token that folds to nothing, such as a CJK word, starts none).
    if (!this.prefixes.has(tokens[start].fold)) return undefined;
    if (!isBoundaryBefore(tokens, start) || isBreak(tokens[start])) return undefined;
    let best: SpanMatch<T> | undefined;
    let concat = '';
    for (let end = start + 1; end <= tokens.length; end++) {
      const token = tokens[end - 1];
      if (isBreak(token)) break;
      const piece = token.fold;
      if (!piece) continue;
      concat += piece;
      if (!this.prefixes.has(concat)) break;
      const value = this.lookup(concat, end - start === 1 ? token.text : undefined);
      if (value === undefined) continue;
      if (isBoundaryBefore(tokens, end)) {
        best = { start, end, value };
        continue;
      }
      const chunkEnd = nextBoundary(tokens, end);
      const affix = sentence.text.slice(tokens[end].start, tokens[chunkEnd - 1].end);
      if (acceptAffix(value, affix)) best = { start, end, value, affix, chunkEnd };
    }
    return best;
  }

  private lookup(concat: string, singleToken: string | undefined): T | undefined {
    // Only a capitalised single token can be a case-sensitive acronym ("CASE", "MAEs").
    if (singleToken !== undefined && isUpper(singleToken.charCodeAt(0))) {
      const exact = exactKey(singleToken);
      if (exact !== undefined) {
        const hit = this.byKey.get(exact);
        if (hit !== undefined) return hit;
      }
    }
    return this.byKey.get(concat);
  }
}

export interface SpanMatch<T> {
  /** Token range [start, end) of the name itself. */
  start: number;
  end: number;
  value: T;
  /** A suffix glued to the name ("-based", "-70B"); the chunk then ends at chunkEnd. */
  affix?: string;
  chunkEnd?: number;
}

const acceptNoAffix = (): boolean => false;

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Punctuation and symbols that end a name ("(", ",", "'s"); hyphens and "+" join pieces. */
export function isBreak(token: Token): boolean {
  return token.breaks;
}

/** Whether a name may start at token i (and the previous one may end there). */
export function isBoundaryBefore(tokens: Token[], i: number): boolean {
  if (i <= 0 || i >= tokens.length) return true;
  return tokens[i].ws || isBreak(tokens[i - 1]) || isBreak(tokens[i]);
}

/** The end (exclusive) of the chunk that contains token i: the next word boundary. */
export function nextBoundary(tokens: Token[], i: number): number {
  let end = i + 1;
  while (end < tokens.length && !isBoundaryBefore(tokens, end)) end++;
  return end;
}

const SIZE_AFFIX =
  /^[-_](?:\d+(?:\.\d+)?[BMK]|base|large|small|tiny|huge|giant|medium|xl|xxl|[BLSHG](?:\/\d+)?)(?:[-_](?:\d+(?:\.\d+)?[BMK]|base|large|small|tiny|huge|giant|medium|xl|xxl))?$/i;

/** "-based", "-style", "-like": the chunk talks about the name without being another name. */
export function isDescriptiveAffix(affix: string): boolean {
  const match = /^[-_]([a-z]+)$/i.exec(affix);
  return !!match && DESCRIPTIVE_AFFIXES.has(match[1].toLowerCase());
}

/** "-7B", "-base", "_LARGE", "-L/16": a size of the same model, not another entity. */
export function isSizeAffix(affix: string): boolean {
  if (SIZE_AFFIX.test(affix)) return true;
  const sized = /^(.*?)([-_][a-z]+)$/i.exec(affix);
  return !!sized && SIZE_AFFIX.test(sized[1]) && isDescriptiveAffix(sized[2]);
}
