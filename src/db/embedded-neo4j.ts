import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { ensureJars, launcherDir } from './neo4j-jars';

/**
 * Starts and stops the embedded Neo4j: a JVM running tools/neo4j/src/Launcher.java over the
 * jars from Maven Central. A pid file and a log file sit beside the data folder, so that
 * `db:start` / `db:stop` / `db:status` and `npm start` agree on what is running.
 */

export interface EmbeddedOptions {
  rootDir: string;
  cacheDir: string;
  dataDir: string;
  boltPort: number;
  password: string;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  log?: (line: string) => void;
  /** Use a database already running on this data folder, whoever started it (CLI commands). */
  attachToAny?: boolean;
}

/** `foreground`: owned by a server or test run, which stops it; `background`: `db:start`. */
export type RunMode = 'foreground' | 'background';

interface PidFile {
  pid: number;
  uri: string;
  version: string;
  mode: RunMode;
  ownerPid: number;
  startedAt: string;
}

export interface RunningNeo4j {
  uri: string;
  pid: number;
  version: string;
  mode: RunMode;
  /** False when this process found a `db:start` database and only uses it. */
  owned: boolean;
  /** Resolves with the exit code when a database this process started exits for any reason. */
  exited?: Promise<number>;
  stop(): Promise<void>;
}

const READY = /PAPERGRAPH_NEO4J_READY (\S+) version=(\S+) pid=(\d+)/;

/** Neo4j 5's minimum, enforced when the launcher sets the password. */
const MIN_PASSWORD_LENGTH = 8;

export class AlreadyRunningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlreadyRunningError';
  }
}

/** The JVM exited or did not become ready in time; the message carries the log's last lines. */
export class EmbeddedStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedStartError';
  }
}

export function pidFilePath(dataDir: string): string {
  return `${dataDir}.pid`;
}

