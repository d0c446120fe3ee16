import type { NavigateOptions } from '../router';
import type { Route } from '../routes';

export interface ViewContext {
  /** Aborted when another route takes over: requests stop and late answers are dropped. */
  signal: AbortSignal;
  navigate(route: Route, options?: NavigateOptions): void;
}

/**
 * A page of the explorer. One instance lives while the user stays on routes of its kind, so a
 * view can keep its controls and its graph across route changes (lineage depth, direction).
 */
export interface View<R extends Route = Route> {
  /**
   * Shows `route` in the view's root once its data is in; resolves to the document title when
   * the content is on screen. Rejects on errors; the shell shows them.
   */
  show(route: R, context: ViewContext): Promise<string>;
  dispose?(): void;
}

export type ViewFactory<R extends Route = Route> = (root: HTMLElement) => View<R>;
