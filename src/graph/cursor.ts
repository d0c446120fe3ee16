/**
 * Opaque pagination cursors: base64url of [ordering, sort key, id]. The id breaks ties, so that
 * walking every page returns each item exactly once however many items share a sort key; the
 * ordering is in the cursor so that a cursor of one ordering is refused by another.
 */

export type SortKey = string | number;

export interface CursorPosition {
  key: SortKey;
  id: string;
}

export function encodeCursor(ordering: string, key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([ordering, key, id]), 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined when it is malformed or of another ordering. */
export function decodeCursor(cursor: string, ordering: string): CursorPosition | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [tag, key, id] = value as unknown[];
  if (tag !== ordering || typeof id !== 'string') return undefined;
  if (typeof key !== 'string' && !(typeof key === 'number' && Number.isFinite(key)))
    return undefined;
  return { key, id };
}

/**
 * The WHERE condition "after the cursor" for rows sorted by `key` then `id` in `direction`. The
 * position arrives as a parameter map ({key, id}) or null for the first page.
 */
export function afterCondition(
  key: string,
  id: string,
  position: string,
  direction: 'ASC' | 'DESC',
): string {
  const beyond = direction === 'ASC' ? '>' : '<';
  return (
    `(${position} IS NULL OR ${key} ${beyond} ${position}.key ` +
    `OR (${key} = ${position}.key AND ${id} ${beyond} ${position}.id))`
  );
}
