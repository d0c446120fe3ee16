import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { Database } from '../../src/db/database';
import { clearGraph, graphFingerprint, openTestDatabase } from '../support/test-graph';
import { graphCounts, graphShape, graphViolations } from './support/graph-state';
import { childEnv, describeWithBuild, runCli, runCliToEnd } from './support/processes';
import { prng, syntheticRecords, writeJsonl } from './support/synthetic-papers';

/**
 * `papergraph ingest` killed with SIGKILL part-way, then run again, must leave exactly the graph an
 * uninterrupted run leaves: every write transaction is whole or absent, and every write is an
 * idempotent MERGE. Two ingests of overlapping files at once must not duplicate anything.
 *
 * RELIABILITY_INGEST_PAPERS sets the size (default 1000 papers, about 2,500 entities and 7,000
 * links; at least 1000, so that the papers take two transactions); RELIABILITY_SEED the kill points.
 */

const PAPERS = Math.max(1_000, Number(process.env.RELIABILITY_INGEST_PAPERS ?? 1_000));
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_251_129);
const RUN_MS = 600_000;

describeWithBuild('interrupted and concurrent ingests', () => {
  let db: Database;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    db = await openTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-ingest-'));
    env = childEnv({
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: process.env.NEO4J_USER,
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    });
  });
  afterAll(async () => {
    await clearGraph(db);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ingest = (file: string) => runCliToEnd(['ingest', file], env, RUN_MS);

  it(
    'killed with SIGKILL at random points, then run to completion: the graph of an uninterrupted run',
    async () => {
      const file = writeJsonl(
        path.join(dir, 'papers.jsonl'),
        syntheticRecords({ papers: PAPERS, seed: 3 }),
      );

      await clearGraph(db);
      const reference = await ingest(file);
      const expected = { fingerprint: await graphFingerprint(db), counts: await graphCounts(db) };
      expect(expected.counts.papers).toBe(PAPERS);

      await clearGraph(db);
      const random = prng(SEED);
      // Kill points, in what the graph holds so far (each run first re-merges what earlier runs
      // wrote): part-way through the entities; once the first transaction of papers (500 papers)
      // is in, before the last; the moment the last paper is in, while the lineage edges are
      // being written.
      const points = [
        { what: 'entities', at: Math.ceil(expected.counts.entities * (0.2 + 0.5 * random())) },
        { what: 'papers', at: Math.ceil(Math.min(500, PAPERS / 2) * (0.2 + 0.8 * random())) },
        { what: 'papers', at: PAPERS },
      ] as const;
      const killedAt: Array<{ papers: number; entities: number; links: number }> = [];
      for (const point of points) {
        const cli = runCli(['ingest', file], env);
        const deadline = Date.now() + RUN_MS;
        while (cli.alive() && Date.now() < deadline) {
          const counts = await graphCounts(db);
          if (counts[point.what] >= point.at) {
            cli.kill('SIGKILL');
            break;
          }
          await sleep(100);
        }
        const { signal } = await cli.exited;
        const counts = await graphCounts(db);
        killedAt.push({
          papers: counts.papers,
          entities: counts.entities,
          links: Object.values(counts.links).reduce((a, b) => a + b, 0),
        });
        // Killed while at work, not after it finished.
        expect(signal).toBe('SIGKILL');
        // Whatever the kill interrupted, no transaction is half-applied.
        expect(await graphViolations(db)).toEqual({});
      }
      // The first kills left partial graphs.
      expect(killedAt[0].papers).toBeLessThan(PAPERS);
      expect(killedAt[1].papers).toBeLessThan(PAPERS);

      const final = await ingest(file);
      expect(final.stdout).toMatch(/Graph updated/);
      expect(await graphCounts(db)).toEqual(expected.counts);
      expect(await graphFingerprint(db)).toEqual(expected.fingerprint);
      console.log(
        `[reliability] ${PAPERS} papers: uninterrupted ingest ${reference.ms} ms; killed at ` +
          `${killedAt.map((k) => `${k.entities} entities/${k.papers} papers`).join(', ')}; completed in ${final.ms} ms`,
      );
    },
    4 * RUN_MS,
  );

  it(
    'two ingests of overlapping files at once: no duplicates, the graph of a sequential run',
    async () => {
      // A and B share a fifth of the papers (and many of the entities both name).
      const a = writeJsonl(
        path.join(dir, 'a.jsonl'),
        syntheticRecords({ papers: Math.round(PAPERS * 0.6), seed: 5 }),
      );
      const b = writeJsonl(
        path.join(dir, 'b.jsonl'),
        syntheticRecords({
          papers: Math.round(PAPERS * 0.6),
          seed: 5,
          from: Math.round(PAPERS * 0.4),
        }),
      );

      await clearGraph(db);
      await ingest(a);
      await ingest(b);
      const sequential = { counts: await graphCounts(db), shape: await graphShape(db) };
      expect(sequential.counts.papers).toBe(PAPERS);

      await clearGraph(db);
      const started = Date.now();
      const [ra, rb] = await Promise.all([ingest(a), ingest(b)]);
      expect(ra.stdout).toMatch(/Graph updated/);
      expect(rb.stdout).toMatch(/Graph updated/);
      expect(await graphViolations(db)).toEqual({});
      expect(await graphCounts(db)).toEqual(sequential.counts);
      expect(await graphShape(db)).toBe(sequential.shape);
      console.log(`[reliability] two overlapping ingests at once: ${Date.now() - started} ms`);
    },
    4 * RUN_MS,
  );
});
