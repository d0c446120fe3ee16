import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { IngestResult, ingestFiles, seedCorpus, seedIfEmpty } from '../../../src/ingest/ingest';
import { changedNothing } from '../../../src/ingest/load';
import { InputError, LINEAGE_RELATIONS } from '../../../src/model';
import { clearGraph, graphFingerprint, openTestDatabase } from '../../support/test-graph';

const rootDir = loadConfig().rootDir;

describe('seeding the pre-training corpus', () => {
  let db: Database;
  let scratch: string;
  let seeded: IngestResult | undefined;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
    // What `npm start` does on an empty graph.
    seeded = await seedIfEmpty(db, rootDir);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-bad-input-'));
  });

  afterAll(async () => {
    await clearGraph(db);
    await db.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('seeds an empty graph by itself, and then leaves it alone', async () => {
    expect(seeded?.report?.papers.created).toBe(119);
    const before = await graphFingerprint(db);
    expect(await seedIfEmpty(db, rootDir)).toBeUndefined();
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('loads the 119 papers', async () => {
    const [{ papers }] = await db.query<{ papers: number }>(
      'MATCH (p:Paper) RETURN count(p) AS papers',
    );
    expect(papers).toBe(119);
  });

  it('links BEiT to its paper, to BERT and to ImageNet-1K', async () => {
    const rows = await db.query<{ title: string; parents: string[]; datasets: string[] }>(
      `MATCH (p:Paper)-[:INTRODUCES]->(b:Entity {name: 'BEiT'})
       RETURN p.title AS title,
              [(b)-[r]->(parent:Entity) WHERE type(r) IN $relations | parent.name] AS parents,
              [(p)-[:EVALUATES_ON]->(d:Dataset) | d.name] AS datasets`,
      {
        relations: [...LINEAGE_RELATIONS],
      },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].title).toBe('BEiT: BERT Pre-Training of Image Transformers');
    expect(rows[0].parents).toContain('BERT');
    expect(rows[0].datasets).toContain('ImageNet-1K');
  });

  it("records AlignDet's baselines with the sentence that names them", async () => {
    const rows = await db.query<{ name: string; evidence: string }>(
      `MATCH (p:Paper)-[r:COMPARES_WITH]->(e:Entity) WHERE p.title STARTS WITH 'AlignDet'
       RETURN e.name AS name, r.evidence AS evidence`,
    );
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['FCOS', 'RetinaNet', 'Faster R-CNN', 'DETR']));
    for (const row of rows) expect(row.evidence.length).toBeGreaterThan(10);
  });

  it('keeps the typo in the title but resolves ChartAssistant to one entity with both names', async () => {
    const rows = await db.query<{ name: string; aliases: string[] }>(
      `MATCH (e:Entity) WHERE e.name IN ['ChartAssistant', 'ChartAssisstant'] OR 'ChartAssisstant' IN e.aliases
       RETURN e.name AS name, e.aliases AS aliases`,
    );
    expect(rows).toHaveLength(1);
    expect([rows[0].name, ...rows[0].aliases]).toEqual(
      expect.arrayContaining(['ChartAssistant', 'ChartAssisstant']),
    );
  });

  it('changes nothing on a second seed run', async () => {
    const before = await graphFingerprint(db);
    const { report } = await seedCorpus(db, rootDir);
    expect(report).toMatchObject({
      entities: { created: 0, updated: 0 },
      papers: { created: 0, updated: 0 },
      mentions: { created: 0, updated: 0, removed: 0 },
      lineage: { created: 0, updated: 0, removed: 0 },
    });
    expect(changedNothing(report!)).toBe(true);
    expect(report!.papers.unchanged).toBe(119);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  const long = 'x'.repeat(1001);
  const badInputs: Array<[string, string | Buffer, RegExp]> = [
    ['empty.jsonl', '', /empty/i],
    ['binary.jsonl', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x7d]), /binary/i],
    ['invalid.jsonl', '{"title":"A","abstract":"a"}\n{"title": "B", "abstract": \n', /:2\b/],
    [
      'not-atom.xml',
      '<?xml version="1.0"?><rss><channel><item><title>A</title></item></channel></rss>',
      /atom|feed/i,
    ],
    ['long-title.jsonl', JSON.stringify({ title: long, abstract: 'a' }), /title.*1,?000|1,?001/i],
    [
      'long-abstract.jsonl',
      JSON.stringify({ title: 'T', abstract: 'y'.repeat(100_001) }),
      /abstract.*100,?000|100,?001/i,
    ],
    [
      'no-title.jsonl',
      '{"title":"A","abstract":"a"}\n{"abstract":"b"}\n',
      /:2\b.*title|title.*:2\b/i,
    ],
    [
      'duplicates.jsonl',
      '{"title":"Same","abstract":"a"}\n{"title":"Same","abstract":"b"}\n',
      /duplicate/i,
    ],
  ];

  it.each(badInputs)(
    'refuses %s with its file and line, and leaves the graph as it was',
    async (name, content, message) => {
      const file = path.join(scratch, name);
      fs.writeFileSync(file, content);
      const before = await graphFingerprint(db);
      const error = await ingestFiles(db, [file], { rootDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(name);
      expect((error as Error).message).toMatch(message);
      expect(await graphFingerprint(db)).toEqual(before);
    },
  );

  it('writes nothing from a list of files when a later one is bad', async () => {
    const good = path.join(scratch, 'good.jsonl');
    fs.writeFileSync(
      good,
      JSON.stringify({
        title: 'A good new paper on BERT',
        abstract: 'We fine-tune BERT on SQuAD.',
      }),
    );
    const bad = path.join(scratch, 'bad-later.jsonl');
    fs.writeFileSync(bad, '{"title": }');
    const before = await graphFingerprint(db);
    await expect(ingestFiles(db, [good, bad], { rootDir })).rejects.toThrow(/bad-later\.jsonl:1/);
    expect(await graphFingerprint(db)).toEqual(before);
  });
});
