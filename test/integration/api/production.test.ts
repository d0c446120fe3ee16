import { Database } from '../../../src/db/database';
import { RunningServer } from '../../../src/server';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { gql, startTestServer } from '../../support/test-server';
import { asCurator, errorCodes, rawRequest } from './api-helpers';

const ADD_EDGE = `mutation { addLineageEdge(child: "broken-a", parent: "broken-b", relation: EXTENDS) { edge { child { name } } } }`;

/** Two entities whose `name` is a list, as a bad manual edit could leave: reading it fails. */
async function seedCorruptEntities(db: Database): Promise<void> {
  await db.write((tx) =>
    tx.run(`
      CREATE (:Entity:Model {id: 'broken-a', name: ['secret-internal-a', 'x'], kind: 'MODEL', aliases: []})
      CREATE (:Entity:Model {id: 'broken-b', name: 'B', kind: 'MODEL', aliases: []})`),
  );
}

function hasStacktrace(body: unknown): boolean {
  return JSON.stringify(body).includes('stacktrace');
}

describe('NODE_ENV=production', () => {
  let server: RunningServer;
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    await seedCorruptEntities(db);
    server = await startTestServer({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    await server?.stop();
    await clearGraph(db);
    await db.close();
  });

  it.each([
    ['__schema', '{ __schema { types { name } } }'],
    ['__type', '{ __type(name: "Query") { name } }'],
  ])('refuses introspection through %s', async (_, query) => {
    const response = await gql(server, query);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0].message).toMatch(/introspection is not allowed/);
  });

  it('does not suggest field names', async () => {
    const response = await gql(server, '{ serverInf { papergraph } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(response.errors?.[0].message).not.toMatch(/serverInfo/);
  });

  it('masks an unexpected error, with no stack trace', async () => {
    const response = await gql(server, ADD_EDGE, {}, asCurator());
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ]);
    expect(JSON.stringify(response)).not.toMatch(/secret-internal|String cannot represent/);
    expect(hasStacktrace(response)).toBe(false);
  });

  it('keeps the message of errors made for the client, with no stack trace', async () => {
    const response = await gql(
      server,
      `mutation { mergeEntities(keep: "nothing-here", merge: ["nope"]) { kept } }`,
      {},
      asCurator(),
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toMatch(
      /Unknown entity: keep 'nothing-here', merge\[0\] 'nope'/,
    );
    expect(hasStacktrace(response)).toBe(false);
    const parseError = await gql(server, '{ serverInfo { ');
    expect(errorCodes(parseError)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(hasStacktrace(parseError)).toBe(false);
  });

  it('serves no playground', async () => {
    const response = await rawRequest(server, { method: 'GET', headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(response.text).not.toMatch(/<html/i);
    const asset = await rawRequest(server, { method: 'GET', path: '/playground/index.html' });
    expect(asset.status).toBe(404);
  });
});

describe('NODE_ENV=production with PAPERGRAPH_INTROSPECTION and PAPERGRAPH_PLAYGROUND on', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PAPERGRAPH_INTROSPECTION: 'true',
      PAPERGRAPH_PLAYGROUND: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers introspection and suggests field names again', async () => {
    expect((await gql(server, '{ __schema { queryType { name } } }')).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const response = await gql(server, '{ serverInf { papergraph } }');
    expect(response.errors?.[0].message).toMatch(/Did you mean "serverInfo"/);
  });

  it('routes a browser GET of /graphql to the playground', async () => {
    const response = await rawRequest(server, { method: 'GET', headers: { accept: 'text/html' } });
    // 200 with the page once `npm run build:web` ran, 503 saying to run it otherwise.
    if (response.status === 200) {
      expect(response.text).toMatch(/<div id="graphiql"/);
      expect(response.headers.get('content-security-policy')).toMatch(/connect-src 'self'/);
    } else {
      expect(response.status).toBe(503);
      expect(response.text).toMatch(/npm run build:web/);
    }
  });
});

describe('outside production', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    await seedCorruptEntities(db);
  });
  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  it.each([
    ['test', false],
    ['development', true],
  ])(
    'NODE_ENV=%s shows the real message; a stack trace only in development',
    async (nodeEnv, stack) => {
      const server = await startTestServer({ NODE_ENV: nodeEnv, LOG_LEVEL: 'silent' });
      try {
        const response = await gql(server, ADD_EDGE, {}, asCurator());
        expect(errorCodes(response)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(response.errors?.[0].message).toMatch(/String cannot represent value/);
        expect(hasStacktrace(response)).toBe(stack);
      } finally {
        await server.stop();
      }
    },
  );
});
