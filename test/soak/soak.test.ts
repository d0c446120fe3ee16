import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

import { corpusDir } from '../../bench/harness/paths';
import { ensureCorpus } from '../../bench/corpus/generate';
import { benchLoaderStreaming } from '../../bench/harness/ingest-bench';
import { planWorkload, responseOk, WorkloadName } from '../../bench/harness/workloads';
import { ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { LINEAGE_RELATIONS } from '../../src/model';
import { clearGraph, openTestDatabase } from '../support/test-graph';
import { post } from '../reliability/support/http';
import {
  childEnv,
  CliProcess,
  describeWithBuild,
  freePort,
  rssBytes,
  runCli,
  waitFor,
} from '../reliability/support/processes';
import { prng } from '../reliability/support/synthetic-papers';

/**
 * The soak: a mixed read workload (autocannon) against `papergraph serve` over the benchmark's
 * synthetic graph (bench/corpus, cached in .cache/bench/corpus-<papers>-42 and loaded with
 * `loadBatch` as the ingest benchmark does), with curation mutations (addLineageEdge,
 * removeMention) mixed in at a steady rate. Asserts zero errors, every acknowledged write present
 * afterwards, the API's memory flat (RSS of the last window under 1.2x the first after warm-up)
 * and latency stable (p50 and p99 of the last window within SOAK_MAX_LATENCY_RATIO of the first).
 * Only `npm run test:soak`; sized by:
 *
 *   SOAK_MINUTES (10)  SOAK_PAPERS (100000)  SOAK_CONNECTIONS (50)  SOAK_WARMUP_SECONDS (60, or
 *   20 under 5 minutes)  SOAK_MUTATIONS_PER_SECOND (2)  SOAK_MAX_LATENCY_RATIO (2)
 *
 * The figures go to test-artifacts/soak/last-run.json and the console.
 */

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const PAPERS = Number(process.env.SOAK_PAPERS ?? 100_000);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? (MINUTES >= 5 ? 60 : 20));
const MUTATIONS_PER_S = Number(process.env.SOAK_MUTATIONS_PER_SECOND ?? 2);
const MAX_LATENCY_RATIO = Number(process.env.SOAK_MAX_LATENCY_RATIO ?? 2);
/** The benchmark corpus seed, so that the cached 100k corpus is reused. */
const CORPUS_SEED = 42;
const TOKEN = 'soak-token';

const MEASURE_S = MINUTES * 60;
/** A minute per window; two halves when the run is shorter than two minutes. */
const WINDOW_S = MEASURE_S >= 120 ? 60 : MEASURE_S / 2;

/**
 * The read mix: the benchmark's papergraph workloads, each rotating over its parameters, weighted
 * towards the cheap ones a browsing client sends most, with the dashboard's `stats` now and then
 * (it reads the count store and the counters the writers keep).
 */
const READ_WEIGHTS: Partial<Record<WorkloadName, number>> = {
  paper: 4,
  'entity-papers': 3,
  search: 2,
  'lineage-3': 2,
  'lineage-6': 1,
  stats: 1,
};

interface Mention {
  paperId: string;
  entityId: string;
  role: string;
}

/** What the curation writer may change without ever being refused for a good reason. */
interface WriteTargets {
  /** Mentions (not INTRODUCES) that removeMention removes, each once. */
  mentions: Mention[];
  /** Entities nothing derives from: children for addLineageEdge. */
  children: string[];
  /** Entities that derive from nothing: parents. A parent never gets a parent and a child never
   * gets a child, so no added edge can close a cycle. */
  parents: string[];
}

