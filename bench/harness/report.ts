import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CorpusSummary } from '../corpus/corpus';
import { ExtractionFigures, LoadFigures, round } from './ingest-bench';
import { OtherLoad } from './machine-load';
import { WorkloadFigures } from './query-bench';
import { SERVERS, ServerKind, WORKLOADS, WORKLOAD_DESCRIPTIONS, WorkloadName } from './workloads';

/** The results of one run, as written to bench/results/latest.json. */
export interface BenchResults {
  mode: 'quick' | 'full' | 'custom';
  date: string;
  durationSeconds: number;
  machine: MachineInfo;
  versions: Record<string, string>;
  settings: {
    seed: number;
    neo4jHeap: string;
    neo4jPageCache: string;
    connections: number;
    durationSeconds: number;
    warmupSeconds: number;
    queryGraphPapers: number;
  };
  corpora: CorpusSummary[];
  extraction?: ExtractionFigures;
  loads: LoadFigures[];
  /** The 1M scale or the bulk importer, when left out: why. */
  notOffered: string[];
  queries: WorkloadFigures[];
  /** Memory of the Neo4j JVM at the end (VmHWM, MiB), shared by all servers. */
  neo4jPeakRssMiB: number | null;
  ratios: Ratio[];
  targets: TargetCheck[];
}

export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  os: string;
  node: string;
  /** 1-minute load average before and after the query benchmarks: other work on the machine skews figures. */
  loadAverage: { start: number; end?: number };
  /** Linux pressure stall information: share of the last 60 s in which some task waited for a CPU. */
  cpuPressure?: { start: number | null; end?: number | null };
  /** CPU other processes took during the loads and during the query runs (see machine-load.ts). */
  otherLoad?: { ingest?: OtherLoad; queries?: OtherLoad };
  gitCommit?: string;
}

export interface Ratio {
  workload: WorkloadName;
  /** papergraph p50 / floor p50: 1.5 means papergraph takes half as long again as the floor. */
  p50VsFloor: number | null;
  /** papergraph req/s / floor req/s. */
  throughputVsFloor: number | null;
  /** papergraph req/s / @neo4j/graphql req/s, when the peer has a comparable query. */
  throughputVsPeer: number | null;
  peerComparable: boolean;
}

export interface TargetCheck {
  target: string;
  holds: boolean | null;
  detail: string;
}

/** The `some avg60` figure of /proc/pressure/cpu, as a fraction; null without PSI. */
export function cpuPressure(): number | null {
  try {
    const text = fs.readFileSync('/proc/pressure/cpu', 'utf8');
    const value = /some avg10=[\d.]+ avg60=([\d.]+)/.exec(text)?.[1];
    return value === undefined ? null : round(Number(value) / 100, 2);
  } catch {
    return null;
  }
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  let gitCommit: string | undefined;
  try {
    gitCommit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (dirty) gitCommit += ' (uncommitted changes)';
  } catch {
    gitCommit = undefined;
  }
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    cpuModel: cpus[0]?.model ?? 'unknown',
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverage: { start: round(os.loadavg()[0], 2) },
    cpuPressure: { start: cpuPressure() },
    ...(gitCommit ? { gitCommit } : {}),
  };
}

export function packageVersions(rootDir: string): Record<string, string> {
  const read = (name: string): string => {
    try {
      const file =
        name === 'papergraph' ? 'package.json' : path.join('node_modules', name, 'package.json');
      return (JSON.parse(fs.readFileSync(path.join(rootDir, file), 'utf8')) as { version: string })
        .version;
    } catch {
      return 'unknown';
    }
  };
  const names = [
    'papergraph',
    'neo4j-driver',
    '@apollo/server',
    'type-graphql',
    'graphql',
    '@neo4j/graphql',
    'autocannon',
  ];
  return Object.fromEntries(names.map((n) => [n, read(n)]));
}

function find(
  queries: WorkloadFigures[],
  server: ServerKind,
  workload: WorkloadName,
): WorkloadFigures | undefined {
  return queries.find((q) => q.server === server && q.workload === workload);
}

const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : round(a / b, 2);

