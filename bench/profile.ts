import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { ROOT } from '../src/config';
import { Database } from '../src/db/database';
import { loadBatch } from '../src/ingest/load';
import { readBatch } from './corpus/batch-file';
import { ensureCorpus } from './corpus/generate';
import { BenchDatabase, openDatabase, startBenchDatabase } from './harness/bench-db';
import { summarizeProfile } from './harness/cpu-profile';
import { WORK_DIR, corpusDir } from './harness/paths';
import { round } from './harness/ingest-bench';
import { checkRequests, launchServer, runWorkload } from './harness/query-bench';
import { RequestSpec, WORKLOADS, WorkloadName, planWorkload } from './harness/workloads';
import { STATEMENTS, aliasKey, luceneQuery } from './servers/raw-cypher';
import { startPapergraphServer } from './servers/papergraph';

/**
 * Why is a workload slow? For one workload, against papergraph and the floor:
 *
 * 1. one request at a time (no contention): HTTP latency of each, and for papergraph the Cypher
 *    statements one request runs, with their time in the driver and their database hits
 *    (PROFILE), next to the floor's one statement;
 * 2. under load (autocannon, 10 connections): a CPU profile of the papergraph process, summed by
 *    package and by function.
 *
 *   node dist/bench/profile.js --workload lineage-6 [--papers 10000] [--seconds 10]
 *   node dist/bench/profile.js --workload paper --uri bolt://127.0.0.1:7777 --password ...   (a loaded database)
 *
 * Writes .cache/bench/profile-<workload>.json and prints a summary.
 */

interface Captured {
  cypher: string;
  params: Record<string, unknown>;
  ms: number;
}

function args(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined)
      throw new Error(`bad arguments near "${argv[i]}"`);
    out.set(argv[i].slice(2), argv[i + 1]);
  }
  return out;
}

async function send(url: string, r: RequestSpec): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(`${url}${r.path}`, {
    method: r.method,
    headers: r.headers,
    body: r.body,
  });
  const text = await response.text();
  return { ms: performance.now() - started, bytes: text.length };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

async function dbHits(
  db: Database,
  cypher: string,
  params: Record<string, unknown>,
): Promise<{ dbHits: number; rows: number; resultBytes: number }> {
  const session = db.driver.session();
  try {
    const result = await session.run(`PROFILE ${cypher}`, params);
    const total = (p: { dbHits: number; children: unknown[] }): number =>
      p.dbHits +
      (p.children as Array<{ dbHits: number; children: unknown[] }>).reduce(
        (a, c) => a + total(c),
        0,
      );
    const profile = result.summary.profile as unknown as { dbHits: number; children: unknown[] };
    const resultBytes = JSON.stringify(
      result.records.map((r) => r.toObject()),
      (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v),
    ).length;
    return { dbHits: profile ? total(profile) : 0, rows: result.records.length, resultBytes };
  } finally {
    await session.close();
  }
}

