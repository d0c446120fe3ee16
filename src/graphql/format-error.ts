import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

import { DatabaseUnavailableError, isUnavailable } from '../db/database';

/**
 * Gives every error a stable `extensions.code` that clients can branch on. A database outage is
 * DATABASE_UNAVAILABLE rather than INTERNAL_SERVER_ERROR, so a client knows to retry.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DatabaseUnavailableError || isUnavailable(original)) {
    return {
      message: 'The database is unavailable; try again shortly.',
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    };
  }
  return formatted;
}
