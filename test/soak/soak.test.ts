import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

import { ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { loadBatch } from '../../src/ingest/load';
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
import { baseEntityNames, prng, syntheticBatch } from '../reliability/support/synthetic-papers';

/**
 * The soak: a mixed read workload at 50 connections (autocannon) against `papergraph serve` over a
 * 100k-paper graph for 10 minutes, with curation mutations (addLineageEdge, removeMention) mixed
 * in. Asserts zero errors, every mutation's effect present afterwards, the API's memory flat
 * (< 20% RSS growth after warm-up) and latency stable (p99 of the last minute within 2x of the
 * first). Only `npm run test:soak`; sized by:
 *
 *   SOAK_MINUTES (10)  SOAK_PAPERS (100000)  SOAK_CONNECTIONS (50)  SOAK_WARMUP_SECONDS (60)
 *   SOAK_MUTATIONS_PER_SECOND (2)
 *
 * The figures go to test-artifacts/soak/last-run.json and the console.
 */

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const PAPERS = Number(process.env.SOAK_PAPERS ?? 100_000);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const WARMUP_S = Number(process.env.SOAK_WARMUP_SECONDS ?? (MINUTES >= 5 ? 60 : 20));
const MUTATIONS_PER_S = Number(process.env.SOAK_MUTATIONS_PER_SECOND ?? 2);
const SEED = 42;
const SLICE = 5_000;
const TOKEN = 'soak-token';

const MEASURE_S = MINUTES * 60;
/** A minute per window; two halves when the run is shorter than two minutes. */
const WINDOW_S = MEASURE_S >= 120 ? 60 : MEASURE_S / 2;

interface Workload {
  paperIds: string[];
  /** Entities by name: roots (base entities), hubs and ordinary ones. */
  roots: string[];
  names: string[];
  datasets: string[];
  /** Mentions that removeMention may remove, each once. */
  mentions: Array<{ paperId: string; entityId: string; role: string }>;
  /** Entities introduced by papers (never lineage roots): children for addLineageEdge. */
  children: string[];
  rootIds: string[];
}

/** Loads the synthetic graph in slices and picks the workload's parameters from it. */
async function loadGraph(db: Database): Promise<Workload> {
  const random = prng(SEED);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const workload: Workload = {
    paperIds: [],
    roots: [],
    names: [],
    datasets: [],
    mentions: [],
    children: [],
    rootIds: [],
  };
  workload.roots = [...baseEntityNames('MODEL'), ...baseEntityNames('METHOD')];
  workload.datasets = baseEntityNames('DATASET');
  for (let from = 0; from < PAPERS; from += SLICE) {
    const batch = syntheticBatch({ papers: Math.min(SLICE, PAPERS - from), seed: SEED, from });
    await loadBatch(db, batch);
    for (let i = 0; i < 40; i++) {
      const paper = pick(batch.papers);
      workload.paperIds.push(paper.id);
      const mention = pick(paper.mentions.filter((m) => m.role !== 'INTRODUCES'));
      if (mention)
        workload.mentions.push({
          paperId: paper.id,
          entityId: mention.entityId,
          role: mention.role,
        });
      const introduced = paper.mentions.find((m) => m.role === 'INTRODUCES');
      if (introduced) workload.children.push(introduced.entityId);
      workload.names.push(pick(batch.entities).name);
    }
  }
  const rootIds = await db.query<{ id: string }>(
    'MATCH (e:Entity) WHERE e.name IN $names RETURN e.id AS id',
    {
      names: workload.roots,
    },
  );
  workload.rootIds = rootIds.map((r) => r.id);
  workload.mentions = [
    ...new Map(workload.mentions.map((m) => [`${m.paperId} ${m.role} ${m.entityId}`, m])).values(),
  ];
  return workload;
}

/** The read mix, as GraphQL bodies; each request picks one at random. */
function readBodies(w: Workload): Array<{ kind: string; weight: number; body: () => string }> {
  const random = prng(SEED + 1);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const body = (query: string, variables: Record<string, unknown>) =>
    JSON.stringify({ query, variables });
  return [
    {
      kind: 'paper',
      weight: 4,
      body: () =>
        body(
          'query P($id: ID!) { paper(id: $id) { title authors mentions { role evidence entity { name kind } } } }',
          { id: pick(w.paperIds) },
        ),
    },
    {
      kind: 'papersUsing',
      weight: 3,
      body: () =>
        body(
          'query P($n: String) { papers(first: 20, where: { uses: $n }) { totalCount nodes { id title } } }',
          {
            n: pick(w.names),
          },
        ),
    },
    {
      kind: 'entity',
      weight: 3,
      body: () =>
        body(
          'query E($n: String!) { entity(name: $n) { id kind paperCount papers(first: 10) { totalCount nodes { id } } derivedFrom { parent { name } } } }',
          { n: pick(w.names) },
        ),
    },
    {
      kind: 'lineageUp',
      weight: 2,
      body: () =>
        body(
          'query L($n: String!) { lineage(name: $n, direction: ANCESTORS, maxDepth: 10) { nodes { id } edges { relation } } }',
          { n: pick(w.names) },
        ),
    },
    {
      kind: 'lineageDown',
      weight: 1,
      body: () =>
        body(
          'query L($n: String!) { lineage(name: $n, direction: DESCENDANTS, maxDepth: 2) { nodes { id } } }',
          { n: pick(w.names) },
        ),
    },
    {
      kind: 'search',
      weight: 2,
      body: () =>
        body(
          'query S($q: String!) { search(query: $q, first: 10) { score node { __typename } } }',
          {
            q: pick(w.names),
          },
        ),
    },
    {
      kind: 'path',
      weight: 1,
      body: () =>
        body(
          'query P($a: String!, $b: String!) { path(from: $a, to: $b, maxLength: 4) { relation } }',
          {
            a: pick(w.names),
            b: pick(w.datasets),
          },
        ),
    },
    {
      kind: 'entitiesPage',
      weight: 1,
      body: () =>
        body(
          '{ entities(first: 20, kind: DATASET, where: { nameContains: "Bench" }) { totalCount nodes { id } } }',
          {},
        ),
    },
  ];
}

/** What one autocannon connection remembers between a request and its response. */
interface RequestContext {
  kind?: string;
  sent?: number;
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
        connections: CONNECTIONS,
      };
      const loadStarted = Date.now();
      await clearGraph(db);
      const workload = await loadGraph(db);
      figures.loadSeconds = Math.round((Date.now() - loadStarted) / 1000);

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

      // Reads: autocannon, each request a random body of the mix; latency per request kept by time.
      const bodies = readBodies(workload);
      const weighted = bodies.flatMap((b) => Array<typeof b>(b.weight).fill(b));
      const random = prng(SEED + 2);
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

      // Writes: a steady trickle of curation mutations, each recorded to be checked afterwards.
      const added: Array<{ child: string; parent: string; relation: string }> = [];
      const removed: Array<{ paperId: string; entityId: string; role: string }> = [];
      const writeErrors: string[] = [];
      let writing = true;
      const writer = (async () => {
        const headers = { authorization: `Bearer ${TOKEN}`, 'x-curator': 'soak' };
        const mentions = [...workload.mentions];
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
            // Children are never roots, and roots never get parents: no edge can close a cycle.
            const child = workload.children[Math.floor(random() * workload.children.length)];
            const parent = workload.rootIds[Math.floor(random() * workload.rootIds.length)];
            const relation = LINEAGE_RELATIONS[Math.floor(random() * LINEAGE_RELATIONS.length)];
            const key = `${child} ${relation} ${parent}`;
            if (child !== parent && !usedEdges.has(key)) {
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
              const context = state as RequestContext;
              const chosen = weighted[Math.floor(random() * weighted.length)];
              context.kind = chosen.kind;
              context.sent = performance.now();
              return { ...request, body: chosen.body() };
            },
            onResponse: (status, body, state) => {
              const context = state as RequestContext;
              const now = performance.now();
              samples.push({
                at: (now - started) / 1000,
                ms: now - Number(context.sent),
                kind: String(context.kind),
              });
              if (status !== 200 || body.includes('"errors"')) {
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

      // Every write is there: the curated edges and the removals (with their tombstones).
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

      // Windows after warm-up: latency per window, RSS at the first and the last.
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
        bodies.map(({ kind }) => {
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
        rssGrowth: Math.round((last.rssMiB / first.rssMiB - 1) * 1000) / 10,
        p99Ratio: Math.round((last.p99 / first.p99) * 100) / 100,
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
      expect(added.length + removed.length).toBeGreaterThan(0);
      expect({ missingEdges, lostRemovals }).toEqual({ missingEdges: 0, lostRemovals: 0 });
      expect(last.rssMiB).toBeLessThan(first.rssMiB * 1.2);
      expect(last.p99).toBeLessThanOrEqual(first.p99 * 2);
      expect(server.alive()).toBe(true);
    },
    // Loading 100k papers takes minutes of its own on a small machine.
    (MINUTES * 60 + WARMUP_S) * 1_000 + 3_600_000,
  );
});
