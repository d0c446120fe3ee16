import { nlp } from './nlp';
import { tagWords } from './word-classes';

/**
 * Sentences and tokens from wink-nlp, in the shape the extractors need: every token knows its
 * character offsets inside its sentence and whether whitespace precedes it, because names are
 * recognised by how their pieces are glued together ("Fast-HuBERT" is one name, "Fast HuBERT"
 * two words).
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol' | 'url' | 'other';

export interface Token {
  text: string;
  lower: string;
  /** Lower-case ASCII letters and digits only ("+" spelled "plus"): the token's part of a key. */
  fold: string;
  /** Offsets of the token inside its sentence's text. */
  start: number;
  end: number;
  /** Universal POS tag ("NOUN", "PROPN", "VERB", ...), guessed by word-classes.ts. */
  pos: string;
  kind: TokenKind;
  /** Whether whitespace precedes the token. */
  ws: boolean;
  /** Punctuation that ends a name ("(", ",", "'s"), unlike the joiners "-", "_", "/", "+". */
  breaks: boolean;
}

export interface Sentence {
  /** 0 for the title; abstract sentences follow in order. */
  index: number;
  text: string;
  tokens: Token[];
  isTitle: boolean;
}

const KIND_OF_TYPE: Record<string, TokenKind> = {
  word: 'word',
  number: 'number',
  punctuation: 'punct',
  symbol: 'symbol',
  url: 'url',
};

/** Joiners inside one wink token that separate the pieces of a compound name. */
const INNER_JOINER = /([-_/])/;

/**
 * Splits text into sentences with wink-nlp's sentence boundary detection. A boundary that wink
 * places without any whitespace ("Mono-InternVL-1.5" read as "...-1." + "5") is not a sentence
 * end, so such pieces are joined back.
 */
export function splitSentences(text: string, firstIndex = 1): Sentence[] {
  const doc = readTokens(text);
  if (!doc) return [];
  return sentenceRanges(doc, 0, doc.values.length).map((range, i) =>
    toSentence(text, range, firstIndex + i, false),
  );
}

/** The title as one sentence with index 0, however many sentences wink would see in it. */
export function titleSentence(title: string): Sentence | undefined {
  const doc = readTokens(title);
  if (!doc) return undefined;
  return toSentence(title, { tokens: doc, first: 0, last: doc.values.length - 1 }, 0, true);
}

/**
 * A paper's title (sentence 0) and abstract sentences (1, 2, ...), read by wink in one pass: one
 * document costs less than two.
 */
export function paperSentences(title: string, abstract: string): Sentence[] {
  const separator = '\n\n';
  const text = `${title}${separator}${abstract}`;
  const doc = readTokens(text);
  if (!doc) return [];
  const abstractStart = title.length + separator.length;
  let split = doc.starts.findIndex((start) => start >= abstractStart);
  if (split < 0) split = doc.values.length;
  const sentences: Sentence[] = [];
  if (split > 0) {
    sentences.push(toSentence(text, { tokens: doc, first: 0, last: split - 1 }, 0, true));
  }
  sentenceRanges(doc, split, doc.values.length).forEach((range, i) => {
    sentences.push(toSentence(text, range, i + 1, false));
  });
  return sentences;
}

interface WinkTokens {
  values: string[];
  kinds: TokenKind[];
  /** Character offset of each token in the text. */
  starts: number[];
  /** Tokens that end a sentence according to wink. */
  lastOfSentence: Set<number>;
}

interface Range {
  tokens: WinkTokens;
  first: number;
  last: number;
}

function readTokens(text: string): WinkTokens | undefined {
  if (!text.trim()) return undefined;
  const { its } = nlp();
  const doc = nlp().readDoc(text);
  const all = doc.tokens();
  const values = all.out() as string[];
  if (values.length === 0) return undefined;
  const types = all.out(its.type) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  // Offsets are recovered from the tokens and their preceding spaces.
  const starts: number[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i].length;
    let start = cursor;
    if (!text.startsWith(values[i], cursor)) {
      const found = text.indexOf(values[i], cursor);
      if (found >= 0) start = found;
    }
    starts.push(start);
    cursor = start + values[i].length;
  }
  const lastOfSentence = new Set<number>();
  for (const span of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    lastOfSentence.add(span[1]);
  }
  return {
    values,
    kinds: types.map((t) => KIND_OF_TYPE[t] ?? 'other'),
    starts,
    lastOfSentence,
  };
}

