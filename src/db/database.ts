import neo4j, { Driver, ManagedTransaction, QueryResult, RecordShape } from 'neo4j-driver';

/**
 * The one gateway to Neo4j. Reads go through read transactions and writes through write
 * transactions, so that a `neo4j://` routing URI spreads reads across a cluster's members; every
 * transaction carries a timeout so that no query can hold the database.
 */

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  /** Database name; undefined uses the server's default (home) database. */
  database?: string;
  /** Per-transaction timeout in milliseconds. */
  queryTimeoutMs: number;
  /** Connection pool size per server. Default 100. */
  maxPoolSize?: number;
}

export interface TxOptions {
  /** Overrides the default transaction timeout, for bulk loads. */
  timeoutMs?: number;
}

export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The database is unavailable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * The driver captures the caller's stack trace for every query it starts, only to append it to a
 * failed query's error. Through the async frames of a GraphQL request that capture cost more than
 * a quarter of a small read's time in the API (paper by id: 1,040 requests/s with it off, 760 with
 * it on). Errors of reads are mapped to API errors by their Neo4j code and message, so they go
 * without it: their stack shows the driver's frames only.
 */
export function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The records of a result as plain objects. */
function plain<T extends RecordShape>(result: QueryResult<T>): T[] {
  return result.records.map((record) => record.toObject());
}

/** Driver errors that mean "the database cannot be reached", as opposed to a bad query. */
export function isUnavailable(error: unknown): boolean {
  const { code = '', message = '' } = (error ?? {}) as { code?: string; message?: string };
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
    code === 'ECONNREFUSED' ||
    // No connection within connectionAcquisitionTimeout: a database that hangs, or one too slow
    // to accept connections. The driver gives this error no code of its own.
    message.startsWith('Connection acquisition timed out')
  );
}

export class Database {
  readonly driver: Driver;
  private readonly database?: string;
  private readonly timeoutMs: number;

  constructor(options: DatabaseOptions) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: options.maxPoolSize ?? 100,
      // Fail fast when the database is down, so that the API answers DATABASE_UNAVAILABLE
      // quickly instead of queueing requests.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 3_000,
      disableLosslessIntegers: true,
    });
    this.database = options.database;
    this.timeoutMs = options.queryTimeoutMs;
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T> {
    return this.run('READ', work, options);
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, options?: TxOptions): Promise<T> {
    return this.run('WRITE', work, options);
  }

  /**
   * One parameterized read query, returning plain objects. It runs as an auto-commit transaction:
   * one round trip (RUN and PULL) where a managed one takes two (BEGIN with RUN and PULL, then
   * COMMIT); under load the API spent a fifth of its time writing those messages to the socket.
   * A failure the driver calls transient is tried again as a managed read, which retries it.
   */
  async query<T extends RecordShape = RecordShape>(
    cypher: string,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      return plain(
        await withoutCallerStack(() => session.run<T>(cypher, params, { timeout: this.timeoutMs })),
      );
    } catch (error) {
      if (!neo4j.isRetryableError(error)) {
        throw isUnavailable(error) ? new DatabaseUnavailableError(error) : error;
      }
    } finally {
      await session.close();
    }
    return this.read(async (tx) => plain(await tx.run<T>(cypher, params)));
  }

  /**
   * One statement in an auto-commit transaction, without the query timeout: schema changes and
   * migrations' backfills (`CALL { } IN TRANSACTIONS`, which no managed transaction can run).
   */
  async autoCommit(cypher: string): Promise<void> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      await session.run(cypher);
    } catch (error) {
      if (isUnavailable(error)) throw new DatabaseUnavailableError(error);
      throw error;
    } finally {
      await session.close();
    }
  }

  /** Server version when the database answers; throws DatabaseUnavailableError otherwise. */
  async serverVersion(): Promise<string> {
    try {
      const info = await this.driver.getServerInfo({ database: this.database });
      return (info.agent ?? 'Neo4j/unknown').replace(/^Neo4j\//, '');
    } catch (error) {
      throw new DatabaseUnavailableError(error);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
    options?: TxOptions,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      const config = { timeout: options?.timeoutMs ?? this.timeoutMs };
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (error) {
      if (isUnavailable(error)) throw new DatabaseUnavailableError(error);
      throw error;
    } finally {
      await session.close();
    }
  }
}
