import 'reflect-metadata';

import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RunningServer, startServer } from '../../src/server';
import { announceReady, serverEnv } from './child';

/**
 * papergraph as deployed: `startServer` from src/server.ts on the bench database, with the
 * production defaults (NODE_ENV=production: no introspection or playground, request limits on,
 * one JSON log line per request), no seeding, on a free port.
 */
export function startPapergraphServer(
  options: { uri: string; user: string; password: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServer> {
  const config = loadConfig({
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'production',
    NEO4J_URI: options.uri,
    NEO4J_USER: options.user,
    NEO4J_PASSWORD: options.password,
    PORT: '0',
    HOST: '127.0.0.1',
    PAPERGRAPH_SEED_ON_START: 'false',
  });
  return startServer(config, createLogger(config.logLevel));
}

if (require.main === module) {
  const env = serverEnv();
  startPapergraphServer(env).then(
    (server) => announceReady(server.url, () => server.stop()),
    (error) => {
      process.stderr.write(`papergraph: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
