import { count, data, firstError, useSeededServer } from './seeded-server';
import { descendantCount, paperCount } from '../../../src/graph/cypher';

const SEARCH = `
  query Search($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      score
      node { __typename ... on Paper { id title } ... on Entity { id name kind } }
    }
  }`;

interface Hit {
  score: number;
  node: { __typename: string; id: string; title?: string; name?: string; kind?: string };
}

const HOSTILE_QUERIES = [
  '" OR 1=1 //',
  '*',
  '~',
  '?',
  '"unbalanced',
  '(unbalanced',
  'unbalanced]',
  '{ }',
  'title:bert',
  'bert^100',
  'AND',
  'NOT OR AND',
  '&& || !',
  '\\',
  '/regex/',
  'bert~0.5 AND vit*',
  "'; MATCH (n) DETACH DELETE n; //",
  '`) CALL db.clearQueryCaches() //',
  '\u0000',
  'ß 中文 🙂',
];

describe('search and stats', () => {
  const seeded = useSeededServer();

  describe('search', () => {
    async function search(query: string, first?: number): Promise<Hit[]> {
      return (await data<{ search: Hit[] }>(seeded().server, SEARCH, { query, first })).search;
    }

    it('finds papers and entities by their words, best first', async () => {
      const hits = await search('masked autoencoders', 20);
      expect(hits.length).toBeGreaterThan(0);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const types = new Set(hits.map((h) => h.node.__typename));
      expect(types.has('Paper')).toBe(true);
      expect([...types].some((t) => t !== 'Paper')).toBe(true);
      expect(hits.map((h) => h.node.name ?? h.node.title).join(' ')).toMatch(/MAE/);
    });

    it('finds an entity by an alias and a paper by its abstract', async () => {
      const alias = await search('Bidirectional Encoder representation from Image Transformers', 5);
      expect(alias.map((h) => h.node.name)).toContain('BEiT');
      const abstract = await search(
        'masked image modeling task to pretrain vision Transformers',
        5,
      );
      expect(abstract.map((h) => h.node.id)).toContain(
        'beit-bert-pre-training-of-image-transformers',
      );
    });

    it('returns at most first hits', async () => {
      expect((await search('pre-training', 3)).length).toBe(3);
      expect((await search('pre-training')).length).toBe(10);
    });

    it.each(HOSTILE_QUERIES)('takes %p as plain words, without an error', async (query) => {
      const response = await search(query, 5);
      expect(Array.isArray(response)).toBe(true);
    });

    it('leaves the graph as it was after hostile searches', async () => {
      const { db } = seeded();
      expect(await count(db, 'MATCH (p:Paper) RETURN count(p) AS n')).toBeGreaterThan(100);
    });

    it.each(['', '   ', '\n\t'])('refuses an empty query %p as BAD_USER_INPUT', async (query) => {
      const error = await firstError(seeded().server, SEARCH, { query });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    });

    it('refuses a query over 500 characters and first out of 1..100', async () => {
      expect(
        (await firstError(seeded().server, SEARCH, { query: 'a'.repeat(501) })).extensions
          ?.argument,
      ).toBe('query');
      expect(
        (await firstError(seeded().server, SEARCH, { query: 'bert', first: 0 })).extensions
          ?.argument,
      ).toBe('first');
      expect(
        (await firstError(seeded().server, SEARCH, { query: 'bert', first: 101 })).extensions
          ?.argument,
      ).toBe('first');
    });
  });

  describe('stats', () => {
    const STATS = `
    query Stats($top: Int) {
      stats(top: $top) {
        papers entities mentions lineageEdges
        entitiesByKind { kind count }
        mentionsByRole { role count }
        lineageByRelation { relation count }
        provenance { source mentions lineageEdges }
        topDatasets { count entity { name __typename } }
        topTasks { count entity { name } }
        topMethods { count entity { name } }
        topModels { count entity { name } }
        mostDescendants { count entity { name kind } }
        topIntroducingPapers { count paper { id } }
      }
    }`;

    it('counts what the graph holds, by kind, role, relation and source', async () => {
      const { db, server } = seeded();
      const { stats } = await data(server, STATS, { top: 5 });
      expect(stats.papers).toBe(await count(db, 'MATCH (p:Paper) RETURN count(p) AS n'));
      expect(stats.entities).toBe(await count(db, 'MATCH (e:Entity) RETURN count(e) AS n'));
      expect(stats.mentions).toBe(
        await count(
          db,
          'MATCH (:Paper)-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(:Entity) RETURN count(r) AS n',
        ),
      );
      expect(stats.lineageEdges).toBe(
        await count(
          db,
          'MATCH (:Entity)-[r:EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY]->(:Entity) RETURN count(r) AS n',
        ),
      );
      expect(stats.entitiesByKind.map((k: { kind: string }) => k.kind)).toEqual([
        'METHOD',
        'MODEL',
        'DATASET',
        'TASK',
      ]);
      for (const { kind, count: n } of stats.entitiesByKind) {
        expect(n).toBe(
          await count(db, 'MATCH (e:Entity {kind: $kind}) RETURN count(e) AS n', { kind }),
        );
      }
      expect(stats.mentionsByRole).toHaveLength(5);
      expect(stats.lineageByRelation).toHaveLength(6);
      const sum = (rows: Array<{ count: number }>) => rows.reduce((a, r) => a + r.count, 0);
      expect(sum(stats.mentionsByRole)).toBe(stats.mentions);
      expect(sum(stats.lineageByRelation)).toBe(stats.lineageEdges);
      expect(stats.provenance.map((p: { source: string }) => p.source)).toEqual([
        'EXTRACTED',
        'CURATED',
      ]);
      expect(
        stats.provenance.reduce((a: number, p: { mentions: number }) => a + p.mentions, 0),
      ).toBe(stats.mentions);
      expect(
        stats.provenance.reduce((a: number, p: { lineageEdges: number }) => a + p.lineageEdges, 0),
      ).toBe(stats.lineageEdges);
    });

    it('ranks datasets, tasks, methods, models and papers, top first', async () => {
      const { stats } = await data(seeded().server, STATS, { top: 5 });
      for (const list of [
        'topDatasets',
        'topTasks',
        'topMethods',
        'topModels',
        'mostDescendants',
        'topIntroducingPapers',
      ]) {
        const counts = stats[list].map((r: { count: number }) => r.count);
        expect(counts.length).toBeGreaterThan(0);
        expect(counts.length).toBeLessThanOrEqual(5);
        expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
      }
      const { db } = seeded();
      expect(stats.topDatasets[0].count).toBe(
        await count(
          db,
          `MATCH (d:Dataset) RETURN max(COUNT { MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(d) RETURN DISTINCT p }) AS n`,
        ),
      );
      for (const r of stats.topDatasets) expect(r.entity.__typename).toBe('Dataset');
      expect(stats.mostDescendants[0].count).toBe(
        await count(
          db,
          `MATCH (e:Entity) WHERE e.kind IN ['METHOD', 'MODEL']
           RETURN max(COUNT { MATCH (d:Entity)-[:EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY*1..10]->(e)
             WHERE d <> e RETURN DISTINCT d }) AS n`,
        ),
      );
      for (const r of stats.mostDescendants) expect(['METHOD', 'MODEL']).toContain(r.entity.kind);
    });

    it('ranks every top list exactly as the graph counts it, ties by name', async () => {
      const { db, server } = seeded();
      const { stats } = await data(server, STATS, { top: 5 });
      const ranked = (cypher: string) =>
        db.query<{ name: string; count: number }>(
          `${cypher} WHERE n > 0 WITH x, n ORDER BY n DESC, toLower(x.name), x.id LIMIT 5
           RETURN x.name AS name, n AS count`,
        );
      const lists: Array<[string, string]> = [
        ['topDatasets', `MATCH (x:Dataset) WITH x, ${paperCount('x')} AS n`],
        ['topTasks', `MATCH (x:Task) WITH x, ${paperCount('x')} AS n`],
        ['topMethods', `MATCH (x:Method) WITH x, ${paperCount('x')} AS n`],
        ['topModels', `MATCH (x:Model) WITH x, ${paperCount('x')} AS n`],
        [
          'mostDescendants',
          `MATCH (x:Entity) WHERE x.kind IN ['METHOD', 'MODEL'] WITH x, ${descendantCount('x')} AS n`,
        ],
      ];
      for (const [list, cypher] of lists) {
        expect(
          stats[list].map((r: { count: number; entity: { name: string } }) => ({
            name: r.entity.name,
            count: r.count,
          })),
        ).toEqual(await ranked(cypher));
      }
      const papers = await db.query<{ id: string; count: number }>(
        `MATCH (p:Paper) WITH p, COUNT { (p)-[:INTRODUCES]->(:Entity) } AS n WHERE n > 0
         WITH p, n ORDER BY n DESC, toLower(p.title), p.id LIMIT 5 RETURN p.id AS id, n AS count`,
      );
      expect(
        stats.topIntroducingPapers.map((r: { count: number; paper: { id: string } }) => ({
          id: r.paper.id,
          count: r.count,
        })),
      ).toEqual(papers);
      const curated = stats.provenance.find((p: { source: string }) => p.source === 'CURATED');
      expect(curated).toEqual({
        source: 'CURATED',
        mentions: await count(
          db,
          `MATCH (:Paper)-[r:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(:Entity)
           WHERE r.source = 'CURATED' RETURN count(r) AS n`,
        ),
        lineageEdges: await count(
          db,
          `MATCH (:Entity)-[r:EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY]->(:Entity)
           WHERE r.source = 'CURATED' RETURN count(r) AS n`,
        ),
      });
    });

    it.each([0, 101])('refuses top: %i', async (top) => {
      const error = await firstError(seeded().server, STATS, { top });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'top' });
    });
  });
});
