import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

import { DatabaseUnavailableError, isUnavailable } from '../db/database';
import { CurationError } from '../graph/curation-error';
import { Logger } from '../logger';

export interface FormatErrorOptions {
  /** Replace the message of unexpected errors with "Internal server error" (production). */
  maskInternalErrors: boolean;
  logger: Logger;
}

/**
 * The transaction ran out of time. A transaction whose timeout strikes while it waits for a lock
 * (a concurrent write holds it) fails with LockClientStopped, not TransactionTimedOut.
 */
function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code === 'Neo.ClientError.Transaction.LockClientStopped' ||
    code === 'Neo.TransientError.Transaction.LockAcquisitionTimeout'
  );
}

/**
 * Gives every error a stable `extensions.code` that clients can branch on. A database outage is
 * DATABASE_UNAVAILABLE rather than INTERNAL_SERVER_ERROR, so a client knows to retry. Errors
 * nobody threw on purpose are logged in full and, in production, answered with a bare "Internal
 * server error": their messages can hold Cypher, ids or paths.
 */
export function createFormatError({ maskInternalErrors, logger }: FormatErrorOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = { path: formatted.path, locations: formatted.locations };
    if (original instanceof DatabaseUnavailableError || isUnavailable(original)) {
      logger.warn({ err: original, path: formatted.path }, 'database unavailable');
      return {
        message: 'The database is unavailable; try again shortly.',
        ...where,
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    if (isTimeout(original)) {
      logger.warn({ err: original, path: formatted.path }, 'transaction timed out');
      return {
        message: 'The request took too long and was stopped; ask for less at once.',
        ...where,
        extensions: { code: 'QUERY_TIMEOUT' },
      };
    }
    if (original instanceof CurationError) {
      return {
        message: original.message,
        ...where,
        extensions: { ...original.details, code: 'BAD_USER_INPUT' },
      };
    }
    const code = formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    if (code === 'INTERNAL_SERVER_ERROR') {
      logger.error(
        { err: original, path: formatted.path },
        'unexpected error in a GraphQL request',
      );
      if (maskInternalErrors) {
        return { message: 'Internal server error', ...where, extensions: { code } };
      }
    }
    return { ...formatted, extensions: { ...formatted.extensions, code } };
  };
}
