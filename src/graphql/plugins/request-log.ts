import { performance } from 'node:perf_hooks';

import type { ApolloServerPlugin } from '@apollo/server';

import { Logger } from '../../logger';

/**
 * One JSON line per GraphQL request: operation, duration, HTTP status and error codes. It logs
 * chosen fields only, never headers or variables, so that no token or submitted text reaches
 * the logs.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, operation }) {
          const { body } = response;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const errorCodes = [
            ...new Set(errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'))),
          ];
          const status = response.http.status ?? 200;
          logger.info(
            {
              operationName: operationName ?? null,
              operationType: operation?.operation ?? null,
              status,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              errorCodes,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
