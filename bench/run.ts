import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ROOT } from '../src/config';
import { readBatch } from './corpus/batch-file';
import { CorpusSummary } from './corpus/corpus';
import { GeneratedCorpus, ensureCorpus } from './corpus/generate';
import { BenchDatabase, clearGraph, startBenchDatabase, waitForQuiet } from './harness/bench-db';
import { WORK_DIR, corpusDir } from './harness/paths';
import { bulkImport } from './harness/bulk-import';
import {
  ExtractionFigures,
  LoadFigures,
  benchExtraction,
  benchLoader,
  benchLoaderStreaming,
  benchNaive,
  prefixBatch,
} from './harness/ingest-bench';
import { watchOtherLoad } from './harness/machine-load';
import { WorkloadFigures, launchServer, peakRssMiB, runWorkload } from './harness/query-bench';
import {
  BenchResults,
  checkTargets,
  cpuPressure,
  machineInfo,
  machineLoadLine,
  packageVersions,
  ratiosOf,
  writeResults,
} from './harness/report';
import { SERVERS, ServerKind, WORKLOADS, WorkloadName, planWorkload } from './harness/workloads';

/**
 * The benchmark run: `npm run bench` (quick) or `npm run bench:full`. One process starts its own
 * Neo4j, generates (or reuses) the corpora, measures extraction and loading, loads the query
 * graph, runs every workload against the floor, papergraph and @neo4j/graphql in turn, and writes
 * bench/results/latest.{json,md}. Flags override the mode's settings:
 *
 *   --full                  10k and 100k loads, bulk import of the largest scale, queries on 100k, 30 s per workload
 *   --with-1m               with --full: also load the 1M corpus (loader, and the bulk import at 1M)
 *   --seed <n>              corpus seed (default 42)
 *   --duration <s>          seconds per workload; --warmup <s>; --connections <n>
 *   --workloads a,b         only these workloads; --servers a,b only these servers
 *   --naive-papers <n>      papers for the naive load (default 150 quick, 10000 full)
 *   --out <dir>             results folder (default bench/results)
 */

interface Plan {
  mode: 'quick' | 'full' | 'custom';
  seed: number;
  loadScales: number[];
  queryScale: number;
  extractAbstracts: number;
  naivePapers: number;
  duration: number;
  warmup: number;
  connections: number;
  workloads: WorkloadName[];
  servers: ServerKind[];
  bulk: boolean;
  out: string;
}

function parsePlan(argv: string[]): Plan {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const name = arg.slice(2);
    if (['full', 'quick', 'with-1m'].includes(name)) flags.set(name, 'true');
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      flags.set(name, value);
    }
  }
  const known = [
    'full',
    'quick',
    'with-1m',
    'seed',
    'duration',
    'warmup',
    'connections',
    'workloads',
    'servers',
    'naive-papers',
    'out',
  ];
  for (const name of flags.keys())
    if (!known.includes(name)) throw new Error(`unknown flag --${name}`);
  const full = flags.has('full');
  const list = <T extends string>(value: string | undefined, all: readonly T[]): T[] => {
    if (!value) return [...all];
    const items = value.split(',').map((s) => s.trim()) as T[];
    for (const item of items)
      if (!all.includes(item)) throw new Error(`unknown name "${item}" (one of ${all.join(', ')})`);
    return items;
  };
  const custom = ['duration', 'warmup', 'connections', 'workloads', 'servers'].some((f) =>
    flags.has(f),
  );
  return {
    mode: custom ? 'custom' : full ? 'full' : 'quick',
    seed: Number(flags.get('seed') ?? 42),
    loadScales: full ? [10_000, 100_000, ...(flags.has('with-1m') ? [1_000_000] : [])] : [10_000],
    queryScale: full ? 100_000 : 10_000,
    extractAbstracts: full ? 10_000 : 2_000,
    naivePapers: Number(flags.get('naive-papers') ?? (full ? 10_000 : 150)),
    duration: Number(flags.get('duration') ?? (full ? 30 : 10)),
    warmup: Number(flags.get('warmup') ?? (full ? 5 : 2)),
    connections: Number(flags.get('connections') ?? 10),
    workloads: list(flags.get('workloads'), WORKLOADS),
    servers: list(flags.get('servers'), SERVERS),
    bulk: full,
    out: path.resolve(flags.get('out') ?? path.join(ROOT, 'bench', 'results')),
  };
}

