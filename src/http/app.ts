import http from 'node:http';

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';

import { Config } from '../config';
import { Database } from '../db/database';
import { Context } from '../graphql/context';
import { createFormatError } from '../graphql/format-error';
import { createLoaders } from '../graphql/loaders';
import { requestLimits } from '../graphql/limits';
import { drainHttpServerPlugin } from '../graphql/plugins/drain-http-server';
import { requestLogPlugin } from '../graphql/plugins/request-log';
import { Logger } from '../logger';
import { bearerToken, tokenMatches } from './bearer-token';
import { httpErrorHandler } from './body-errors';
import { curatorName } from './curator-header';
import { explorerRouter } from './explorer';
import { healthHandler } from './health';
import { playgroundRouter } from './playground';

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

/** Builds the HTTP server: /health, /graphql and the playground. It does not listen; see server.ts. */
export async function createApp({ config, db, schema, logger }: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // An ETag is a hash of every response body; answers to POSTed queries are never revalidated.
  // Static assets carry their own (express.static sets them regardless of this setting).
  app.disable('etag');
  const httpServer = http.createServer(app);
  const limits = requestLimits({
    limits: config.limits,
    blockFieldSuggestions: !config.introspection,
  });
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    formatError: createFormatError({ maskInternalErrors: config.nodeEnv === 'production', logger }),
    // Apollo's default, stated because it matters: a POST that a browser may send cross-site
    // without a preflight (text/plain, form content types) is refused unless it carries a
    // header only a script can set (apollo-require-preflight, x-apollo-operation-name).
    csrfPrevention: true,
    // One operation per request, so that the per-operation limits bound the whole request.
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // serve.command.ts owns the signal handling (drain, then close the driver and the database);
    // Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      // On stop, requests in flight get as long as their transactions may take, and then some.
      drainHttpServerPlugin({ httpServer, graceMs: config.queryTimeoutMs + 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // The API sets no cache hints; Apollo's default cache-control plugin would still wrap every
      // field's resolver, a cost paid per field of a lineage with thousands of edges.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(logger),
      ...limits.plugins,
    ],
  });
  await apollo.start();

  app.get('/health', healthHandler(db));
  if (config.playground) app.use(playgroundRouter(config.rootDir));
  app.use(explorerRouter(config.rootDir));
  app.use(
    '/graphql',
    express.json({ limit: config.limits.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => ({
        db,
        logger,
        config,
        version: config.version,
        mutationsEnabled: config.apiToken !== undefined,
        authorized: tokenMatches(bearerToken(req.headers.authorization), config.apiToken),
        curator: curatorName(req.headers['x-curator']),
        loaders: createLoaders(db),
      }),
    }),
  );
  app.use(httpErrorHandler(logger, config.limits.maxBodyBytes));
  return { httpServer, apollo };
}
