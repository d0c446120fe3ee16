import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import fc from 'fast-check';

import { FORMATS, Format } from '../../src/ingest/formats/detect-format';
import { readPaperFile, readPapers } from '../../src/ingest/formats/read-papers';
import { InputError, PaperRecord } from '../../src/model';
import { fastCheckSeed } from '../support/fast-check-seed';

/**
 * Every reader, fed generated hostile input, either returns well-formed records or throws an
 * InputError naming the file: never another exception, never a hang. fast-check shrinks a failure
 * to a small input and prints its seed; rerun one with FC_SEED=<seed>.
 *
 * Inputs: random code units (lone surrogates included) and bytes; valid files truncated anywhere
 * and mutated (markup and JSON syntax, unicode edge cases spliced in); generated JSON and XML of
 * any shape; deep nesting; huge strings. Runs are bounded so the file takes well under a minute.
 */

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'formats');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const SEED_PAGE = fs
  .readFileSync(path.join(__dirname, '..', '..', 'seeds', 'hf-papers-pretraining.txt'), 'utf8')
  .slice(0, 6_000);

/** Valid inputs of every format, to truncate and mutate. */
const VALID: Array<{ name: string; text: string; format: Format }> = [
  { name: 'papers.jsonl', text: fixture('papers.jsonl'), format: 'jsonl' },
  { name: 'pwc.json', text: fixture('pwc-three-records.json'), format: 'pwc-json' },
  { name: 'pwc-records.jsonl', text: fixture('pwc-records.jsonl'), format: 'pwc-json' },
  { name: 'feed.xml', text: fixture('arxiv-three-entries.atom.xml'), format: 'arxiv-atom' },
  { name: 'page.txt', text: fixture('hf-page-with-chrome.txt'), format: 'hf-page' },
  { name: 'seed.txt', text: SEED_PAGE, format: 'hf-page' },
];

/** File names whose extensions steer format detection each way. */
const FILE_NAMES = ['in.jsonl', 'in.json', 'in.xml', 'in.txt', 'in', 'in.csv', 'dir/in.atom'];

/**
 * One call of a reader taking longer than this is a hang (a runaway regex, ...): a generous bound
 * that a loaded machine does not reach, not a speed claim.
 */
const HANG_MS = 20_000;

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * RUNS));
const SEED = fastCheckSeed('read-papers');

/** Unicode that breaks naive code: lone surrogates, BOMs, bidi overrides, separators, NUL. */
const UNICODE_EDGES = [
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r',
  '\r\n',
  '\t',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\u{1F9E0}',
  '\u{10FFFF}',
  '\uFFFD',
  '\uFFFF',
  'ǅ',
  'İ',
  'ß',
  '\u00a0',
];

/** Characters of JSON, XML and the page format's structure, and Lucene/Cypher/regex syntax. */
const SYNTAX = [
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ',',
  ':',
  '\\',
  '\\u',
  '\\ud800',
  '<',
  '>',
  '/',
  '</',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&unknown;',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '\n',
  '\n\n',
  'null',
  'true',
  '1e400',
  '-0',
  'NaN',
  '__proto__',
  'constructor',
  '$',
  '*',
  '(?:',
  '.*.*.*.*=',
  'Upvote',
  'Published on',
  'Submitted by',
  '· 4 authors',
];

