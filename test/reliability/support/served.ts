import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { health } from './http';
import {
  childEnv,
  CliProcess,
  embeddedPid,
  freePort,
  isAlive,
  isLauncher,
  runCli,
  runCliToEnd,
  waitFor,
} from './processes';

/**
 * A papergraph deployment of its own for one test file: a temporary data folder, a free Bolt port
 * and a free HTTP port, so that its embedded Neo4j is not the shared test database.
 */
export class Deployment {
  readonly dir: string;
  readonly dataDir: string;
  /** Known secrets, so that tests can look for them where they must not be. */
  readonly password = `pw-${Math.random().toString(36).slice(2)}-secret`;
  readonly token = `tok-${Math.random().toString(36).slice(2)}-secret`;
  boltPort = 0;
  port = 0;
  private readonly children: CliProcess[] = [];
  private readonly outputs: string[] = [];

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `papergraph-${name}-`));
    this.dataDir = path.join(this.dir, 'neo4j');
  }

  async init(): Promise<this> {
    this.boltPort = await freePort();
    this.port = await freePort();
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
    return childEnv({
      HOST: '127.0.0.1',
      PORT: String(this.port),
      NEO4J_DATA_DIR: this.dataDir,
      NEO4J_BOLT_PORT: String(this.boltPort),
      NEO4J_PASSWORD: this.password,
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '128m',
      PAPERGRAPH_SEED_ON_START: 'false',
      PAPERGRAPH_API_TOKEN: this.token,
      ...extra,
    });
  }

  /** The embedded Neo4j's pid, from its pid file. */
  neo4jPid(): number | undefined {
    return embeddedPid(this.dataDir);
  }

  /** Runs a CLI command (`db start`, `ingest`, ...) to its end, keeping its output. */
  async cli(args: string[], timeoutMs: number, extra: Record<string, string | undefined> = {}) {
    try {
      const result = await runCliToEnd(args, this.env(extra), timeoutMs);
      this.outputs.push(result.stdout, result.stderr);
      return result;
    } catch (error) {
      this.outputs.push((error as Error).message);
      throw error;
    }
  }

  /** Starts `papergraph serve` and waits until /health answers 200 (the database is up). */
  async serve(
    timeoutMs: number,
    extra: Record<string, string | undefined> = {},
  ): Promise<CliProcess> {
    const server = runCli(['serve'], this.env(extra));
    this.children.push(server);
    await waitFor(
      'papergraph serve to answer /health with 200',
      async () => {
        if (!server.alive()) {
          throw new Error(
            `serve exited early\nstdout: ${server.stdout()}\nstderr: ${server.stderr()}`,
          );
        }
        return (await health(this.url, 3_000)).status === 200;
      },
      timeoutMs,
      500,
    ).catch((error) => {
      if (!server.alive()) throw error;
      throw new Error(
        `${(error as Error).message}\nstdout: ${server.stdout()}\nstderr: ${server.stderr()}`,
      );
    });
    return server;
  }

  /**
   * Everything written to logs: the output of every command and server run here, the launcher's
   * log beside the data folder and Neo4j's own logs inside it.
   */
  allLogs(): string {
    const read = (file: string) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    };
    const neo4jLogs = path.join(this.dataDir, 'logs');
    const files = fs.existsSync(neo4jLogs)
      ? fs.readdirSync(neo4jLogs).map((name) => path.join(neo4jLogs, name))
      : [];
    return [
      ...this.outputs,
      ...this.children.flatMap((child) => [child.stdout(), child.stderr()]),
      read(`${this.dataDir}.log`),
      ...files.map(read),
    ].join('\n');
  }

  /** Kills whatever is left (servers, the database) and removes the folder. */
  async dispose(): Promise<void> {
    for (const child of this.children) child.kill('SIGKILL');
    await Promise.all(this.children.map((child) => child.exited));
    const pid = this.neo4jPid();
    // Only a Launcher JVM: a pid file left by a killed database may name a recycled pid.
    if (pid && isAlive(pid) && isLauncher(pid)) {
      process.kill(pid, 'SIGKILL');
      await waitFor('the test database to exit', () => !isAlive(pid), 10_000).catch(
        () => undefined,
      );
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
