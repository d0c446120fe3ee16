import { GraphQLError } from 'graphql';

import { CursorPosition, decodeCursor } from '../graph/cursor';
import { MAX_PAGE_SIZE } from '../graph/page';
import { badUserInput as userError } from './errors';

/** Checks of query arguments that GraphQL types cannot express; each failure is BAD_USER_INPUT. */

export { MAX_PAGE_SIZE };

/** An error naming the argument at fault, in `extensions.argument` and in the message. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return userError(`Argument "${argument}" ${message}`, { argument });
}

export function intInRange(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(argument, `must be an integer from ${min} to ${max}, got ${value}.`);
  }
  return value;
}

/** A page size: 0..MAX_PAGE_SIZE. */
export function pageSize(first: number, argument = 'first'): number {
  return intInRange(first, argument, 0, MAX_PAGE_SIZE);
}

/** The position of an `after` cursor of the given ordering; undefined for the first page. */
export function cursorArg(
  after: string | null | undefined,
  ordering: string,
  argument = 'after',
): CursorPosition | undefined {
  if (after === null || after === undefined) return undefined;
  const position = decodeCursor(after, ordering);
  if (!position) {
    throw badUserInput(
      argument,
      'is not a cursor of this list and ordering; use a pageInfo.endCursor.',
    );
  }
  return position;
}

/** A required text: trimmed, not empty, at most `max` characters. */
export function textArg(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (text === '') throw badUserInput(argument, 'must not be empty.');
  if (text.length > max) throw badUserInput(argument, `must be at most ${max} characters.`);
  return text;
}

/** The set fields of an input object: GraphQL lets a client send null for "not given". */
export function given<T extends object>(
  input: T | null | undefined,
): { [K in keyof T]?: NonNullable<T[K]> } {
  const out: { [K in keyof T]?: NonNullable<T[K]> } = {};
  for (const [key, value] of Object.entries(input ?? {})) {
    if (value !== null && value !== undefined)
      out[key as keyof T] = value as NonNullable<T[keyof T]>;
  }
  return out;
}
