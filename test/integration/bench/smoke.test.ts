import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { readBatch } from '../../../bench/corpus/batch-file';
import { GeneratedCorpus, generateCorpus } from '../../../bench/corpus/generate';
import {
  LoadFigures,
  benchLoader,
  benchNaive,
  prefixBatch,
} from '../../../bench/harness/ingest-bench';
import { ServerHandle, WorkloadFigures, runWorkload } from '../../../bench/harness/query-bench';
import { ratiosOf, toMarkdown, checkTargets } from '../../../bench/harness/report';
import { WORKLOADS, planWorkload } from '../../../bench/harness/workloads';
import { startRawCypherServer } from '../../../bench/servers/raw-cypher';
import { startPapergraphServer } from '../../../bench/servers/papergraph';
import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { clearGraph, openTestDatabase } from '../../support/test-graph';

/**
 * The benchmark harness end to end on a tiny corpus, so that it cannot rot: generate 50 papers,
 * load them (the loader and the naive way), run every workload for about a second at
 * concurrency 2 against papergraph and the floor, and check the shape of what comes back. No
 * timing is asserted: speed is shown by `npm run bench`, not by tests.
 */
// A shared machine can be slow; nothing here measures time, so give it room.
jest.setTimeout(600_000);

describe('bench harness smoke run', () => {
  let db: Database;
  let dir: string;
  const servers: ServerHandle[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-smoke-'));
    const config = loadConfig();
    const database = {
      uri: config.neo4jUri!,
      user: config.neo4jUser,
      password: config.neo4jPassword,
    };
    const floor = await startRawCypherServer(database);
    servers.push({ kind: 'floor', url: floor.url, pid: process.pid, stop: floor.close });
    const papergraph = await startPapergraphServer(database, {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
    });
    servers.push({
      kind: 'papergraph',
      url: papergraph.url,
      pid: process.pid,
      stop: papergraph.stop,
    });
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await clearGraph(db);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let corpus: GeneratedCorpus;
  let loads: LoadFigures[];
  const figures: WorkloadFigures[] = [];

  it('generates a corpus and loads it, with the loader and the naive way', async () => {
    corpus = generateCorpus({ papers: 50, seed: 3, out: dir });
    expect(fs.readFileSync(corpus.papersFile, 'utf8').trim().split('\n')).toHaveLength(50);
    const batch = await readBatch(corpus.batchFile);
    expect(batch.papers).toHaveLength(50);

    const naive = await benchNaive(db, prefixBatch(batch, 5));
    expect(naive).toMatchObject({ method: 'naive', papers: 5 });
    await clearGraph(db);
    const load = await benchLoader(db, batch);
    expect(load).toMatchObject({ method: 'loader', papers: 50 });
    expect(load.relationships).toBeGreaterThanOrEqual(
      batch.papers.reduce((n, p) => n + p.mentions.length, 0),
    );
    expect(load.papersPerSecond).toBeGreaterThan(0);
    expect(load.report?.papers.created).toBe(50);
    loads = [naive, load];
  });

  it.each(['floor', 'papergraph'] as const)('runs every workload against %s', async (kind) => {
    const server = servers.find((s) => s.kind === kind)!;
    for (const workload of WORKLOADS) {
      const plan = planWorkload(workload, kind, corpus.workloads);
      const result = await runWorkload(server, plan, {
        connections: 2,
        durationSeconds: 1,
        warmupSeconds: 0,
      });
      expect(result).toMatchObject({ server: kind, workload, connections: 2, durationSeconds: 1 });
      expect({ workload, errors: result.errors }).toEqual({
        workload,
        errors: { socket: 0, timeouts: 0, non2xx: 0, graphql: 0 },
      });
      // On a busy machine a second may pass without an answer; the shape must hold anyway.
      expect(result.requests).toBeGreaterThanOrEqual(0);
      expect(result.requestsPerSecond).toBe(result.requests / result.durationSeconds);
      expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
      expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
      expect(result.latencyMs.p99).toBeLessThanOrEqual(result.latencyMs.max);
      if (result.requests > 0) expect(result.responseBytes).toBeGreaterThan(0);
      if (workload.startsWith('lineage') || workload === 'entity-papers') {
        expect(result.bySize?.map((h) => h.half)).toEqual(['smaller', 'larger']);
      }
      figures.push(result);
    }
  });

  it('reports ratios, targets and a Markdown table', () => {
    const ratios = ratiosOf(figures);
    expect(ratios.map((r) => r.workload)).toEqual([...WORKLOADS]);
    for (const r of ratios) expect(r).toHaveProperty('p50VsFloor');
    const settings = {
      seed: 3,
      neo4jHeap: '-',
      neo4jPageCache: '-',
      connections: 2,
      durationSeconds: 1,
      warmupSeconds: 0,
      queryGraphPapers: 50,
    };
    const targets = checkTargets({ loads, queries: figures, settings, ratios });
    expect(targets.map((t) => t.target)).toEqual(
      expect.arrayContaining([
        'loader at least 10x the naive way',
        'papergraph within 1.5x of the floor at p50 on every workload',
      ]),
    );
    const markdown = toMarkdown({
      mode: 'custom',
      date: new Date().toISOString(),
      durationSeconds: 1,
      machine: {
        nproc: 1,
        memoryGiB: 1,
        cpuModel: 'test',
        os: 'test',
        node: process.version,
        loadAverage: { start: 0 },
      },
      versions: { neo4j: 'test' },
      settings,
      corpora: [corpus.summary],
      loads,
      notOffered: [],
      queries: figures,
      neo4jPeakRssMiB: null,
      ratios,
      targets,
    });
    expect(markdown).toContain('| lineage-6 | papergraph | same |');
  });
});
