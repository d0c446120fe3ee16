import { readFile } from 'node:fs/promises';
import { InputError, PaperRecord } from '../../model';
import { readArxivAtom } from './arxiv-atom.reader';
import { findBinaryBytes, findBinaryText } from './binary-content';
import { detectFormat, Format, FORMATS, isFormat } from './detect-format';
import { readHfPage } from './hf-page.reader';
import { readJsonl } from './jsonl.reader';
import { readPwcJson } from './pwc-json.reader';
import { validatePapers } from './validate-papers';

export type PaperReader = (text: string, file: string) => PaperRecord[];

const READERS: Record<Format, PaperReader> = {
  'hf-page': readHfPage,
  jsonl: readJsonl,
  'arxiv-atom': readArxivAtom,
  'pwc-json': readPwcJson,
};

/**
 * Reads the papers of one file's text, in the given format or the detected one. Returns every
 * record checked and normalized, or throws an InputError naming the file and line: never a part.
 */
export function readPapers(text: string, file: string, format?: Format): PaperRecord[] {
  // A BOM is invisible in editors but breaks JSON.parse and the first title.
  const content = text.replace(/^\uFEFF/, '');
  if (!content.trim()) throw new InputError(file, undefined, 'file is empty');
  const binary = findBinaryText(content);
  if (binary) throw new InputError(file, binary.line, `binary data, not text: ${binary.reason}`);
  // The format may come from a command line, so the type alone does not guarantee it.
  if (format !== undefined && !isFormat(format)) {
    throw new InputError(
      file,
      undefined,
      `unknown format '${format}'; expected one of ${FORMATS.join(', ')}`,
    );
  }
  const reader = READERS[format ?? detectFormat(content, file)];
  return validatePapers(reader(content, file), file);
}

/** Reads a file from disk; bytes are checked before decoding so binary files fail cleanly. */
export async function readPaperFile(path: string, format?: Format): Promise<PaperRecord[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, undefined, `cannot read the file (${code ?? String(error)})`);
  }
  const binary = findBinaryBytes(bytes);
  if (binary) throw new InputError(path, binary.line, `binary data, not text: ${binary.reason}`);
  return readPapers(new TextDecoder('utf-8').decode(bytes), path, format);
}
