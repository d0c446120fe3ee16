import { Database } from '../../../src/db/database';
import { changedNothing, loadBatch } from '../../../src/ingest/load';
import { GraphBatch } from '../../../src/model';
import { counterMismatches } from '../../support/counters';
import { clearGraph, openTestDatabase } from '../../support/test-graph';

function batch(abstract: string, usesImageNet: boolean): GraphBatch {
  return {
    papers: [
      {
        id: 'beit',
        title: 'BEiT: BERT Pre-Training of Image Transformers',
        abstract,
        authors: ['A. Author'],
        mentions: [
          {
            entityId: 'beit',
            role: 'INTRODUCES',
            evidence: 'We introduce BEiT.',
            confidence: 0.9,
            source: 'EXTRACTED',
          },
          ...(usesImageNet
            ? [
                {
                  entityId: 'imagenet-1k',
                  role: 'EVALUATES_ON' as const,
                  evidence: 'On ImageNet-1K.',
                  confidence: 0.8,
                  source: 'EXTRACTED' as const,
                },
              ]
            : []),
        ],
      },
    ],
    entities: [
      {
        id: 'beit',
        name: 'BEiT',
        kind: 'MODEL',
        aliases: ['Bidirectional Encoder representation from Image Transformers'],
      },
      { id: 'bert', name: 'BERT', kind: 'MODEL', aliases: [] },
      { id: 'imagenet-1k', name: 'ImageNet-1K', kind: 'DATASET', aliases: ['ImageNet'] },
    ],
    lineage: [
      {
        childId: 'beit',
        parentId: 'bert',
        relation: 'EXTENDS',
        evidence: 'Following BERT, we ...',
        paperId: 'beit',
        confidence: 0.8,
        source: 'EXTRACTED',
      },
    ],
    warnings: [],
  };
}

describe('loadBatch', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  beforeEach(() => clearGraph(db));
  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  it('creates labelled nodes, links with provenance and alias keys', async () => {
    const report = await loadBatch(db, batch('v1', true));
    expect(report.papers).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.entities.created).toBe(3);
    expect(report.mentions.created).toBe(2);
    expect(report.lineage.created).toBe(1);

    const [row] = await db.query(
      `MATCH (p:Paper {id: 'beit'})-[r:EVALUATES_ON]->(d:Dataset:Entity)
       MATCH (:Alias {key: 'imagenet'})-[:ALIAS_OF]->(d)
       MATCH (:Model {id: 'beit'})-[l:EXTENDS]->(:Model {id: 'bert'})
       RETURN d.name AS dataset, r.evidence AS evidence, r.source AS source, l.paperId AS paperId`,
    );
    expect(row).toEqual({
      dataset: 'ImageNet-1K',
      evidence: 'On ImageNet-1K.',
      source: 'EXTRACTED',
      paperId: 'beit',
    });
    const [counters] = await db.query(
      `MATCH (d:Entity {id: 'imagenet-1k'}), (b:Entity {id: 'bert'}), (p:Paper {id: 'beit'})
       RETURN d.paperCount AS datasetPapers, b.derivativeCount AS bertChildren,
         b.descendantCount AS bertDescendants, p.introducesCount AS introduces`,
    );
    expect(counters).toEqual({
      datasetPapers: 1,
      bertChildren: 1,
      bertDescendants: 1,
      introduces: 1,
    });
    expect(await counterMismatches(db)).toEqual([]);
  });

  it('writes nothing on a second run of the same batch', async () => {
    await loadBatch(db, batch('v1', true));
    const again = await loadBatch(db, batch('v1', true));
    expect(changedNothing(again)).toBe(true);
    expect(again.papers.unchanged).toBe(1);
    expect(again.mentions.unchanged).toBe(2);
    expect(await counterMismatches(db)).toEqual([]);
  });

  it('updates a changed paper and drops the extracted links it no longer supports', async () => {
    await loadBatch(db, batch('v1', true));
    const report = await loadBatch(db, batch('v2', false));
    expect(report.papers.updated).toBe(1);
    expect(report.mentions.removed).toBe(1);
    const [row] = await db.query(
      `MATCH (p:Paper {id: 'beit'}) RETURN p.abstract AS abstract, COUNT { (p)-->(:Entity) } AS links`,
    );
    expect(row).toEqual({ abstract: 'v2', links: 1 });
    // The dropped links and lineage edge are out of the counters too.
    expect(await counterMismatches(db)).toEqual([]);
  });

  it('keeps curated links and honours a curator removal', async () => {
    await loadBatch(db, batch('v1', true));
    await db.write((tx) =>
      tx.run(`MATCH (p:Paper {id: 'beit'})-[r:EVALUATES_ON]->(d)
              CREATE (p)-[:REMOVED {role: 'EVALUATES_ON'}]->(d) DELETE r
              WITH p MATCH (b:Entity {id: 'bert'}) CREATE (p)-[:USES {source: 'CURATED', evidence: 'curator'}]->(b)`),
    );
    const report = await loadBatch(db, batch('v1 edited', true));
    expect(report.mentions.created).toBe(0);
    const rows = await db.query<{ type: string; source: string }>(
      `MATCH (:Paper {id: 'beit'})-[r]->(:Entity) WHERE type(r) <> 'REMOVED'
       RETURN type(r) AS type, r.source AS source ORDER BY type`,
    );
    expect(rows).toEqual([
      { type: 'INTRODUCES', source: 'EXTRACTED' },
      { type: 'USES', source: 'CURATED' },
    ]);
  });
});