/** Sentence ranges of tokens [from, to), joining pieces that wink split without whitespace. */
function sentenceRanges(tokens: WinkTokens, from: number, to: number): Range[] {
  const ranges: Range[] = [];
  let first = from;
  for (let i = from; i < to; i++) {
    const last = i === to - 1;
    const gluedToNext =
      !last && tokens.starts[i + 1] === tokens.starts[i] + tokens.values[i].length;
    if (!last && (!tokens.lastOfSentence.has(i) || gluedToNext)) continue;
    ranges.push({ tokens, first, last: i });
    first = i + 1;
  }
  return ranges;
}

function toSentence(text: string, range: Range, index: number, isTitle: boolean): Sentence {
  const { tokens: t } = range;
  // wink keeps line breaks as tokens; they are only whitespace here.
  let { first, last } = range;
  while (first < last && isBlank(t.values[first])) first++;
  while (last > first && isBlank(t.values[last])) last--;
  const from = t.starts[first];
  const to = t.starts[last] + t.values[last].length;
  const tokens: Token[] = [];
  let previousEnd = -1;
  for (let i = first; i <= last; i++) {
    if (isBlank(t.values[i])) continue;
    const ws = previousEnd >= 0 && t.starts[i] > previousEnd;
    pushRefined(tokens, t.values[i], t.starts[i] - from, t.kinds[i], ws);
    previousEnd = t.starts[i] + t.values[i].length;
  }
  const joined = joinDecimals(tokens);
  for (const token of joined) token.breaks = breaksNames(token);
  tagWords(joined);
  return { index, text: text.slice(from, to), tokens: joined, isTitle };
}

function breaksNames(token: Token): boolean {
  if (token.kind === 'punct')
    return !(token.text === '-' || token.text === '_' || token.text === '/');
  if (token.kind === 'symbol') return token.text !== '+';
  if (token.kind === 'url') return true;
  return token.lower === "'s" || token.lower === "'";
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

/**
 * wink reads "Mono-InternVL-1.5" as "...-1", ".", "5"; a glued digit-dot-digit is one version
 * number, and a slash not followed by a number separates two names ("RLHF/DPO", unlike
 * "ViT-L/16").
 */
function joinDecimals(tokens: Token[]): Token[] {
  const result: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = result[result.length - 1];
    const next = tokens[i + 1];
    if (
      token.text === '.' &&
      previous &&
      next &&
      !token.ws &&
      !next.ws &&
      /\d$/.test(previous.text) &&
      /^\d/.test(next.text)
    ) {
      const text = previous.text + '.' + next.text;
      const lower = text.toLowerCase();
      result[result.length - 1] = {
        ...previous,
        text,
        lower,
        fold: fold(lower),
        end: next.end,
        kind: /^\d+(\.\d+)*$/.test(text) ? 'number' : previous.kind,
      };
      i++;
      continue;
    }
    if (token.text === '/' && !(next && /^\d/.test(next.text))) {
      result.push({ ...token, kind: 'symbol' });
      continue;
    }
    result.push(token);
  }
  return result;
}

/**
 * Splits a wink word token at inner hyphens, underscores and slashes ("Llama-3-8B" -> "Llama",
 * "-", "3", "-", "8B"), so that lexicon names can be found inside compounds and size suffixes
 * can be told apart from names.
 */
function pushRefined(
  tokens: Token[],
  value: string,
  start: number,
  kind: TokenKind,
  ws: boolean,
): void {
  // Word classes are filled in once the sentence is complete (see tagWords).
  const pos = '';
  const pieces =
    kind === 'word' && INNER_JOINER.test(value)
      ? value.split(INNER_JOINER).filter((p) => p !== '')
      : [value];
  if (pieces.length <= 1 || pieces.every((p) => INNER_JOINER.test(p))) {
    const lower = value.toLowerCase();
    tokens.push({
      breaks: false,
      text: value,
      lower,
      fold: fold(lower),
      start,
      end: start + value.length,
      pos,
      kind,
      ws,
    });
    return;
  }
  let offset = start;
  pieces.forEach((piece, i) => {
    const joiner = piece.length === 1 && INNER_JOINER.test(piece);
    const lower = piece.toLowerCase();
    tokens.push({
      breaks: false,
      text: piece,
      lower,
      fold: fold(lower),
      start: offset,
      end: offset + piece.length,
      pos,
      kind: joiner ? 'punct' : /^\d+(\.\d+)?$/.test(piece) ? 'number' : 'word',
      ws: i === 0 ? ws : false,
    });
    offset += piece.length;
  });
}

/**
 * The folded form of a token, from its lower-case text: lower-case ASCII letters and digits, "+"
 * spelled out.
 */
function fold(lower: string): string {
  let folded = lower;
  if (/[^a-z0-9]/.test(folded)) {
    folded = folded
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\+/g, 'plus')
      .replace(/[^a-z0-9]+/g, '');
  }
  return folded;
}
