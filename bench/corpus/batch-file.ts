import fs from 'node:fs';
import readline from 'node:readline';

import { EntityRecord, GraphBatch, LineageRecord } from '../../src/model';

/**
 * The expected GraphBatch of a synthetic corpus, as JSON Lines so that a 1M-paper batch can be
 * written and read without holding one giant JSON string: one `{"entity": ...}`, `{"paper": ...}`
 * or `{"lineage": ...}` object per line. Entities come before the first paper that links them.
 */

export type BatchLine =
  { entity: EntityRecord } | { paper: GraphBatch['papers'][number] } | { lineage: LineageRecord };

/** Appends lines to a file through a buffer (the generator writes millions of small lines). */
export class LineWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(value: unknown): void {
    const line = `${JSON.stringify(value)}\n`;
    this.buffer.push(line);
    this.size += line.length;
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

/** Reads the lines of a batch file one at a time. */
export async function* batchLines(file: string): AsyncGenerator<BatchLine> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line) yield JSON.parse(line) as BatchLine;
}

/** The whole batch in memory (fine up to a few hundred thousand papers). */
export async function readBatch(file: string): Promise<GraphBatch> {
  const batch: GraphBatch = { papers: [], entities: [], lineage: [], warnings: [] };
  for await (const line of batchLines(file)) {
    if ('entity' in line) batch.entities.push(line.entity);
    else if ('paper' in line) batch.papers.push(line.paper);
    else batch.lineage.push(line.lineage);
  }
  return batch;
}
