import { LoadFigures } from './ingest-bench';

/** Bulk load with `neo4j-admin database import`: filled in below once it works with the Maven jars. */
export async function bulkImport(
  _batchFile: string,
  _work: string,
  _log: (line: string) => void,
): Promise<{ figures: LoadFigures } | { notOffered: string }> {
  return { notOffered: 'bulk import: not offered yet' };
}
