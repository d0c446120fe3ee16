import { GraphQLFormattedError } from 'graphql';

import { DatabaseUnavailableError } from '../../../src/db/database';
import { CurationError } from '../../../src/graph/curation-error';
import { createFormatError } from '../../../src/graphql/format-error';
import { Logger } from '../../../src/logger';

function fakeLogger() {
  return { error: jest.fn(), warn: jest.fn() };
}

const internal = (message: string): GraphQLFormattedError => ({
  message,
  path: ['mergeEntities'],
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
});

describe('formatError', () => {
  it('masks an unexpected error in production and logs the real one', () => {
    const logger = fakeLogger();
    const format = createFormatError({
      maskInternalErrors: true,
      logger: logger as unknown as Logger,
    });
    const error = new Error('Neo.ClientError.Statement.SyntaxError: MATCH (secret)');
    expect(format(internal(error.message), error)).toEqual({
      message: 'Internal server error',
      path: ['mergeEntities'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ err: error, path: ['mergeEntities'] }),
      'unexpected error in a GraphQL request',
    );
  });

  it('keeps the message outside production, and still logs it', () => {
    const logger = fakeLogger();
    const format = createFormatError({
      maskInternalErrors: false,
      logger: logger as unknown as Logger,
    });
    expect(format(internal('boom'), new Error('boom')).message).toBe('boom');
    expect(logger.error).toHaveBeenCalledTimes(1);
  });

  it('gives a code to an error that has none', () => {
    const format = createFormatError({
      maskInternalErrors: false,
      logger: fakeLogger() as unknown as Logger,
    });
    expect(format({ message: 'odd' }, new Error('odd')).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });

  it('passes client errors through unmasked', () => {
    const logger = fakeLogger();
    const format = createFormatError({
      maskInternalErrors: true,
      logger: logger as unknown as Logger,
    });
    const formatted = {
      message: 'Cannot query field "x"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(format(formatted, new Error(formatted.message))).toEqual(formatted);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('answers a CurationError as BAD_USER_INPUT with its details', () => {
    const format = createFormatError({
      maskInternalErrors: true,
      logger: fakeLogger() as unknown as Logger,
    });
    const error = new CurationError("Unknown entity: child 'X'", { unknown: ["child 'X'"] });
    expect(format(internal(error.message), error)).toEqual({
      message: "Unknown entity: child 'X'",
      path: ['mergeEntities'],
      extensions: { code: 'BAD_USER_INPUT', unknown: ["child 'X'"] },
    });
  });

  it('answers an outage as DATABASE_UNAVAILABLE, without the driver message', () => {
    const format = createFormatError({
      maskInternalErrors: false,
      logger: fakeLogger() as unknown as Logger,
    });
    const error = new DatabaseUnavailableError(new Error('connect ECONNREFUSED 10.0.0.7:7687'));
    const result = format(internal(error.message), error);
    expect(result.extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(result.message).not.toMatch(/10\.0\.0\.7/);
  });

  it('answers a transaction timeout as QUERY_TIMEOUT', () => {
    const format = createFormatError({
      maskInternalErrors: true,
      logger: fakeLogger() as unknown as Logger,
    });
    const error = Object.assign(new Error('timed out'), {
      code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    });
    expect(format(internal('timed out'), error).extensions).toEqual({ code: 'QUERY_TIMEOUT' });
  });

  it('answers a timeout that struck while waiting for a lock as QUERY_TIMEOUT', () => {
    const format = createFormatError({
      maskInternalErrors: true,
      logger: fakeLogger() as unknown as Logger,
    });
    // What Neo4j 5.26 answers when the transaction timeout ends a wait for another's lock.
    const error = Object.assign(new Error('The transaction has been terminated.'), {
      code: 'Neo.ClientError.Transaction.LockClientStopped',
    });
    expect(format(internal('terminated'), error).extensions).toEqual({ code: 'QUERY_TIMEOUT' });
  });
});
