import { readPaperFile, readPapers } from '../../../src/ingest/formats/read-papers';
import { Format } from '../../../src/ingest/formats/detect-format';
import { paperId } from '../../../src/ingest/resolve/slug';
import { catchInputError, catchInputErrorAsync, expectInputError } from './expect-input-error';
import { fixture, fixturePath, SEED_FILE } from './fixtures';

describe('readPapers', () => {
  it('detects the format and reads each kind of file', () => {
    expect(readPapers(fixture('arxiv-three-entries.atom.xml'), 'a.xml')).toHaveLength(3);
    expect(readPapers(fixture('pwc-three-records.json'), 'p.json')).toHaveLength(3);
    expect(readPapers(fixture('papers.jsonl'), 'p.jsonl')).toHaveLength(3);
    expect(readPapers(fixture('hf-page-with-chrome.txt'), 'p.txt')).toHaveLength(3);
  });

  it('uses the format it is given instead of detecting one', () => {
    // Generic JSON Lines read as Papers with Code: `arxivId` is not a PwC field, so it is ignored.
    const papers = readPapers(fixture('papers.jsonl'), 'p.jsonl', 'pwc-json');
    expect(papers[0].arxivId).toBeUndefined();
    expect(readPapers(fixture('papers.jsonl'), 'p.jsonl', 'jsonl')[0].arxivId).toBe('2106.08254');
  });

  it('rejects an unknown format name coming from outside the type system', () => {
    const error = catchInputError(() => readPapers('x', 'f', 'csv' as Format));
    expectInputError(error, 'f', undefined, /unknown format 'csv'; expected one of hf-page/);
  });

  it('collapses whitespace in titles and trims abstracts', () => {
    const bert = readPapers(fixture('papers.jsonl'), 'p.jsonl')[1];
    expect(bert.title).toBe('BERT: Pre-training of Deep Bidirectional Transformers');
    expect(bert.abstract).toBe('We introduce a new language representation model called BERT.');
  });

  it('leaves out the optional fields a file does not give', () => {
    const [paper] = readPapers('{"title": "A", "abstract": "x", "url": null}', 'p.jsonl');
    expect(Object.keys(paper).sort()).toEqual(['abstract', 'source', 'title']);
  });

  it('ignores a byte-order mark', () => {
    const papers = readPapers(`\uFEFF${fixture('pwc-three-records.json')}`, 'p.json');
    expect(papers[0].title).toBe('BEiT: BERT Pre-Training of Image Transformers');
  });

  it('rejects an empty or blank file', () => {
    expectInputError(
      catchInputError(() => readPapers('', 'e.jsonl')),
      'e.jsonl',
      undefined,
      /^file is empty$/,
    );
    const blank = fixture('empty.jsonl');
    expectInputError(
      catchInputError(() => readPapers(blank, 'e.jsonl')),
      'e.jsonl',
      undefined,
      /^file is empty$/,
    );
  });

  it('rejects a file with no papers', () => {
    const error = catchInputError(() => readPapers('[]', 'p.json'));
    expectInputError(error, 'p.json', undefined, /^contains no papers$/);
  });

  it('rejects text with NUL bytes, naming the line', () => {
    const error = catchInputError(() => readPapers(fixture('nul-bytes.jsonl'), 'b.jsonl'));
    expectInputError(error, 'b.jsonl', 2, /^binary data, not text: a NUL byte$/);
  });

  it('rejects text full of undecodable characters, but tolerates a stray one', () => {
    const error = catchInputError(() => readPapers(fixture('not-utf8.jsonl'), 'b.jsonl'));
    expectInputError(
      error,
      'b.jsonl',
      2,
      /^binary data, not text: 128 characters that are not valid UTF-8$/,
    );
    const stray = `{"title": "Caf\uFFFD", "abstract": "${'ok '.repeat(50)}"}`;
    expect(readPapers(stray, 's.jsonl')[0].title).toBe('Caf\uFFFD');
  });

  it('rejects a record with a blank title, naming its line', () => {
    const error = catchInputError(() => readPapers(fixture('jsonl-blank-title.jsonl'), 't.jsonl'));
    expectInputError(error, 't.jsonl', 2, /^paper has no title$/);
  });

  it('rejects an Atom entry without a title, naming the entry line', () => {
    const text =
      '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><summary>S</summary></entry>\n</feed>';
    expectInputError(
      catchInputError(() => readPapers(text, 'a.xml')),
      'a.xml',
      2,
      /^paper has no title$/,
    );
  });

  it('rejects an over-long title, naming line, field and length', () => {
    const text = `{"title": "ok", "abstract": ""}\n{"title": "${'t'.repeat(1001)}", "abstract": ""}`;
    const error = catchInputError(() => readPapers(text, 'l.jsonl'));
    expectInputError(error, 'l.jsonl', 2, /^title is 1,001 characters long \(at most 1,000\)$/);
  });

  it('accepts a title of exactly 1,000 characters once whitespace is collapsed', () => {
    const text = `{"title": "${'t'.repeat(1000)}   ", "abstract": ""}`;
    expect(readPapers(text, 'l.jsonl')[0].title).toHaveLength(1000);
  });

  it('rejects an over-long abstract, naming line, field and length', () => {
    const text = `{"title": "A", "abstract": ""}\n\n{"title": "B", "abstract": "${'a'.repeat(100_001)}"}`;
    const error = catchInputError(() => readPapers(text, 'l.jsonl'));
    expectInputError(
      error,
      'l.jsonl',
      3,
      /^abstract is 100,001 characters long \(at most 100,000\)$/,
    );
  });

  it('rejects papers that share a title slug, naming both lines', () => {
    const error = catchInputError(() =>
      readPapers(fixture('jsonl-duplicate-titles.jsonl'), 'd.jsonl'),
    );
    expectInputError(
      error,
      'd.jsonl',
      4,
      /^duplicate paper 'beit-bert-pre-training-of-image-transformers': same as the paper at line 1$/,
    );
  });

  it('rejects papers that share an id, and accepts equal titles under different ids', () => {
    const sameId =
      '{"id": "p1", "title": "A", "abstract": ""}\n{"id": "p1", "title": "B", "abstract": ""}';
    const error = catchInputError(() => readPapers(sameId, 'd.jsonl'));
    expectInputError(error, 'd.jsonl', 2, /^duplicate paper 'p1': same as the paper at line 1$/);
    const sameTitle =
      '{"id": "p1", "title": "A", "abstract": ""}\n{"id": "p2", "title": "A", "abstract": ""}';
    expect(readPapers(sameTitle, 'd.jsonl')).toHaveLength(2);
  });

  it('rejects a title that gives no id', () => {
    const error = catchInputError(() =>
      readPapers('{"title": "预训练", "abstract": ""}', 'z.jsonl'),
    );
    expectInputError(error, 'z.jsonl', 1, /cannot derive an id from the title '预训练'/);
  });
});

