import { Writable } from 'node:stream';

import pino from 'pino';

import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { RunningServer, startServer } from '../../src/server';
import { clearGraph, openTestDatabase } from '../support/test-graph';
import { post } from './support/http';
import {
  childEnv,
  describeWithBuild,
  freePort,
  runCli,
  runCliToEnd,
  waitFor,
} from './support/processes';

/**
 * No secret reaches a log: not the API token, not the Neo4j password (from NEO4J_PASSWORD or
 * written into NEO4J_URI), whatever fails. test/integration/api/request-log.test.ts covers the
 * token in request lines; this covers error paths (logged `err` objects, refused credentials, an
 * unreachable database) and the CLI's own messages. The fault tests (database-faults.test.ts)
 * scan every log of a database outage for the same secrets.
 */

const TOKEN = 'token-must-never-be-logged-7f3a';

describe('an in-process server logging to a stream', () => {
  let server: RunningServer;
  let db: Database;
  let log = '';

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    // A corrupt entity (a list where a name belongs) makes a mutation fail unexpectedly: an
    // INTERNAL_SERVER_ERROR, logged with its `err` in full.
    await db.write((tx) =>
      tx.run(`CREATE (:Entity:Model {id: 'broken', name: ['x', 'y'], kind: 'MODEL', aliases: []})
              CREATE (:Entity:Model {id: 'fine', name: 'Fine', kind: 'MODEL', aliases: []})`),
    );
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PAPERGRAPH_API_TOKEN: TOKEN,
      NODE_ENV: 'development',
    });
    const sink = new Writable({
      write(chunk, _encoding, done) {
        log += String(chunk);
        done();
      },
    });
    server = await startServer(config, pino({ level: 'trace' }, sink));
  });
  afterAll(async () => {
    await server?.stop();
    await clearGraph(db);
    await db?.close();
  });

  it('logs failures in full, without the token or the database password', async () => {
    const password = loadConfig().neo4jPassword;
    const auth = { authorization: `Bearer ${TOKEN}` };
    const requests: Array<[string, Record<string, string>]> = [
      [
        'mutation { addLineageEdge(child: "broken", parent: "fine", relation: EXTENDS) { created edge { child { name } } } }',
        auth,
      ],
      ['{ entities(first: 5) { nodes { name } } }', auth],
      ['mutation { mergeEntities(keep: "nope", merge: ["nada"]) { kept } }', auth],
      [
        'mutation { removeMention(paperId: "p", entityId: "e", role: USES) { removed } }',
        { authorization: `Bearer ${TOKEN}x` },
      ],
      ['{ serverInfo { papergraph } }', { ...auth, cookie: `session=${TOKEN}` }],
    ];
    const codes: string[] = [];
    for (const [query, headers] of requests) {
      const answer = await post(server.url, query, {}, headers);
      codes.push(answer.errors?.[0]?.extensions?.code ?? 'OK');
    }
    expect(codes).toEqual([
      'INTERNAL_SERVER_ERROR',
      'INTERNAL_SERVER_ERROR',
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'OK',
    ]);
    // The failures were logged, with their errors (and stack traces) ...
    expect(log).toMatch(/unexpected error in a GraphQL request/);
    expect(log).toMatch(/"stack"/);
    // ... and no secret with them.
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(password);
  });
});

describeWithBuild('the CLI, when the database refuses or cannot be reached', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db?.close());

  it('names NEO4J_PASSWORD when the password is wrong, without printing it or a stack trace', async () => {
    const wrong = 'wrong-password-must-not-show-91c2';
    const run = runCliToEnd(
      ['ingest', 'test/fixtures/formats/papers.jsonl'],
      childEnv({
        NEO4J_URI: process.env.NEO4J_URI,
        NEO4J_USER: process.env.NEO4J_USER,
        NEO4J_PASSWORD: wrong,
      }),
      120_000,
    );
    const error = (await run.then(
      () => new Error('the ingest succeeded with a wrong password'),
      (failure: Error) => failure,
    )) as Error;
    expect(error.message).toMatch(/refused the credentials: check NEO4J_USER and NEO4J_PASSWORD/);
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('masks credentials written into NEO4J_URI', async () => {
    const secret = 'uri-password-must-not-show-5d1e';
    const port = await freePort(); // nothing listens there
    const cli = runCli(
      ['ingest', 'test/fixtures/formats/papers.jsonl'],
      childEnv({ NEO4J_URI: `bolt://neo4j:${secret}@127.0.0.1:${port}` }),
    );
    try {
      await waitFor(
        'the CLI to say it waits for Neo4j',
        () => /Waiting for Neo4j/.test(cli.stderr()),
        60_000,
      );
    } finally {
      cli.kill('SIGKILL');
      await cli.exited;
    }
    expect(cli.stderr()).toContain(`Waiting for Neo4j at bolt://***@127.0.0.1:${port}`);
    expect(cli.stdout() + cli.stderr()).not.toContain(secret);
  });
});
