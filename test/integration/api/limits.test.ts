import { Database } from '../../../src/db/database';
import { RunningServer } from '../../../src/server';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { gql, startTestServer } from '../../support/test-server';
import { asCurator, errorCodes, rawRequest } from './api-helpers';

/** `{ __type { fields { type { ofType { ... { name } } } } } }`, `depth` fields deep. */
function nestedQuery(depth: number): string {
  const ofTypes = depth - 4;
  return `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } }`;
}

function aliasedQuery(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: serverInfo { papergraph }`).join(' ')} }`;
}

describe('request limits (defaults)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('accepts depth 12 and refuses depth 13', async () => {
    expect((await gql(server, nestedQuery(12))).errors).toBeUndefined();
    const response = await gql(server, nestedQuery(13));
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0].message).toMatch(/depth limit of 12 exceeded, found 13/);
  });

  it('accepts 15 aliases and refuses 16', async () => {
    expect((await gql(server, aliasedQuery(15))).errors).toBeUndefined();
    const response = await gql(server, aliasedQuery(16));
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/Aliases limit of 15 exceeded, found 16/);
  });

  it('refuses more than 20 directives', async () => {
    const directives = ' @include(if: true)'.repeat(21);
    const response = await gql(server, `{ __typename${directives} }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/Directives limit of 20 exceeded, found 21/);
  });

  it('refuses more than 5000 tokens while parsing, before validation', async () => {
    const response = await gql(server, `{ ${'__typename '.repeat(5000)} }`);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(response.errors?.[0].message).toMatch(/Document contains more tha[nt] 5000 tokens/);
  });

  it('answers a body over 1 MiB with a clean 413 JSON error, and keeps serving', async () => {
    const body = JSON.stringify({
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(1_048_576) },
    });
    const response = await rawRequest(server, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.json).toEqual({
      errors: [
        {
          message: 'The request body is larger than 1048576 bytes (PAPERGRAPH_MAX_BODY_BYTES).',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
    expect((await gql(server, '{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('answers a body that is not JSON with a clean 400', async () => {
    const response = await rawRequest(server, {
      body: '{"query": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.json?.errors?.[0]).toEqual({
      message: 'The request body is not valid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(response.text).not.toMatch(/at .*\.js/);
  });

  it('refuses batched operations, so the limits bound a whole request', async () => {
    const body = JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    const response = await rawRequest(server, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });

  it('refuses a mutation over GET', async () => {
    const query = encodeURIComponent(
      'mutation { removeMention(paperId: "p", entityId: "e", role: USES) { removed } }',
    );
    const response = await rawRequest(server, {
      method: 'GET',
      path: `/graphql?query=${query}`,
      headers: { 'apollo-require-preflight': 'true', ...asCurator() },
    });
    expect(response.status).toBe(405);
  });
});

describe('request limits (configured)', () => {
  let server: RunningServer;
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    server = await startTestServer({
      PAPERGRAPH_MAX_COST: '20',
      PAPERGRAPH_MAX_BODY_BYTES: '2000',
      PAPERGRAPH_MAX_INGEST_PAPERS: '2',
      PAPERGRAPH_INGEST_TIMEOUT_MS: '1',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db.close();
  });

  it('refuses an operation over the cost limit', async () => {
    // serverInfo: 2 + 1.5 x 2 scalars = 5; four of them cost 20, five cost 25.
    const query = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `s${i}: serverInfo { papergraph neo4j }`).join(' ')} }`;
    expect((await gql(server, query(4))).errors).toBeUndefined();
    const response = await gql(server, query(5));
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).toMatch(/Cost limit of 20 exceeded, found 25/);
  });

  it('reads the body limit from PAPERGRAPH_MAX_BODY_BYTES', async () => {
    const body = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(2000) } });
    const response = await rawRequest(server, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
  });

  it('reads the papers-per-call limit from PAPERGRAPH_MAX_INGEST_PAPERS', async () => {
    const response = await gql(
      server,
      'mutation { ingestPapers(papers: [{title: "A"}, {title: "B"}, {title: "C"}]) { paperIds } }',
      {},
      asCurator(),
    );
    expect(response.errors?.[0].message).toMatch(/^3 papers in one call; at most 2/);
  });

  it('stops an ingest that outlasts its transaction timeout, writing nothing at all', async () => {
    // An uncommitted paper with the same id makes the ingest wait for its lock, after it has
    // written the entities in its transaction, until the timeout ends it.
    const session = db.driver.session();
    const blocker = await session.beginTransaction();
    await blocker.run(`CREATE (:Paper {id: 'timed-out-paper'})`);
    try {
      const response = await gql(
        server,
        'mutation { ingestPapers(papers: [{title: "Timed Out Paper", abstract: "We use BERT on ImageNet."}]) { paperIds } }',
        {},
        asCurator(),
      );
      expect(errorCodes(response)).toEqual(['QUERY_TIMEOUT']);
    } finally {
      await blocker.rollback();
      await session.close();
    }
    const [{ n }] = await db.query<{ n: number }>(
      'MATCH (n) WHERE n:Paper OR n:Entity OR n:Alias RETURN count(n) AS n',
    );
    expect(n).toBe(0);
  });
});
