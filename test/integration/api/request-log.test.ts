import { Writable } from 'node:stream';

import pino from 'pino';

import { loadConfig } from '../../../src/config';
import { RunningServer, startServer } from '../../../src/server';
import { gql, TEST_API_TOKEN } from '../../support/test-server';
import { asCurator, rawRequest } from './api-helpers';

/** The server with its JSON log lines collected, parsed. */
async function startLoggedServer(lines: Array<Record<string, unknown>>): Promise<RunningServer> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PAPERGRAPH_API_TOKEN: TEST_API_TOKEN,
    NODE_ENV: 'test',
  });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return startServer(config, pino({ level: 'info' }, sink));
}

describe('request log', () => {
  const lines: Array<Record<string, unknown>> = [];
  let server: RunningServer;

  beforeAll(async () => {
    server = await startLoggedServer(lines);
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  const requestLines = () => lines.filter((line) => line.msg === 'graphql request');

  it('writes one JSON line per request: operation, duration, status, error codes', async () => {
    await gql(server, 'query Versions { serverInfo { papergraph } }');
    await gql(server, '{ nope }');
    expect(requestLines()).toEqual([
      expect.objectContaining({
        operationName: 'Versions',
        operationType: 'query',
        status: 200,
        durationMs: expect.any(Number),
        errorCodes: [],
      }),
      expect.objectContaining({
        operationName: null,
        status: 400,
        errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
      }),
    ]);
  });

  it('never logs the token, right or wrong, nor the variables', async () => {
    const op =
      'mutation Remove($p: ID!) { removeMention(paperId: $p, entityId: "e", role: USES) { removed } }';
    await gql(server, op, { p: 'variable-value-xyz' }, asCurator());
    await gql(server, op, { p: 'variable-value-xyz' }, { authorization: 'Bearer wrong-token-abc' });
    const text = JSON.stringify(lines);
    expect(requestLines().map((l) => [l.operationName, l.errorCodes])).toEqual([
      ['Remove', ['BAD_USER_INPUT']],
      ['Remove', ['UNAUTHENTICATED']],
    ]);
    expect(text).not.toContain(TEST_API_TOKEN);
    expect(text).not.toContain('wrong-token-abc');
    expect(text).not.toContain('variable-value-xyz');
    expect(text.toLowerCase()).not.toContain('authorization');
  });

  it('logs a refused body without its content', async () => {
    const body = JSON.stringify({
      query: '{ __typename }',
      variables: { pad: 'y'.repeat(1_100_000) },
    });
    await rawRequest(server, {
      body,
      headers: { 'content-type': 'application/json', ...asCurator() },
    });
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request refused', status: 413, code: 'PAYLOAD_TOO_LARGE' }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(TEST_API_TOKEN);
  });
});