export function ratiosOf(queries: WorkloadFigures[]): Ratio[] {
  return WORKLOADS.filter((w) => find(queries, 'papergraph', w)).map((workload) => {
    const pg = find(queries, 'papergraph', workload)!;
    const floor = find(queries, 'floor', workload);
    const peer = find(queries, 'neo4j-graphql', workload);
    // A side that answered nothing has no latency to divide (its p50 reads 0); its 0 req/s is a figure.
    const bothAnswered = pg.requests > 0 && (floor?.requests ?? 0) > 0;
    const peerComparable =
      peer !== undefined && (peer.equivalence === 'same' || peer.equivalence === 'nearest');
    return {
      workload,
      p50VsFloor: bothAnswered ? ratio(pg.latencyMs.p50, floor?.latencyMs.p50) : null,
      throughputVsFloor: ratio(pg.requestsPerSecond, floor?.requestsPerSecond),
      throughputVsPeer: peer ? ratio(pg.requestsPerSecond, peer.requestsPerSecond) : null,
      peerComparable,
    };
  });
}

export function checkTargets(
  results: Pick<BenchResults, 'loads' | 'queries' | 'settings' | 'ratios'>,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  // A workload one side answered nothing of (every request outlasted the window, timed out or
  // failed) has no ratio:
  // say so rather than leave it out of the target silently.
  const unanswered = (workload: WorkloadName, other: ServerKind): string => {
    const side = [
      find(results.queries, 'papergraph', workload),
      find(results.queries, other, workload),
    ]
      .filter((q): q is WorkloadFigures => q !== undefined && q.requests === 0)
      .map(
        (q) =>
          `${q.server} completed no request in the ${q.durationSeconds} s window (${errorCount(q)} errors)`,
      );
    return `${workload} no ratio: ${side.join('; ') || 'not run'}`;
  };
  /** A per-workload ratio target: met when every workload's ratio is on the right side of the bound. */
  const ratioTarget = (
    target: string,
    workloads: Ratio[],
    other: ServerKind,
    value: (r: Ratio) => number | null,
    meets: (x: number) => boolean,
  ) => {
    if (workloads.length === 0) return;
    const figures = workloads.map((r) => ({ r, x: value(r) }));
    checks.push({
      target,
      holds: figures.every(({ x }) => x !== null && meets(x)),
      detail: figures
        .map(({ r, x }) => (x === null ? unanswered(r.workload, other) : `${r.workload} ${x}x`))
        .join(', '),
    });
  };
  ratioTarget(
    'papergraph within 1.5x of the floor at p50 on every workload',
    results.ratios.filter((r) => find(results.queries, 'floor', r.workload)),
    'floor',
    (r) => r.p50VsFloor,
    (x) => x <= 1.5,
  );
  ratioTarget(
    'at least the throughput of @neo4j/graphql on every shared workload',
    results.ratios.filter((r) => r.peerComparable),
    'neo4j-graphql',
    (r) => r.throughputVsPeer,
    (x) => x >= 1,
  );
  const lineage6 = find(results.queries, 'papergraph', 'lineage-6');
  if (lineage6) {
    const at100k = results.settings.queryGraphPapers >= 100_000;
    const smaller = lineage6.bySize?.find((h) => h.half === 'smaller');
    const floor6 = find(results.queries, 'floor', 'lineage-6');
    checks.push({
      target: 'lineage depth 6 on the 100k graph under 50 ms at p99',
      holds: at100k ? lineage6.latencyMs.p99 < 50 : null,
      detail:
        `p99 ${lineage6.latencyMs.p99} ms on the ${results.settings.queryGraphPapers.toLocaleString('en')}-paper graph` +
        (smaller
          ? `; roots with ${smaller.sizes[0]}–${smaller.sizes[1]} descendants: p99 ${smaller.latencyMs.p99} ms`
          : '') +
        (floor6 ? `; the floor: p99 ${floor6.latencyMs.p99} ms` : '') +
        (at100k ? '' : ' (not the 100k graph: run `npm run bench:full`)'),
    });
  }
  const loader = results.loads.find(
    (l) =>
      l.method === 'loader' && l.papers === results.loads.find((n) => n.method === 'naive')?.papers,
  );
  const loaderAt = results.loads.find((l) => l.method === 'loader');
  const naive = results.loads.find((l) => l.method === 'naive');
  const base = loader ?? loaderAt;
  if (base && naive) {
    const x = round(base.papersPerSecond / naive.papersPerSecond, 1);
    const prefix =
      naive.papers < base.papers
        ? ` (naive on the first ${naive.papers.toLocaleString('en')} papers of the same corpus with what they link, loader on ${base.papers.toLocaleString('en')}: rates per paper)`
        : ` (both on ${base.papers.toLocaleString('en')} papers)`;
    checks.push({
      target: 'loader at least 10x the naive way',
      holds: x >= 10,
      detail: `${x}x papers/s (${base.papersPerSecond} vs ${naive.papersPerSecond}), ${round(base.relationshipsPerSecond / naive.relationshipsPerSecond, 1)}x relationships/s${prefix}`,
    });
  }
  return checks;
}

