import { isVersionToken, nameShape } from './name-shapes';
import { Sentence, Token } from './sentences';
import { isBoundaryBefore, isBreak, nextBoundary } from './surface-index';
import { TokenSpan } from './acronyms';

/**
 * The extent of a name that a cue phrase points at: "we propose [Extended Token Classification]",
 * "called [Qwen2-Audio]", "the ["LUPerson-T"] dataset", "we introduce [Kwai Keye-VL]".
 */

/** Lower-case words allowed inside a capitalised name ("Retrieve and Co-segment"). */
const CONNECTORS = new Set(['and', 'of', 'for', 'from', 'with', 'to', 'in', 'on', 'the', '&']);

/** Words after a version number that make it a quantity instead ("2 times", "3 billion"). */
const QUANTITY_WORDS = new Set([
  '%',
  'x',
  'times',
  'billion',
  'million',
  'thousand',
  'k',
  'b',
  'm',
  'points',
  'point',
  'hours',
  'days',
  'epochs',
  'steps',
  'layers',
  'tokens',
  'languages',
  'stages',
  'phases',
  'out',
  'of',
  'percent',
  'pp',
  'gb',
  'tb',
  'gpus',
  'images',
  'samples',
  'examples',
]);

/** Determiners and pronouns that never begin a name. */
const NOT_NAME_START = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'that',
  'those',
  'our',
  'its',
  'their',
  'we',
  'it',
  'they',
  'which',
  'who',
  'each',
  'all',
  'both',
  'some',
  'any',
  'such',
  'other',
  'new',
  'novel',
]);

const MAX_NAME_WORDS = 8;

export interface NamePhrase extends TokenSpan {
  text: string;
  /** Whether the phrase was in quotes ("LUPerson-T"). */
  quoted: boolean;
  /** Whether it is only lower-case words ("crosscoders"). */
  lower: boolean;
}

/** Whether the chunk at token i begins with a capital or looks like a name. */
export function isCapitalChunk(sentence: Sentence, i: number): boolean {
  const text = chunkText(sentence, i);
  if (!/^[A-Z0-9]/.test(text) && nameShape(text) === 'none') return false;
  return /[A-Za-z]/.test(text);
}

export function chunkText(sentence: Sentence, i: number): string {
  const end = nextBoundary(sentence.tokens, i);
  return sentence.text.slice(sentence.tokens[i].start, sentence.tokens[end - 1].end);
}

/**
 * The name phrase starting at token `start`: a quoted string, a run of capitalised or name-shaped
 * chunks (with connectors between capitalised words and a trailing version number), or, when
 * `allowLower`, up to three lower-case words.
 */
export function namePhraseAt(
  sentence: Sentence,
  start: number,
  allowLower = false,
): NamePhrase | undefined {
  const tokens = sentence.tokens;
  if (start >= tokens.length) return undefined;
  const make = (from: number, to: number, quoted: boolean, lower: boolean): NamePhrase => ({
    start: from,
    end: to,
    text: sentence.text.slice(tokens[from].start, tokens[to - 1].end),
    quoted,
    lower,
  });

  if (tokens[start].text === '"') {
    const close = tokens.findIndex((t, i) => i > start && t.text === '"');
    if (close > start + 1 && close - start <= 12) return make(start + 1, close, true, false);
    return undefined;
  }
  if (!isBoundaryBefore(tokens, start) || isBreak(tokens[start])) return undefined;
  if (NOT_NAME_START.has(tokens[start].lower)) return undefined;

  let end = start;
  let words = 0;
  let lastWasTitleWord = false;
  while (end < tokens.length && words < MAX_NAME_WORDS) {
    if (end > start && !isBoundaryBefore(tokens, end)) break;
    if (isBreak(tokens[end])) break;
    const chunkEnd = nextBoundary(tokens, end);
    const text = sentence.text.slice(tokens[end].start, tokens[chunkEnd - 1].end);
    if (isCapitalChunk(sentence, end) && !/^\d/.test(text)) {
      lastWasTitleWord = nameShape(text) === 'weak' || nameShape(text) === 'none';
      end = chunkEnd;
      words++;
      continue;
    }
    if (end > start && isVersionToken(text) && !isQuantity(tokens, chunkEnd)) {
      end = chunkEnd;
      words++;
      lastWasTitleWord = false;
      continue;
    }
    if (end > start && lastWasTitleWord && CONNECTORS.has(tokens[end].lower)) {
      const after = chunkEnd;
      if (after < tokens.length && isCapitalChunk(sentence, after) && !isBreak(tokens[after])) {
        end = after;
        continue;
      }
    }
    break;
  }
  if (end > start) return make(start, end, false, false);

  if (!allowLower) return undefined;
  // "called gradient echo matching (GEM)": everything up to the acronym is the name.
  for (let k = start + 1; k < tokens.length && k <= start + 8; k++) {
    if (tokens[k].text === '(') {
      const text = sentence.text.slice(tokens[start].start, tokens[k - 1].end);
      if (/^[a-z][a-z0-9 -]*$/.test(text) && text.split(' ').length <= 5)
        return make(start, k, false, true);
      break;
    }
    if (isBreak(tokens[k])) break;
  }
  end = start;
  while (end < tokens.length && words < 3) {
    const token = tokens[end];
    if (isBreak(token)) break;
    const chunkEnd = nextBoundary(tokens, end);
    const text = sentence.text.slice(token.start, tokens[chunkEnd - 1].end);
    if (!/^[a-z][a-z0-9-]*$/.test(text)) break;
    if (CONNECTORS.has(token.lower) || NOT_NAME_START.has(token.lower)) break;
    if (end > start && (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'ADP')) break;
    end = chunkEnd;
    words++;
  }
  return end > start ? make(start, end, false, true) : undefined;
}

function isQuantity(tokens: Token[], next: number): boolean {
  const token = tokens[next];
  return token !== undefined && QUANTITY_WORDS.has(token.lower);
}
