import { ItemSentence } from 'wink-nlp';
import { nlp } from './nlp';

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
  /** Offsets of the token inside its sentence's text. */
  start: number;
  end: number;
  /** Universal POS tag from wink ("NOUN", "PROPN", "VERB", ...). */
  pos: string;
  kind: TokenKind;
  /** Whether whitespace precedes the token. */
  ws: boolean;
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
  return group(text, false).map((range, i) => toSentence(text, range, firstIndex + i, false));
}

/** The title as one sentence with index 0, however many sentences wink would see in it. */
export function titleSentence(title: string): Sentence | undefined {
  const ranges = group(title, true);
  return ranges.length ? toSentence(title, ranges[0], 0, true) : undefined;
}

interface WinkTokens {
  values: string[];
  kinds: TokenKind[];
  tags: string[];
  spaces: string[];
  /** Character offset of each token in the text. */
  starts: number[];
}

interface Range {
  tokens: WinkTokens;
  first: number;
  last: number;
}

function group(text: string, single: boolean): Range[] {
  if (!text.trim()) return [];
  const { its } = nlp();
  const doc = nlp().readDoc(text);
  const values = doc.tokens().out() as string[];
  const types = doc.tokens().out(its.type) as string[];
  const tokens: WinkTokens = {
    values,
    kinds: types.map((t) => KIND_OF_TYPE[t] ?? 'other'),
    tags: doc.tokens().out(its.pos) as string[],
    spaces: doc.tokens().out(its.precedingSpaces) as string[],
    starts: [],
  };
  // Offsets are recovered from the tokens and their preceding spaces.
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += tokens.spaces[i].length;
    let start = cursor;
    if (!text.startsWith(values[i], cursor)) {
      const found = text.indexOf(values[i], cursor);
      if (found >= 0) start = found;
    }
    tokens.starts.push(start);
    cursor = start + values[i].length;
  }
  if (values.length === 0) return [];
  if (single) return [{ tokens, first: 0, last: values.length - 1 }];

  const lastOfSentence = new Set<number>();
  doc.sentences().each((sentence: ItemSentence) => {
    const items = sentence.tokens();
    if (items.length() > 0) lastOfSentence.add(items.itemAt(items.length() - 1).index());
  });
  const ranges: Range[] = [];
  let first = 0;
  for (let i = 0; i < values.length; i++) {
    const last = i === values.length - 1;
    const gluedToNext =
      !last && tokens.starts[i + 1] === tokens.starts[i] + values[i].length;
    if (!last && (!lastOfSentence.has(i) || gluedToNext)) continue;
    ranges.push({ tokens, first, last: i });
    first = i + 1;
  }
  return ranges;
}

function toSentence(text: string, range: Range, index: number, isTitle: boolean): Sentence {
  const { tokens: t, first, last } = range;
  const from = t.starts[first];
  const to = t.starts[last] + t.values[last].length;
  const tokens: Token[] = [];
  for (let i = first; i <= last; i++) {
    const ws = i > first && t.starts[i] > t.starts[i - 1] + t.values[i - 1].length;
    pushRefined(tokens, t.values[i], t.starts[i] - from, t.tags[i], t.kinds[i], ws);
  }
  return { index, text: text.slice(from, to), tokens: joinDecimals(tokens), isTitle };
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
      result[result.length - 1] = {
        ...previous,
        text,
        lower: text.toLowerCase(),
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
  pos: string,
  kind: TokenKind,
  ws: boolean,
): void {
  const pieces = kind === 'word' ? value.split(INNER_JOINER).filter((p) => p !== '') : [value];
  if (pieces.length <= 1 || pieces.every((p) => INNER_JOINER.test(p))) {
    tokens.push({ text: value, lower: value.toLowerCase(), start, end: start + value.length, pos, kind, ws });
    return;
  }
  let offset = start;
  pieces.forEach((piece, i) => {
    const joiner = piece.length === 1 && INNER_JOINER.test(piece);
    tokens.push({
      text: piece,
      lower: piece.toLowerCase(),
      start: offset,
      end: offset + piece.length,
      pos: joiner ? 'PUNCT' : pos,
      kind: joiner ? 'punct' : /^\d+(\.\d+)?$/.test(piece) ? 'number' : 'word',
      ws: i === 0 ? ws : false,
    });
    offset += piece.length;
  });
}
