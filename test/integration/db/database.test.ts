import { Database } from '../../../src/db/database';
import { readMigrations } from '../../../src/db/migrations';
import { loadConfig } from '../../../src/config';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import path from 'node:path';

describe('Neo4j over Bolt', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
  });

  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  it('reports a 5.26 server', async () => {
    expect(await db.serverVersion()).toMatch(/^5\.26\./);
  });

  it('creates nodes in a write transaction and reads them back in a read transaction', async () => {
    await db.write((tx) =>
      tx.run('UNWIND $ids AS id CREATE (:Paper {id: id, title: "Paper " + id})', {
        ids: ['a', 'b', 'c'],
      }),
    );
    const rows = await db.query<{ id: string; title: string }>(
      'MATCH (p:Paper) RETURN p.id AS id, p.title AS title ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'a', title: 'Paper a' },
      { id: 'b', title: 'Paper b' },
      { id: 'c', title: 'Paper c' },
    ]);
  });

  it('enforces the unique paper id from the migrations', async () => {
    await expect(db.write((tx) => tx.run('CREATE (:Paper {id: "a"})'))).rejects.toThrow(
      /already exists/,
    );
  });

  it('answers a full-text index query ranked by relevance', async () => {
    await db.write((tx) =>
      tx.run(
        `UNWIND $rows AS row CREATE (:Paper {id: row.id, title: row.title, abstract: row.abstract})`,
        {
          rows: [
            {
              id: 'ft1',
              title: 'Masked image modeling',
              abstract: 'We pre-train vision transformers.',
            },
            {
              id: 'ft2',
              title: 'Speech models',
              abstract: 'Self-supervised speech with masked prediction.',
            },
          ],
        },
      ),
    );
    await db.read((tx) => tx.run('CALL db.awaitIndexes(60)'));
    const hits = await db.query<{ id: string }>(
      `CALL db.index.fulltext.queryNodes('paper_text', $q) YIELD node, score
       RETURN node.id AS id ORDER BY score DESC`,
      { q: 'vision transformers' },
    );
    expect(hits.map((h) => h.id)).toEqual(['ft1']);
  });

  it('records every migration once', async () => {
    const ids = (
      await db.query<{ id: string }>('MATCH (m:SchemaMigration) RETURN m.id AS id ORDER BY id')
    ).map((r) => r.id);
    const files = readMigrations(path.join(loadConfig().rootDir, 'schema')).map((m) => m.id);
    expect(ids).toEqual(files);
  });
});
