import { Database } from '../../../src/db/database';
import { RunningServer } from '../../../src/server';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { startTestServer } from '../../support/test-server';
import { asCurator, rawRequest } from './api-helpers';

const MUTATION = JSON.stringify({
  query: 'mutation { ingestPapers(papers: [{ title: "Forged Paper" }]) { paperIds } }',
});

/**
 * A page on another site can make a browser send "simple" requests (no preflight): GET, and POST
 * with a form or text/plain body. Apollo's CSRF prevention refuses those unless they carry a
 * header that only a script allowed by CORS could set.
 */
describe('CSRF prevention', () => {
  let server: RunningServer;
  let db: Database;

  const papers = async () =>
    Number((await db.query<{ n: number }>('MATCH (p:Paper) RETURN count(p) AS n'))[0].n);

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
    await db.close();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a POST with content-type %s and no preflight header, and runs nothing',
    async (contentType) => {
      const response = await rawRequest(server, {
        body: MUTATION,
        headers: { 'content-type': contentType, ...asCurator() },
      });
      expect(response.status).toBe(400);
      expect(response.json?.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
      expect(response.json?.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      expect(await papers()).toBe(0);
    },
  );

  it('refuses a GET with no content-type and no preflight header', async () => {
    const response = await rawRequest(server, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ serverInfo { papergraph } }')}`,
    });
    expect(response.status).toBe(400);
    expect(response.json?.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('answers a GET that carries apollo-require-preflight', async () => {
    const response = await rawRequest(server, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ __typename }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.json?.data).toEqual({ __typename: 'Query' });
  });

  it('answers a JSON POST (which a browser preflights)', async () => {
    const response = await rawRequest(server, {
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });
});
