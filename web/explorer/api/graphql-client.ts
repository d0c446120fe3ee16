/** The explorer's only way to the server: POST /graphql, as any client of the public API would. */

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: GraphQLErrorBody[] = [],
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** Beside the page, so the explorer works behind a proxy that serves papergraph under a prefix. */
const ENDPOINT = new URL('graphql', window.location.href).pathname;

/**
 * Runs one operation and returns its data; any GraphQL error rejects, since every view asks only
 * for what it needs and cannot show half an answer sensibly. The JSON content type is what lets
 * the server's CSRF check tell this request from a cross-site form post.
 */
export async function graphql<TData, TVariables extends object = Record<string, never>>(
  document: string,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TData> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query: document, variables }),
    credentials: 'same-origin',
    signal,
  });
  const text = await response.text();
  let body: { data?: TData | null; errors?: GraphQLErrorBody[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // A proxy or an overloaded server can answer with a page; say so rather than "bad JSON".
    throw new GraphQLRequestError(
      `The server answered HTTP ${response.status}: ${text.slice(0, 200)}`,
      response.status,
    );
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError(
      body.errors.map((e) => e.message).join('; '),
      response.status,
      body.errors,
    );
  }
  if (!response.ok || body.data == null) {
    throw new GraphQLRequestError(`The server answered HTTP ${response.status}`, response.status);
  }
  return body.data;
}