const errorCount = (q: WorkloadFigures): number =>
  q.errors.socket + q.errors.timeouts + q.errors.non2xx + q.errors.graphql;

const n = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined
    ? '–'
    : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Above this share of the cores taken by other work, a run says plainly that its figures are noisy. */
export const BUSY_SHARE = 0.1;

/** One plain sentence: was the machine quiet while this run measured, and how busy was it? */
export function machineLoadLine(m: MachineInfo): string {
  const phases = (['ingest', 'queries'] as const)
    .map((phase) => ({ phase, load: m.otherLoad?.[phase] }))
    .filter((p): p is { phase: 'ingest' | 'queries'; load: OtherLoad } => !!p.load);
  const measured = phases.filter((p) => p.load.otherCpuShare !== null);
  if (measured.length === 0)
    return 'other work on the machine: not measured (needs Linux /proc); see the load average below';
  const figures = measured
    .map(
      ({ phase, load }) =>
        `${Math.round(load.otherCpuShare! * 100)}% of the ${m.nproc} cores during the ${phase === 'ingest' ? 'loads' : 'query runs'}`,
    )
    .join(' and ');
  const busy = measured.some((p) => p.load.otherCpuShare! >= BUSY_SHARE);
  return busy
    ? `**the machine was loaded by other work during this run**: other processes took ${figures}. ` +
        'Absolute figures are slower and noisier than on a quiet machine; the ratios (servers measured one after the other on the same load) are sounder, but not immune'
    : `the machine was quiet: other processes took ${figures}`;
}