export function logFilePath(dataDir: string): string {
  return `${dataDir}.log`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid file of a database that is still running; a stale one (after a crash) is removed. */
export function readRunning(dataDir: string): PidFile | undefined {
  const file = pidFilePath(dataDir);
  let info: PidFile;
  try {
    info = JSON.parse(fs.readFileSync(file, 'utf8')) as PidFile;
  } catch {
    return undefined;
  }
  const cmdline = (() => {
    try {
      return fs.readFileSync(`/proc/${info.pid}/cmdline`, 'utf8');
    } catch {
      return process.platform === 'linux' ? '' : 'Launcher';
    }
  })();
  if (isAlive(info.pid) && cmdline.includes('Launcher')) return info;
  fs.rmSync(file, { force: true });
  return undefined;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function logTail(file: string, from: number, lines = 25): string {
  try {
    const text = fs.readFileSync(file, 'utf8').slice(from);
    return text.trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** Stops a database by pid: SIGTERM lets Neo4j close its store cleanly; SIGKILL only as a last resort. */
export async function stopPid(pid: number, timeoutMs = 60_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
}

function attached(info: PidFile, owned: boolean, dataDir: string): RunningNeo4j {
  return {
    uri: info.uri,
    pid: info.pid,
    version: info.version,
    mode: info.mode,
    owned,
    stop: async () => {
      if (!owned) return;
      await stopPid(info.pid);
      const current = readRunning(dataDir);
      if (!current || current.pid === info.pid) fs.rmSync(pidFilePath(dataDir), { force: true });
    },
  };
}

/**
 * Starts the embedded database and resolves once it accepts Bolt connections. A foreground start
 * reuses a database left running by `db:start`; any other running one is an error, since two
 * JVMs cannot share one store.
 */
export async function startEmbedded(
  options: EmbeddedOptions,
  mode: RunMode,
): Promise<RunningNeo4j> {
  const log = options.log ?? (() => undefined);
  const existing = readRunning(options.dataDir);
  if (existing) {
    if ((mode === 'foreground' && existing.mode === 'background') || options.attachToAny) {
      log(`Using the running embedded Neo4j (pid ${existing.pid}) at ${existing.uri}`);
      return attached(existing, false, options.dataDir);
    }
    const by =
      existing.mode === 'background'
        ? 'npm run db:start'
        : `another papergraph process (pid ${existing.ownerPid})`;
    throw new AlreadyRunningError(
      `The embedded Neo4j for ${options.dataDir} is already running (pid ${existing.pid}, started by ${by}).\n` +
        (existing.mode === 'background'
          ? '  Stop it with: npm run db:stop'
          : '  Stop that papergraph first (Ctrl-C), or give this one its own NEO4J_DATA_DIR, NEO4J_BOLT_PORT and PORT.'),
    );
  }
  if (await portInUse(options.boltPort)) {
    throw new AlreadyRunningError(
      `Port ${options.boltPort} on 127.0.0.1 is already taken by another program, so the embedded Neo4j cannot listen there.\n` +
        '  Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use the database that is listening.',
    );
  }

  // Neo4j refuses a shorter password only deep inside its start, with a stack trace in the log.
  if (options.password.length < MIN_PASSWORD_LENGTH) {
    throw new EmbeddedStartError(
      `NEO4J_PASSWORD has ${options.password.length} characters; Neo4j requires at least ${MIN_PASSWORD_LENGTH}. Set a longer one.`,
    );
  }
  const jars = ensureJars(options.rootDir, options.cacheDir, log);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const logFile = logFilePath(options.dataDir);
  const logStart = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(
    fd,
    `--- papergraph: starting Neo4j ${jars.version} (${mode}) at ${new Date().toISOString()}\n`,
  );

  const child = spawn(
    'java',
    [
      `-Xmx${options.heap}`,
      '-XX:+ExitOnOutOfMemoryError',
      '-cp',
      `${jars.libDir}${path.sep}*`,
      path.join(launcherDir(options.rootDir), 'src', 'Launcher.java'),
    ],
    {
      cwd: options.rootDir,
      detached: mode === 'background',
      stdio: ['ignore', fd, fd],
      env: {
        ...process.env,
        PAPERGRAPH_NEO4J_HOME: options.dataDir,
        PAPERGRAPH_NEO4J_HOST: '127.0.0.1',
        PAPERGRAPH_NEO4J_PORT: String(options.boltPort),
        PAPERGRAPH_NEO4J_PASSWORD: options.password,
        PAPERGRAPH_NEO4J_PAGECACHE: options.pageCache,
        PAPERGRAPH_NEO4J_PARENT_PID: mode === 'foreground' ? String(process.pid) : '',
      },
    },
  );
  fs.closeSync(fd);
  let exitCode: number | undefined;
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve(exitCode);
    }),
  );
  if (mode === 'background') child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('Could not start java for the embedded Neo4j');

  const deadline = Date.now() + options.startTimeoutMs;
  for (;;) {
    const ready = READY.exec(fs.readFileSync(logFile, 'utf8').slice(logStart));
    if (ready) {
      const info: PidFile = {
        pid,
        uri: ready[1],
        version: ready[2],
        mode,
        ownerPid: process.pid,
        startedAt: new Date().toISOString(),
      };
      fs.writeFileSync(pidFilePath(options.dataDir), JSON.stringify(info, null, 2));
      log(`Embedded Neo4j ${info.version} ready at ${info.uri} (pid ${pid}, log ${logFile})`);
      return { ...attached(info, true, options.dataDir), exited };
    }
    if (exitCode !== undefined) {
      throw new EmbeddedStartError(
        `The embedded Neo4j exited (code ${exitCode}) before it was ready. Last lines of ${logFile}:\n` +
          logTail(logFile, logStart),
      );
    }
    if (Date.now() > deadline) {
      await stopPid(pid, 10_000);
      throw new EmbeddedStartError(
        `The embedded Neo4j was not ready within ${options.startTimeoutMs / 1000} s ` +
          `(NEO4J_START_TIMEOUT_MS). Last lines of ${logFile}:\n${logTail(logFile, logStart)}`,
      );
    }
    await sleep(200);
  }
}
