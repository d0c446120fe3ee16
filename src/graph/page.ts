import { SortKey, afterCondition, encodeCursor } from './cursor';
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

export interface PageQuery {
  /** Binds `variable` to every selected node (see selection() in cypher.ts). */
  selection: string;
  variable: string;
  /** The sort key expression; the node's id breaks ties. */
  key: string;
  direction: OrderDirection;
  /** The row map of a node expression (entityMap, paperMap). */
  project: (node: string) => string;
}

/**
 * One page and the total in a single pass: the selection runs once, sorted, and the page is the
 * slice after the cursor (`$after`, `$limit`). Running the selection once (rather than in a count
 * and a page subquery) halves both the filter work and the planning of a many-filter query.
 */
export function pageCypher({ selection, variable, key, direction, project }: PageQuery): string {
  const after = afterCondition('row.key', 'row.node.id', '$after', direction);
  return `
      ${selection}
      WITH ${variable}, ${key} AS key
      ORDER BY key ${direction}, ${variable}.id ${direction}
      WITH collect({node: ${variable}, key: key}) AS sorted
      RETURN size(sorted) AS totalCount,
        [row IN [row IN sorted WHERE ${after}][0..$limit] | {node: ${project('row.node')}, key: row.key}]
          AS rows`;
}
