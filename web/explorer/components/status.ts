import { GraphQLRequestError } from '../api/graphql-client';
import { h } from '../dom';

/** What a view shows while its first answer is on the way. */
export function loadingNote(what: string): HTMLElement {
  return h(
    'p',
    { class: 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    `Loading ${what}…`,
  );
}

export function errorBox(error: unknown): HTMLElement {
  const message =
    error instanceof GraphQLRequestError || error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('h1', { tabindex: '-1' }, 'Something went wrong'),
    h('p', null, message),
    h('p', null, h('a', { href: '#/' }, 'Back to the overview')),
  );
}

export function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** True when the error only says that the request was given up (another view took over). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
