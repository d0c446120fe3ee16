import { InputError, PaperRecord } from '../../model';
import { paperId } from '../resolve/slug';
import { collapseWhitespace } from './field-values';

export const MAX_TITLE_CHARS = 1_000;
export const MAX_ABSTRACT_CHARS = 100_000;

/**
 * Normalizes the records of one file and checks them all, so that a bad file is rejected whole
 * rather than half loaded. Lengths are capped because an over-long "title" is nearly always a
 * parsing slip (a whole page in one field), and it would end up in ids and URLs.
 */
export function validatePapers(records: PaperRecord[], file: string): PaperRecord[] {
  if (records.length === 0) throw new InputError(file, undefined, 'contains no papers');
  const firstLineOfId = new Map<string, number>();
  return records.map((record) => {
    const paper = normalize(record);
    const { line } = paper.source;
    if (!paper.title) throw new InputError(file, line, 'paper has no title');
    checkLength(paper.title, 'title', MAX_TITLE_CHARS, file, line);
    checkLength(paper.abstract, 'abstract', MAX_ABSTRACT_CHARS, file, line);

    const id = paperId(paper);
    if (!id) {
      throw new InputError(
        file,
        line,
        `cannot derive an id from the title '${paper.title}'; give the paper an id`,
      );
    }
    const firstLine = firstLineOfId.get(id);
    if (firstLine !== undefined) {
      throw new InputError(
        file,
        line,
        `duplicate paper '${id}': same as the paper at line ${firstLine}`,
      );
    }
    firstLineOfId.set(id, line);
    return paper;
  });
}

function normalize(record: PaperRecord): PaperRecord {
  // Readers set absent optional fields to undefined; consumers should not see those keys at all.
  const present = Object.entries(record).filter(([, value]) => value !== undefined);
  return {
    ...(Object.fromEntries(present) as unknown as PaperRecord),
    title: collapseWhitespace(record.title),
    abstract: record.abstract.trim(),
  };
}

function checkLength(value: string, field: string, max: number, file: string, line: number): void {
  if (value.length <= max) return;
  const length = value.length.toLocaleString('en-US');
  const limit = max.toLocaleString('en-US');
  throw new InputError(file, line, `${field} is ${length} characters long (at most ${limit})`);
}
