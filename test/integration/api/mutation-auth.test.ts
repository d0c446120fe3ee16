import { Database } from '../../../src/db/database';
import { RunningServer } from '../../../src/server';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { gql, startTestServer, TEST_API_TOKEN } from '../../support/test-server';
import { asCurator, rawRequest } from './api-helpers';

/** One call of each mutation; with a valid token each would run (or fail on its arguments). */
const MUTATIONS: Record<string, string> = {
  ingestPapers: `mutation { ingestPapers(papers: [{ title: "Auth Probe Paper", abstract: "We use BERT." }]) { paperIds } }`,
  mergeEntities: `mutation { mergeEntities(keep: "bert", merge: ["roberta"]) { kept } }`,
  addLineageEdge: `mutation { addLineageEdge(child: "roberta", parent: "bert", relation: EXTENDS) { created } }`,
  removeMention: `mutation { removeMention(paperId: "p", entityId: "bert", role: USES) { removed } }`,
};

const REFUSED_HEADERS: Record<string, Record<string, string>> = {
  'no Authorization header': {},
  'a wrong token': { authorization: 'Bearer not-the-token' },
  'an empty token': { authorization: 'Bearer ' },
  'the token with another scheme': { authorization: `Basic ${TEST_API_TOKEN}` },
  'the token with a suffix': { authorization: `Bearer ${TEST_API_TOKEN}x` },
  'a prefix of the token': { authorization: `Bearer ${TEST_API_TOKEN.slice(0, -1)}` },
};

describe('mutations need the API token', () => {
  let server: RunningServer;
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
    await clearGraph(db);
    await db.close();
  });

  describe.each(Object.entries(MUTATIONS))('%s', (name, operation) => {
    it.each(Object.entries(REFUSED_HEADERS))(
      'is refused with %s: UNAUTHENTICATED, 401',
      async (_, headers) => {
        const response = await rawRequest(server, {
          body: JSON.stringify({ query: operation }),
          headers: { 'content-type': 'application/json', ...headers },
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe('Bearer');
        expect(response.json?.errors).toEqual([
          expect.objectContaining({
            message: expect.stringContaining('Authorization: Bearer'),
            path: [name],
            extensions: { code: 'UNAUTHENTICATED' },
          }),
        ]);
        expect(response.json?.data).toBeNull();
      },
    );

    it('runs with the token (any refusal is about its arguments, not auth)', async () => {
      const response = await gql(server, operation, {}, asCurator());
      const codes = (response.errors ?? []).map((e) => e.extensions?.code);
      expect(codes).not.toContain('UNAUTHENTICATED');
      expect(codes).not.toContain('FORBIDDEN');
    });
  });

  it('accepts the scheme in any case, as RFC 7235 asks', async () => {
    const response = await gql(
      server,
      MUTATIONS.ingestPapers,
      {},
      { authorization: `bearer ${TEST_API_TOKEN}` },
    );
    expect(response.errors).toBeUndefined();
  });

  it('writes nothing when refused', async () => {
    await clearGraph(db);
    await gql(server, MUTATIONS.ingestPapers, {}, { authorization: 'Bearer wrong' });
    const [{ papers }] = await db.query<{ papers: number }>(
      'MATCH (p:Paper) RETURN count(p) AS papers',
    );
    expect(papers).toBe(0);
  });

  it('leaves queries open to everyone', async () => {
    const response = await gql(server, '{ serverInfo { papergraph } }');
    expect(response.errors).toBeUndefined();
  });
});

describe('with no PAPERGRAPH_API_TOKEN configured', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({ PAPERGRAPH_API_TOKEN: '' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(Object.entries(MUTATIONS))(
    '%s is off: FORBIDDEN, 403, saying how to turn it on',
    async (name, operation) => {
      for (const headers of [{}, asCurator(), { authorization: 'Bearer ' }]) {
        const response = await rawRequest(server, {
          body: JSON.stringify({ query: operation }),
          headers: { 'content-type': 'application/json', ...headers },
        });
        expect(response.status).toBe(403);
        expect(response.json?.errors).toEqual([
          expect.objectContaining({
            message: expect.stringMatching(/Mutations are off.*PAPERGRAPH_API_TOKEN/),
            path: [name],
            extensions: { code: 'FORBIDDEN' },
          }),
        ]);
      }
    },
  );

  it('still answers queries', async () => {
    const response = await gql(server, '{ serverInfo { papergraph } }');
    expect(response.errors).toBeUndefined();
  });
});