async function writeTargets(db: Database, paperIds: string[]): Promise<WriteTargets> {
  const mentions = await db.query<Mention>(
    `UNWIND $paperIds AS paperId
     MATCH (p:Paper {id: paperId})-[r]->(e:Entity)
     WHERE type(r) IN ['USES', 'EVALUATES_ON', 'COMPARES_WITH', 'ADDRESSES']
     WITH p, r, e ORDER BY type(r), e.id
     WITH p, collect({entityId: e.id, role: type(r)})[0] AS m
     RETURN p.id AS paperId, m.entityId AS entityId, m.role AS role`,
    { paperIds },
  );
  const children = await db.query<{ id: string }>(
    `MATCH (e:Entity)
     WHERE e.kind IN ['MODEL', 'METHOD']
       AND NOT EXISTS { (e)<-[r]-(:Entity) WHERE type(r) IN $relations }
       AND EXISTS { (e)-[r]->(:Entity) WHERE type(r) IN $relations }
     RETURN e.id AS id ORDER BY e.id LIMIT 500`,
    { relations: LINEAGE_RELATIONS },
  );
  const parents = await db.query<{ id: string }>(
    `MATCH (e:Entity)
     WHERE e.kind IN ['MODEL', 'METHOD']
       AND NOT EXISTS { (e)-[r]->(:Entity) WHERE type(r) IN $relations }
       AND EXISTS { (e)<-[r]-(:Entity) WHERE type(r) IN $relations }
     RETURN e.id AS id ORDER BY e.id LIMIT 100`,
    { relations: LINEAGE_RELATIONS },
  );
  return {
    mentions,
    children: children.map((c) => c.id),
    parents: parents.map((p) => p.id),
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

const ratio = (last: number, first: number) => Math.round((last / first) * 100) / 100;

describeWithBuild('soak', () => {
  let db: Database;
  let server: CliProcess | undefined;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    await db?.close();
  });

  it(
    `${CONNECTIONS} connections of mixed reads and curation writes for ${MINUTES} min over ${PAPERS} papers`,
    async () => {
      const figures: Record<string, unknown> = {
        papers: PAPERS,
        minutes: MINUTES,
        warmupSeconds: WARMUP_S,
        connections: CONNECTIONS,
        loadAverageBefore: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3),
      };
      const corpus = ensureCorpus({
        papers: PAPERS,
        seed: CORPUS_SEED,
        out: corpusDir(PAPERS, CORPUS_SEED),
      });
      const loadStarted = Date.now();
      await clearGraph(db);
      await benchLoaderStreaming(db, corpus.batchFile);
      figures.loadSeconds = Math.round((Date.now() - loadStarted) / 1000);
      const targets = await writeTargets(db, corpus.workloads.paperIds);
      expect(targets.mentions.length).toBeGreaterThan(0);
      expect(targets.children.length).toBeGreaterThan(0);
      expect(targets.parents.length).toBeGreaterThan(0);

      const port = await freePort();
      server = runCli(
        ['serve'],
        childEnv({
          NEO4J_URI: process.env.NEO4J_URI,
          NEO4J_USER: process.env.NEO4J_USER,
          NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
          HOST: '127.0.0.1',
          PORT: String(port),
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          PAPERGRAPH_SEED_ON_START: 'false',
          PAPERGRAPH_API_TOKEN: TOKEN,
        }),
      );
      const url = `http://127.0.0.1:${port}`;
      await waitFor(
        'the API to listen',
        async () => (await fetch(`${url}/health`)).status === 200,
        120_000,
        500,
      );

      // Reads: autocannon, each request the next body of a workload drawn by weight.
      const plans = Object.entries(READ_WEIGHTS).map(([workload, weight]) => ({
        kind: workload,
        weight: weight!,
        bodies: planWorkload(workload as WorkloadName, 'papergraph', corpus.workloads).requests.map(
          (request) => request.body!,
        ),
        next: 0,
      }));
      const weighted = plans.flatMap((plan) =>
        Array<(typeof plans)[number]>(plan.weight).fill(plan),
      );
      const random = prng(CORPUS_SEED + 2);
      const samples: Array<{ at: number; ms: number; kind: string }> = [];
      const readErrors: string[] = [];
      const started = performance.now();
      const totalS = WARMUP_S + MEASURE_S;

      // RSS of the API process every 5 s.
      const rss: Array<{ at: number; bytes: number }> = [];
      const sampler = setInterval(() => {
        const bytes = rssBytes(server!.pid);
        if (bytes) rss.push({ at: (performance.now() - started) / 1000, bytes });
      }, 5_000);

      // Writes: a steady trickle of curation mutations; each acknowledged one is checked afterwards.
      const added: Array<{ child: string; parent: string; relation: string }> = [];
      const removed: Mention[] = [];
      const writeErrors: string[] = [];
      let writing = true;
      const writer = (async () => {
        const headers = { authorization: `Bearer ${TOKEN}`, 'x-curator': 'soak' };
        const mentions = [...targets.mentions];
        const usedEdges = new Set<string>();
        for (let i = 0; writing; i++) {
          const tick = performance.now();
          if (i % 2 === 0 && mentions.length) {
            const m = mentions.splice(Math.floor(random() * mentions.length), 1)[0];
            const answer = await post(
              url,
              'mutation R($p: ID!, $e: ID!, $r: LinkRole!) { removeMention(paperId: $p, entityId: $e, role: $r) { removed } }',
              { p: m.paperId, e: m.entityId, r: m.role },
              headers,
            );
            if (answer.errors || answer.status !== 200)
              writeErrors.push(JSON.stringify(answer.errors ?? answer));
            else removed.push(m);
          } else {
            const child = targets.children[Math.floor(random() * targets.children.length)];
            const parent = targets.parents[Math.floor(random() * targets.parents.length)];
            const relation = LINEAGE_RELATIONS[Math.floor(random() * LINEAGE_RELATIONS.length)];
            const key = `${child} ${relation} ${parent}`;
            if (!usedEdges.has(key)) {
              usedEdges.add(key);
              const answer = await post(
                url,
                'mutation A($c: String!, $p: String!, $r: LineageRelation!) { addLineageEdge(child: $c, parent: $p, relation: $r, evidence: "soak") { created } }',
                { c: child, p: parent, r: relation },
                headers,
              );
              if (answer.errors || answer.status !== 200)
                writeErrors.push(JSON.stringify(answer.errors ?? answer));
              else added.push({ child, parent, relation });
            }
          }
          const wait = 1_000 / MUTATIONS_PER_S - (performance.now() - tick);
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
      })();

      const result = await autocannon({
        url: `${url}/graphql`,
        connections: CONNECTIONS,
        duration: totalS,
        timeout: 30,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            setupRequest: (request, state) => {
              const context = state as { kind?: string; sent?: number };
              const plan = weighted[Math.floor(random() * weighted.length)];
              context.kind = plan.kind;
              context.sent = performance.now();
              const body = plan.bodies[plan.next++ % plan.bodies.length];
              return { ...request, body };
            },
            onResponse: (status, body, state) => {
              const context = state as { kind?: string; sent?: number };
              const now = performance.now();
              samples.push({
                at: (now - started) / 1000,
                ms: now - Number(context.sent),
                kind: String(context.kind),
              });
              if (!responseOk(status, body)) {
                if (readErrors.length < 20)
                  readErrors.push(`${context.kind} ${status} ${body.slice(0, 300)}`);
                else readErrors.push('');
              }
            },
          },
        ],
      });
      writing = false;
      await writer;
      clearInterval(sampler);

      // Every acknowledged write is there: the curated edges and the removals with their tombstones.
      const [{ missingEdges }] = await db.query<{ missingEdges: number }>(
        `UNWIND $edges AS edge
         OPTIONAL MATCH (c:Entity {id: edge.child})-[r]->(p:Entity {id: edge.parent})
           WHERE type(r) = edge.relation AND r.source = 'CURATED'
         WITH edge, count(r) AS found WHERE found = 0
         RETURN count(*) AS missingEdges`,
        { edges: added },
      );
      const [{ lostRemovals }] = await db.query<{ lostRemovals: number }>(
        `UNWIND $removed AS m
         MATCH (p:Paper {id: m.paperId}), (e:Entity {id: m.entityId})
         WITH m, p, e,
           EXISTS { (p)-[r]->(e) WHERE type(r) = m.role } AS stillThere,
           EXISTS { (p)-[t:REMOVED]->(e) WHERE t.role = m.role } AS tombstone
         WHERE stillThere OR NOT tombstone
         RETURN count(*) AS lostRemovals`,
        { removed },
      );

      // Windows after warm-up: latency per window, the median RSS of each.
      const windows: Array<{
        from: number;
        to: number;
        requests: number;
        p50: number;
        p99: number;
        rssMiB: number;
      }> = [];
      for (let from = WARMUP_S; from + WINDOW_S <= totalS + 0.5; from += WINDOW_S) {
        const to = from + WINDOW_S;
        const ms = samples
          .filter((s) => s.at >= from && s.at < to)
          .map((s) => s.ms)
          .sort((a, b) => a - b);
        const bytes = rss.filter((r) => r.at >= from && r.at < to).map((r) => r.bytes);
        windows.push({
          from,
          to,
          requests: ms.length,
          p50: Math.round(percentile(ms, 50)),
          p99: Math.round(percentile(ms, 99)),
          rssMiB: Math.round(median(bytes) / 2 ** 20),
        });
      }
      const first = windows[0];
      const last = windows[windows.length - 1];
      const byKind = Object.fromEntries(
        plans.map(({ kind }) => {
          const ms = samples
            .filter((s) => s.kind === kind && s.at >= WARMUP_S)
            .map((s) => s.ms)
            .sort((a, b) => a - b);
          return [
            kind,
            {
              requests: ms.length,
              p50: Math.round(percentile(ms, 50)),
              p99: Math.round(percentile(ms, 99)),
            },
          ];
        }),
      );
      Object.assign(figures, {
        loadAverageAfter: fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3),
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.average),
        latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        errors: {
          reads: readErrors.length,
          writes: writeErrors.length,
          connection: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
        },
        mutations: {
          addLineageEdge: added.length,
          removeMention: removed.length,
          missingEdges,
          lostRemovals,
        },
        rssGrowthPercent: Math.round((last.rssMiB / first.rssMiB - 1) * 1000) / 10,
        p50Ratio: ratio(last.p50, first.p50),
        p99Ratio: ratio(last.p99, first.p99),
        windows,
        byKind,
        sampleErrors: [...readErrors.filter(Boolean).slice(0, 5), ...writeErrors.slice(0, 5)],
      });
      const out = path.join(ROOT, 'test-artifacts', 'soak');
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'last-run.json'), `${JSON.stringify(figures, null, 2)}\n`);
      console.log(`[soak] ${JSON.stringify(figures, null, 2)}`);

      expect(figures.errors).toEqual({
        reads: 0,
        writes: 0,
        connection: 0,
        timeouts: 0,
        non2xx: 0,
      });
      expect(added.length).toBeGreaterThan(0);
      expect(removed.length).toBeGreaterThan(0);
      expect({ missingEdges, lostRemovals }).toEqual({ missingEdges: 0, lostRemovals: 0 });
      expect(last.rssMiB).toBeLessThan(first.rssMiB * 1.2);
      expect(last.p50).toBeLessThanOrEqual(first.p50 * MAX_LATENCY_RATIO);
      expect(last.p99).toBeLessThanOrEqual(first.p99 * MAX_LATENCY_RATIO);
      expect(server.alive()).toBe(true);
    },
    // Loading 100k papers takes many minutes of its own on a small machine.
    (MINUTES * 60 + WARMUP_S) * 1_000 + 3_600_000,
  );
});
