/**
 * Extraction speed: abstracts per second (wall clock) and per CPU-second, for the real seed
 * abstracts and the synthetic bench corpus side by side. CPU time (process.cpuUsage) is the
 * figure to compare on a shared machine, where the wall clock also counts other work.
 *
 *   npm run extract:speed [-- --rounds <n>] [--synthetic <papers.jsonl>] [--limit <n>]
 *
 * Each corpus is extracted a few times to warm up (module loading, the lexicon, the JIT), then
 * `rounds` times through `extractBatch`, the read -> extract -> resolve -> curate path of
 * `papergraph ingest --dry-run`. The seed file is small (119 papers), so its rounds are what
 * makes the figure stable.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { extractBatch, readAll, SEED_CORPUS } from '../src/ingest/ingest';
import { PaperRecord } from '../src/model';

const ROOT = path.resolve(__dirname, '../..');
const SYNTHETIC = '.cache/bench/corpus-10000-42/papers.jsonl';

interface Speed {
  corpus: string;
  abstracts: number;
  meanChars: number;
  wallPerSecond: number;
  cpuPerSecond: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/**
 * Warm-up batches before timing: after a single one the JIT is still compiling, and the next
 * round of the seed file costs half again as much as the rounds after it.
 */
const WARM_UP_ROUNDS = 3;

function measure(corpus: string, records: PaperRecord[], rounds: number): Speed {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) extractBatch(records, { rootDir: ROOT });
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let round = 0; round < rounds; round++) extractBatch(records, { rootDir: ROOT });
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const abstracts = records.length * rounds;
  const chars = records.reduce((sum, r) => sum + r.abstract.length, 0);
  return {
    corpus,
    abstracts,
    meanChars: Math.round(chars / records.length),
    wallPerSecond: Math.round(abstracts / wallSeconds),
    cpuPerSecond: Math.round(abstracts / cpuSeconds),
  };
}

async function main(): Promise<void> {
  const rounds = Number(option('rounds', '10'));
  const limit = Number(option('limit', '2000'));
  const syntheticFile = path.resolve(ROOT, option('synthetic', SYNTHETIC));
  if (!fs.existsSync(syntheticFile)) {
    throw new Error(`${syntheticFile}: no synthetic corpus; run npm run bench:corpus first`);
  }
  const seed = await readAll([path.join(ROOT, SEED_CORPUS)]);
  const synthetic = (await readAll([syntheticFile])).slice(0, limit);
  const speeds = [
    measure(SEED_CORPUS, seed, rounds),
    measure(path.relative(ROOT, syntheticFile), synthetic, Math.max(1, Math.round(rounds / 4))),
  ];
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.table(speeds);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
