import { Database } from '../../../src/db/database';
import { loadBatch } from '../../../src/ingest/load';
import { RunningServer } from '../../../src/server';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { gql, startTestServer } from '../../support/test-server';
import { asCurator, errorCodes } from './api-helpers';

/** Strings that would change a query if they were ever spliced into Cypher, Lucene or HTML. */
const HOSTILE = [
  `Robert'); MATCH (n) DETACH DELETE n; //`,
  `"}) MATCH (n) DETACH DELETE n RETURN 1 //`,
  '`Entity`) DETACH DELETE n //',
  '$keepId ${process.exit()} {{7*7}}',
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  'title:* OR abstract:* AND NOT "x"~2 \\',
  '\u202eRTL override \ud83e\udde0 and 中文',
];

describe('hostile input to mutations is stored as data, never run', () => {
  let server: RunningServer;
  let db: Database;

  const nodeCount = async () =>
    Number(
      (await db.query<{ n: number }>('MATCH (n) WHERE n:Paper OR n:Entity RETURN count(n) AS n'))[0]
        .n,
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    server = await startTestServer();
  });
  beforeEach(async () => {
    await clearGraph(db);
    await loadBatch(db, {
      papers: [
        { id: 'keep-me', title: 'Keep Me', abstract: 'We use BERT.', authors: [], mentions: [] },
      ],
      entities: [
        { id: 'bert', name: 'BERT', kind: 'MODEL', aliases: [] },
        { id: 'gpt', name: 'GPT', kind: 'MODEL', aliases: [] },
      ],
      lineage: [],
      warnings: [],
    });
  });
  afterAll(async () => {
    await server?.stop();
    await clearGraph(db);
    await db.close();
  });

  it('ingestPapers stores hostile titles, abstracts and names verbatim', async () => {
    const papers = HOSTILE.map((text, i) => ({
      id: `hostile-${i}`,
      title: text,
      abstract: `${text} We introduce ${text.slice(0, 20)}. We use BERT.`,
      authors: [text],
      methods: [text],
    }));
    const response = await gql(
      server,
      'mutation Ingest($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { paperIds } }',
      { papers },
      asCurator(),
    );
    expect(response.errors).toBeUndefined();
    const stored = await db.query<{ id: string; title: string; authors: string[] }>(
      `MATCH (p:Paper) WHERE p.id STARTS WITH 'hostile-' RETURN p.id AS id, p.title AS title, p.authors AS authors ORDER BY id`,
    );
    expect(stored.map((p) => p.title)).toEqual(HOSTILE.map((t) => t.replace(/\s+/g, ' ').trim()));
    expect(stored.map((p) => p.authors[0])).toEqual(
      HOSTILE.map((t) => t.replace(/\s+/g, ' ').trim()),
    );
    expect(await db.query(`MATCH (p:Paper {id: 'keep-me'}) RETURN p.id AS id`)).toHaveLength(1);
  });

  it.each(HOSTILE)('mergeEntities takes %j as a name: unknown, nothing deleted', async (text) => {
    const before = await nodeCount();
    const response = await gql(
      server,
      'mutation M($keep: String!, $merge: [String!]!) { mergeEntities(keep: $keep, merge: $merge) { kept } }',
      { keep: 'BERT', merge: [text] },
      asCurator(),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('Unknown entity');
    expect(await nodeCount()).toBe(before);
  });

  it.each(HOSTILE)('addLineageEdge stores %j as evidence and curator, verbatim', async (text) => {
    const curator = text.replace(/[^\x20-\x7e]/g, '?'); // HTTP headers carry Latin-1 only
    const response = await gql(
      server,
      'mutation A($e: String) { addLineageEdge(child: "GPT", parent: "BERT", relation: INSPIRED_BY, evidence: $e) { created curatedBy } }',
      { e: text },
      asCurator(curator),
    );
    expect(response.errors).toBeUndefined();
    const [edge] = await db.query<{ evidence: string; curatedBy: string }>(
      `MATCH (:Entity {id: 'gpt'})-[r:INSPIRED_BY]->(:Entity {id: 'bert'}) RETURN r.evidence AS evidence, r.curatedBy AS curatedBy`,
    );
    expect(edge).toEqual({ evidence: text.trim(), curatedBy: curator.trim() });
    expect(await nodeCount()).toBe(3);
  });

  it.each(HOSTILE)('removeMention takes %j as an id: unknown, nothing deleted', async (text) => {
    const response = await gql(
      server,
      'mutation R($p: ID!, $e: ID!) { removeMention(paperId: $p, entityId: $e, role: USES) { removed } }',
      { p: text, e: text },
      asCurator(),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await nodeCount()).toBe(3);
  });

  it('refuses a role or relation that is not in the enum before anything runs', async () => {
    const response = await gql(
      server,
      'mutation R($role: LinkRole!) { removeMention(paperId: "keep-me", entityId: "bert", role: $role) { removed } }',
      { role: 'USES]->(e) DETACH DELETE e //' },
      asCurator(),
    );
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await nodeCount()).toBe(3);
  });
});
