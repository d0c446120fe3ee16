import { readJsonl } from '../../../src/ingest/formats/jsonl.reader';
import { catchInputError, expectInputError } from './expect-input-error';
import { fixture } from './fixtures';

describe('readJsonl', () => {
  it('reads every field, skips blank lines and ignores unknown fields', () => {
    const papers = readJsonl(fixture('papers.jsonl'), 'papers.jsonl');

    expect(papers).toHaveLength(3);
    expect(papers[0]).toEqual({
      id: 'beit',
      title: 'BEiT: BERT Pre-Training of Image Transformers',
      abstract: 'We introduce a self-supervised vision representation model BEiT.',
      url: 'https://arxiv.org/abs/2106.08254',
      arxivId: '2106.08254',
      published: '2021-06-15',
      authors: ['Hangbo Bao', 'Li Dong', 'Furu Wei'],
      source: { file: 'papers.jsonl', line: 1 },
    });
    expect(papers[0]).not.toHaveProperty('venue');
  });

  it('numbers records by their line in the file, blank lines included', () => {
    const lines = readJsonl(fixture('papers.jsonl'), 'papers.jsonl').map((p) => p.source.line);
    expect(lines).toEqual([1, 3, 4]);
  });

  it('splits a comma-separated author string and keeps a plain date', () => {
    const bert = readJsonl(fixture('papers.jsonl'), 'papers.jsonl')[1];
    expect(bert.authors).toEqual(['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee']);
    expect(bert.published).toBe('2018-10-11');
  });

  it('turns numeric ids into text and treats null optional fields as absent', () => {
    const mae = readJsonl(fixture('papers.jsonl'), 'papers.jsonl')[2];
    expect(mae.id).toBe('42');
    expect(mae.abstract).toBe('');
    expect(mae.arxivId).toBeUndefined();
    expect(mae.authors).toBeUndefined();
  });

  it('names the line of invalid JSON', () => {
    const error = catchInputError(() =>
      readJsonl(fixture('jsonl-invalid-json.jsonl'), 'bad.jsonl'),
    );
    expectInputError(error, 'bad.jsonl', 3, /^invalid JSON: /);
  });

  it('names the line and the field when a field has the wrong type', () => {
    const error = catchInputError(() =>
      readJsonl(fixture('jsonl-title-not-string.jsonl'), 'f.jsonl'),
    );
    expectInputError(error, 'f.jsonl', 3, /^field 'title' must be a string, got a number$/);
  });

  it('requires the abstract field, naming it', () => {
    const error = catchInputError(() =>
      readJsonl(fixture('jsonl-missing-abstract.jsonl'), 'f.jsonl'),
    );
    expectInputError(error, 'f.jsonl', 2, /^field 'abstract' is required$/);
  });

  it('requires the title field', () => {
    const error = catchInputError(() => readJsonl('{"abstract": "x"}', 'f.jsonl'));
    expectInputError(error, 'f.jsonl', 1, /^field 'title' is required$/);
  });

  it('rejects a line that is not an object', () => {
    const error = catchInputError(() => readJsonl(fixture('jsonl-array-line.jsonl'), 'f.jsonl'));
    expectInputError(error, 'f.jsonl', 2, /expected a JSON object, got an array/);
  });

  it.each([
    [
      'published',
      '"15 June 2021"',
      /field 'published' must be a date \(YYYY-MM-DD\), got '15 June 2021'/,
    ],
    ['published', '"2021-02-30"', /field 'published' must be a date/],
    ['arxivId', '"BEiT"', /field 'arxivId' must be an arXiv id/],
    [
      'authors',
      '[1, 2]',
      /field 'authors' must be an array of strings or a comma-separated string/,
    ],
    ['url', '{}', /field 'url' must be a string, got an object/],
    ['id', 'true', /field 'id' must be a string or a number, got a boolean/],
  ])('rejects a bad %s (%s)', (field, json, detail) => {
    const text = `\n{"title": "T", "abstract": "A", "${field}": ${json}}`;
    const error = catchInputError(() => readJsonl(text, 'f.jsonl'));
    expectInputError(error, 'f.jsonl', 2, detail);
  });

  it('accepts Windows line ends', () => {
    const text = '{"title": "A", "abstract": "x"}\r\n\r\n{"title": "B", "abstract": "y"}\r\n';
    expect(readJsonl(text, 'f.jsonl').map((p) => [p.title, p.source.line])).toEqual([
      ['A', 1],
      ['B', 3],
    ]);
  });
});
