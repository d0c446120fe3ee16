import { InputError, PaperRecord } from '../../model';
import { isChromeLine, stripGluedChrome } from './hf-page-chrome';
import { splitLines } from './line-index';

// Titles are at most a couple of hundred characters; abstracts are paragraphs.
const MIN_ABSTRACT_CHARS = 300;
const MIN_SHORT_ABSTRACT_WORDS = 20;

/**
 * Reads a Hugging Face Papers page copied as text: each paper is a title line followed by an
 * abstract line, amid page chrome. A short line is a title candidate; the last candidate before
 * an abstract wins, because headers and per-paper leftovers come before titles, not between a
 * title and its abstract. Candidates with no abstract after them are chrome and are dropped.
 */
export function readHfPage(text: string, file: string): PaperRecord[] {
  const records: PaperRecord[] = [];
  let title: { text: string; line: number } | undefined;
  let lastAbstractOwner: PaperRecord | undefined;

  splitLines(text).forEach((raw, index) => {
    const line = index + 1;
    const content = stripGluedChrome(raw.trim());
    if (!content || isChromeLine(content)) return;

    if (!isAbstractLine(content)) {
      title = { text: content, line };
      lastAbstractOwner = undefined;
    } else if (title) {
      lastAbstractOwner = {
        title: title.text,
        abstract: content,
        source: { file, line: title.line },
      };
      records.push(lastAbstractOwner);
      title = undefined;
    } else if (lastAbstractOwner) {
      // An abstract copied with its paragraph breaks spans several long lines.
      lastAbstractOwner.abstract += `\n${content}`;
    } else {
      throw new InputError(file, line, 'found an abstract with no title line before it');
    }
  });

  if (records.length === 0) {
    throw new InputError(file, undefined, 'found no title line followed by an abstract line');
  }
  return records;
}

/** A long line, or a shorter one made of whole sentences (titles rarely end in a period). */
function isAbstractLine(line: string): boolean {
  if (line.length >= MIN_ABSTRACT_CHARS) return true;
  const words = line.split(/\s+/).length;
  return (
    words >= MIN_SHORT_ABSTRACT_WORDS && /[.!?]\s+\S/.test(line) && /[.!?]["')\]]?$/.test(line)
  );
}
