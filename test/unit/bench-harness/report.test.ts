import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { generateCorpus } from '../../../bench/corpus/generate';
import { writeImportCsv } from '../../../bench/harness/bulk-import';
import { packageOf } from '../../../bench/harness/cpu-profile';
import { LoadFigures } from '../../../bench/harness/ingest-bench';
import { WorkloadFigures, latencyBySize } from '../../../bench/harness/query-bench';
import {
  MachineInfo,
  checkTargets,
  machineLoadLine,
  ratiosOf,
} from '../../../bench/harness/report';
import { ServerKind, WorkloadName } from '../../../bench/harness/workloads';

function figures(
  server: ServerKind,
  workload: WorkloadName,
  rps: number,
  p50: number,
  p99 = p50 * 2,
): WorkloadFigures {
  return {
    server,
    workload,
    equivalence:
      server === 'neo4j-graphql' && workload === 'stats'
        ? 'partial'
        : server === 'neo4j-graphql'
          ? 'nearest'
          : 'same',
    connections: 10,
    durationSeconds: 10,
    variants: 1,
    requests: rps * 10,
    requestsPerSecond: rps,
    latencyMs: { p50, p95: p50, p99, mean: p50, max: p99 },
    errors: { socket: 0, timeouts: 0, non2xx: 0, graphql: 0 },
    responseBytes: 100,
    peakRssMiB: 100,
  };
}

function load(method: LoadFigures['method'], papers: number, papersPerSecond: number): LoadFigures {
  return {
    method,
    papers,
    nodes: 0,
    relationships: 0,
    seconds: 1,
    papersPerSecond,
    relationshipsPerSecond: papersPerSecond * 9,
  };
}

describe('ratios and targets', () => {
  const queries = [
    figures('floor', 'paper', 1000, 10),
    figures('papergraph', 'paper', 800, 14),
    figures('neo4j-graphql', 'paper', 700, 15),
    figures('floor', 'lineage-6', 500, 20),
    figures('papergraph', 'lineage-6', 200, 40, 60),
    figures('neo4j-graphql', 'lineage-6', 300, 30),
    figures('floor', 'stats', 5, 1000),
    figures('papergraph', 'stats', 4, 1100),
    figures('neo4j-graphql', 'stats', 50, 100),
  ];
  const ratios = ratiosOf(queries);
  const settings = {
    seed: 1,
    neo4jHeap: '2g',
    neo4jPageCache: '1g',
    connections: 10,
    durationSeconds: 10,
    warmupSeconds: 2,
    queryGraphPapers: 100_000,
  };

  it('divide papergraph by the floor and by the peer', () => {
    expect(ratios.find((r) => r.workload === 'paper')).toEqual({
      workload: 'paper',
      p50VsFloor: 1.4,
      throughputVsFloor: 0.8,
      throughputVsPeer: 1.14,
      peerComparable: true,
    });
    expect(ratios.find((r) => r.workload === 'stats')?.peerComparable).toBe(false);
  });

  it('check each target, leaving partial peer queries out', () => {
    const targets = checkTargets({
      loads: [load('naive', 100, 10), load('loader', 10_000, 150)],
      queries,
      settings,
      ratios,
    });
    const byName = Object.fromEntries(targets.map((t) => [t.target, t]));
    expect(byName['papergraph within 1.5x of the floor at p50 on every workload'].holds).toBe(
      false,
    );
    expect(byName['at least the throughput of @neo4j/graphql on every shared workload'].holds).toBe(
      false,
    );
    expect(
      byName['at least the throughput of @neo4j/graphql on every shared workload'].detail,
    ).not.toContain('stats');
    expect(byName['lineage depth 6 on the 100k graph under 50 ms at p99'].holds).toBe(false);
    expect(byName['loader at least 10x the naive way'].holds).toBe(true);
  });

  it('count a workload one side answered nothing of as missed, and say why', () => {
    const timedOut = {
      ...figures('floor', 'stats', 0, 0),
      errors: { socket: 0, timeouts: 10, non2xx: 0, graphql: 0 },
    };
    const withTimeouts = [
      ...queries.filter((q) => !(q.server === 'floor' && q.workload === 'stats')),
      timedOut,
    ];
    const withTimeoutRatios = ratiosOf(withTimeouts);
    expect(withTimeoutRatios.find((r) => r.workload === 'stats')?.p50VsFloor).toBeNull();
    const [floorTarget] = checkTargets({
      loads: [],
      queries: withTimeouts,
      settings,
      ratios: withTimeoutRatios.filter((r) => r.workload === 'stats'),
    });
    expect(floorTarget).toEqual({
      target: 'papergraph within 1.5x of the floor at p50 on every workload',
      holds: false,
      detail: 'stats no ratio: floor completed no request in the 10 s window (10 errors)',
    });
  });

  it('do not judge the 100k latency target on a smaller graph', () => {
    const targets = checkTargets({
      loads: [],
      queries,
      settings: { ...settings, queryGraphPapers: 10_000 },
      ratios,
    });
    expect(targets.find((t) => t.target.startsWith('lineage depth 6'))?.holds).toBeNull();
  });
});