/** Any UTF-16 code unit, lone surrogates included (fast-check's own units avoid them). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...UNICODE_EDGES, ...SYNTAX), maxLength: 60 }).map((s) => s),
);
const splice = fc.oneof(
  fc.constantFrom(...UNICODE_EDGES, ...SYNTAX),
  fc.string({ unit: codeUnit, maxLength: 20 }),
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: splice }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
    times: fc.integer({ min: 2, max: 50 }),
  }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else
      out =
        out.slice(0, at) + out.slice(at, at + m.length).repeat(m.times) + out.slice(at + m.length);
  }
  return out;
}

const formatOrDetect = fc.constantFrom<Format | undefined>(undefined, ...FORMATS);

function expectRecords(records: PaperRecord[], file: string): void {
  expect(Array.isArray(records)).toBe(true);
  for (const record of records) {
    expect(typeof record.title).toBe('string');
    expect(record.title.trim()).not.toBe('');
    expect(typeof record.abstract).toBe('string');
    expect(record.source.file).toBe(file);
    expect(Number.isInteger(record.source.line) && record.source.line >= 1).toBe(true);
    if (record.id !== undefined) expect(typeof record.id).toBe('string');
    if (record.authors !== undefined) {
      expect(record.authors.every((a) => typeof a === 'string')).toBe(true);
    }
    if (record.published !== undefined) expect(record.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

/** The property: records, or an InputError naming the file; and quickly. */
function readsCleanly(text: string, file: string, format: Format | undefined): void {
  const started = performance.now();
  let outcome: PaperRecord[] | InputError;
  try {
    outcome = readPapers(text, file, format);
  } catch (error) {
    if (!(error instanceof InputError)) {
      throw new Error(
        `readPapers(${format ?? 'detect'}) threw ${(error as Error)?.name}: ${(error as Error)?.message}`,
      );
    }
    outcome = error;
  }
  const ms = performance.now() - started;
  if (ms > HANG_MS) throw new Error(`readPapers(${format ?? 'detect'}) took ${Math.round(ms)} ms`);
  if (outcome instanceof InputError) {
    expect(outcome.file).toBe(file);
    expect(outcome.message.startsWith(file)).toBe(true);
  } else {
    expectRecords(outcome, file);
  }
}

const check = (property: fc.IProperty<never> | fc.IProperty<unknown[]>, numRuns: number) =>
  fc.assert(property as fc.IProperty<unknown[]>, { numRuns: runs(numRuns), seed: SEED });

describe('readPapers on generated hostile input', () => {
  it('random text (any code unit, lone surrogates, syntax soup) in every format and by detection', () => {
    check(
      fc.property(anyText, fc.constantFrom(...FILE_NAMES), formatOrDetect, (text, file, format) =>
        readsCleanly(text, file, format),
      ),
      1_500,
    );
  });

  it('valid files truncated at any point', () => {
    check(
      fc.property(
        fc.constantFrom(...VALID),
        fc.double({ min: 0, max: 1, noNaN: true }),
        formatOrDetect,
        (valid, cut, format) =>
          readsCleanly(
            valid.text.slice(0, Math.floor(valid.text.length * cut)),
            valid.name,
            format,
          ),
      ),
      800,
    );
  });

  it('valid files with syntax, unicode edge cases and repeats spliced in', () => {
    check(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (valid, mutations, detect) =>
          readsCleanly(
            mutate(valid.text, mutations),
            valid.name,
            detect ? undefined : valid.format,
          ),
      ),
      1_500,
    );
  });

  it('JSON Lines and Papers with Code records of any JSON shape', () => {
    const field = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.string({ unit: codeUnit, maxLength: 80 }),
      fc.constantFrom('', ' ', '2021-13-45', '2021-02-30', '0000-00-00', '9'.repeat(30), '1e400'),
    );
    const record = fc.dictionary(
      fc.constantFrom(
        'id',
        'title',
        'abstract',
        'authors',
        'published',
        'url',
        'arxivId',
        'arxiv_id',
        'paper_url',
        'url_abs',
        'tasks',
        'methods',
        'date',
        '__proto__',
        'constructor',
      ),
      field,
      { maxKeys: 8 },
    );
    check(
      fc.property(
        fc.array(record, { maxLength: 6 }),
        fc.boolean(),
        formatOrDetect,
        (records, lines, format) => {
          const text = lines
            ? records.map((r) => JSON.stringify(r)).join('\n')
            : JSON.stringify(records);
          readsCleanly(text, lines ? 'in.jsonl' : 'in.json', format);
        },
      ),
      1_000,
    );
  });

  it('Atom feeds of generated elements, attributes and text', () => {
    const name = fc.constantFrom(
      'entry',
      'title',
      'summary',
      'author',
      'name',
      'link',
      'id',
      'published',
      'feed',
      'x:entry',
      'a',
    );
    const text = fc.oneof(
      fc.string({ unit: codeUnit, maxLength: 30 }),
      fc.constantFrom(...SYNTAX, ...UNICODE_EDGES),
    );
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc
          .tuple(
            name,
            fc.array(tie('node'), { maxLength: 4 }),
            fc.option(fc.tuple(fc.constantFrom('href', 'rel', 'xmlns'), text)),
          )
          .map(([tag, children, attr]) => {
            const attribute = attr ? ` ${attr[0]}="${attr[1].replace(/"/g, '&quot;')}"` : '';
            return `<${tag}${attribute}>${children.join('')}</${tag}>`;
          }),
      ),
    }));
    check(
      fc.property(fc.array(node, { maxLength: 5 }), fc.boolean(), (children, namespaced) => {
        const open = namespaced ? '<feed xmlns="http://www.w3.org/2005/Atom">' : '<feed>';
        readsCleanly(
          `<?xml version="1.0"?>\n${open}${children.join('\n')}</feed>`,
          'in.xml',
          undefined,
        );
      }),
      800,
    );
  });

  it('deep nesting and huge strings', () => {
    const shapes: Record<string, (n: number) => [string, string]> = {
      'nested XML': (n) => [
        `<feed xmlns="http://www.w3.org/2005/Atom">${'<a>'.repeat(n)}${'</a>'.repeat(n)}</feed>`,
        'in.xml',
      ],
      'nested XML in an entry': (n) => [
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${'<b>'.repeat(n)}x${'</b>'.repeat(n)}</title></entry></feed>`,
        'in.xml',
      ],
      'unclosed XML': (n) => [
        `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry>'.repeat(n)}`,
        'in.xml',
      ],
      'nested JSON arrays': (n) => [`${'['.repeat(n)}${']'.repeat(n)}`, 'in.json'],
      'nested JSON in a field': (n) => [
        `{"title": ${'{"a":'.repeat(n)}1${'}'.repeat(n)}, "abstract": ""}`,
        'in.jsonl',
      ],
      'unclosed JSON': (n) => [`[${'{"title": ['.repeat(n)}`, 'in.json'],
      'a huge title': (n) => [`{"title": "${'T'.repeat(n * 100)}", "abstract": "x"}`, 'in.jsonl'],
      'a huge page line': (n) => [`A Title\n${'word '.repeat(n * 20)}`, 'in.txt'],
      'many lines': (n) => [
        `${'{"title": "t", "abstract": "a"}\n'.repeat(Math.min(n, 5_000))}`,
        'in.jsonl',
      ],
      'a huge XML text': (n) => [
        `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${'&amp;'.repeat(n * 10)}</title><summary>s</summary></entry></feed>`,
        'in.xml',
      ],
    };
    check(
      fc.property(
        fc.constantFrom(...Object.keys(shapes)),
        fc.integer({ min: 1, max: 20_000 }),
        formatOrDetect,
        (shape, depth, format) => {
          const [text, file] = shapes[shape](depth);
          readsCleanly(text, file, format);
        },
      ),
      120,
    );
  });
});

