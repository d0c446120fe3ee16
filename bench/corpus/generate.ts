import fs from 'node:fs';
import path from 'node:path';

import { corpusDir } from '../harness/paths';
import { LineWriter } from './batch-file';
import { CorpusGenerator, CorpusSummary, GENERATOR_VERSION, WorkloadParams } from './corpus';

/**
 * Writes a synthetic corpus to a folder:
 *
 *   node dist/bench/corpus/generate.js --papers 10000 --seed 42 --out .cache/bench/corpus-10k
 *
 * - papers.jsonl     the input of `papergraph ingest` (JSON Lines: id, title, abstract, ...)
 * - batch.jsonl      the GraphBatch those abstracts mean, for load-only benchmarks
 * - workloads.json   paper ids, datasets, lineage roots and search terms the query workloads use
 * - summary.json     counts: entities by kind, links by role, lineage depths, the top hubs
 *
 * The same --papers and --seed always give the same files.
 */

export interface GeneratedCorpus {
  dir: string;
  papersFile: string;
  batchFile: string;
  workloads: WorkloadParams;
  summary: CorpusSummary;
}

export function corpusFiles(dir: string) {
  return {
    papersFile: path.join(dir, 'papers.jsonl'),
    batchFile: path.join(dir, 'batch.jsonl'),
    workloadsFile: path.join(dir, 'workloads.json'),
    summaryFile: path.join(dir, 'summary.json'),
  };
}

export function generateCorpus(options: {
  papers: number;
  seed: number;
  out: string;
}): GeneratedCorpus {
  fs.mkdirSync(options.out, { recursive: true });
  const files = corpusFiles(options.out);
  const generator = new CorpusGenerator({ papers: options.papers, seed: options.seed });
  const papers = new LineWriter(files.papersFile);
  const batch = new LineWriter(files.batchFile);
  try {
    for (const item of generator.papers()) {
      papers.write(item.record);
      for (const entity of item.entities) batch.write({ entity });
      batch.write({ paper: item.paper });
      for (const lineage of item.lineage) batch.write({ lineage });
    }
  } finally {
    papers.close();
    batch.close();
  }
  const workloads = generator.workloadParams();
  const summary = generator.summary();
  fs.writeFileSync(files.workloadsFile, `${JSON.stringify(workloads, null, 2)}\n`);
  fs.writeFileSync(files.summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  return {
    dir: options.out,
    papersFile: files.papersFile,
    batchFile: files.batchFile,
    workloads,
    summary,
  };
}

/** A corpus folder written earlier with the same size, seed and generator version, or a new one. */
export function ensureCorpus(options: {
  papers: number;
  seed: number;
  out: string;
}): GeneratedCorpus {
  const files = corpusFiles(options.out);
  if (fs.existsSync(files.summaryFile) && fs.existsSync(files.workloadsFile)) {
    const summary = JSON.parse(fs.readFileSync(files.summaryFile, 'utf8')) as CorpusSummary;
    if (
      summary.papers === options.papers &&
      summary.seed === options.seed &&
      summary.generatorVersion === GENERATOR_VERSION
    ) {
      const workloads = JSON.parse(fs.readFileSync(files.workloadsFile, 'utf8')) as WorkloadParams;
      return {
        dir: options.out,
        papersFile: files.papersFile,
        batchFile: files.batchFile,
        workloads,
        summary,
      };
    }
  }
  return generateCorpus(options);
}

function parseArgs(argv: string[]): { papers: number; seed: number; out: string } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!flag.startsWith('--')) throw new Error(`unexpected argument "${flag}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    args.set(flag.slice(2), value);
    i++;
  }
  for (const name of args.keys()) {
    if (!['papers', 'seed', 'out'].includes(name)) throw new Error(`unknown flag --${name}`);
  }
  const papers = Number(
    (args.get('papers') ?? '10000')
      .replace(/_/g, '')
      .replace(/k$/i, '000')
      .replace(/m$/i, '000000'),
  );
  const seed = Number(args.get('seed') ?? '42');
  if (!Number.isInteger(papers) || papers < 1)
    throw new Error('--papers must be a positive integer (10000, 100k, 1M)');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  return {
    papers,
    seed,
    out: path.resolve(args.get('out') ?? corpusDir(papers, seed)),
  };
}

if (require.main === module) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const started = Date.now();
    const corpus = generateCorpus(options);
    process.stdout.write(
      `${JSON.stringify({ out: corpus.dir, seconds: (Date.now() - started) / 1000, ...corpus.summary }, null, 2)}\n`,
    );
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