/** The floor's statement and parameters for one request of a workload (see raw-cypher.ts). */
function floorStatement(
  workload: WorkloadName,
  r: RequestSpec,
): { cypher: string; params: Record<string, unknown> } {
  const q = new URL(r.path, 'http://x').searchParams;
  const key = aliasKey(q.get('name') ?? '');
  switch (workload) {
    case 'paper':
      return { cypher: STATEMENTS.paper, params: { id: q.get('id') } };
    case 'entity-papers':
      return { cypher: STATEMENTS.datasetPapers, params: { key } };
    case 'lineage-3':
    case 'lineage-6':
      return { cypher: STATEMENTS.lineage(Number(q.get('depth'))), params: { key } };
    case 'search':
      return { cypher: STATEMENTS.search, params: { query: luceneQuery(q.get('q') ?? '') } };
    case 'stats':
      return { cypher: STATEMENTS.stats, params: {} };
  }
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const workload = (a.get('workload') ?? 'lineage-6') as WorkloadName;
  if (!WORKLOADS.includes(workload))
    throw new Error(`--workload must be one of ${WORKLOADS.join(', ')}`);
  const papers = Number(a.get('papers') ?? 10_000);
  const seconds = Number(a.get('seconds') ?? 10);
  const samples = Number(a.get('samples') ?? 20);
  const work = WORK_DIR;
  fs.mkdirSync(work, { recursive: true });
  const corpus = ensureCorpus({
    papers,
    seed: Number(a.get('seed') ?? 42),
    out: corpusDir(papers, Number(a.get('seed') ?? 42)),
  });

  let bench: BenchDatabase | undefined;
  let database: { uri: string; user: string; password: string };
  let db: Database;
  if (a.get('uri')) {
    database = {
      uri: a.get('uri')!,
      user: a.get('user') ?? 'neo4j',
      password: a.get('password') ?? '',
    };
    db = openDatabase(database.uri, database.user, database.password);
  } else {
    bench = await startBenchDatabase({ log: (l) => process.stdout.write(`${l}\n`) });
    database = bench;
    db = bench.db;
    process.stdout.write(`loading ${papers} papers\n`);
    await loadBatch(db, await readBatch(corpus.batchFile));
  }

  try {
    // 1. One request at a time.
    const pgPlan = planWorkload(workload, 'papergraph', corpus.workloads);
    const floorPlan = planWorkload(workload, 'floor', corpus.workloads);
    const captured: Captured[][] = [];
    let current: Captured[] | undefined;
    const original = Database.prototype.query;
    Database.prototype.query = async function (
      this: Database,
      cypher: string,
      params: Record<string, unknown> = {},
    ) {
      const started = performance.now();
      try {
        return await original.call(this, cypher, params);
      } finally {
        current?.push({ cypher, params, ms: performance.now() - started });
      }
    } as typeof original;
    const pg = await startPapergraphServer(database, {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
    });
    const floorServer = await launchServer('floor', database, path.join(work, 'profile-floor.log'));
    const serial = {
      papergraphMs: [] as number[],
      floorMs: [] as number[],
      statementMs: [] as number[],
      statements: [] as number[],
    };
    try {
      await checkRequests(pg.url, pgPlan);
      await checkRequests(floorServer.url, floorPlan);
      const n = Math.min(samples, pgPlan.requests.length);
      for (let round2 = 0; round2 < 2; round2++) {
        for (let i = 0; i < n; i++) {
          current = [];
          const p = await send(pg.url, pgPlan.requests[i]);
          const f = await send(floorServer.url, floorPlan.requests[i]);
          if (round2 === 1) {
            serial.papergraphMs.push(p.ms);
            serial.floorMs.push(f.ms);
            serial.statementMs.push(current.reduce((s, c) => s + c.ms, 0));
            serial.statements.push(current.length);
            captured.push(current);
          }
          current = undefined;
        }
      }
    } finally {
      Database.prototype.query = original;
      await pg.stop();
      await floorServer.stop();
    }
    // Database work per request: PROFILE of every statement each sampled request ran.
    const perRequest = {
      papergraphDbHits: [] as number[],
      papergraphBytes: [] as number[],
      floorDbHits: [] as number[],
      floorBytes: [] as number[],
    };
    for (let i = 0; i < captured.length; i++) {
      let hits = 0;
      let bytes = 0;
      for (const c of captured[i]) {
        const h = await dbHits(db, c.cypher, c.params);
        hits += h.dbHits;
        bytes += h.resultBytes;
      }
      perRequest.papergraphDbHits.push(hits);
      perRequest.papergraphBytes.push(bytes);
      const f = floorStatement(workload, floorPlan.requests[i]);
      const h = await dbHits(db, f.cypher, f.params);
      perRequest.floorDbHits.push(h.dbHits);
      perRequest.floorBytes.push(h.resultBytes);
    }
    const statements = (captured[0] ?? []).map((c) =>
      c.cypher.replace(/\s+/g, ' ').trim().slice(0, 200),
    );

    // 2. Under load, with a CPU profile of the papergraph process.
    const profileDir = path.join(work, 'profiles');
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.mkdirSync(profileDir, { recursive: true });
    const child = await launchServer(
      'papergraph',
      database,
      path.join(work, 'profile-papergraph.log'),
    );
    const profileFile = path.join(profileDir, `papergraph-${workload}.cpuprofile`);
    let load;
    try {
      load = await runWorkload(child, pgPlan, {
        connections: 10,
        durationSeconds: seconds,
        warmupSeconds: 2,
        cpuProfileFile: profileFile,
      });
    } finally {
      await child.stop();
    }
    const cpu = fs.existsSync(profileFile) ? summarizeProfile(profileFile) : undefined;

    const report = {
      workload,
      papers,
      serial: {
        requests: serial.papergraphMs.length,
        papergraphMedianMs: round(median(serial.papergraphMs), 2),
        floorMedianMs: round(median(serial.floorMs), 2),
        papergraphStatementsPerRequest: round(median(serial.statements), 1),
        papergraphStatementMedianMs: round(median(serial.statementMs), 2),
        papergraphOutsideDatabaseMedianMs: round(
          median(serial.papergraphMs.map((ms, i) => ms - serial.statementMs[i])),
          2,
        ),
      },
      database: {
        papergraphStatements: statements,
        papergraphMedianDbHits: median(perRequest.papergraphDbHits),
        floorMedianDbHits: median(perRequest.floorDbHits),
        papergraphMedianResultBytes: median(perRequest.papergraphBytes),
        floorMedianResultBytes: median(perRequest.floorBytes),
      },
      underLoad: load && {
        requestsPerSecond: load.requestsPerSecond,
        latencyMs: load.latencyMs,
      },
      cpu,
    };
    const out = path.join(work, `profile-${workload}.json`);
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `${JSON.stringify({ ...report, cpu: cpu && { ...cpu, topFunctions: cpu.topFunctions.slice(0, 10) } }, null, 2)}\n`,
    );
    process.stdout.write(`written to ${path.relative(ROOT, out)}\n`);
  } finally {
    if (bench) await bench.stop();
    else await db.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`[profile] failed: ${(error as Error).stack}\n`);
    process.exit(1);
  });
}