describe('readPaperFile on random bytes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-property-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads bytes (binary, invalid UTF-8, UTF-16, BOMs, valid files with bytes flipped) or names the file', async () => {
    const valid = VALID.map((v) => Buffer.from(v.text, 'utf8'));
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }),
      fc
        .tuple(
          fc.constantFrom(...valid),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        )
        .map(([buffer, flips]) => {
          const copy = Buffer.from(buffer);
          for (const [at, value] of flips) copy[at % copy.length] = value;
          return new Uint8Array(copy);
        }),
      fc
        .constantFrom(...valid)
        .map((buffer) => new Uint8Array(Buffer.from(buffer.toString('utf8'), 'utf16le'))),
      fc
        .constantFrom(...valid)
        .map((buffer) => new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), buffer]))),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.constantFrom(...FILE_NAMES.map((f) => path.basename(f))),
        formatOrDetect,
        async (data, name, format) => {
          const file = path.join(dir, `${n++}-${name}`);
          fs.writeFileSync(file, data);
          try {
            const started = performance.now();
            let outcome: PaperRecord[] | InputError;
            try {
              outcome = await readPaperFile(file, format);
            } catch (error) {
              if (!(error instanceof InputError)) {
                throw new Error(
                  `readPaperFile threw ${(error as Error)?.name}: ${(error as Error)?.message}`,
                );
              }
              outcome = error;
            }
            expect(performance.now() - started).toBeLessThan(HANG_MS);
            if (outcome instanceof InputError) expect(outcome.file).toBe(file);
            else expectRecords(outcome, file);
          } finally {
            fs.rmSync(file, { force: true });
          }
        },
      ),
      { numRuns: runs(400), seed: SEED },
    );
  });

  it('names a file it cannot read', async () => {
    for (const file of [path.join(dir, 'missing.jsonl'), dir]) {
      await expect(readPaperFile(file)).rejects.toMatchObject({ name: 'InputError', file });
    }
  });
});
