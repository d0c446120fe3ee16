import { PaperRecord } from '../../model';
import { parseJsonLines } from './json-lines';
import { RecordFields } from './record-fields';

/**
 * Reads JSON Lines of `{ id?, title, abstract, url?, arxivId?, published?, authors? }`, one paper
 * per line. Unknown fields are ignored so that richer exports can be fed in unchanged.
 */
export function readJsonl(text: string, file: string): PaperRecord[] {
  return parseJsonLines(text, file).map(({ value, line }) => {
    const fields = new RecordFields(value, file, line);
    return {
      id: fields.optionalId('id'),
      title: fields.requiredString('title'),
      // Required, though it may be "": a missing key usually means a misnamed one ("summary",
      // "abstract_text"), and silently loading papers with no text leaves them without entities.
      abstract: fields.requiredString('abstract'),
      url: fields.optionalString('url'),
      arxivId: fields.optionalArxivId('arxivId'),
      published: fields.optionalDate('published'),
      authors: fields.optionalAuthors('authors'),
      source: { file, line },
    };
  });
}
