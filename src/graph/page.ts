import { Database } from '../db/database';
import { Statement } from './cypher';
import { SortKey, encodeCursor } from './cursor';
import { Page } from './rows';

export type OrderDirection = 'ASC' | 'DESC';

/** Runs one read statement and returns its records as plain objects. */
export function run<T>(db: Database, statement: Statement): Promise<T[]> {
  return db.query(statement.cypher, statement.params) as Promise<T[]>;
}

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

/** Rows of a batched statement, put back in the order of the keys (`index` is the key's place). */
export function byIndex<R extends { index: number }, T>(
  rows: R[],
  count: number,
  pick: (row: R) => T,
  fallback: () => T,
): T[] {
  const out: T[] = Array.from({ length: count }, fallback);
  for (const row of rows) out[row.index] = pick(row);
  return out;
}

/** Rows grouped under the id they were fetched for, in the order of `ids`. */
export function groupById<R extends { id: string }, T>(
  rows: R[],
  ids: readonly string[],
  pick: (row: R) => T,
): T[][] {
  const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) groups.get(row.id)?.push(pick(row));
  return ids.map((id) => groups.get(id) ?? []);
}
