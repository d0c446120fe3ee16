import { RunningServer } from '../../../src/server';
import { GraphQLResponse, TEST_API_TOKEN } from '../../support/test-server';

/** Headers of an authorized curator request. */
export function asCurator(curator?: string, token = TEST_API_TOKEN): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    ...(curator === undefined ? {} : { 'x-curator': curator }),
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json?: GraphQLResponse & Record<string, unknown>;
}

/** Sends exactly the given body and headers, for what gql() cannot express (CSRF, bad bodies). */
export async function rawRequest(
  server: RunningServer,
  init: { method?: string; path?: string; body?: string; headers?: Record<string, string> },
): Promise<RawResponse> {
  const response = await fetch(`${server.url}${init.path ?? '/graphql'}`, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
  });
  const text = await response.text();
  let json: RawResponse['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The `extensions.code` of each error of a response. */
export function errorCodes(response: { errors?: Array<{ extensions?: { code?: string } }> }) {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}
