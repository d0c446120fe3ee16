import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { ROOT } from '../../src/config';
import { migrate } from '../../src/db/migrations';
import { startEmbedded } from '../../src/db/embedded-neo4j';
import { ensureJars } from '../../src/db/neo4j-jars';
import { aliasKey } from '../../src/ingest/resolve/slug';
import { KIND_LABEL } from '../../src/model';
import { batchLines } from '../corpus/batch-file';
import { freePort, openDatabase } from './bench-db';
import { LoadFigures, round } from './ingest-bench';

/**
 * The bulk route for an initial load: the expected GraphBatch written as CSV files for
 * `neo4j-admin database import full`, run from the same Maven jars as the embedded database
 * (org.neo4j.cli.AdminTool), into a fresh store that the embedded launcher then starts; the
 * timing includes papergraph's migrations (constraints, indexes, full-text indexes), without which
 * the graph cannot be served. Only for an empty database, and the imported items carry no content
 * hash, so a later `papergraph ingest` of the same papers rewrites each of them once.
 */

export interface BulkFigures {
  figures: LoadFigures & {
    phases: { csvSeconds: number; importSeconds: number; startAndIndexSeconds: number };
  };
}

const PASSWORD = 'papergraph-bench';

/** One CSV field (lists joined by the array delimiter ";"), quoted when it holds a comma, quote or line break. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

class CsvFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    this.fd = fs.openSync(file, 'w');
    this.add(header);
    this.rows = 0;
  }

  add(values: unknown[]): void {
    const line = `${values.map(field).join(',')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length) fs.writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

/** Writes the batch as neo4j-admin CSV files (header rows inline) and returns the import arguments. */
export async function writeImportCsv(
  batchFile: string,
  dir: string,
): Promise<{ args: string[]; papers: number }> {
  fs.mkdirSync(dir, { recursive: true });
  const f = (name: string) => path.join(dir, name);
  const papers = new CsvFile(f('papers.csv'), [
    'id:ID(Paper)',
    'title',
    'abstract',
    'published',
    'authors:string[]',
  ]);
  const entities = new CsvFile(f('entities.csv'), [
    'id:ID(Entity)',
    ':LABEL',
    'name',
    'kind',
    'aliases:string[]',
    'aliasText',
    'description',
  ]);
  const aliases = new CsvFile(f('aliases.csv'), ['key:ID(Alias)']);
  const aliasOf = new CsvFile(f('alias-of.csv'), [':START_ID(Alias)', ':END_ID(Entity)']);
  const mentions = new CsvFile(f('mentions.csv'), [
    ':START_ID(Paper)',
    ':END_ID(Entity)',
    ':TYPE',
    'evidence',
    'confidence:double',
    'source',
  ]);
  const lineage = new CsvFile(f('lineage.csv'), [
    ':START_ID(Entity)',
    ':END_ID(Entity)',
    ':TYPE',
    'evidence',
    'paperId',
    'confidence:double',
    'source',
  ]);
  const keys = new Set<string>();
  try {
    for await (const line of batchLines(batchFile)) {
      if ('entity' in line) {
        const e = line.entity;
        entities.add([
          e.id,
          `Entity;${KIND_LABEL[e.kind]}`,
          e.name,
          e.kind,
          e.aliases,
          e.aliases.join(' | '),
          e.description ?? '',
        ]);
        for (const key of new Set([e.name, ...e.aliases].map(aliasKey).filter(Boolean))) {
          if (!keys.has(key)) {
            keys.add(key);
            aliases.add([key]);
          }
          aliasOf.add([key, e.id]);
        }
      } else if ('paper' in line) {
        const p = line.paper;
        papers.add([p.id, p.title, p.abstract, p.published ?? '', p.authors]);
        for (const m of p.mentions)
          mentions.add([p.id, m.entityId, m.role, m.evidence, m.confidence, m.source]);
      } else {
        const l = line.lineage;
        lineage.add([
          l.childId,
          l.parentId,
          l.relation,
          l.evidence,
          l.paperId ?? '',
          l.confidence,
          l.source,
        ]);
      }
    }
  } finally {
    for (const file of [papers, entities, aliases, aliasOf, mentions, lineage]) file.close();
  }
  return {
    papers: papers.rows,
    args: [
      `--nodes=Paper=${papers.file}`,
      `--nodes=${entities.file}`,
      `--nodes=Alias=${aliases.file}`,
      `--relationships=ALIAS_OF=${aliasOf.file}`,
      `--relationships=${mentions.file}`,
      `--relationships=${lineage.file}`,
    ],
  };
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, 'a');
    const child = spawn(command, args, { env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * CSV export, `neo4j-admin database import full`, then a start of the embedded database on the
 * imported store with papergraph's migrations. The database is stopped and deleted afterwards.
 */
export async function bulkImport(
  batchFile: string,
  work: string,
  log: (line: string) => void,
): Promise<BulkFigures | { notOffered: string }> {
  const jars = ensureJars(ROOT, path.join(ROOT, '.cache'), log);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-bench-import-'));
  const dataDir = path.join(home, 'neo4j');
  const csvDir = path.join(home, 'csv');
  const logFile = path.join(work, 'bulk-import.log');
  try {
    const started = performance.now();
    const { args, papers } = await writeImportCsv(batchFile, csvDir);
    const csvDone = performance.now();
    fs.mkdirSync(path.join(dataDir, 'conf'), { recursive: true });
    const code = await run(
      'java',
      [
        '-Xmx1g',
        '-cp',
        `${jars.libDir}${path.sep}*`,
        'org.neo4j.cli.AdminTool',
        'database',
        'import',
        'full',
        // The database name first: the file options take any number of values.
        'neo4j',
        '--threads=2',
        '--max-off-heap-memory=2g',
        `--report-file=${path.join(work, 'bulk-import.report')}`,
        ...args,
      ],
      { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: path.join(dataDir, 'conf') },
      logFile,
    );
    if (code !== 0)
      return {
        notOffered: `bulk import: neo4j-admin exited with code ${code} (see .cache/bench/bulk-import.log)`,
      };
    const imported = performance.now();
    const running = await startEmbedded(
      {
        rootDir: ROOT,
        cacheDir: path.join(ROOT, '.cache'),
        dataDir,
        boltPort: await freePort(),
        password: PASSWORD,
        heap: '2g',
        pageCache: '1g',
        startTimeoutMs: 600_000,
        log,
      },
      'foreground',
    );
    const db = openDatabase(running.uri, 'neo4j', PASSWORD);
    try {
      await migrate(db, path.join(ROOT, 'schema'));
      const ready = performance.now();
      const [size] = await db.query<{ nodes: number; relationships: number; papers: number }>(
        `CALL () { MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS nodes }
         CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
         CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
         RETURN nodes, relationships, papers`,
      );
      if (size.papers !== papers)
        return {
          notOffered: `bulk import: ${size.papers} papers in the store, ${papers} expected`,
        };
      const seconds = (ready - started) / 1000;
      return {
        figures: {
          method: 'bulk-import',
          papers,
          nodes: size.nodes,
          relationships: size.relationships,
          seconds: round(seconds, 2),
          papersPerSecond: round(papers / seconds, 0),
          relationshipsPerSecond: round(size.relationships / seconds, 0),
          phases: {
            csvSeconds: round((csvDone - started) / 1000, 1),
            importSeconds: round((imported - csvDone) / 1000, 1),
            startAndIndexSeconds: round((ready - imported) / 1000, 1),
          },
        },
      };
    } finally {
      await db.close();
      await running.stop();
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
