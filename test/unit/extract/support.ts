import * as fs from 'fs';
import * as path from 'path';
import { toDryRunJson, DryRunJson } from '../../../src/ingest/dry-run';
import { extractPapers } from '../../../src/ingest/pipeline';
import { readPapers } from '../../../src/ingest/formats';
import { Lexicon, loadLexicon } from '../../../src/ingest/resolve/lexicon';
import { GraphBatch, PaperRecord } from '../../../src/model';

export const ROOT = path.resolve(__dirname, '../../..');
export const FIXTURE_LEXICON = path.join(ROOT, 'test/fixtures/extract/lexicon.json');
export const SEED_FILE = path.join(ROOT, 'seeds/hf-papers-pretraining.txt');
export const SEED_LEXICON = path.join(ROOT, 'seeds/lexicon.json');

let fixture: Lexicon | undefined;

/** The small hand-written lexicon of the extraction tests. */
export function fixtureLexicon(): Lexicon {
  fixture ??= loadLexicon(FIXTURE_LEXICON);
  return fixture;
}

export function record(title: string, abstract: string, line = 1): PaperRecord {
  return { title, abstract, source: { file: 'test', line } };
}

/** Extracts one invented paper and returns its dry-run view and the batch. */
export function extractOne(
  title: string,
  abstract: string,
  lexicon: Lexicon = fixtureLexicon(),
): { dry: DryRunJson; batch: GraphBatch } {
  const batch = extractPapers([record(title, abstract)], { lexicon });
  return { dry: toDryRunJson(batch), batch };
}

/** "ROLE name" strings of one dry-run paper, for compact assertions. */
export function links(dry: DryRunJson, paper = 0): string[] {
  return dry.papers[paper].mentions.map((m) => `${m.role} ${m.name}`);
}

export function names(dry: DryRunJson, paper = 0): string[] {
  return dry.papers[paper].mentions.map((m) => m.name);
}

let seed: PaperRecord[] | undefined;

export function seedRecords(): PaperRecord[] {
  seed ??= readPapers(fs.readFileSync(SEED_FILE, 'utf8'), SEED_FILE);
  return seed;
}
