import { LineIndex } from './line-index';

export interface BinaryFinding {
  line: number;
  reason: string;
}

// A few U+FFFD can be a stray bad byte in an otherwise fine file; many mean binary or a non-UTF-8
// encoding, which would put mojibake into titles and ids.
const MANY_REPLACEMENT_CHARS = 16;
const MIN_REPLACEMENT_CHARS = 4;
const MAX_REPLACEMENT_RATIO = 0.01;

/** Why decoded text is not text a reader should see, or undefined when it is fine. */
export function findBinaryText(text: string): BinaryFinding | undefined {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return { line: new LineIndex(text).lineOf(nul), reason: 'a NUL byte' };
  const replacements = [...text.matchAll(/\uFFFD/g)];
  const count = replacements.length;
  const tooMany =
    count >= MANY_REPLACEMENT_CHARS ||
    (count >= MIN_REPLACEMENT_CHARS && count >= text.length * MAX_REPLACEMENT_RATIO);
  if (tooMany) {
    return {
      line: new LineIndex(text).lineOf(replacements[0].index),
      reason: `${count} characters that are not valid UTF-8`,
    };
  }
  return undefined;
}

/** Checks raw bytes before decoding: UTF-16 and binary files would otherwise decode to noise. */
export function findBinaryBytes(bytes: Uint8Array): BinaryFinding | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { line: 1, reason: 'UTF-16 text (save the file as UTF-8)' };
  }
  const nul = bytes.indexOf(0);
  if (nul === -1) return undefined;
  let line = 1;
  for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
  return { line, reason: 'a NUL byte' };
}