describe('readPaperFile', () => {
  it('reads a file from disk, naming it in the records', async () => {
    const path = fixturePath('papers.jsonl');
    const papers = await readPaperFile(path);
    expect(papers.map((p) => p.source)).toEqual([
      { file: path, line: 1 },
      { file: path, line: 3 },
      { file: path, line: 4 },
    ]);
  });

  it('rejects a file with NUL bytes before decoding it', async () => {
    const path = fixturePath('nul-bytes.jsonl');
    expectInputError(await catchInputErrorAsync(() => readPaperFile(path)), path, 2, /a NUL byte$/);
  });

  it('rejects invalid UTF-8 after decoding it', async () => {
    const path = fixturePath('not-utf8.jsonl');
    expectInputError(
      await catchInputErrorAsync(() => readPaperFile(path)),
      path,
      2,
      /not valid UTF-8$/,
    );
  });

  it('rejects UTF-16 with a hint', async () => {
    const path = fixturePath('utf16.jsonl');
    expectInputError(
      await catchInputErrorAsync(() => readPaperFile(path)),
      path,
      1,
      /UTF-16.*UTF-8/,
    );
  });

  it('reports a missing file as an input error', async () => {
    const path = fixturePath('no-such-file.jsonl');
    expectInputError(
      await catchInputErrorAsync(() => readPaperFile(path)),
      path,
      undefined,
      /ENOENT/,
    );
  });

  it('passes the format through', async () => {
    const papers = await readPaperFile(fixturePath('papers.jsonl'), 'pwc-json');
    expect(papers[0].arxivId).toBeUndefined();
  });
});

describe('the seed page', () => {
  const papers = async () => readPaperFile(SEED_FILE);

  it('holds exactly 119 papers', async () => {
    expect(await papers()).toHaveLength(119);
  });

  it('starts with BLSP, stripped of the glued "Subscribe", at line 3', async () => {
    const [first] = await papers();
    expect(first.title).toBe(
      'BLSP: Bootstrapping Language-Speech Pre-training via Behavior Alignment of Continuation Writing',
    );
    expect(first.source).toEqual({ file: SEED_FILE, line: 3 });
    expect(first.abstract).toMatch(/^The emergence of large language models \(LLMs\)/);
  });

  it('keeps titles verbatim, typos included', async () => {
    const titles = (await papers()).map((p) => p.title);
    expect(titles).toContain(
      'ChartAssisstant: A Universal Chart Multimodal Language Model via Chart-to-Table Pre-training and Multitask Instruction Tuning',
    );
    expect(titles).toContain(
      'Pop Quiz! Do Pre-trained Code Models Possess Knowledge of Correct API Names?',
    );
  });

  it('has no chrome among titles and pairs every title with a real abstract', async () => {
    for (const paper of await papers()) {
      expect(paper.title).not.toMatch(/^(Subscribe|Get trending)/);
      expect(paper.title.length).toBeLessThan(300);
      expect(paper.abstract.length).toBeGreaterThan(500);
      expect(paper.abstract).not.toContain('\n');
    }
  });

  it('puts papers on every other line from line 3 to 239, with unique ids', async () => {
    const list = await papers();
    expect(list.map((p) => p.source.line)).toEqual(
      Array.from({ length: 119 }, (_, i) => 3 + 2 * i),
    );
    expect(new Set(list.map(paperId)).size).toBe(119);
    expect(list[118].title).toBe(
      'Spread Love Not Hate: Undermining the Importance of Hateful Pre-training for Hate Speech Detection',
    );
  });
});
