/**
 * Every view's address, as the part of the URL after `#`: a shared link opens the same view.
 * Pure functions, so the same rules hold in the browser and in unit tests.
 */
import type { EntityKind, LineageDirection } from './api/types';

export type Route =
  | { view: 'overview' }
  | { view: 'search'; query: string }
  | { view: 'entity'; id: string }
  | { view: 'lineage'; name: string; depth: number; direction: LineageDirection; kind?: EntityKind }
  | { view: 'paper'; id: string }
  | { view: 'not-found'; path: string };

export type ViewName = Route['view'];

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 10;
export const DEFAULT_DEPTH = 3;
export const DEFAULT_DIRECTION: LineageDirection = 'BOTH';

const DIRECTIONS = new Set<string>(['ANCESTORS', 'DESCENDANTS', 'BOTH']);
const KINDS = new Set<string>(['METHOD', 'MODEL', 'DATASET', 'TASK']);

function clampDepth(raw: string | null): number {
  const depth = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(depth)) return DEFAULT_DEPTH;
  return Math.min(MAX_DEPTH, Math.max(MIN_DEPTH, depth));
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A hand-typed "%" that starts no escape: take the text as it is.
    return segment;
  }
}

/** Reads a location hash ("#/entity/bert", "" or "#/") into a route; unknown paths are kept. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryAt = raw.indexOf('?');
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  // Names may contain "/" (encoded by routeHref, but perhaps not by a hand-made link).
  const [, head = '', ...rest] = path.split('/');
  const tail = decode(rest.join('/'));

  if (head === '' && tail === '') return { view: 'overview' };
  if (head === 'search' && tail === '') return { view: 'search', query: params.get('q') ?? '' };
  if (head === 'entity' && tail) return { view: 'entity', id: tail };
  if (head === 'paper' && tail) return { view: 'paper', id: tail };
  if (head === 'lineage' && tail) {
    const direction = (params.get('direction') ?? '').toUpperCase();
    const kind = (params.get('kind') ?? '').toUpperCase();
    return {
      view: 'lineage',
      name: tail,
      depth: clampDepth(params.get('depth')),
      direction: DIRECTIONS.has(direction) ? (direction as LineageDirection) : DEFAULT_DIRECTION,
      ...(KINDS.has(kind) ? { kind: kind as EntityKind } : {}),
    };
  }
  return { view: 'not-found', path: decode(path) };
}

/** The hash of a route, starting with "#/": what links use and what parseRoute reads back. */
export function routeHref(route: Route): string {
  switch (route.view) {
    case 'overview':
      return '#/';
    case 'search':
      return route.query ? `#/search?${new URLSearchParams({ q: route.query })}` : '#/search';
    case 'entity':
      return `#/entity/${encodeURIComponent(route.id)}`;
    case 'paper':
      return `#/paper/${encodeURIComponent(route.id)}`;
    case 'lineage': {
      const params = new URLSearchParams({
        depth: String(route.depth),
        direction: route.direction,
      });
      if (route.kind) params.set('kind', route.kind);
      return `#/lineage/${encodeURIComponent(route.name)}?${params}`;
    }
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Shorthands for the links views draw most. */
export const entityHref = (id: string): string => routeHref({ view: 'entity', id });
export const paperHref = (id: string): string => routeHref({ view: 'paper', id });
export const lineageHref = (
  name: string,
  options: { kind?: EntityKind; depth?: number; direction?: LineageDirection } = {},
): string =>
  routeHref({
    view: 'lineage',
    name,
    depth: options.depth ?? DEFAULT_DEPTH,
    direction: options.direction ?? DEFAULT_DIRECTION,
    ...(options.kind ? { kind: options.kind } : {}),
  });
