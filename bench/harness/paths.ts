import path from 'node:path';

import { ROOT } from '../../src/config';

/**
 * Where runs keep corpora, server logs, profiles and import files: under `.cache/` (ignored by
 * git and by prettier, like the Neo4j jars), so a corpus generated once is reused by later runs.
 */
export const WORK_DIR = path.join(ROOT, '.cache', 'bench');

/** The cached corpus folder of a size and seed. */
export function corpusDir(papers: number, seed: number): string {
  return path.join(WORK_DIR, `corpus-${papers}-${seed}`);
}
