/** Who a curation is recorded as made by, when the request does not say. */
export const DEFAULT_CURATOR = 'api-token';

const MAX_CURATOR_CHARS = 100;

/**
 * The `X-Curator` header as stored in `curatedBy`. Anyone holding the token may name themselves,
 * so this is attribution, not identity; it is cleaned (no control characters, bounded length)
 * because it ends up in the graph and in logs.
 */
export function curatorName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  // eslint-disable-next-line no-control-regex
  const cleaned = (raw ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned ? cleaned.slice(0, MAX_CURATOR_CHARS) : DEFAULT_CURATOR;
}
