import { readPwcJson } from '../../../src/ingest/formats/pwc-json.reader';
import { catchInputError, expectInputError } from './expect-input-error';
import { fixture } from './fixtures';

describe('readPwcJson', () => {
  const file = 'papers-with-abstracts.json';

  it('maps the Papers with Code fields onto paper records', () => {
    const [beit] = readPwcJson(fixture('pwc-three-records.json'), file);
    expect(beit).toEqual({
      title: 'BEiT: BERT Pre-Training of Image Transformers',
      abstract:
        'We introduce a self-supervised vision representation model BEiT, which stands for ' +
        'Bidirectional Encoder representation from Image Transformers.',
      url: 'https://paperswithcode.com/paper/beit-bert-pre-training-of-image-transformers',
      arxivId: '2106.08254',
      published: '2021-06-15',
      authors: ['Hangbo Bao', 'Li Dong', 'Furu Wei'],
      statedTasks: [
        'Image Classification',
        'Semantic Segmentation',
        'Self-Supervised Image Classification',
      ],
      statedMethods: ['Vision Transformer', 'Layer Normalization', 'BERT'],
      source: { file, line: 2 },
    });
    expect(beit.id).toBeUndefined();
  });

  it('gives each record the line where its object starts, even with brackets inside strings', () => {
    const lines = readPwcJson(fixture('pwc-three-records.json'), file).map((p) => p.source.line);
    expect(lines).toEqual([2, 19, 20]);
  });

  it('drops the arXiv version and treats nulls as absent', () => {
    const [, bert, workshop] = readPwcJson(fixture('pwc-three-records.json'), file);
    expect(bert.arxivId).toBe('1810.04805');
    expect(bert.statedMethods).toEqual([]);
    expect(workshop).toMatchObject({ title: 'A Workshop Paper Without arXiv Id', abstract: '' });
    expect(workshop.arxivId).toBeUndefined();
    expect(workshop.published).toBeUndefined();
    expect(workshop.statedMethods).toBeUndefined();
  });

  it('reads JSON Lines of the same records, with the same values', () => {
    const fromArray = readPwcJson(fixture('pwc-three-records.json'), file);
    const fromLines = readPwcJson(fixture('pwc-records.jsonl'), 'pwc.jsonl');
    expect(fromLines.map((p) => p.source.line)).toEqual([1, 3, 4]);
    const withoutSource = (papers: typeof fromArray) =>
      papers.map(({ source: _source, ...rest }) => rest);
    expect(withoutSource(fromLines)).toEqual(withoutSource(fromArray));
  });

  it('names the line of a syntax error that V8 reports with a position', () => {
    const error = catchInputError(() => readPwcJson(fixture('pwc-malformed.json'), file));
    expectInputError(error, file, 11, /^invalid JSON: Expected double-quoted property name$/);
  });

  it('names the line of a syntax error that V8 reports without a position', () => {
    const error = catchInputError(() => readPwcJson(fixture('pwc-bad-token.json'), file));
    expectInputError(error, file, 5, /^invalid JSON: Unexpected token/);
  });

  it('names the record line and the field of a bad method', () => {
    const error = catchInputError(() => readPwcJson(fixture('pwc-bad-methods.json'), file));
    expectInputError(error, file, 3, /^field 'methods\[0\]' must be a string or an object/);
  });

  it('requires the abstract', () => {
    const text = '[\n  {"title": "BEiT"},\n  {"title": "BERT", "abstract": "x"}\n]';
    const error = catchInputError(() => readPwcJson(text, file));
    expectInputError(error, file, 2, /^field 'abstract' is required$/);
  });

  it('rejects JSON that is not an array of objects', () => {
    expectInputError(
      catchInputError(() => readPwcJson('[{"title": "A", "abstract": ""},\n 7]', file)),
      file,
      2,
      /expected a JSON object, got a number/,
    );
    expectInputError(
      catchInputError(() => readPwcJson('[\n]\n"papers"', file)),
      file,
      3,
      /invalid JSON/,
    );
  });

  it('rejects a bad date with the field name', () => {
    const text = '[{"title": "A", "abstract": "", "date": "yesterday"}]';
    const error = catchInputError(() => readPwcJson(text, file));
    expectInputError(
      error,
      file,
      1,
      /^field 'date' must be a date \(YYYY-MM-DD\), got 'yesterday'$/,
    );
  });
});
