import { MAX_SEARCH_LENGTH } from '../api/search.query';
import { debounce } from '../debounce';
import { h } from '../dom';

export interface SearchBox {
  element: HTMLElement;
  input: HTMLInputElement;
  /** Shows the query of the current URL (back, forward, a shared link) unless one is typing. */
  show(query: string): void;
}

/** Long enough to skip the searches a fast typist's intermediate prefixes would start. */
const DEBOUNCE_MS = 250;

/**
 * The header's search field: searches as one types (debounced) and at once on Enter. It only
 * reports the text; the router decides what a search means for the URL and the view.
 */
export function createSearchBox(onSearch: (query: string) => void): SearchBox {
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    name: 'q',
    placeholder: 'Search papers, methods, models, datasets…',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: MAX_SEARCH_LENGTH,
    'aria-label': 'Search papers and entities',
    'aria-keyshortcuts': '/',
  });
  const search = debounce((query: string) => onSearch(query), DEBOUNCE_MS);
  input.addEventListener('input', () => search(input.value));
  const form = h(
    'form',
    {
      class: 'search-box',
      role: 'search',
      onSubmit: (event: Event) => {
        event.preventDefault();
        search(input.value);
        search.flush();
      },
    },
    h('label', { for: 'search-input', class: 'visually-hidden' }, 'Search papers and entities'),
    input,
    h('button', { type: 'submit', class: 'search-button' }, 'Search'),
  );
  // "/" focuses the field from anywhere, as on most sites with a search; not while typing.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing =
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      target?.isContentEditable;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
  return {
    element: form,
    input,
    show(query: string) {
      if (document.activeElement === input) return;
      search.cancel();
      input.value = query;
    },
  };
}
