import http from 'node:http';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';

import { Config } from '../config';
import { Database } from '../db/database';
import { Context } from '../graphql/context';
import { formatError } from '../graphql/format-error';
import { Logger } from '../logger';
import { healthHandler } from './health';

export interface AppOptions {
  config: Config;
  db: Database;
  schema: GraphQLSchema;
  logger: Logger;
}

export interface App {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1].trim();
}

/** Builds the HTTP server: /health and /graphql. It does not listen; see server.ts. */
export async function createApp({ config, db, schema, logger }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.nodeEnv !== 'production',
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    formatError,
    // serve.command.ts owns the signal handling (drain, then close the driver and the database);
    // Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  app.get('/health', healthHandler(db));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const token = bearerToken(req.headers.authorization);
        return {
          db,
          logger,
          version: config.version,
          mutationsEnabled: config.apiToken !== undefined,
          authorized: config.apiToken !== undefined && token === config.apiToken,
        };
      },
    }),
  );
  return { httpServer, apollo };
}
