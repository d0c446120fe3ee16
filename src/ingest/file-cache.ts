import fs from 'node:fs';

/**
 * The lexicon and the curation overlay take tens of milliseconds to parse and index, which an
 * ingestPapers mutation of one paper would otherwise pay on every call. A parsed file is kept
 * until the file changes (modification time or size), so an edited lexicon is still picked up.
 */

interface Entry {
  stamp: string;
  value: unknown;
}

const parsed = new Map<string, Map<(file: string) => unknown, Entry>>();

export function parsedFile<T>(file: string, parse: (file: string) => T): T {
  let stamp: string;
  try {
    const stat = fs.statSync(file);
    stamp = `${stat.mtimeMs} ${stat.size}`;
  } catch {
    // A missing or unreadable file: the parser reports it (or knows its default).
    return parse(file);
  }
  const byParser = parsed.get(file) ?? new Map<(file: string) => unknown, Entry>();
  parsed.set(file, byParser);
  const cached = byParser.get(parse);
  if (cached?.stamp === stamp) return cached.value as T;
  const value = parse(file);
  byParser.set(parse, { stamp, value });
  return value;
}
