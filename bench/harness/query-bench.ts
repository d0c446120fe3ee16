import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

import autocannon from 'autocannon';

import { round } from './ingest-bench';
import {
  Answer,
  Equivalence,
  RequestSpec,
  ServerKind,
  WorkloadName,
  WorkloadPlan,
  answerOf,
  responseOk,
} from './workloads';

/**
 * Runs one workload against one running API server with autocannon at a fixed concurrency for a
 * fixed time, and measures what the client sees (requests/s, latency percentiles, errors) and
 * what the server process costs (its peak resident memory, from /proc/<pid>/status).
 */

export interface ServerHandle {
  kind: ServerKind;
  url: string;
  /** The process serving the API (the benchmark's child, or this process in the smoke test). */
  pid: number;
  stop(): Promise<void>;
  /** Child servers only: profile the CPU from now until the returned function is called. */
  startCpuProfile?(): (file: string) => Promise<string | null>;
}

export interface RunOptions {
  connections: number;
  durationSeconds: number;
  /** Load before measuring, discarded: JIT, connection pools and the page cache warm up. */
  warmupSeconds: number;
  /** Write a CPU profile of the server over the measured window to this file (child servers). */
  cpuProfileFile?: string;
}

export interface WorkloadFigures {
  server: ServerKind;
  workload: WorkloadName;
  equivalence: Equivalence;
  notes?: string;
  connections: number;
  durationSeconds: number;
  /** Distinct requests the workload rotates over. */
  variants: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** Socket errors and timeouts, non-2xx answers, and 200 answers that carry GraphQL errors. */
  errors: { socket: number; timeouts: number; non2xx: number; graphql: number };
  /** Mean response size in bytes. */
  responseBytes: number;
  /** Peak resident memory of the API process during this workload (VmHWM after a reset), in MiB. */
  peakRssMiB: number | null;
  /**
   * Latency split by how big the answer is (requests carrying a `size`): the smaller half of the
   * variants and the larger half, so that a few huge answers do not hide the typical one.
   */
  bySize?: Array<{
    half: 'smaller' | 'larger';
    sizes: [number, number];
    requests: number;
    latencyMs: { p50: number; p99: number };
  }>;
}

/** Peak resident set size of a process in MiB (VmHWM), or null where /proc is not available. */
export function peakRssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}

/** Resets a process's VmHWM to its current RSS (Linux: "5" to clear_refs), so a peak can be per workload. */
function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

interface CannonResult {
  latencies: number[];
  /** Latencies of each variant (index into the request list), measured per request. */
  byVariant: number[][];
  bytes: number;
  graphqlErrors: number;
  result: autocannon.Result;
}

function cannon(
  url: string,
  requests: RequestSpec[],
  connections: number,
  seconds: number,
): Promise<CannonResult> {
  const latencies: number[] = [];
  const byVariant: number[][] = requests.map(() => []);
  let bytes = 0;
  let graphqlErrors = 0;
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 30,
        // One entry that takes the next variant from a counter shared by all connections, so
        // that the variants are spread evenly over the run however short it is (autocannon would
        // start every connection at the first entry of a list).
        requests: [
          {
            // Each connection has one request in flight, so its context ties the answer to the variant.
            setupRequest: (request: autocannon.Request, context: object) => {
              const index = next++ % requests.length;
              const r = requests[index];
              Object.assign(context, { index, started: performance.now() });
              return {
                ...request,
                method: r.method,
                path: r.path,
                body: r.body,
                headers: { ...request.headers, ...r.headers },
              };
            },
            onResponse: (status: number, body: string, context: object) => {
              if (!responseOk(status, body)) graphqlErrors++;
              const { index, started } = context as { index?: number; started?: number };
              if (index !== undefined && started !== undefined) {
                byVariant[index].push(performance.now() - started);
              }
            },
          },
        ],
      },
      (error, result) =>
        error ? reject(error) : resolve({ latencies, byVariant, bytes, graphqlErrors, result }),
    );
    instance.on(
      'response',
      (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
        latencies.push(responseTime);
        bytes += resBytes;
      },
    );
  });
}

/**
 * Sends up to `limit` of the distinct requests once, in order, and fails on the first that does
 * not succeed or whose answer is empty or of the wrong size (`size`, where the corpus knows it):
 * a benchmark of error or empty answers would measure nothing. (The run itself counts every
 * failed answer too.) Returns what each checked request answered.
 */
export async function checkRequests(
  url: string,
  plan: Pick<WorkloadPlan, 'workload' | 'server' | 'requests'>,
  limit = 20,
): Promise<Array<{ request: RequestSpec; answer: Answer }>> {
  const seen = new Set<string>();
  const checked: Array<{ request: RequestSpec; answer: Answer }> = [];
  for (const r of plan.requests) {
    const key = `${r.method} ${r.path} ${r.body ?? ''}`;
    if (seen.has(key)) continue;
    if (seen.size >= limit) break;
    seen.add(key);
    const response = await fetch(`${url}${r.path}`, {
      method: r.method,
      headers: r.headers,
      body: r.body,
    });
    const body = await response.text();
    const fail = (why: string) =>
      new Error(
        `${plan.workload} on ${plan.server}: ${why}: ${r.method} ${url}${r.path} ${r.body ?? ''} -> ` +
          `${response.status}: ${body.slice(0, 500)}`,
      );
    if (!responseOk(response.status, body)) throw fail('error answer');
    const answer = answerOf(plan.workload, plan.server, body);
    if (!answer.found) throw fail('nothing found');
    if (r.size !== undefined && answer.size !== r.size)
      throw fail(`answer of size ${answer.size} where the corpus has ${r.size}`);
    checked.push({ request: r, answer });
  }
  return checked;
}

