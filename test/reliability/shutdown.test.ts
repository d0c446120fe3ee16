import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { Answer, post, postOnNewConnection, tcpConnect } from './support/http';
import { describeWithBuild, isAlive, logLines, waitFor } from './support/processes';
import { Deployment } from './support/served';
import { baseEntityNames, syntheticRecords, writeJsonl } from './support/synthetic-papers';

/**
 * SIGTERM to `papergraph serve` (owning its embedded database) while requests are in flight:
 * each of them completes with a full answer, new connections are refused from the signal on, the
 * driver is closed and the database stopped, the Java process is gone and the exit code is 0.
 */

const START_MS = Number(process.env.RELIABILITY_START_MS ?? 600_000);
const PAPERS = 400;
const IN_FLIGHT = 30;

describeWithBuild('shutdown', () => {
  let deployment: Deployment;

  beforeAll(async () => {
    deployment = await new Deployment('shutdown').init();
  });
  afterAll(async () => {
    await deployment?.dispose();
  });

  it(
    'SIGTERM with requests in flight: all answered in full, new connections refused, database stopped, exit 0',
    async () => {
      const server = await deployment.serve(START_MS);
      const neo4jPid = deployment.neo4jPid()!;
      expect(isAlive(neo4jPid)).toBe(true);
      const input = writeJsonl(
        path.join(deployment.dir, 'papers.jsonl'),
        syntheticRecords({ papers: PAPERS, seed: 17 }),
      );
      await deployment.cli(['ingest', input], START_MS);

      // Slow requests: lineage at depth 10 around the roots every paper descends from with a page of
      // papers for each entity, and pages of papers with their related papers.
      const roots = [...baseEntityNames('MODEL'), ...baseEntityNames('METHOD')];
      const queries = Array.from({ length: IN_FLIGHT }, (_, i) =>
        i % 3 === 2
          ? `{ papers(first: 100, orderBy: { field: MENTION_COUNT, direction: DESC }) {
               nodes { id related(first: 10) { sharedCount paper { id } } mentions { entity { paperCount descendantCount } } } } }`
          : `{ lineage(name: "${roots[i % roots.length]}", maxDepth: 10, direction: BOTH) {
               nodes { id descendantCount papers(first: 100) { nodes { id abstract } } }
               edges { relation evidence } } }`,
      );
      // Once each, so that the database has planned them and every answer is known to be complete.
      const expected = new Map<string, string>();
      for (const query of new Set(queries)) {
        const answer = await post(deployment.url, query, {}, {}, 120_000);
        expect(answer.errors).toBeUndefined();
        expected.set(query, JSON.stringify(answer.data));
      }

      const answers: Array<Answer & { doneAt: number }> = [];
      const inFlight = queries.map((query) =>
        post(deployment.url, query, {}, {}, 120_000).then((answer) => {
          answers.push({ ...answer, doneAt: Date.now() });
          return answer;
        }),
      );
      // Signal once the server is answering (the first answer), or after 300 ms: on a quiet
      // machine the whole batch can be answered within a fixed pause, leaving nothing in flight.
      await Promise.race([sleep(300), Promise.race(inFlight)]);
      const signalled = Date.now();
      server.kill('SIGTERM');

      // The listener closes within moments (once connections the kernel had already queued are
      // accepted); requests already sent go on.
      await waitFor(
        'new connections to be refused',
        async () => (await tcpConnect(deployment.port)) === 'refused',
        60_000,
        250,
      );
      const pendingWhenRefused = IN_FLIGHT - answers.length;
      expect(await postOnNewConnection(deployment.port, '{ serverInfo { papergraph } }')).toBe(
        'ECONNREFUSED',
      );

      const results = await Promise.all(inFlight);
      const exit = await waitFor(
        'the server to exit',
        () => (server.alive() ? undefined : server.exited),
        120_000,
        100,
      );
      expect(exit).toEqual({ code: 0, signal: null });

      // Every request got its full answer, the same as before the signal.
      const incomplete = results
        .map((answer, i) => ({
          i,
          status: answer.status,
          failure: answer.failure,
          errors: answer.errors,
          same: JSON.stringify(answer.data) === expected.get(queries[i]),
          ms: answer.ms,
          msAfterSignal: answer.at + answer.ms - signalled,
        }))
        .filter((a) => a.status !== 200 || a.failure || a.errors || !a.same);
      expect(incomplete).toEqual([]);
      // The test means something only if requests were in flight at the signal.
      const afterSignal = answers.filter((a) => a.doneAt > signalled).length;
      expect(afterSignal).toBeGreaterThan(0);
      expect(pendingWhenRefused).toBeGreaterThan(0);

      // Drained, then the driver closed and the owned database stopped.
      const messages = logLines(server.stdout()).map((l) => String(l.msg));
      expect(messages).toContainEqual(expect.stringMatching(/^SIGTERM: draining requests/));
      expect(messages[messages.length - 1]).toMatch(
        /^Stopped: requests drained, Neo4j driver closed/,
      );
      expect(isAlive(neo4jPid)).toBe(false);
      expect(deployment.neo4jPid()).toBeUndefined();
      console.log(
        `[reliability] shutdown: ${afterSignal}/${IN_FLIGHT} requests finished after SIGTERM, ` +
          `the last ${Math.max(...answers.map((a) => a.doneAt)) - signalled} ms after it`,
      );
    },
    3 * START_MS,
  );
});
