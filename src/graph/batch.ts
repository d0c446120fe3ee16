/**
 * Answers of batched statements (one statement for many DataLoader keys) put back in key order.
 * Map keys are unwound with their index (see EACH_KEY in cypher.ts); id keys are grouped by id.
 */

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
