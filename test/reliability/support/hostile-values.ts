import fc from 'fast-check';

/**
 * fast-check arbitraries of hostile GraphQL variable values: strings with Cypher, Lucene and regex
 * syntax, unicode edge cases (lone surrogates, bidi overrides, NUL), huge strings, numbers JSON
 * cannot hold (1e400, NaN) and values of the wrong shape, deeply nested.
 */

export const CYPHER = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  "x' }] RETURN 1 UNION MATCH (n) RETURN n //",
  '$name',
  '${name}',
  'CALL dbms.killQueries([]) //',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
  '\\u0027 OR 1=1',
  '*/ MATCH (n) DELETE n /*',
];

export const LUCENE = [
  '*',
  '?',
  '~',
  '\\',
  'title:* OR abstract:*',
  'a AND OR NOT',
  '"unclosed',
  '(((',
  ')))',
  '[a TO z]',
  '{a TO z}',
  'a^99999999',
  'a~99',
  '/.*/',
  '/(a+)+$/',
  '+-&&||!(){}[]^"~*?:\\/',
  'AND',
  'NOT',
];

export const REGEX = ['.*', '(a+)+$', '(?i)', '[', '\\Q', '^$', '(?<n>x)\\k<n>', 'a{1,99999}'];

export const UNICODE = [
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  'ok\ud800ok',
  '\ufeff',
  '\u202eRTL',
  '\u200b',
  '\u2028\u2029',
  '\u0000',
  '\u0000\u0001\u001f',
  'e\u0301\u0301\u0301',
  '\u{1F9E0}\u{1F468}\u200d\u{1F469}',
  '\u{10FFFF}',
  '\uffff',
  'İı',
  'ß',
  'Ⅻ',
  '𝕭𝕰𝕽𝕿',
  '中文',
  '',
  ' ',
  '\t\n\r',
];

/** Names that exist in the seed corpus, so that hostile values also ride on real matches. */
export const REAL_NAMES = [
  'BERT',
  'bert',
  'ImageNet-1K',
  'COCO',
  'MAE',
  'BEiT',
  'Transformer',
  'DETR',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** A long string of one character (or a short pattern), 1k to 200k UTF-16 units. */
const huge = fc
  .tuple(
    fc.constantFrom('a', '*', '\\', "'", '(', '\ud800', '中', 'a b ', 'BERT '),
    fc.integer({ min: 1_000, max: 200_000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CYPHER, ...LUCENE, ...REGEX, ...UNICODE) },
  { weight: 3, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.constantFrom(...CYPHER, ...LUCENE, ...REGEX, ...UNICODE),
      maxLength: 6,
    }),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...REAL_NAMES),
        fc.constantFrom(...CYPHER, ...LUCENE, ...UNICODE),
        fc.boolean(),
      )
      .map(([name, junk, before]) => (before ? `${junk}${name}` : `${name}${junk}`)),
  },
  { weight: 2, arbitrary: fc.constantFrom(...REAL_NAMES) },
  { weight: 1, arbitrary: huge },
);

/**
 * A JSON token spliced into the request body as written: what JSON.stringify cannot produce.
 * 1e400 parses to Infinity, NaN is not JSON at all.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serializes variables with RawJson tokens spliced in. */
export function requestBody(query: string, variables: Record<string, unknown>): string {
  const raws: string[] = [];
  const json = JSON.stringify({ query, variables }, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `@@raw${raws.length - 1}@@`;
    }
    return value;
  });
  return json.replace(/"@@raw(\d+)@@"/g, (_, i: string) => raws[Number(i)]);
}

export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.integer() },
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -1,
      1,
      100,
      101,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + 2,
      1e21,
      1.5,
      -0,
      5e-324,
      new RawJson('1e400'),
      new RawJson('-1e400'),
      new RawJson('1e-400'),
      new RawJson('NaN'),
      new RawJson('Infinity'),
      new RawJson('123456789012345678901234567890'),
      new RawJson('0x10'),
      new RawJson('1_000'),
      '5',
      '',
      true,
      [],
      {},
      [5],
    ),
  },
  { weight: 1, arbitrary: fc.double() },
);

/** A value of the wrong shape for any argument: any JSON, or arrays/objects nested deep. */
export const wrongShape: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  // Deeper nesting is sent as raw text by the tests (deepJson), not through fast-check, whose
  // printing (and JSON.stringify with a replacer) recurse once per level.
  fc.integer({ min: 10, max: 300 }).map((depth) => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  }),
);

/** A value for an argument of GraphQL type String or ID. */
export const stringArg = fc.oneof(
  { weight: 9, arbitrary: hostileString },
  { weight: 1, arbitrary: wrongShape },
);

/** A value for an enum argument: mostly valid values, else hostile strings or wrong shapes. */
export function enumArg(values: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...values) },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongShape },
  );
}

/** A value for an input object: some of its fields set to hostile values, or a wrong shape. */
export function inputArg(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc.record({ ...fields, unknownField: hostileString }, { requiredKeys: [] }),
    },
    { weight: 1, arbitrary: wrongShape },
  );
}

/** Cursors: hostile strings, and well-formed base64url cursors with forged contents. */
export const cursorArg: fc.Arbitrary<unknown> = fc.oneof(
  stringArg,
  fc
    .tuple(
      fc.constantFrom(
        'paper:TITLE:ASC',
        'paper:PUBLISHED:DESC',
        'paper:MENTION_COUNT:DESC',
        'entity:NAME:ASC',
        'entity:PAPER_COUNT:DESC',
        'entity:DESCENDANT_COUNT:ASC',
      ),
      fc.oneof(hostileString, fc.double(), fc.jsonValue({ maxDepth: 2 })),
      fc.oneof(hostileString, fc.jsonValue({ maxDepth: 1 })),
    )
    .map((position) => Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')),
);

/** `depth` levels of `[{"a": ...}]` around a string, as JSON text (no recursion to build it). */
export function deepJson(depth: number): RawJson {
  return new RawJson(`${'[{"a":'.repeat(depth)}"x"${'}]'.repeat(depth)}`);
}
