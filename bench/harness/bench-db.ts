import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { ROOT } from '../../src/config';
import { Database } from '../../src/db/database';
import { startEmbedded } from '../../src/db/embedded-neo4j';
import { migrate } from '../../src/db/migrations';

/**
 * The benchmark's own Neo4j: the embedded database papergraph ships, started on a free port in a
 * temporary folder (never the default .data/neo4j, never port 7687), with more memory than the
 * default, and deleted when the run ends. `uri` may instead name a database the caller owns
 * (the jest smoke test passes the integration database).
 */

export interface BenchDatabaseOptions {
  /** JVM heap. Default 2g. */
  heap?: string;
  /** Page cache. Default 1g. */
  pageCache?: string;
  log?: (line: string) => void;
}

export interface BenchDatabase {
  uri: string;
  user: string;
  password: string;
  /** The Neo4j JVM, when this run started it (for its memory figures). */
  pid?: number;
  version: string;
  db: Database;
  /** Folder of the store, for the bulk importer. */
  dataDir?: string;
  stop(): Promise<void>;
}

const PASSWORD = 'papergraph-bench';

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

export function openDatabase(uri: string, user: string, password: string): Database {
  // Bulk loads and whole-graph statistics run for longer than the API's 10 s default.
  return new Database({ uri, user, password, queryTimeoutMs: 600_000 });
}

export async function startBenchDatabase(
  options: BenchDatabaseOptions = {},
): Promise<BenchDatabase> {
  const log = options.log ?? (() => undefined);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-neo4j-'));
  const dataDir = path.join(home, 'neo4j');
  let port = await freePort();
  while (port === 7687) port = await freePort();
  const running = await startEmbedded(
    {
      rootDir: ROOT,
      cacheDir: path.join(ROOT, '.cache'),
      dataDir,
      boltPort: port,
      password: PASSWORD,
      heap: options.heap ?? '2g',
      pageCache: options.pageCache ?? '1g',
      startTimeoutMs: 300_000,
      log,
    },
    'foreground',
  );
  const db = openDatabase(running.uri, 'neo4j', PASSWORD);
  try {
    await migrate(db, path.join(ROOT, 'schema'));
  } catch (error) {
    await db.close();
    await running.stop();
    throw error;
  }
  return {
    uri: running.uri,
    user: 'neo4j',
    password: PASSWORD,
    pid: running.pid,
    version: running.version,
    db,
    dataDir,
    stop: async () => {
      await db.close();
      await running.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Deletes every paper, entity and alias in batches (one transaction for 1M nodes would not fit the heap). */
export async function clearGraph(db: Database): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(
      'MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
    );
  } finally {
    await session.close();
  }
}

/**
 * Waits until the database runs no transaction but this one, so that queries a workload left
 * running (a client gave up, the server did not) do not slow the next measurement; after
 * `maxWaitMs` it terminates them. Returns how many it had to terminate.
 */
export async function waitForQuiet(db: Database, maxWaitMs = 30_000): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  // Auto-commit statements: transaction management cannot run inside a managed transaction.
  const session = db.driver.session();
  try {
    for (;;) {
      const result = await session.run(
        `SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery
         WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN id`,
      );
      const ids = result.records.map((record) => record.get('id') as string);
      if (ids.length === 0) return 0;
      if (Date.now() > deadline) {
        await session.run('TERMINATE TRANSACTIONS $ids', { ids });
        return ids.length;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await session.close();
  }
}
