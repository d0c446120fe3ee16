import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RunningServer, startServer } from '../../src/server';

export const TEST_API_TOKEN = 'test-token-123';

/**
 * The real HTTP server on an ephemeral port, over the run's Neo4j (global-setup sets NEO4J_URI),
 * with a known API token. `env` overrides settings for one test file (NODE_ENV=production, ...).
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PAPERGRAPH_API_TOKEN: TEST_API_TOKEN,
    NODE_ENV: 'test',
    ...env,
  });
  return startServer(config, createLogger(config.logLevel));
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{
    message: string;
    extensions?: { code?: string } & Record<string, unknown>;
    path?: unknown[];
  }>;
}

/** POSTs one GraphQL operation, as a browser or a dashboard would. */
export async function gql<T = Record<string, unknown>>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