export async function runWorkload(
  server: ServerHandle,
  plan: WorkloadPlan,
  options: RunOptions,
): Promise<WorkloadFigures> {
  if (plan.requests.length === 0)
    throw new Error(`${plan.workload} has no requests for ${plan.server}`);
  await checkRequests(server.url, plan);
  if (options.warmupSeconds > 0)
    await cannon(server.url, plan.requests, options.connections, options.warmupSeconds);
  const reset = resetPeakRss(server.pid);
  const stopProfile = options.cpuProfileFile ? server.startCpuProfile?.() : undefined;
  const { latencies, byVariant, bytes, graphqlErrors, result } = await cannon(
    server.url,
    plan.requests,
    options.connections,
    options.durationSeconds,
  );
  if (stopProfile && options.cpuProfileFile) await stopProfile(options.cpuProfileFile);
  latencies.sort((a, b) => a - b);
  const count = latencies.length;
  return {
    server: plan.server,
    workload: plan.workload,
    equivalence: plan.equivalence,
    ...(plan.notes ? { notes: plan.notes } : {}),
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    variants: plan.requests.length,
    requests: count,
    requestsPerSecond: round(count / options.durationSeconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      p99: round(percentile(latencies, 99), 2),
      mean: round(count ? latencies.reduce((a, b) => a + b, 0) / count : 0, 2),
      max: round(latencies[count - 1] ?? 0, 2),
    },
    errors: {
      socket: result.errors - result.timeouts,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphql: graphqlErrors,
    },
    responseBytes: count ? Math.round(bytes / count) : 0,
    peakRssMiB: reset ? peakRssMiB(server.pid) : null,
    ...(plan.requests.some((r) => r.size !== undefined)
      ? { bySize: latencyBySize(plan.requests, byVariant) }
      : {}),
  };
}

/** Latency of the smaller and the larger half of the variants, by their `size`. */
export function latencyBySize(
  requests: RequestSpec[],
  byVariant: number[][],
): NonNullable<WorkloadFigures['bySize']> {
  const order = requests.map((r, i) => ({ size: r.size ?? 0, i })).sort((a, b) => a.size - b.size);
  const cut = Math.ceil(order.length / 2);
  const halves = [
    { half: 'smaller' as const, items: order.slice(0, cut) },
    { half: 'larger' as const, items: order.slice(cut) },
  ].filter((h) => h.items.length > 0);
  return halves.map(({ half, items }) => {
    const ms = items.flatMap(({ i }) => byVariant[i]).sort((a, b) => a - b);
    return {
      half,
      sizes: [items[0].size, items[items.length - 1].size] as [number, number],
      requests: ms.length,
      latencyMs: { p50: round(percentile(ms, 50), 2), p99: round(percentile(ms, 99), 2) },
    };
  });
}

/** The module under dist/bench/servers/ that serves each kind. */
const SERVER_SCRIPTS: Record<ServerKind, string> = {
  floor: 'raw-cypher',
  papergraph: 'papergraph',
  'neo4j-graphql': 'neo4j-graphql',
};

/**
 * Starts one API server as a child process (dist/bench/servers/<kind>.js) on the bench database
 * and waits for it to say where it listens. Its output goes to `logFile`.
 */
export async function launchServer(
  kind: ServerKind,
  database: { uri: string; user: string; password: string },
  logFile: string,
  options: { timeoutMs?: number; execArgv?: string[] } = {},
): Promise<ServerHandle> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const script = path.join(__dirname, '..', 'servers', `${SERVER_SCRIPTS[kind]}.js`);
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = fork(script, [], {
    execArgv: options.execArgv ?? [],
    stdio: ['ignore', log, log, 'ipc'],
    env: {
      ...process.env,
      // Every server as deployed: graphql-js and express pick their production paths (no
      // multi-realm instanceof checks) from the environment when they load, not from config.
      NODE_ENV: 'production',
      BENCH_NEO4J_URI: database.uri,
      BENCH_NEO4J_USER: database.user,
      BENCH_NEO4J_PASSWORD: database.password,
    },
  });
  fs.closeSync(log);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${kind} server did not start within ${timeoutMs / 1000} s (log: ${logFile})`),
        ),
      timeoutMs,
    );
    child.once('message', (message: { ready?: string }) => {
      clearTimeout(timer);
      if (message.ready) resolve(message.ready);
      else reject(new Error(`${kind} server sent ${JSON.stringify(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`${kind} server exited with code ${code} before it was ready (log: ${logFile})`),
      );
    });
  });
  return {
    kind,
    url,
    pid: child.pid!,
    startCpuProfile: () => {
      child.send({ profile: 'start' });
      return (file: string) =>
        new Promise<string | null>((resolve) => {
          const onMessage = (message: { profiled?: string | null }) => {
            if (!message || !('profiled' in message)) return;
            child.off('message', onMessage);
            resolve(message.profiled ?? null);
          };
          child.on('message', onMessage);
          child.send({ profile: 'stop', file });
        });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
