import { Database } from '../../../src/db/database';
import { count, data, firstError, useSeededServer, walkPages } from './seeded-server';

const BEIT = 'beit-bert-pre-training-of-image-transformers';
const ALIGNDET = 'aligndet-aligning-pre-training-and-fine-tuning-in-object-detection';

const PAPERS = `
  query Papers($first: Int, $after: String, $where: PaperWhere, $orderBy: PaperOrder) {
    papers(first: $first, after: $after, where: $where, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id title published mentions { role } } }
      pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
    }
  }`;

interface PaperNode {
  id: string;
  title: string;
  published: string | null;
  mentions: Array<{ role: string }>;
}

// The seed corpus has no dates: some are set, with ties, so that PUBLISHED ordering is exercised.
async function datePapers(db: Database): Promise<void> {
  await db.write((tx) =>
    tx.run(`
      MATCH (p:Paper) WITH p ORDER BY p.id LIMIT 30
      WITH collect(p) AS papers
      UNWIND range(0, size(papers) - 1) AS i
      WITH papers[i] AS p, i
      SET p.published = '202' + toString(i % 4) + '-0' + toString(1 + i % 7) + '-15'`),
  );
}

describe('papers', () => {
  const seeded = useSeededServer(datePapers);

  describe('paper(id, title)', () => {
    it('finds a paper by id with its fields', async () => {
      const { paper } = await data(
        seeded().server,
        `{ paper(id: "${BEIT}") { id title abstract authors url arxivId } }`,
      );
      expect(paper).toMatchObject({
        id: BEIT,
        title: 'BEiT: BERT Pre-Training of Image Transformers',
      });
      expect(paper.abstract).toMatch(/BERT/);
      expect(Array.isArray(paper.authors)).toBe(true);
    });

    it('finds a paper by its title in any case', async () => {
      const { paper } = await data(
        seeded().server,
        'query P($t: String) { paper(title: $t) { id } }',
        {
          t: '  beit: bert PRE-TRAINING of image transformers ',
        },
      );
      expect(paper).toEqual({ id: BEIT });
    });

    it('is null for an unknown paper', async () => {
      expect(await data(seeded().server, '{ paper(id: "no-such-paper") { id } }')).toEqual({
        paper: null,
      });
    });

    it('refuses an empty id, naming it', async () => {
      const error = await firstError(seeded().server, '{ paper(id: "") { id } }');
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    });

    it.each([
      ['neither id nor title', '{ paper { id } }'],
      ['both id and title', `{ paper(id: "${BEIT}", title: "x") { id } }`],
    ])('refuses %s as BAD_USER_INPUT', async (_, query) => {
      const error = await firstError(seeded().server, query);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    });
  });

  describe("a paper's entities", () => {
    it("lists AlignDet's comparisons and introduction, by role", async () => {
      const { paper } = await data(
        seeded().server,
        `{ paper(id: "${ALIGNDET}") {
            introduces { name }
            comparesWith { name }
            tasks { name __typename }
            mentions(role: COMPARES_WITH) { role source confidence evidence entity { name kind __typename } }
            all: mentions { role }
        } }`,
      );
      expect(paper.introduces.map((e: { name: string }) => e.name)).toContain('AlignDet');
      expect(paper.comparesWith.map((e: { name: string }) => e.name)).toEqual(
        expect.arrayContaining(['FCOS', 'RetinaNet', 'Faster R-CNN', 'DETR']),
      );
      for (const task of paper.tasks) expect(task.__typename).toBe('Task');
      for (const mention of paper.mentions) {
        expect(mention).toMatchObject({ role: 'COMPARES_WITH', source: 'EXTRACTED' });
        expect(mention.evidence).toMatch(/improves FCOS/);
        expect(mention.entity.__typename).toBe(
          { MODEL: 'Model', METHOD: 'Method', DATASET: 'Dataset', TASK: 'Task' }[
            mention.entity.kind as string
          ],
        );
      }
      // Mentions come grouped by role, in the order of LinkRole.
      const roles = paper.all.map((m: { role: string }) => m.role);
      const order = ['INTRODUCES', 'USES', 'EVALUATES_ON', 'COMPARES_WITH', 'ADDRESSES'];
      expect(roles).toEqual([...roles].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    });

    it('lists the datasets BEiT evaluates on or uses, as Dataset objects', async () => {
      const { paper } = await data(
        seeded().server,
        `{ paper(id: "${BEIT}") { uses { name } evaluatesOn { name __typename } } }`,
      );
      const datasets = [...paper.uses, ...paper.evaluatesOn].map((e: { name: string }) => e.name);
      expect(datasets).toContain('ImageNet-1K');
      for (const dataset of paper.evaluatesOn) expect(dataset.__typename).toBe('Dataset');
    });

    it('finds related papers with the entities they share, most shared first', async () => {
      const { paper } = await data(
        seeded().server,
        `{ paper(id: "${BEIT}") { related(first: 5) { sharedCount shared { id name } paper { id } } } }`,
      );
      expect(paper.related.length).toBeGreaterThan(0);
      expect(paper.related.length).toBeLessThanOrEqual(5);
      const counts = paper.related.map((r: { sharedCount: number }) => r.sharedCount);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const related of paper.related) {
        expect(related.paper.id).not.toBe(BEIT);
        expect(related.shared).toHaveLength(related.sharedCount);
        const shared = await count(
          seeded().db,
          `MATCH (:Paper {id: $a})-->(e:Entity)<--(:Paper {id: $b}) WHERE e.id IN $ids
           RETURN count(DISTINCT e) AS n`,
          { a: BEIT, b: related.paper.id, ids: related.shared.map((e: { id: string }) => e.id) },
        );
        expect(shared).toBe(related.sharedCount);
      }
    });
  });

  describe('papers(...) pagination', () => {
    const orderings: Array<[string, string]> = [
      ['TITLE', 'ASC'],
      ['TITLE', 'DESC'],
      ['PUBLISHED', 'ASC'],
      ['PUBLISHED', 'DESC'],
      ['MENTION_COUNT', 'ASC'],
      ['MENTION_COUNT', 'DESC'],
    ];

    const keyOf: Record<string, string> = {
      TITLE: 'toLower(p.title)',
      PUBLISHED: "coalesce(p.published, '')",
      MENTION_COUNT:
        'COUNT { (p)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(:Entity) }',
    };

    it.each(orderings)(
      'walks every paper exactly once ordered by %s %s',
      async (field, direction) => {
        const { db, server } = seeded();
        const total = await count(db, 'MATCH (p:Paper) RETURN count(p) AS n');
        const { nodes, totalCount, pages } = await walkPages<PaperNode>(
          server,
          PAPERS,
          { first: 13, orderBy: { field, direction } },
          (d) => d.papers,
        );
        expect(totalCount).toBe(total);
        expect(nodes).toHaveLength(total);
        expect(new Set(nodes.map((n) => n.id)).size).toBe(total);
        expect(pages).toBe(Math.ceil(total / 13));
        const expected = await db.query<{ id: string }>(
          `MATCH (p:Paper) RETURN p.id AS id ORDER BY ${keyOf[field]} ${direction}, p.id ${direction}`,
        );
        expect(nodes.map((n) => n.id)).toEqual(expected.map((row) => row.id));
        if (field === 'MENTION_COUNT') {
          const counts = nodes.map((n) => n.mentions.length);
          const sorted = [...counts].sort((a, b) => (direction === 'ASC' ? a - b : b - a));
          expect(counts).toEqual(sorted);
        }
        if (field === 'PUBLISHED') {
          const dates = nodes.map((n) => n.published ?? '').filter((d) => d !== '');
          expect(dates).toEqual(
            [...dates].sort((a, b) =>
              direction === 'ASC' ? a.localeCompare(b) : b.localeCompare(a),
            ),
          );
        }
      },
    );

    it('says whether pages come before and after', async () => {
      const first = await data(seeded().server, PAPERS, { first: 2 });
      expect(first.papers.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.papers.pageInfo.startCursor).toBe(first.papers.edges[0].cursor);
      expect(first.papers.pageInfo.endCursor).toBe(first.papers.edges[1].cursor);
      const second = await data(seeded().server, PAPERS, {
        first: 2,
        after: first.papers.pageInfo.endCursor,
      });
      expect(second.papers.pageInfo.hasPreviousPage).toBe(true);
      expect(second.papers.edges[0].node.id).not.toBe(first.papers.edges[1].node.id);
    });

    it('answers first: 0 with the count only', async () => {
      const { papers } = await data(seeded().server, PAPERS, { first: 0 });
      expect(papers.edges).toEqual([]);
      expect(papers.totalCount).toBeGreaterThan(100);
      expect(papers.pageInfo.endCursor).toBeNull();
    });

    it('uses the default page size of 20 when first is absent or null', async () => {
      expect(
        (await data(seeded().server, '{ papers { edges { cursor } } }')).papers.edges,
      ).toHaveLength(20);
      expect((await data(seeded().server, PAPERS, { first: null })).papers.edges).toHaveLength(20);
    });

    it.each([101, -1, 100000])(
      'refuses first: %i as BAD_USER_INPUT naming the argument',
      async (first) => {
        const error = await firstError(seeded().server, PAPERS, { first });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
        expect(error.message).toMatch(/"first".*0 to 100/);
      },
    );

    it('refuses a cursor that is not one, or of another ordering', async () => {
      const { papers } = await data(seeded().server, PAPERS, { first: 1 });
      for (const variables of [
        { after: 'not-a-cursor' },
        { after: Buffer.from('["paper:TITLE:ASC", {"$gt": ""}, "x"]').toString('base64url') },
        { after: papers.pageInfo.endCursor, orderBy: { field: 'TITLE', direction: 'DESC' } },
      ]) {
        const error = await firstError(seeded().server, PAPERS, { first: 1, ...variables });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      }
    });
  });

  describe('papers(where:)', () => {
    async function ids(where: Record<string, unknown>): Promise<string[]> {
      const { papers } = await data(seeded().server, PAPERS, { first: 100, where });
      expect(papers.totalCount).toBe(papers.edges.length);
      return papers.edges.map((e: { node: { id: string } }) => e.node.id);
    }

    it('filters by a case-insensitive substring of the title', async () => {
      const found = await ids({ titleContains: 'bert pre-TRAINING' });
      expect(found).toContain(BEIT);
      const { papers } = await data(seeded().server, PAPERS, {
        first: 100,
        where: { titleContains: 'bert pre-TRAINING' },
      });
      for (const edge of papers.edges)
        expect(edge.node.title.toLowerCase()).toContain('bert pre-training');
    });

    it('filters by a used entity, by name or alias in any spelling', async () => {
      const byName = await ids({ uses: 'BERT' });
      expect(byName).toContain(BEIT);
      expect(
        await ids({ uses: 'bidirectional encoder representations from transformers' }),
      ).toEqual(byName);
      const expected = await count(
        seeded().db,
        `MATCH (p:Paper)-[:USES]->(:Entity {id: 'bert'}) RETURN count(DISTINCT p) AS n`,
      );
      expect(byName).toHaveLength(expected);
    });

    it('filters by the dataset evaluated on, through an alias', async () => {
      const found = await ids({ evaluatesOn: 'IN-1K' });
      expect(found).toEqual(await ids({ evaluatesOn: 'imagenet 1k' }));
      const expected = await count(
        seeded().db,
        `MATCH (p:Paper)-[:EVALUATES_ON]->(:Entity {id: 'imagenet-1k'}) RETURN count(DISTINCT p) AS n`,
      );
      expect(found).toHaveLength(expected);
    });

    it('filters by introduced, compared and addressed entities, and any mention', async () => {
      expect(await ids({ introduces: 'alignDet' })).toEqual([ALIGNDET]);
      expect(await ids({ comparesWith: 'FCOS' })).toContain(ALIGNDET);
      expect(await ids({ addresses: 'object detection' })).toContain(ALIGNDET);
      expect(await ids({ mentions: 'retinanet' })).toContain(ALIGNDET);
    });

    it('combines conditions, and ignores null ones', async () => {
      const found = await ids({ uses: 'BERT', titleContains: 'image', comparesWith: null });
      expect(found).toContain(BEIT);
      for (const id of found) expect((await ids({ uses: 'BERT' })).includes(id)).toBe(true);
      expect(await ids({ uses: 'BERT', introduces: 'AlignDet' })).toEqual([]);
    });

    it('filters by a range of publication dates', async () => {
      const found = await ids({ publishedFrom: '2021-01-01', publishedTo: '2022-12-31' });
      const expected = await count(
        seeded().db,
        `MATCH (p:Paper) WHERE p.published >= '2021-01-01' AND p.published <= '2022-12-31' RETURN count(p) AS n`,
      );
      expect(expected).toBeGreaterThan(0);
      expect(found).toHaveLength(expected);
    });

    it('pages through a filtered list', async () => {
      const { nodes, totalCount } = await walkPages<PaperNode>(
        seeded().server,
        PAPERS,
        {
          first: 3,
          where: { uses: 'BERT' },
          orderBy: { field: 'MENTION_COUNT', direction: 'DESC' },
        },
        (d) => d.papers,
      );
      expect(nodes).toHaveLength(totalCount);
      expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
    });

    it('finds nothing for an unknown entity', async () => {
      expect(await ids({ uses: 'No Such Model 9000' })).toEqual([]);
    });
  });
});
