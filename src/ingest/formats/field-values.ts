/** Value clean-ups shared by the readers, so the same paper looks the same from every format. */

/** Titles and names copied from web pages and XML carry line breaks and runs of spaces. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The YYYY-MM-DD part of an ISO date or timestamp ("2021-06-15T17:01:02Z"), or undefined when
 * the value is not a real calendar date.
 */
export function toIsoDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : undefined;
}

// New-style ids (2106.08254) and old-style ones (hep-th/9901001, math.GT/0309136).
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/**
 * The version-less arXiv id of an id, "arXiv:" reference or abs/pdf URL, or undefined when it
 * is none of those. Versions are dropped because the graph holds one node per paper.
 */
export function normalizeArxivId(value: string): string | undefined {
  const id = value
    .trim()
    .replace(/^arxiv:/i, '')
    .replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
    .replace(/\.pdf$/i, '')
    .replace(/v\d+$/, '');
  return ARXIV_ID.test(id) ? id : undefined;
}

/** Author lists arrive as arrays or as one "A. Author, B. Author" string. */
export function splitAuthors(value: string): string[] {
  return value
    .split(',')
    .map(collapseWhitespace)
    .filter((name) => name !== '');
}

/** Stated tasks and methods repeat across a record's fields; order of first mention is kept. */
export function uniqueNonEmpty(values: string[]): string[] {
  return [...new Set(values.map(collapseWhitespace).filter((value) => value !== ''))];
}
