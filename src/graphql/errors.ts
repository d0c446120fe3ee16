import { GraphQLError } from 'graphql';

/**
 * The errors the API throws on purpose, each with the `extensions.code` clients branch on. Any
 * other error reaching format-error.ts is unexpected: INTERNAL_SERVER_ERROR, masked in production.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'DATABASE_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

/** Bad arguments: the message says which one and why, so that the caller can fix it. */
export function badUserInput(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...details } });
}

/** No valid bearer token. 401 with `WWW-Authenticate: Bearer`, as RFC 6750 asks. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) },
    },
  });
}

/** The server refuses whoever asks (mutations are off). */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
