import { SortKey, encodeCursor } from './cursor';
import { Page } from './rows';

export type OrderDirection = 'ASC' | 'DESC';

/** Largest page of any list the API returns: connections, related papers, co-usage, search. */
export const MAX_PAGE_SIZE = 100;

/** Rows fetched one beyond `first` tell whether another page follows. */
export function toPage<T extends { id: string }>(
  rows: Array<{ node: T; key: SortKey }>,
  first: number,
  ordering: string,
  totalCount: number,
): Page<T> {
  return {
    totalCount,
    hasNextPage: rows.length > first,
    items: rows.slice(0, first).map(({ node, key }) => ({
      node,
      cursor: encodeCursor(ordering, key, node.id),
    })),
  };
}
