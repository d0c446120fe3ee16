import path from 'node:path';

import { Database } from '../db/database';
import { resolveWithGraph } from '../graph/known-entities';
import { GraphBatch, PaperRecord } from '../model';
import { applyOverlay, loadOverlay } from './curate/overlay';
import { parsedFile } from './file-cache';
import { Format } from './formats/detect-format';
import { readPaperFile } from './formats/read-papers';
import { LoadReport, loadBatch } from './load';
import { extractPapers } from './pipeline';
import { loadLexicon } from './resolve/lexicon';

/**
 * The ingest use case shared by the CLI, `npm run seed`, the start-up seeding and the
 * ingestPapers mutation: read -> extract -> resolve -> (curate) -> load. Every file is read and
 * validated before the first write, so a bad file leaves the graph as it was. Before loading, the
 * batch is resolved against the graph's entities and aliases, so a curator's merges hold.
 */

export interface IngestOptions {
  rootDir: string;
  /** Forces the input format instead of detecting it. */
  format?: Format;
  /** Apply the reviewed curation overlay (seeds/curation.json). Default true. */
  curation?: boolean;
  /** Called with (papers written, papers in all) while loading. */
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  papersRead: number;
  batch: GraphBatch;
  /** Undefined for a dry run. */
  report?: LoadReport;
}

export const SEED_CORPUS = 'seeds/hf-papers-pretraining.txt';
export const LEXICON = 'seeds/lexicon.json';

export async function readAll(files: string[], format?: Format): Promise<PaperRecord[]> {
  const records: PaperRecord[] = [];
  for (const file of files) records.push(...(await readPaperFile(file, format)));
  return records;
}

export const CURATION = 'seeds/curation.json';

export function extractBatch(records: PaperRecord[], options: IngestOptions): GraphBatch {
  const lexicon = parsedFile(path.join(options.rootDir, LEXICON), loadLexicon);
  const batch = extractPapers(records, { lexicon });
  if (options.curation === false) return batch;
  return applyOverlay(batch, parsedFile(path.join(options.rootDir, CURATION), loadOverlay));
}

/** Reads, extracts and (unless `db` is undefined: a dry run) loads the given files. */
export async function ingestFiles(
  db: Database | undefined,
  files: string[],
  options: IngestOptions,
): Promise<IngestResult> {
  const records = await readAll(files, options.format);
  const extracted = extractBatch(records, options);
  if (!db) return { papersRead: records.length, batch: extracted };
  const batch = await resolveWithGraph(db, extracted);
  const total = batch.papers.length;
  const report = await loadBatch(db, batch, {
    onProgress: (done) => options.onProgress?.(done, total),
  });
  // The summary tells what the papers gave; the report what the graph took of it.
  return { papersRead: records.length, batch: extracted, report };
}

/** Loads the seed corpus with the lexicon and the curation overlay. */
export function seedCorpus(db: Database, rootDir: string): Promise<IngestResult> {
  return ingestFiles(db, [path.join(rootDir, SEED_CORPUS)], { rootDir, curation: true });
}

/** Seeds the graph when it holds no paper (the first `npm start`); says whether it did. */
export async function seedIfEmpty(
  db: Database,
  rootDir: string,
): Promise<IngestResult | undefined> {
  const [{ papers }] = await db.query<{ papers: number }>(
    'MATCH (p:Paper) RETURN count(p) AS papers',
  );
  if (papers > 0) return undefined;
  return seedCorpus(db, rootDir);
}
