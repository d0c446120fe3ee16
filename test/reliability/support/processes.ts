import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ROOT } from '../../../src/config';

/**
 * Child processes of the built CLI (`node dist/src/cli.js ...`), as an operator runs them: the
 * reliability tests kill, stop and signal real processes, which an in-process server cannot show.
 */

export const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

/**
 * Why the CLI tests cannot run, or undefined. They need the compiled output (`npm run build`,
 * which .ci/run runs before the tests); a dist older than src/ is run anyway, with a warning.
 */
export function missingBuild(): string | undefined {
  if (!fs.existsSync(CLI)) {
    return `${path.relative(ROOT, CLI)} is missing: run \`npm run build:server\` first (CI runs \`npm run build\`).`;
  }
  const built = fs.statSync(CLI).mtimeMs;
  const newest = newestMtime(path.join(ROOT, 'src'));
  if (newest > built) {
    console.warn(
      `[reliability] dist/ is older than src/: these tests run the last build. Run \`npm run build:server\`.`,
    );
  }
  return undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `describe`, or `describe.skip` with the reason printed, when the build is missing. */
export function describeWithBuild(name: string, body: () => void): void {
  const missing = missingBuild();
  if (missing) {
    console.warn(`[reliability] skipping "${name}": ${missing}`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a child: this process's, minus the test database and any `.env` surprises. */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info' };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'PORT']) {
    delete env[name];
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote so far, stdout and stderr apart. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  kill(signal?: NodeJS.Signals): void;
}

/** Runs `node dist/src/cli.js ...args` in the project root. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      // Let the last output arrive before anyone reads it.
      setImmediate(() => resolve({ code, signal }));
    }),
  );
  if (child.pid === undefined) throw new Error(`could not start ${CLI}`);
  return {
    child,
    pid: child.pid,
    stdout: () => out,
    stderr: () => err,
    exited,
    alive: () => !done,
    kill: (signal = 'SIGTERM') => {
      if (!done) child.kill(signal);
    },
  };
}

/** Runs a CLI command to its end; rejects (with its output) when it fails or takes too long. */
export async function runCliToEnd(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const cli = runCli(args, env);
  const timer = setTimeout(() => cli.kill('SIGKILL'), timeoutMs);
  try {
    const { code, signal } = await cli.exited;
    if (code !== 0) {
      throw new Error(
        `papergraph ${args.join(' ')} ended with ${signal ?? `code ${code}`} after ${Date.now() - started} ms` +
          `${signal === 'SIGKILL' ? ` (timeout ${timeoutMs} ms)` : ''}\nstdout: ${cli.stdout()}\nstderr: ${cli.stderr()}`,
      );
    }
    return { stdout: cli.stdout(), stderr: cli.stderr(), ms: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Polls `check` until it returns a value other than undefined/false, or throws after timeoutMs. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
      );
    }
    await sleep(intervalMs);
  }
}

/** Whether a pid is the embedded Neo4j's JVM (tools/neo4j/src/Launcher.java). */
export function isLauncher(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('Launcher');
  } catch {
    return false;
  }
}

/** Resident memory of a process in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** The pid recorded for the embedded Neo4j of a data folder (see src/db/embedded-neo4j.ts). */
export function embeddedPid(dataDir: string): number | undefined {
  try {
    return (JSON.parse(fs.readFileSync(`${dataDir}.pid`, 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

/** The JSON log lines of a server's stdout (pino), skipping anything else. */
export function logLines(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}
