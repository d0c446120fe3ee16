import { InputError, PaperRecord } from '../../model';
import { arrayElementOffsets } from './json-array-offsets';
import { asObject, describeJson, JsonLine, parseJsonLines } from './json-lines';
import { jsonSyntaxError } from './json-syntax-error';
import { LineIndex } from './line-index';
import { RecordFields } from './record-fields';

/**
 * Reads the Papers with Code dump `papers-with-abstracts.json`: a JSON array of
 * `{ paper_url, arxiv_id, title, abstract, authors, date, tasks, methods }`. JSON Lines of the same
 * records are accepted too, since people split the 500 MB dump into lines to work with it.
 */
export function readPwcJson(text: string, file: string): PaperRecord[] {
  const records = text.trimStart().startsWith('[')
    ? parseArray(text, file)
    : parseJsonLines(text, file);
  return records.map(({ value, line }) => toPaper(new RecordFields(value, file, line), file, line));
}

function parseArray(text: string, file: string): JsonLine[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, error, file);
  }
  if (!Array.isArray(parsed)) {
    throw new InputError(file, 1, `expected a JSON array of papers, got ${describeJson(parsed)}`);
  }
  const offsets = arrayElementOffsets(text);
  const lines = new LineIndex(text);
  return parsed.map((value: unknown, index) => {
    const line = lines.lineOf(offsets[index]);
    return { value: asObject(value, file, line), line };
  });
}

function toPaper(fields: RecordFields, file: string, line: number): PaperRecord {
  return {
    title: fields.requiredString('title'),
    // Required, though it may be "": see jsonl.reader.ts.
    abstract: fields.requiredString('abstract'),
    // The dump has no id of its own; paper_url is the page on paperswithcode.com.
    url: fields.optionalString('paper_url') ?? fields.optionalString('url_abs'),
    arxivId: fields.optionalArxivId('arxiv_id'),
    published: fields.optionalDate('date'),
    authors: fields.optionalAuthors('authors'),
    statedTasks: fields.optionalStringList('tasks'),
    statedMethods: fields.optionalNameList('methods'),
    source: { file, line },
  };
}
