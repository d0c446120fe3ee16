import net from 'node:net';

import { Config } from './config';
import { NO_DETAILS } from './graph/cypher';
import { graphStats } from './graph/stats.repository';
import { connect, Connection } from './db/connect';
import { buildPapergraphSchema } from './graphql/schema';
import { createApp } from './http/app';
import { Logger } from './logger';

export interface RunningServer {
  url: string;
  connection: Connection;
  /** Drains requests in flight, then closes the driver and the embedded database. */
  stop(): Promise<void>;
}

export class PortInUseError extends Error {}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${port} is already in use (is papergraph already running?). Stop it, or set PORT to another port.`,
            )
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Starts the database (unless NEO4J_URI is set), migrates, seeds an empty graph, then serves HTTP. */
export async function startServer(
  config: Config,
  logger: Logger,
  options: { seed?: (connection: Connection) => Promise<void> } = {},
): Promise<RunningServer> {
  // Fail before the database starts, which takes seconds, when the HTTP port is taken.
  await assertPortFree(config.host, config.port);
  const connection = await connect(config, (line) => logger.info(line));
  try {
    if (options.seed) await options.seed(connection);
    const schema = await buildPapergraphSchema();
    const { httpServer, apollo } = await createApp({ config, db: connection.db, schema, logger });
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    // Neo4j plans a statement on its first run; the dashboard's statistics are the largest one, so
    // plan them now rather than on the first visitor's request. A failure here is the visitor's to see.
    // Without details, as the explorer's overview asks (ids, names and kinds).
    void graphStats(connection.db, 10, NO_DETAILS).catch(() => undefined);
    const address = httpServer.address() as net.AddressInfo;
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
    return {
      url,
      connection,
      stop: async () => {
        await apollo.stop();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
