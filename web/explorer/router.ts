import { parseRoute, Route, routeHref } from './routes';

export interface NavigateOptions {
  /** Replace the history entry instead of adding one (as-you-type search, control changes). */
  replace?: boolean;
  /** Move focus to the new view's heading; off when the user is working a control. */
  focus?: boolean;
}

export type RouteListener = (route: Route, options: NavigateOptions) => void;

let listener: RouteListener = () => undefined;

/**
 * Hash routing: links are plain `<a href="#/...">`, so they open in a new tab, can be copied and
 * work without script; the server only ever serves `/`.
 */
export function startRouter(onRoute: RouteListener): void {
  listener = onRoute;
  window.addEventListener('hashchange', () =>
    listener(parseRoute(window.location.hash), { focus: true }),
  );
  listener(parseRoute(window.location.hash), { focus: false });
}

/** Goes to a route from script; pushState fires no hashchange, so the listener is called here. */
export function navigate(route: Route, options: NavigateOptions = {}): void {
  const href = routeHref(route);
  if (href === window.location.hash) return;
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  listener(parseRoute(href), options);
}

export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}
