/**
 * A curation the graph cannot take as asked: an unknown or ambiguous name, a self-loop, a cycle.
 * The message names what is wrong; the API answers it as BAD_USER_INPUT (see format-error.ts).
 */
export class CurationError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CurationError';
  }
}
