import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { Config } from '../config';
import { Database } from './database';
import { EmbeddedOptions, RunningNeo4j, startEmbedded } from './embedded-neo4j';
import { migrate } from './migrations';

/**
 * The database a papergraph process works on: NEO4J_URI when set, else the embedded Neo4j
 * (started here, or the one `db:start` left running). The schema is migrated before use.
 */
export interface Connection {
  db: Database;
  uri: string;
  embedded?: RunningNeo4j;
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 120_000;

export function embeddedOptions(
  config: Config,
  log: (line: string) => void,
  attachToAny = false,
): EmbeddedOptions {
  return {
    rootDir: config.rootDir,
    cacheDir: config.cacheDir,
    dataDir: config.embeddedDataDir,
    boltPort: config.embeddedBoltPort,
    password: config.neo4jPassword,
    heap: config.embeddedHeap,
    pageCache: config.embeddedPageCache,
    startTimeoutMs: config.embeddedStartTimeoutMs,
    log,
    attachToAny,
  };
}

const RESTART_DELAY_MS = 2_000;

export interface ConnectOptions {
  /**
   * For one-shot commands (ingest, seed): use the embedded database a running server or
   * `db:start` owns instead of refusing, and do not restart it.
   */
  attachToAny?: boolean;
}

export async function connect(
  config: Config,
  log: (line: string) => void,
  options: ConnectOptions = {},
): Promise<Connection> {
  let embedded: RunningNeo4j | undefined;
  let closing = false;
  let uri = config.neo4jUri;
  // The database this process owns is restarted when it dies (a crash, an OOM kill), on the same
  // port, so that the API recovers without a restart of its own; the driver reconnects by itself.
  let restarting: Promise<void> | undefined;
  const supervise = (running: RunningNeo4j) => {
    void running.exited?.then((code) => {
      if (closing) return;
      log(`The embedded Neo4j exited unexpectedly (code ${code}); restarting it`);
      restarting = restartUntilUp().finally(() => (restarting = undefined));
    });
  };
  const restartUntilUp = async () => {
    while (!closing) {
      await sleep(RESTART_DELAY_MS);
      if (closing) return;
      try {
        embedded = await startEmbedded(embeddedOptions(config, log), 'foreground');
        supervise(embedded);
        return;
      } catch (error) {
        log(`Restart of the embedded Neo4j failed: ${(error as Error).message}`);
      }
    }
  };
  if (!uri) {
    embedded = await startEmbedded(embeddedOptions(config, log, options.attachToAny), 'foreground');
    if (!options.attachToAny) supervise(embedded);
    uri = embedded.uri;
  }
  const db = new Database({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  const shutdown = async () => {
    closing = true;
    await restarting;
    await db.close();
    await embedded?.stop();
  };
  try {
    await waitUntilReachable(db, uri, log);
    const applied = await migrate(db, path.join(config.rootDir, 'schema'));
    if (applied.length) log(`Applied schema migrations: ${applied.join(', ')}`);
  } catch (error) {
    await shutdown();
    throw error;
  }
  return {
    db,
    uri,
    get embedded() {
      return embedded;
    },
    close: shutdown,
  };
}

/** The database cannot be used as configured (unreachable, credentials refused): a clear message. */
export class DatabaseConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseConnectError';
  }
}

/**
 * A URI as it may be logged or shown: credentials written into it (`bolt://user:secret@host`)
 * are masked, so that a password never reaches a log through NEO4J_URI.
 */
export function displayUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1***@');
}

/**
 * A database started beside papergraph (Docker Compose) may still be booting, and one just started
 * on a busy machine may take seconds to accept its first connection: wait for it.
 */
export async function waitUntilReachable(
  db: Database,
  uri: string,
  log: (line: string) => void,
): Promise<void> {
  const deadline = Date.now() + CONNECT_TIMEOUT_MS;
  const shown = displayUri(uri);
  let announced = false;
  for (;;) {
    try {
      await db.serverVersion();
      return;
    } catch (error) {
      const message = (error as Error).message.split(uri).join(shown);
      if (/authentication|unauthorized|credentials/i.test(message)) {
        throw new DatabaseConnectError(
          `Neo4j at ${shown} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD.`,
        );
      }
      if (Date.now() > deadline) {
        throw new DatabaseConnectError(
          `Neo4j at ${shown} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s: ${message}`,
        );
      }
      if (!announced) log(`Waiting for Neo4j at ${shown} ...`);
      announced = true;
      await sleep(1_000);
    }
  }
}