const say = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const plan = parsePlan(process.argv.slice(2));
  const started = Date.now();
  const work = WORK_DIR;
  fs.mkdirSync(work, { recursive: true });
  const machine = machineInfo();
  say(
    `${plan.mode} run: ${machine.nproc} cores, ${machine.memoryGiB} GiB, load average ${machine.loadAverage.start}`,
  );

  const corpora = new Map<number, GeneratedCorpus>();
  const corpus = (papers: number): GeneratedCorpus => {
    let c = corpora.get(papers);
    if (!c) {
      say(`corpus of ${papers.toLocaleString('en')} papers (seed ${plan.seed})`);
      c = ensureCorpus({
        papers,
        seed: plan.seed,
        out: corpusDir(papers, plan.seed),
      });
      corpora.set(papers, c);
    }
    return c;
  };

  const heap = '2g';
  const pageCache = '1g';
  const database: BenchDatabase = await startBenchDatabase({ heap, pageCache, log: say });
  let stopping = false;
  const cleanup = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping the bench database`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  const loads: LoadFigures[] = [];
  const notOffered: string[] = [];
  let extraction: ExtractionFigures | undefined;
  const queries: WorkloadFigures[] = [];
  let neo4jRss: number | null | undefined;
  let endPhase = watchOtherLoad();
  machine.otherLoad = {};
  try {
    const small = corpus(10_000);
    say(`extraction: ${plan.extractAbstracts.toLocaleString('en')} abstracts`);
    extraction = await benchExtraction(small.papersFile, small.batchFile, plan.extractAbstracts);
    say(`  ${extraction.abstractsPerSecond} abstracts/s`);

    const smallBatch = await readBatch(small.batchFile);
    say(
      `naive load: ${plan.naivePapers.toLocaleString('en')} papers, one auto-commit statement per record`,
    );
    await clearGraph(database.db);
    loads.push(await benchNaive(database.db, prefixBatch(smallBatch, plan.naivePapers)));
    say(`  ${loads.at(-1)!.papersPerSecond} papers/s`);

    // The query graph is loaded last, so that the queries run on what the loader wrote.
    const scales = [...plan.loadScales.filter((s) => s !== plan.queryScale), plan.queryScale];
    for (const scale of scales) {
      await clearGraph(database.db);
      say(`loader: ${scale.toLocaleString('en')} papers`);
      if (scale >= 1_000_000) {
        loads.push(await benchLoaderStreaming(database.db, corpus(scale).batchFile));
      } else {
        const batch = scale === 10_000 ? smallBatch : await readBatch(corpus(scale).batchFile);
        const first = await benchLoader(database.db, batch);
        delete first.report;
        loads.push(first);
        say(`  ${first.papersPerSecond} papers/s, ${first.relationshipsPerSecond} relationships/s`);
        const rerun = await benchLoader(database.db, batch, 'loader-rerun');
        delete rerun.report;
        loads.push(rerun);
        say(`  again, unchanged: ${rerun.papersPerSecond} papers/s`);
      }
    }
    if (!plan.loadScales.includes(1_000_000)) {
      notOffered.push(
        plan.mode === 'full'
          ? '1M papers: not loaded (`npm run bench:full -- --with-1m` adds the 1M loader and bulk import; hours on a 2-core machine)'
          : '1M papers and the bulk importer: full run only (`npm run bench:full`)',
      );
    }

    const params = corpus(plan.queryScale).workloads;
    machine.otherLoad.ingest = endPhase();
    endPhase = watchOtherLoad();
    machine.loadAverage.start = Math.round(os.loadavg()[0] * 100) / 100;
    machine.cpuPressure = { start: cpuPressure() };
    for (const server of plan.servers) {
      say(`${server}: starting`);
      const handle = await launchServer(server, database, path.join(work, `${server}.log`));
      try {
        for (const workload of plan.workloads) {
          const figures = await runWorkload(handle, planWorkload(workload, server, params), {
            connections: plan.connections,
            durationSeconds: plan.duration,
            warmupSeconds: plan.warmup,
          });
          queries.push(figures);
          const terminated = await waitForQuiet(database.db);
          if (terminated)
            say(`  (${terminated} queries still running after ${workload} were terminated)`);
          const errors = Object.values(figures.errors).reduce((a, b) => a + b, 0);
          say(
            `  ${workload}: ${figures.requestsPerSecond} req/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, ` +
              `${errors} errors, RSS ${figures.peakRssMiB} MiB`,
          );
        }
      } finally {
        await handle.stop();
      }
    }
    machine.loadAverage.end = Math.round(os.loadavg()[0] * 100) / 100;
    machine.cpuPressure.end = cpuPressure();
    machine.otherLoad.queries = endPhase();
    say(`  ${machineLoadLine(machine)}`);

    if (plan.bulk) {
      // Its own store and JVM: the query database is stopped first so the two do not compete.
      const scale = Math.max(...plan.loadScales);
      neo4jRss = database.pid ? peakRssMiB(database.pid) : null;
      await cleanup();
      say(`bulk import: ${scale.toLocaleString('en')} papers with neo4j-admin database import`);
      const bulk = await bulkImport(corpus(scale).batchFile, work, say);
      if ('figures' in bulk) {
        loads.push(bulk.figures);
        say(`  ${bulk.figures.papersPerSecond} papers/s (${JSON.stringify(bulk.figures.phases)})`);
      } else notOffered.push(bulk.notOffered);
    }
  } finally {
    if (neo4jRss === undefined) neo4jRss = database.pid ? peakRssMiB(database.pid) : null;
    const summaries: CorpusSummary[] = [...corpora.values()].map((c) => c.summary);
    const ratios = ratiosOf(queries);
    const settings = {
      seed: plan.seed,
      neo4jHeap: heap,
      neo4jPageCache: pageCache,
      connections: plan.connections,
      durationSeconds: plan.duration,
      warmupSeconds: plan.warmup,
      queryGraphPapers: plan.queryScale,
    };
    const results: BenchResults = {
      mode: plan.mode,
      date: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      machine,
      versions: { neo4j: database.version, ...packageVersions(ROOT) },
      settings,
      corpora: summaries,
      ...(extraction ? { extraction } : {}),
      loads,
      notOffered,
      queries,
      neo4jPeakRssMiB: neo4jRss,
      ratios,
      targets: checkTargets({ loads, queries, settings, ratios }),
    };
    await cleanup();
    if (loads.length || queries.length) {
      const files = await writeResults(plan.out, results);
      say(`results: ${files.map((f) => path.relative(ROOT, f)).join(', ')}`);
      for (const t of results.targets)
        say(
          `target: ${t.target}: ${t.holds === null ? 'not measured' : t.holds ? 'holds' : 'MISSED'} (${t.detail})`,
        );
    }
    say(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`[bench] failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
