import path from 'node:path';

import { SingleBar, Presets } from 'cli-progress';
import { Command, Option } from 'commander';

import { Config } from '../config';
import { connect } from '../db/connect';
import { FORMATS, Format } from '../ingest/formats/detect-format';
import { toDryRunJson } from '../ingest/dry-run';
import { IngestResult, SEED_CORPUS, ingestFiles } from '../ingest/ingest';
import { strongestPerEdge } from '../ingest/lineage-edges';
import { changedNothing, LoadReport, WriteCounts } from '../ingest/load';

interface IngestFlags {
  format?: Format;
  curation: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** Inputs this long get a progress bar on a terminal; short ones finish before it would draw. */
const PROGRESS_THRESHOLD = 500;

const counts = (c: WriteCounts) =>
  `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

export function formatSummary(result: IngestResult): string {
  const { batch, report } = result;
  const links = batch.papers.reduce((n, p) => n + p.mentions.length, 0);
  const lines = [
    `Read ${result.papersRead} papers; extracted ${batch.entities.length} entities, ${links} paper-entity links, ${strongestPerEdge(batch.lineage).length} lineage edges.`,
  ];
  if (report) lines.push(...reportLines(report));
  for (const warning of batch.warnings) {
    lines.push(`warning: ${warning.source.file}:${warning.source.line}: ${warning.message}`);
  }
  return lines.join('\n');
}

function reportLines(report: LoadReport): string[] {
  return [
    `papers:   ${counts(report.papers)}`,
    `entities: ${counts(report.entities)}`,
    `links:    ${counts(report.mentions)}, ${report.mentions.removed} removed`,
    `lineage:  ${counts(report.lineage)}, ${report.lineage.removed} removed`,
    changedNothing(report)
      ? 'Nothing changed: the graph already held this input.'
      : 'Graph updated.',
  ];
}

async function run(config: Config, files: string[], flags: IngestFlags): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const options = { rootDir: config.rootDir, format: flags.format, curation: flags.curation };
  if (flags.dryRun) {
    const result = await ingestFiles(undefined, files, options);
    process.stdout.write(
      flags.json
        ? `${JSON.stringify(toDryRunJson(result.batch), null, 2)}\n`
        : `${formatSummary(result)}\n`,
    );
    return;
  }
  const connection = await connect(config, log, { attachToAny: true });
  const bar = process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr }, Presets.shades_classic)
    : undefined;
  let barStarted = false;
  try {
    const result = await ingestFiles(connection.db, files, {
      ...options,
      onProgress: (done, total) => {
        if (!bar || total < PROGRESS_THRESHOLD) return;
        if (!barStarted) bar.start(total, 0);
        barStarted = true;
        bar.update(done);
      },
    });
    bar?.stop();
    process.stdout.write(
      flags.json
        ? `${JSON.stringify({ papersRead: result.papersRead, report: result.report, warnings: result.batch.warnings })}\n`
        : `${formatSummary(result)}\n`,
    );
  } finally {
    bar?.stop();
    await connection.close();
  }
}

export function registerIngestCommands(program: Command, config: Config): void {
  program
    .command('ingest')
    .description('Read papers, extract their entities and links, and load them into the graph.')
    .argument(
      '<file...>',
      'input files (HF Papers page text, JSON Lines, arXiv Atom, Papers with Code JSON)',
    )
    .addOption(
      new Option('--format <format>', 'input format instead of detecting it').choices([...FORMATS]),
    )
    .option('--no-curation', 'skip the reviewed curation overlay (seeds/curation.json)')
    .option('--dry-run', 'extract only: write nothing to the database')
    .option('--json', 'print JSON (with --dry-run: the extracted papers, mentions and lineage)')
    .action((files: string[], flags: IngestFlags) => run(config, files, flags));

  program
    .command('seed')
    .description(`Load the seed corpus (${SEED_CORPUS}) with the lexicon and the curation overlay.`)
    .option('--json', 'print the load report as JSON')
    .action((flags: { json?: boolean }) =>
      run(config, [path.join(config.rootDir, SEED_CORPUS)], { curation: true, json: flags.json }),
    );
}
