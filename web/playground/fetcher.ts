import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Posts to the page's own URL (GET /graphql serves this page, POST /graphql answers GraphQL), so
 * the playground works behind any proxy prefix. JSON content-type is what lets the server's CSRF
 * check tell it from a cross-site form post.
 */
export const fetcher: Fetcher = async (params, options) => {
  const response = await fetch(window.location.pathname, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // A proxy or the body limit can answer with something else; show it rather than a parse error.
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
};