export function toMarkdown(r: BenchResults): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`# papergraph benchmarks: ${r.mode} run`, '');
  lines.push(`- date: ${r.date} (run took ${Math.round(r.durationSeconds / 60)} min)`);
  lines.push(`- machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.os}`);
  const pressure = (x: number | null | undefined) =>
    x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
  lines.push(`- ${machineLoadLine(m)}`);
  lines.push(
    `- load average during the query runs (this run's own processes included): ${m.loadAverage.start} → ${m.loadAverage.end ?? '–'}` +
      `${m.otherLoad?.queries ? `, at most ${m.otherLoad.queries.loadAverageMax}` : ''} on ${m.nproc} cores; ` +
      `CPU pressure (share of time some task waited for a core) ${pressure(m.cpuPressure?.start)} → ${pressure(m.cpuPressure?.end)}`,
  );
  lines.push(
    `- versions: Node ${m.node}, Neo4j ${r.versions.neo4j}, ${Object.entries(r.versions)
      .filter(([k]) => k !== 'neo4j')
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  lines.push(
    `- Neo4j: embedded, heap ${r.settings.neo4jHeap}, page cache ${r.settings.neo4jPageCache}; seed ${r.settings.seed}${m.gitCommit ? `; commit ${m.gitCommit}` : ''}`,
  );
  lines.push('');

  lines.push('## Ingest', '');
  lines.push('| method | papers | nodes | relationships | seconds | papers/s | relationships/s |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of r.loads) {
    lines.push(
      `| ${l.method} | ${n(l.papers)} | ${n(l.nodes)} | ${n(l.relationships)} | ${n(l.seconds, 1)} | ${n(l.papersPerSecond)} | ${n(l.relationshipsPerSecond)} |`,
    );
  }
  lines.push('');
  if (r.extraction) {
    const e = r.extraction;
    lines.push(
      `Extraction alone (one core, \`extractBatch\` as \`papergraph ingest\` runs it): ${n(e.abstracts)} abstracts in ${n(e.seconds, 1)} s = **${n(e.abstractsPerSecond)} abstracts/s**. ` +
        `Against the generator's expected graph: links recall ${e.agreement.linkRecall}, precision ${e.agreement.linkPrecision}; ` +
        `lineage recall ${e.agreement.lineageRecall}, precision ${e.agreement.lineagePrecision}; kinds ${e.agreement.kindAgreement}.`,
    );
    lines.push('');
  }
  for (const note of r.notOffered) lines.push(`- ${note}`);
  if (r.notOffered.length) lines.push('');

  lines.push(
    `## Queries (${n(r.settings.queryGraphPapers)}-paper graph, ${r.settings.connections} connections, ${r.settings.durationSeconds} s each after ${r.settings.warmupSeconds} s warm-up)`,
    '',
  );
  lines.push(
    '| workload | server | query | req/s | p50 ms | p95 ms | p99 ms | errors | bytes/resp | peak RSS MiB |',
  );
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const w of WORKLOADS) {
    for (const s of SERVERS) {
      const q = find(r.queries, s, w);
      if (!q) continue;
      const errors = errorCount(q);
      // No answer in the window: no latency to show (not 0 ms).
      const ms = (x: number) => (q.requests === 0 ? 'none in window' : n(x, 1));
      lines.push(
        `| ${w} | ${s} | ${q.equivalence} | ${n(q.requestsPerSecond, 1)} | ${ms(q.latencyMs.p50)} | ${ms(q.latencyMs.p95)} | ${ms(q.latencyMs.p99)} | ${errors} | ${n(q.responseBytes)} | ${n(q.peakRssMiB)} |`,
      );
    }
  }
  lines.push('');
  lines.push(`Neo4j JVM peak RSS: ${n(r.neo4jPeakRssMiB)} MiB.`, '');

  const sized = r.queries.filter((q) => q.bySize?.length);
  if (sized.length) {
    lines.push('### By answer size', '');
    lines.push(
      'Latency of the smaller and the larger half of the variants (lineage: descendants of the root at that depth; entity-papers: papers of the dataset).',
      '',
    );
    lines.push('| workload | server | half | sizes | requests | p50 ms | p99 ms |');
    lines.push('| --- | --- | --- | --- | ---: | ---: | ---: |');
    for (const w of WORKLOADS) {
      for (const s of SERVERS) {
        for (const h of find(r.queries, s, w)?.bySize ?? []) {
          lines.push(
            `| ${w} | ${s} | ${h.half} | ${h.sizes[0]}–${h.sizes[1]} | ${n(h.requests)} | ${n(h.latencyMs.p50, 1)} | ${n(h.latencyMs.p99, 1)} |`,
          );
        }
      }
    }
    lines.push('');
  }

  lines.push('## Ratios', '');
  lines.push(
    '| workload | papergraph / floor, p50 | papergraph / floor, req/s | papergraph / @neo4j/graphql, req/s |',
  );
  lines.push('| --- | ---: | ---: | ---: |');
  for (const x of r.ratios) {
    const peer =
      x.throughputVsPeer === null
        ? '–'
        : `${x.throughputVsPeer}${x.peerComparable ? '' : ' (partial query)'}`;
    lines.push(
      `| ${x.workload} | ${x.p50VsFloor ?? '–'} | ${x.throughputVsFloor ?? '–'} | ${peer} |`,
    );
  }
  lines.push('');

  lines.push('## Targets', '');
  lines.push('| target | result | figures |');
  lines.push('| --- | --- | --- |');
  for (const t of r.targets)
    lines.push(
      `| ${t.target} | ${t.holds === null ? 'not measured' : t.holds ? 'met' : '**missed**'} | ${t.detail} |`,
    );
  lines.push('');

  lines.push('## Workloads', '');
  for (const w of WORKLOADS) lines.push(`- **${w}**: ${WORKLOAD_DESCRIPTIONS[w]}`);
  const notes = r.queries.filter((q) => q.notes && q.server === 'neo4j-graphql');
  if (notes.length) {
    lines.push('', "@neo4j/graphql queries differ from papergraph's as follows:", '');
    for (const q of notes) lines.push(`- ${q.workload} (${q.equivalence}): ${q.notes}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** The results as files, formatted as `npm run lint` (prettier) expects them. */
export async function writeResults(dir: string, results: BenchResults): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const prettier = await import('prettier');
  const options = { ...((await prettier.resolveConfig(path.join(dir, 'latest.md'))) ?? {}) };
  const json = await prettier.format(JSON.stringify(results), { ...options, parser: 'json' });
  const md = await prettier.format(toMarkdown(results), { ...options, parser: 'markdown' });
  const files = [
    [path.join(dir, 'latest.json'), json],
    [path.join(dir, 'latest.md'), md],
    [path.join(dir, `${results.mode}.json`), json],
    [path.join(dir, `${results.mode}.md`), md],
  ];
  for (const [file, text] of files) fs.writeFileSync(file, text);
  return files.map(([file]) => file);
}
