import { isBoundaryBefore, isBreak, nextBoundary } from './surface-index';
import { Sentence } from './sentences';

/**
 * Acronym definitions inside one sentence, found with the Schwartz-Hearst algorithm:
 * "Masked Language Modeling (MLM)", "GODEL (Grounded Open Dialogue Language Model)",
 * "BEiT, which stands for Bidirectional Encoder representation from Image Transformers".
 * Both forms then name one entity.
 */

export interface TokenSpan {
  start: number;
  end: number;
}

export interface AcronymDefinition {
  short: TokenSpan;
  long: TokenSpan;
  shortText: string;
  longText: string;
}

const MAX_SHORT_FORM = 12;

export function findAcronymDefinitions(sentence: Sentence): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  const tokens = sentence.tokens;
  const textOf = (span: TokenSpan): string =>
    sentence.text.slice(tokens[span.start].start, tokens[span.end - 1].end);

  for (let open = 0; open < tokens.length; open++) {
    if (tokens[open].text !== '(') continue;
    const close = tokens.findIndex((t, i) => i > open && (t.text === ')' || t.text === '('));
    if (close < 0 || tokens[close].text !== ')' || close === open + 1) continue;
    const inner: TokenSpan = { start: open + 1, end: close };

    // "long form (SF)": the parenthesis holds one glued chunk, or two for "COOL RLHF".
    const firstChunk = nextBoundary(tokens, inner.start);
    const twoChunks =
      firstChunk < close &&
      nextBoundary(tokens, firstChunk) >= close &&
      /^[A-Z]{2,}$/.test(textOf({ start: inner.start, end: firstChunk }));
    if ((firstChunk >= close || twoChunks) && isShortForm(textOf(inner).replace(' ', ''))) {
      const short = textOf(inner);
      const long = longFormBefore(sentence, open, short);
      if (long) found.push({ short: inner, long, shortText: short, longText: textOf(long) });
      continue;
    }

    // "SF (long form)": the chunk right before the parenthesis is the short form.
    if (open === 0 || tokens[open].ws === false) continue;
    const chunkStart = chunkStartBefore(sentence, open);
    if (chunkStart < 0) continue;
    const shortSpan: TokenSpan = { start: chunkStart, end: open };
    const short = textOf(shortSpan);
    const innerText = textOf(inner);
    if (!isShortForm(short) || innerText.split(/\s+/).length < 2) continue;
    if (shortFormStart(short, innerText) === 0) {
      found.push({ short: shortSpan, long: inner, shortText: short, longText: innerText });
    }
  }

  // "X, which stands for <long form>"
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i].lower !== 'stands' || tokens[i + 1].lower !== 'for') continue;
    let nameEnd = i;
    if (tokens[nameEnd - 1]?.lower === 'which') nameEnd--;
    if (tokens[nameEnd - 1]?.text === ',') nameEnd--;
    const chunkStart = chunkStartBefore(sentence, nameEnd);
    if (chunkStart < 0) continue;
    let longEnd = i + 2;
    while (longEnd < tokens.length && !isBreak(tokens[longEnd])) longEnd++;
    const shortSpan = { start: chunkStart, end: nameEnd };
    const long = { start: i + 2, end: longEnd };
    if (long.end <= long.start) continue;
    const short = textOf(shortSpan);
    const longText = textOf(long);
    if (isShortForm(short) && shortFormStart(short, longText) === 0) {
      found.push({ short: shortSpan, long, shortText: short, longText });
    }
  }
  return found;
}

/** A plausible short form: 2-12 characters, starting alphanumerically, with a capital letter. */
export function isShortForm(text: string): boolean {
  return (
    text.length >= 2 &&
    text.length <= MAX_SHORT_FORM + 1 &&
    /^[A-Za-z0-9]/.test(text) &&
    /[A-Z]/.test(text) &&
    /[A-Za-z]/.test(text) &&
    !/\s/.test(text) &&
    !/^[\d.,%]+$/.test(text)
  );
}

/**
 * Schwartz-Hearst: where in `long` the expansion of `short` starts, matching the short form's
 * characters right to left, the first one at a word start; -1 when it does not match.
 */
export function shortFormStart(short: string, long: string): number {
  let s = short.length - 1;
  let l = long.length - 1;
  const alnum = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/i.test(c);
  while (s >= 0) {
    const c = short[s].toLowerCase();
    if (!alnum(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (long[l].toLowerCase() !== c || (s === 0 && l > 0 && alnum(long[l - 1])))) {
      l--;
    }
    if (l < 0) return -1;
    l--;
    s--;
  }
  return long.lastIndexOf(' ', l) + 1;
}

/**
 * The long form ending right before the parenthesis at `open`, searched within the clause and at
 * most min(|SF| + 5, 2|SF|) words back, as Schwartz and Hearst suggest.
 */
function longFormBefore(sentence: Sentence, open: number, short: string): TokenSpan | undefined {
  const tokens = sentence.tokens;
  const letters = short.replace(/[^A-Za-z0-9]/g, '').length;
  const maxWords = Math.min(letters + 5, letters * 2);
  let first = open;
  let words = 0;
  for (let i = open - 1; i >= 0; i--) {
    if (isBreak(tokens[i])) break;
    first = i;
    if (tokens[i].ws || i === 0) {
      words++;
      if (words >= maxWords) break;
    }
  }
  if (first >= open) return undefined;
  const windowStart = tokens[first].start;
  const windowText = sentence.text.slice(windowStart, tokens[open - 1].end);
  const at = shortFormStart(short, windowText);
  if (at < 0) return undefined;
  const start = tokens.findIndex((t, i) => i >= first && t.start >= windowStart + at);
  if (start < 0 || start >= open) return undefined;
  const longText = sentence.text.slice(tokens[start].start, tokens[open - 1].end);
  if (longText.length <= short.length) return undefined;
  return { start, end: open };
}

/** The first token of the glued chunk that ends right before token `end`, or -1. */
function chunkStartBefore(sentence: Sentence, end: number): number {
  const tokens = sentence.tokens;
  if (end <= 0 || isBreak(tokens[end - 1])) return -1;
  let start = end - 1;
  while (start > 0 && !isBoundaryBefore(tokens, start)) start--;
  return start;
}
