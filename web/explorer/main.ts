import './explorer.css';

import { createAppShell } from './app-shell';
import { errorBox, isAbort, loadingNote } from './components/status';
import { fill } from './dom';
import { navigate, NavigateOptions, currentRoute, startRouter } from './router';
import type { Route, ViewName } from './routes';
import { createEntityView } from './views/entity.view';
import { createLineageView } from './views/lineage.view';
import { createNotFoundView } from './views/not-found.view';
import { createOverviewView } from './views/overview.view';
import { createPaperView } from './views/paper.view';
import { createSearchView } from './views/search.view';
import type { View, ViewFactory } from './views/view';

const FACTORIES: { [N in ViewName]: ViewFactory<Extract<Route, { view: N }>> } = {
  overview: createOverviewView,
  search: createSearchView,
  entity: createEntityView,
  lineage: createLineageView,
  paper: createPaperView,
  'not-found': createNotFoundView,
};

const LOADING_WHAT: Record<ViewName, string> = {
  overview: 'the overview',
  search: 'results',
  entity: 'the entity',
  lineage: 'the lineage',
  paper: 'the paper',
  'not-found': 'the page',
};

const container = document.getElementById('app');
if (!container) throw new Error('index.html has no #app element');

const shell = createAppShell(container, (query) => {
  const onSearch = currentRoute().view === 'search';
  // The first keystroke adds a history entry; the rest refine it, so Back leaves the search.
  navigate({ view: 'search', query: query.trim() }, { replace: onSearch, focus: false });
});

let current: { name: ViewName; view: View } | undefined;
let inFlight: AbortController | undefined;

/** Shows a route: one view at a time, the previous one's requests given up. */
async function show(route: Route, { focus = true }: NavigateOptions): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const { main } = shell;

  if (route.view === 'search') shell.searchBox.show(route.query);
  shell.setCurrent(route.view);
  if (current?.name !== route.view) {
    current?.view.dispose?.();
    const factory = FACTORIES[route.view] as ViewFactory;
    current = { name: route.view, view: factory(main) };
    main.dataset.view = route.view;
    fill(main, loadingNote(LOADING_WHAT[route.view]));
    window.scrollTo(0, 0);
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const title = await current.view.show(route, { signal: controller.signal, navigate });
    if (controller.signal.aborted) return;
    document.title = `${title} · papergraph explorer`;
    main.setAttribute('aria-busy', 'false');
    if (focus) main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  } catch (error) {
    if (controller.signal.aborted || isAbort(error)) return;
    // The view's state is unknown after an error: the next route starts it afresh.
    current?.view.dispose?.();
    current = undefined;
    fill(main, errorBox(error));
    main.setAttribute('aria-busy', 'false');
    document.title = 'Error · papergraph explorer';
  }
}

startRouter((route, options) => void show(route, options));
