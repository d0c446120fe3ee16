import http from 'node:http';
import net from 'node:net';

/** GraphQL and /health over real HTTP, with a deadline on every request and its timing kept. */

export interface GraphQLError {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

export interface Answer {
  /** HTTP status; 0 when no response came (connection refused, reset, deadline). */
  status: number;
  ms: number;
  /** When the request was sent (Date.now()). */
  at: number;
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
  /** The raw body when it is not JSON. */
  text?: string;
  /** Why no response came. */
  failure?: string;
  /** The operation, when a QueryLoad sent it. */
  query?: string;
}

/**
 * Every `extensions.code` the API may answer with on purpose (src/graphql/errors.ts, format-error.ts,
 * body-errors.ts, and Apollo's own request errors). INTERNAL_SERVER_ERROR is not among them.
 */
export const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'DATABASE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export function codesOf(answer: Pick<Answer, 'errors'>): string[] {
  return (answer.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE'));
}

/** Sends a raw body (for what JSON.stringify cannot express: 1e400, lone surrogates as written). */
export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Answer> {
  const at = Date.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = Date.now() - at;
    try {
      const json = JSON.parse(text) as {
        data?: Record<string, unknown> | null;
        errors?: GraphQLError[];
      };
      return { status: response.status, ms, at, data: json.data, errors: json.errors };
    } catch {
      return { status: response.status, ms, at, text };
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { status: 0, ms: Date.now() - at, at, failure: cause?.code ?? (error as Error).message };
  }
}

export function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Answer> {
  return postRaw(url, JSON.stringify({ query, variables }), headers, timeoutMs);
}

export async function health(
  url: string,
  timeoutMs = 10_000,
): Promise<{ status: number; ms: number; body?: unknown }> {
  const at = Date.now();
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, ms: Date.now() - at, body: await response.json() };
  } catch {
    return { status: 0, ms: Date.now() - at };
  }
}

/**
 * A GraphQL POST on a connection of its own (fetch would reuse a pooled keep-alive connection):
 * the HTTP status, or the error code when no connection or no response came.
 */
export function postOnNewConnection(
  port: number,
  query: string,
  timeoutMs = 5_000,
): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.once('timeout', () => request.destroy(new Error('timeout')));
    request.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.end(JSON.stringify({ query }));
  });
}

/** Whether a new TCP connection to the port is accepted (a listening socket), refused, or hangs. */
export function tcpConnect(
  port: number,
  timeoutMs = 2_000,
): Promise<'accepted' | 'refused' | 'timeout'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve('refused');
    });
  });
}

/**
 * A light, steady query load: `concurrency` loops, each sending the next query as soon as the
 * previous answer arrives (after `pauseMs`). Every answer is kept for the assertions.
 */
export class QueryLoad {
  readonly answers: Answer[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly url: string,
    private readonly queries: string[],
    private readonly options: { concurrency?: number; pauseMs?: number; timeoutMs?: number } = {},
  ) {}

  start(): void {
    this.running = true;
    const concurrency = this.options.concurrency ?? 2;
    this.loops = Array.from({ length: concurrency }, (_, k) => this.loop(k));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Answers to requests sent in [from, to). */
  between(from: number, to = Infinity): Answer[] {
    return this.answers.filter((a) => a.at >= from && a.at < to);
  }

  private async loop(k: number): Promise<void> {
    let i = k;
    while (this.running) {
      const query = this.queries[i++ % this.queries.length];
      const answer = await post(this.url, query, {}, {}, this.options.timeoutMs ?? 60_000);
      this.answers.push({ ...answer, query });
      await new Promise((resolve) => setTimeout(resolve, this.options.pauseMs ?? 100));
    }
  }
}
