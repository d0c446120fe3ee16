import { detectFormat, FORMATS, isFormat } from '../../../src/ingest/formats/detect-format';
import { catchInputError, expectInputError } from './expect-input-error';
import { fixture, SEED_FILE } from './fixtures';
import { readFileSync } from 'node:fs';

describe('detectFormat', () => {
  it.each([
    ['arxiv-three-entries.atom.xml', 'arxiv-atom'],
    ['feed-without-atom-namespace.xml', 'arxiv-atom'],
    ['pwc-three-records.json', 'pwc-json'],
    ['pwc-records.jsonl', 'pwc-json'],
    ['papers.jsonl', 'jsonl'],
    ['jsonl-invalid-json.jsonl', 'jsonl'],
    ['hf-page-with-chrome.txt', 'hf-page'],
  ])('tells %s is %s from its content', (name, format) => {
    // A neutral file name, so only the content can decide.
    expect(detectFormat(fixture(name), 'upload.dat')).toBe(format);
  });

  it('recognizes the seed page', () => {
    expect(detectFormat(readFileSync(SEED_FILE, 'utf8'), 'seed')).toBe('hf-page');
  });

  it('lets the content overrule a misleading extension', () => {
    expect(detectFormat(fixture('papers.jsonl'), 'papers.txt')).toBe('jsonl');
    expect(detectFormat(fixture('arxiv-three-entries.atom.xml'), 'feed.json')).toBe('arxiv-atom');
  });

  it('uses the extension for plain text, so a broken JSON file reaches the JSON reader', () => {
    expect(detectFormat('title: not json', 'papers.jsonl')).toBe('jsonl');
    expect(detectFormat('not json', 'dump.json')).toBe('pwc-json');
    expect(detectFormat('Short title\nShort abstract', 'page.txt')).toBe('hf-page');
  });

  it('skips a byte-order mark and leading blank lines', () => {
    expect(detectFormat('\uFEFF\n\n  [{"title": "A"}]', 'x')).toBe('pwc-json');
  });

  it('rejects markup that is not a feed', () => {
    const error = catchInputError(() => detectFormat('<html><body>Papers</body></html>', 'p.html'));
    expectInputError(error, 'p.html', undefined, /not an arXiv Atom feed/);
  });

  it('rejects text it cannot place, listing the formats', () => {
    const error = catchInputError(() =>
      detectFormat('title,abstract\nBEiT,We introduce BEiT.', 'p.csv'),
    );
    expectInputError(
      error,
      'p.csv',
      undefined,
      /cannot tell the format; expected one of hf-page, jsonl/,
    );
  });

  it('rejects an empty text', () => {
    expectInputError(
      catchInputError(() => detectFormat(' \n', 'e.txt')),
      'e.txt',
      undefined,
      /file is empty/,
    );
  });

  it('lists the formats and checks names', () => {
    expect(FORMATS).toEqual(['hf-page', 'jsonl', 'arxiv-atom', 'pwc-json']);
    expect(isFormat('jsonl')).toBe(true);
    expect(isFormat('csv')).toBe(false);
  });
});
