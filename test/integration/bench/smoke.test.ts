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
import {
  ServerHandle,
  WorkloadFigures,
  checkRequests,
  runWorkload,
} from '../../../bench/harness/query-bench';
import {
  BenchResults,
  checkTargets,
  machineInfo,
  ratiosOf,
  toMarkdown,
} from '../../../bench/harness/report';
import { SERVERS, WORKLOADS, planWorkload } from '../../../bench/harness/workloads';
import { startNeo4jGraphQLServer } from '../../../bench/servers/neo4j-graphql';
import { startPapergraphServer } from '../../../bench/servers/papergraph';
import { startRawCypherServer } from '../../../bench/servers/raw-cypher';
import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { GraphBatch } from '../../../src/model';
import { clearGraph, openTestDatabase } from '../../support/test-graph';

/**
 * The benchmark harness end to end on a tiny corpus, so that it cannot rot: generate 300 papers,
 * load them (the naive way on a prefix, then the loader), run every workload for a second against
 * the floor, papergraph and @neo4j/graphql, check that every answer is right (not only free of
 * errors), and render the report. No timing is asserted: speed is shown by `npm run bench`.
 */
// Three API servers and a load generator share the machine with the database.
jest.setTimeout(180_000);

const PAPERS = 300;
// Seed 7 gives three lineage roots whose trees reach depth 6, with more descendants at 6 than 3.
const SEED = 7;
const NAIVE_PAPERS = 10;

describe('bench harness smoke run', () => {
  let db: Database;
  let dir: string;
  let corpus: GeneratedCorpus;
  let batch: GraphBatch;
  const servers: ServerHandle[] = [];
  const loads: LoadFigures[] = [];
  const figures: WorkloadFigures[] = [];

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
    // In this process, so the peak memory figures are jest's: only their presence is checked.
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
    const peer = await startNeo4jGraphQLServer(database);
    servers.push({ kind: 'neo4j-graphql', url: peer.url, pid: process.pid, stop: peer.close });
  });

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await clearGraph(db);
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('generates a corpus; the naive way and the loader write the same graph', async () => {
    corpus = generateCorpus({ papers: PAPERS, seed: SEED, out: dir });
    expect(fs.readFileSync(corpus.papersFile, 'utf8').trim().split('\n')).toHaveLength(PAPERS);
    batch = await readBatch(corpus.batchFile);
    expect(batch.papers).toHaveLength(PAPERS);

    const prefix = prefixBatch(batch, NAIVE_PAPERS);
    const naive = await benchNaive(db, prefix);
    expect(naive).toMatchObject({ method: 'naive', papers: NAIVE_PAPERS });
    await clearGraph(db);
    const loaderOnPrefix = await benchLoader(db, prefix);
    expect({ nodes: naive.nodes, relationships: naive.relationships }).toEqual({
      nodes: loaderOnPrefix.nodes,
      relationships: loaderOnPrefix.relationships,
    });

    await clearGraph(db);
    const load = await benchLoader(db, batch);
    expect(load).toMatchObject({ method: 'loader', papers: PAPERS });
    expect(load.report?.papers.created).toBe(PAPERS);
    const mentions = batch.papers.reduce((n, p) => n + p.mentions.length, 0);
    expect(load.relationships).toBeGreaterThanOrEqual(mentions + batch.lineage.length);
    expect(load.papersPerSecond).toBeGreaterThan(0);
    delete load.report;
    loads.push(naive, load);
  });

  it.each(SERVERS)('answers every workload right on %s, without errors', async (kind) => {
    const server = servers.find((s) => s.kind === kind)!;
    const mentionsOf = new Map(batch.papers.map((p) => [p.id, p.mentions.length]));
    for (const workload of WORKLOADS) {
      const plan = planWorkload(workload, kind, corpus.workloads);
      // runWorkload checks that every answer is found, and lineage and dataset answers against
      // the corpus (their `size`); papers and statistics are checked against the batch here.
      if (workload === 'paper' || workload === 'stats') {
        const answers = await checkRequests(server.url, plan);
        expect(answers.length).toBeGreaterThan(0);
        for (const { request, answer } of answers) {
          const id = /"id":"([^"]+)"|[?&]id=([^&]+)/.exec(request.body ?? request.path);
          expect(answer.size).toBe(
            workload === 'stats' ? PAPERS : mentionsOf.get(id![1] ?? id![2]),
          );
        }
      }

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
      expect(result.requests).toBeGreaterThan(0);
      expect(result.requestsPerSecond).toBe(result.requests / result.durationSeconds);
      expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
      expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
      expect(result.latencyMs.p99).toBeLessThanOrEqual(result.latencyMs.max);
      expect(result.responseBytes).toBeGreaterThan(0);
      expect(result.peakRssMiB).toBeGreaterThan(0);
      if (workload.startsWith('lineage') || workload === 'entity-papers') {
        expect(result.bySize?.map((h) => h.half)).toEqual(['smaller', 'larger']);
      }
      figures.push(result);
    }
  });

  it('reports ratios against the floor and the peer, targets, and renders JSON and Markdown', async () => {
    const ratios = ratiosOf(figures);
    expect(ratios.map((r) => r.workload)).toEqual([...WORKLOADS]);
    for (const r of ratios) {
      expect(r.p50VsFloor).toBeGreaterThan(0);
      expect(r.throughputVsPeer).toBeGreaterThan(0);
    }
    expect(ratios.find((r) => r.workload === 'stats')?.peerComparable).toBe(false);
    const settings = {
      seed: SEED,
      neo4jHeap: 'test database',
      neo4jPageCache: 'test database',
      connections: 2,
      durationSeconds: 1,
      warmupSeconds: 0,
      queryGraphPapers: PAPERS,
    };
    const targets = checkTargets({ loads, queries: figures, settings, ratios });
    expect(targets.map((t) => t.target)).toEqual([
      'papergraph within 1.5x of the floor at p50 on every workload',
      'at least the throughput of @neo4j/graphql on every shared workload',
      'lineage depth 6 on the 100k graph under 50 ms at p99',
      'loader at least 10x the naive way',
    ]);
    // A 300-paper graph is not the 100k graph the lineage target is about.
    expect(targets[2].holds).toBeNull();
    const machine = machineInfo();
    const results: BenchResults = {
      mode: 'custom',
      date: new Date().toISOString(),
      durationSeconds: 1,
      machine: { ...machine, loadAverage: { start: machine.loadAverage.start, end: 0 } },
      versions: { neo4j: 'the test database' },
      settings,
      corpora: [corpus.summary],
      loads,
      notOffered: [],
      queries: figures,
      neo4jPeakRssMiB: null,
      ratios,
      targets,
    };
    // writeResults formats these with prettier, whose dynamic import jest cannot run.
    expect(JSON.parse(JSON.stringify(results))).toMatchObject({
      queries: figures,
      ratios,
      targets,
    });
    const markdown = toMarkdown(results);
    for (const server of SERVERS)
      for (const workload of WORKLOADS)
        expect(markdown).toMatch(new RegExp(`\\| ${workload}\\s*\\| ${server}\\s*\\|`));
    expect(markdown).toContain('## Targets');
    expect(markdown).toContain('loader at least 10x the naive way');
  });
});