describe('machine load line', () => {
  const machine: MachineInfo = {
    nproc: 2,
    memoryGiB: 24,
    cpuModel: 'test',
    os: 'test',
    node: 'v20',
    loadAverage: { start: 3 },
  };
  const phase = (otherCpuShare: number | null) => ({
    seconds: 60,
    otherCpuShare,
    ownCpuShare: 0.8,
    loadAverageMax: 4,
  });

  it('says plainly when other work took the machine during a phase', () => {
    const line = machineLoadLine({
      ...machine,
      otherLoad: { ingest: phase(0.02), queries: phase(0.45) },
    });
    expect(line).toContain('**the machine was loaded by other work during this run**');
    expect(line).toContain(
      '2% of the 2 cores during the loads and 45% of the 2 cores during the query runs',
    );
  });

  it('calls a run quiet only when every phase was', () => {
    expect(
      machineLoadLine({ ...machine, otherLoad: { ingest: phase(0.01), queries: phase(0.03) } }),
    ).toMatch(/^the machine was quiet/);
    expect(machineLoadLine(machine)).toContain('not measured');
  });
});

describe('latency by answer size', () => {
  it('splits the variants at the median size', () => {
    const requests = [30, 10, 20, 40].map((size) => ({ method: 'GET' as const, path: '/', size }));
    const halves = latencyBySize(requests, [[30, 31], [10], [20, 21, 22], [400]]);
    expect(halves).toEqual([
      { half: 'smaller', sizes: [10, 20], requests: 4, latencyMs: { p50: 20, p99: 22 } },
      { half: 'larger', sizes: [30, 40], requests: 3, latencyMs: { p50: 31, p99: 400 } },
    ]);
  });
});

describe('cpu profile packages', () => {
  it('name the package of a frame', () => {
    expect(packageOf('file:///w/node_modules/graphql/execution/execute.js', 'f')).toBe('graphql');
    expect(packageOf('/w/node_modules/@apollo/server/dist/cjs/x.js', 'f')).toBe('@apollo/server');
    expect(packageOf('/w/dist/src/graph/page.js', 'run')).toBe('papergraph (src/)');
    expect(packageOf('node:internal/streams/writable', 'write')).toBe('node internals');
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});

describe('bulk import CSV', () => {
  it('writes every node and relationship of the batch with neo4j-admin headers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-csv-'));
    try {
      const corpus = generateCorpus({ papers: 30, seed: 2, out: path.join(dir, 'corpus') });
      const { args, papers } = await writeImportCsv(corpus.batchFile, path.join(dir, 'csv'));
      expect(papers).toBe(30);
      expect(args).toHaveLength(6);
      const mentions = fs
        .readFileSync(path.join(dir, 'csv', 'mentions.csv'), 'utf8')
        .trim()
        .split('\n');
      expect(mentions[0]).toBe(
        ':START_ID(Paper),:END_ID(Entity),:TYPE,evidence,confidence:double,source',
      );
      expect(mentions.length - 1).toBe(
        corpus.summary.mentions.INTRODUCES +
          corpus.summary.mentions.USES +
          corpus.summary.mentions.EVALUATES_ON +
          corpus.summary.mentions.COMPARES_WITH +
          corpus.summary.mentions.ADDRESSES,
      );
      // Evidence sentences hold commas: they are quoted.
      expect(mentions.some((line) => /,"[^"]*,[^"]*",/.test(line))).toBe(true);
      const papersCsv = fs.readFileSync(path.join(dir, 'csv', 'papers.csv'), 'utf8').split('\n');
      expect(papersCsv[0]).toBe('id:ID(Paper),title,abstract,published,authors:string[]');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
