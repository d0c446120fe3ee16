import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { CurationRepository } from '../../../src/graph/curation.repository';
import { CurationService } from '../../../src/graphql/curation.service';
import { seedCorpus } from '../../../src/ingest/ingest';
import { changedNothing } from '../../../src/ingest/load';
import { clearGraph, graphFingerprint, openTestDatabase } from '../../support/test-graph';

const config = loadConfig();
const CURATOR = 'curator@test';
/** A seed paper that names ImageNet (not ImageNet-1K) alone. */
const TOMBSTONED_PAPER = 'Towards Inadequately Pre-trained Models in Transfer Learning';

describe('re-ingesting after a curator merged, removed and linked', () => {
  let db: Database;
  let curation: CurationRepository;

  beforeAll(async () => {
    db = await openTestDatabase();
    curation = new CurationRepository(db);
    await clearGraph(db);
    await seedCorpus(db, config.rootDir);
    const [{ paperId }] = await db.query<{ paperId: string }>(
      'MATCH (p:Paper {title: $title}) RETURN p.id AS paperId',
      { title: TOMBSTONED_PAPER },
    );
    await curation.removeMention(paperId, 'imagenet', 'USES', CURATOR);
    await curation.mergeEntities('ImageNet-1K', ['ImageNet'], CURATOR);
    await curation.addLineageEdge('SigLIP', 'CLIP', 'INSPIRED_BY', 'curated', CURATOR);
  });

  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  const mergedEntities = () =>
    db.query<{ id: string }>(
      `MATCH (e:Entity) WHERE e.id = 'imagenet' OR e.name = 'ImageNet' RETURN e.id AS id`,
    );

  it('a second seed run keeps the merge, the tombstone and the curated edge, and writes nothing', async () => {
    const before = await graphFingerprint(db);
    const result = await seedCorpus(db, config.rootDir);
    expect(changedNothing(result.report!)).toBe(true);
    expect(await graphFingerprint(db)).toEqual(before);
    expect(await mergedEntities()).toEqual([]);

    const [state] = await db.query<{ removed: string[]; used: string[]; curated: string[] }>(
      `MATCH (p:Paper {title: $title})
       RETURN [(p)-[t:REMOVED]->(e) | e.id + ' ' + t.role] AS removed,
              [(p)-[:USES]->(e) | e.id] AS used,
              [(:Entity {id: 'siglip'})-[r:INSPIRED_BY {source: 'CURATED'}]->(c) | c.id] AS curated`,
      { title: TOMBSTONED_PAPER },
    );
    expect(state.removed).toEqual(['imagenet-1k USES']);
    expect(state.used).not.toContain('imagenet-1k');
    expect(state.curated).toEqual(['clip']);
  });

  it('a new paper naming the merged name links to the kept entity (ingestPapers mutation)', async () => {
    const service = new CurationService({ db, limits: config.limits, rootDir: config.rootDir });
    const { report } = await service.ingestPapers(
      [
        {
          title: 'FooNet: Scaling Convolutions',
          abstract:
            'We propose FooNet, a convolutional network. FooNet reaches 80% top-1 accuracy on ImageNet and outperforms ResNet-50.',
        },
      ],
      CURATOR,
    );
    expect(report.papers.created).toBe(1);
    expect(await mergedEntities()).toEqual([]);
    const [{ datasets }] = await db.query<{ datasets: string[] }>(
      `MATCH (p:Paper {title: 'FooNet: Scaling Convolutions'})
       RETURN [(p)-[:EVALUATES_ON]->(d:Entity) | d.id] AS datasets`,
    );
    expect(datasets).toEqual(['imagenet-1k']);
  });
});
