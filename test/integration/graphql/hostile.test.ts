import { graphFingerprint } from '../../support/test-graph';
import { gql } from '../../support/test-server';
import { data, useSeededServer } from './seeded-server';

/**
 * Injection attempts through every argument of the read API: Cypher in names, filters and cursors,
 * Lucene syntax in search, GraphQL syntax in variables. None may error as a server fault, and none
 * may change the graph.
 */

const HOSTILE = [
  "' OR 1=1 //",
  '" OR 1=1 //',
  "'}) MATCH (n) DETACH DELETE n //",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  '$key',
  '\\',
  '*',
  '~',
  '{ __schema { types { name } } }',
  '") { id } mutation { removeMention(paperId: "x", entityId: "y", role: USES) { removed } } #',
  'x'.repeat(400),
  '\u0000\u0001',
  // Not mathematical letters: NFKD folds '𝕭𝕰𝕽𝕿' into BERT, rightly.
  '中文 🙂',
];

// One request per root field, each answered as "nothing found".
const FIELDS: Array<[string, string, unknown]> = [
  ['paper', 'query Q($text: String) { paper(title: $text) { id } }', null],
  ['paper', 'query Q($id: ID) { paper(id: $id) { id } }', null],
  ['entity', 'query Q($text: String!) { entity(name: $text) { id } }', null],
  [
    'lineage',
    'query Q($text: String!) { lineage(name: $text, maxDepth: 10) { root { id } } }',
    null,
  ],
  ['path', 'query Q($text: String!) { path(from: $text, to: "BERT") { relation } }', null],
  [
    'papers',
    `query Q($text: String) {
      papers(first: 5, where: {
        titleContains: $text, uses: $text, evaluatesOn: $text, introduces: $text, comparesWith: $text,
        addresses: $text, mentions: $text, publishedFrom: $text, publishedTo: $text
      }) { totalCount }
    }`,
    { totalCount: 0 },
  ],
  [
    'entities',
    `query Q($text: String, $id: ID) {
      entities(first: 5, where: {
        nameContains: $text, introducedIn: $id, mentionedIn: $id, evaluatedOn: $text, derivedFrom: $text
      }) { totalCount }
    }`,
    { totalCount: 0 },
  ],
];

describe('hostile arguments', () => {
  const seeded = useSeededServer();
  let fingerprint: Awaited<ReturnType<typeof graphFingerprint>>;

  beforeAll(async () => {
    fingerprint = await graphFingerprint(seeded().db);
  });

  it.each(HOSTILE)('answers %p in every argument as plain data', async (text) => {
    for (const [field, query, nothing] of FIELDS) {
      const response = await gql(seeded().server, query, { text, id: text });
      expect(response.errors).toBeUndefined();
      expect(response.data?.[field]).toEqual(nothing);
    }
    const search = await gql(
      seeded().server,
      'query Q($text: String!) { search(query: $text) { score } }',
      {
        text,
      },
    );
    expect(search.errors).toBeUndefined();
  });

  it('finds a real name beside a hostile one: the filters are not short-circuited', async () => {
    const result = await data(
      seeded().server,
      '{ papers(where: { uses: "BERT", titleContains: "\' OR 1=1 //" }) { totalCount } }',
    );
    expect(result.papers.totalCount).toBe(0);
  });

  it('refuses forged cursors as BAD_USER_INPUT, never as a server error', async () => {
    const forged = [
      Buffer.from(`["paper:TITLE:ASC","' OR 1=1 //","x"]`).toString('base64url'),
      Buffer.from('["paper:TITLE:ASC",{"key":"x"},"x"]').toString('base64url'),
      Buffer.from('["entity:NAME:ASC","a","b"]').toString('base64url'),
      Buffer.from('not json').toString('base64url'),
      '../../etc/passwd',
      '',
    ];
    for (const after of forged) {
      const response = await gql(
        seeded().server,
        'query P($after: String) { papers(first: 2, after: $after) { totalCount } }',
        { after },
      );
      if (response.errors) {
        expect(response.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
      } else {
        // A well-formed cursor of the ordering is a position, whatever text it holds.
        expect(response.data).toBeDefined();
      }
    }
    // A forged but well-formed position pages on from there: no error, no injection.
    const response = await gql(
      seeded().server,
      'query P($after: String) { papers(first: 2, after: $after) { totalCount } }',
      {
        after: forged[0],
      },
    );
    expect(response.errors).toBeUndefined();
  });

  it('refuses GraphQL syntax smuggled in as an enum or a number', async () => {
    const badEnum = await gql(
      seeded().server,
      '{ entities(kind: "MODEL) { id } }") { totalCount } }',
    );
    expect(badEnum.errors?.[0].extensions?.code).toMatch(/GRAPHQL_(PARSE|VALIDATION)_FAILED/);
    const badNumber = await gql(
      seeded().server,
      'query Q($n: Int) { papers(first: $n) { totalCount } }',
      { n: '1; DROP' },
    );
    expect(badNumber.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never shows a mention a curator removed', async () => {
    const { db, server } = seeded();
    const paperId = 'aligndet-aligning-pre-training-and-fine-tuning-in-object-detection';
    // As removeMention does, for each of the paper's mentions of DETR: the link goes, a tombstone
    // stays.
    await db.write((tx) =>
      tx.run(
        `MATCH (p:Paper {id: $paperId})-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(e:Entity {id: 'detr'})
         CREATE (p)-[:REMOVED {role: type(r)}]->(e) DELETE r`,
        { paperId },
      ),
    );
    fingerprint = await graphFingerprint(db);
    const { paper, entity } = await data(
      server,
      `{ paper(id: "${paperId}") { comparesWith { id } mentions { role entity { id } } }
         entity(name: "DETR") { papers { nodes { id } } } }`,
    );
    expect(paper.comparesWith.map((e: { id: string }) => e.id)).not.toContain('detr');
    expect(paper.mentions.map((m: { entity: { id: string } }) => m.entity.id)).toContain('fcos');
    expect(
      paper.mentions.filter((m: { entity: { id: string } }) => m.entity.id === 'detr'),
    ).toEqual([]);
    expect(entity.papers.nodes.map((p: { id: string }) => p.id)).not.toContain(paperId);
    const path = await data(
      server,
      `{ path(from: "${paperId}", to: "DETR", maxLength: 1) { relation } }`,
    );
    expect(path.path).toBeNull();
  });

  // Last: every request above was a read.
  it('left the graph as it was', async () => {
    expect(await graphFingerprint(seeded().db)).toEqual(fingerprint);
  });
});
