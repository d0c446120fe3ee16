import { count, data, firstError, useSeededServer, walkPages } from './seeded-server';

const BEIT_PAPER = 'beit-bert-pre-training-of-image-transformers';
const MENTION_TYPES = 'INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES';
const LINEAGE_TYPES = 'EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY';

const ENTITIES = `
  query Entities($kind: EntityKind, $first: Int, $after: String, $where: EntityWhere, $orderBy: EntityOrder) {
    entities(kind: $kind, first: $first, after: $after, where: $where, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id name kind paperCount derivativeCount descendantCount } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface EntityNode {
  id: string;
  name: string;
  kind: string;
  paperCount: number;
  derivativeCount: number;
  descendantCount: number;
}

describe('entities', () => {
  const seeded = useSeededServer();

  describe('entity(name, kind)', () => {
    it.each([
      ['masked autoencoders', 'MAE'],
      ['Masked-Autoencoder', 'MAE'],
      ['MAE', 'MAE'],
      ['bert', 'BERT'],
      ['BIDIRECTIONAL encoder representations from transformers', 'BERT'],
      ['in-1k', 'ImageNet-1K'],
      ['ImageNet 1K', 'ImageNet-1K'],
    ])('finds %p as %s, whatever the case, hyphens or plural', async (name, expected) => {
      const { entity } = await data(
        seeded().server,
        'query E($n: String!) { entity(name: $n) { name } }',
        { n: name },
      );
      expect(entity).toEqual({ name: expected });
    });

    it('answers the concrete type of the kind', async () => {
      const { bert, imagenet, mae } = await data(
        seeded().server,
        `{ bert: entity(name: "BERT") { __typename kind id aliases description }
           imagenet: entity(name: "ImageNet-1K") { __typename kind }
           mae: entity(name: "MAE") { __typename kind } }`,
      );
      expect(bert).toMatchObject({ __typename: 'Model', kind: 'MODEL', id: 'bert' });
      expect(bert.aliases).toContain('Bidirectional Encoder Representations from Transformers');
      expect(imagenet).toEqual({ __typename: 'Dataset', kind: 'DATASET' });
      expect(mae.__typename).toBe({ METHOD: 'Method', MODEL: 'Model' }[mae.kind as string]);
    });

    it('is null for an unknown name and for a kind the name does not have', async () => {
      const result = await data(
        seeded().server,
        '{ a: entity(name: "No Such Model 9000") { id } b: entity(name: "BERT", kind: TASK) { id } c: entity(name: "") { id } }',
      );
      expect(result).toEqual({ a: null, b: null, c: null });
    });
  });

  describe("an entity's fields", () => {
    it('lists the papers that introduce it', async () => {
      const { entity } = await data(
        seeded().server,
        '{ entity(name: "BEiT") { introducedIn { id } } }',
      );
      expect(entity.introducedIn.map((p: { id: string }) => p.id)).toContain(BEIT_PAPER);
    });

    it('pages through its papers in one role or any', async () => {
      const { db, server } = seeded();
      const query = `query P($first: Int, $after: String, $role: LinkRole) {
        entity(name: "BERT") { papers(first: $first, after: $after, role: $role) {
          totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;
      const all = await walkPages<{ id: string }>(
        server,
        query,
        { first: 4 },
        (d) => d.entity.papers,
      );
      const expected = await count(
        db,
        `MATCH (p:Paper)-[:INTRODUCES|USES|EVALUATES_ON|COMPARES_WITH|ADDRESSES]->(:Entity {id: 'bert'})
         RETURN count(DISTINCT p) AS n`,
      );
      expect(all.totalCount).toBe(expected);
      expect(new Set(all.nodes.map((n) => n.id)).size).toBe(expected);
      const uses = await walkPages<{ id: string }>(
        server,
        query,
        { first: 4, role: 'USES' },
        (d) => d.entity.papers,
      );
      expect(uses.nodes.length).toBe(
        await count(
          db,
          `MATCH (p:Paper)-[:USES]->(:Entity {id: 'bert'}) RETURN count(DISTINCT p) AS n`,
        ),
      );
      expect(uses.nodes.length).toBeLessThanOrEqual(all.nodes.length);
    });

    it('answers the same page fetched with the entity or on its own, details when asked', async () => {
      const { server } = seeded();
      const page =
        'totalCount nodes { id title abstract authors } pageInfo { hasNextPage endCursor }';
      // One papers field: fetched in the entity's own statement. Two that differ: each on its own.
      const together = await data<{ entity: { a: unknown } }>(
        server,
        `{ entity(name: "ImageNet-1K") { a: papers(role: EVALUATES_ON, first: 3) { ${page} } } }`,
      );
      const apart = await data<{ entity: { a: unknown; b: unknown } }>(
        server,
        `{ entity(name: "ImageNet-1K") { a: papers(role: EVALUATES_ON, first: 3) { ${page} }
             b: papers(first: 2) { totalCount } } }`,
      );
      expect(together.entity.a).toEqual(apart.entity.a);
      const { a } = together.entity as {
        a: { totalCount: number; nodes: Array<{ abstract: string }> };
      };
      expect(a.totalCount).toBeGreaterThan(3);
      expect(a.nodes).toHaveLength(3);
      for (const paper of a.nodes) expect(paper.abstract.length).toBeGreaterThan(50);
      // A bad argument is reported at the papers field, as without the shared statement.
      const error = await firstError(
        server,
        '{ entity(name: "ImageNet-1K") { name papers(first: 1000) { totalCount } } }',
      );
      expect(error.path).toEqual(['entity', 'papers']);
    });

    it('shows its direct parents and children with evidence and provenance', async () => {
      const { beit, bert } = await data(
        seeded().server,
        `{ beit: entity(name: "BEiT") { derivedFrom { relation evidence source confidence
              child { name } parent { name __typename } paper { id } } }
           bert: entity(name: "BERT") { derivatives { relation child { name } parent { name } } } }`,
      );
      const toBert = beit.derivedFrom.filter(
        (e: { parent: { name: string } }) => e.parent.name === 'BERT',
      );
      expect(toBert.length).toBeGreaterThan(0);
      for (const edge of beit.derivedFrom) expect(edge.child.name).toBe('BEiT');
      const fromPaper = toBert.find((e: { paper: { id: string } | null }) => e.paper !== null);
      if (fromPaper) {
        expect(fromPaper.paper.id).toBe(BEIT_PAPER);
        expect(fromPaper.evidence).toMatch(/BERT/);
      }
      expect(bert.derivatives.map((e: { child: { name: string } }) => e.child.name)).toContain(
        'BEiT',
      );
      for (const edge of bert.derivatives) expect(edge.parent.name).toBe('BERT');
    });

    it('counts papers, derivatives and descendants', async () => {
      const { db, server } = seeded();
      const { entity } = await data(
        server,
        '{ entity(name: "BERT") { paperCount derivativeCount descendantCount derivatives { child { id } } } }',
      );
      const children = new Set(
        entity.derivatives.map((e: { child: { id: string } }) => e.child.id),
      );
      expect(entity.derivativeCount).toBe(children.size);
      expect(entity.descendantCount).toBeGreaterThanOrEqual(entity.derivativeCount);
      expect(entity.descendantCount).toBe(
        await count(
          db,
          `MATCH (d:Entity)-[:${LINEAGE_TYPES}*1..10]->(:Entity {id: 'bert'})
           WHERE d.id <> 'bert' RETURN count(DISTINCT d) AS n`,
        ),
      );
      expect(entity.paperCount).toBe(
        await count(
          db,
          `MATCH (p:Paper)-[:${MENTION_TYPES}]->(:Entity {id: 'bert'}) RETURN count(DISTINCT p) AS n`,
        ),
      );
    });

    it('finds the datasets used together with an entity, with the shared papers', async () => {
      const { entity } = await data(
        seeded().server,
        '{ entity(name: "BERT") { coUsed(kind: DATASET, first: 5) { count entity { name kind } papers { id } } } }',
      );
      expect(entity.coUsed.length).toBeGreaterThan(0);
      expect(entity.coUsed.length).toBeLessThanOrEqual(5);
      const counts = entity.coUsed.map((c: { count: number }) => c.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      for (const usage of entity.coUsed) {
        expect(usage.entity.kind).toBe('DATASET');
        expect(usage.papers).toHaveLength(usage.count);
      }
    });

    it('finds the models evaluated on a dataset', async () => {
      const { entity } = await data(
        seeded().server,
        `{ entity(name: "ImageNet-1K") { ... on Dataset {
            evaluatedModels(first: 50) { count entity { name kind } papers { id } }
            models: evaluatedModels(kind: MODEL) { entity { kind } } } } }`,
      );
      const names = entity.evaluatedModels.map((m: { entity: { name: string } }) => m.entity.name);
      expect(names).toContain('BEiT');
      for (const model of entity.evaluatedModels) {
        expect(['MODEL', 'METHOD']).toContain(model.entity.kind);
        expect(model.papers).toHaveLength(model.count);
      }
      for (const model of entity.models) expect(model.entity.kind).toBe('MODEL');
    });

    it('refuses evaluatedModels of a kind that is not a model or method', async () => {
      const error = await firstError(
        seeded().server,
        '{ entity(name: "ImageNet-1K") { ... on Dataset { evaluatedModels(kind: TASK) { count } } } }',
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'kind' });
    });

    it.each([
      ['papers', '{ entity(name: "BERT") { papers(first: 101) { totalCount } } }'],
      ['coUsed', '{ entity(name: "BERT") { coUsed(first: 101) { count } } }'],
    ])('limits the page size of %s to 100', async (_, query) => {
      const error = await firstError(seeded().server, query);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    });
  });

  describe('entities(...) pagination', () => {
    const fields = ['NAME', 'PAPER_COUNT', 'DERIVATIVE_COUNT', 'DESCENDANT_COUNT'];
    const orderings = fields.flatMap((field) => [
      [field, 'ASC'],
      [field, 'DESC'],
    ]);
    const countOf: Record<string, keyof EntityNode | undefined> = {
      NAME: undefined,
      PAPER_COUNT: 'paperCount',
      DERIVATIVE_COUNT: 'derivativeCount',
      DESCENDANT_COUNT: 'descendantCount',
    };

    it.each(orderings)(
      'walks every entity exactly once ordered by %s %s',
      async (field, direction) => {
        const { db, server } = seeded();
        const total = await count(db, 'MATCH (e:Entity) RETURN count(e) AS n');
        const { nodes, totalCount } = await walkPages<EntityNode>(
          server,
          ENTITIES,
          { first: 50, orderBy: { field, direction } },
          (d) => d.entities,
        );
        expect(totalCount).toBe(total);
        expect(nodes).toHaveLength(total);
        expect(new Set(nodes.map((n) => n.id)).size).toBe(total);
        const property = countOf[field];
        const keys = property
          ? nodes.map((n) => n[property] as number)
          : nodes.map((n) => n.name.toLowerCase());
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(keys).toEqual(direction === 'ASC' ? sorted : sorted.reverse());
      },
    );

    it('lists one kind at a time', async () => {
      const { db, server } = seeded();
      const { nodes } = await walkPages<EntityNode>(
        server,
        ENTITIES,
        { kind: 'DATASET', first: 40 },
        (d) => d.entities,
      );
      expect(nodes.length).toBe(await count(db, `MATCH (e:Dataset) RETURN count(e) AS n`));
      for (const node of nodes) expect(node.kind).toBe('DATASET');
    });

    it('puts first the model with most descendants', async () => {
      const { entities } = await data(seeded().server, ENTITIES, {
        kind: 'MODEL',
        first: 3,
        orderBy: { field: 'DESCENDANT_COUNT', direction: 'DESC' },
      });
      const most = await count(
        seeded().db,
        `MATCH (m:Model) RETURN max(COUNT { MATCH (d:Entity)-[:${LINEAGE_TYPES}*1..10]->(m)
           WHERE d <> m RETURN DISTINCT d }) AS n`,
      );
      expect(entities.edges[0].node.descendantCount).toBe(most);
    });

    it('refuses a cursor of another ordering', async () => {
      const { entities } = await data(seeded().server, ENTITIES, { first: 1 });
      const error = await firstError(seeded().server, ENTITIES, {
        first: 1,
        after: entities.pageInfo.endCursor,
        orderBy: { field: 'PAPER_COUNT' },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    });
  });

  describe('entities(where:)', () => {
    async function names(where: Record<string, unknown>, kind?: string): Promise<string[]> {
      const { entities } = await data(seeded().server, ENTITIES, { first: 100, where, kind });
      expect(entities.totalCount).toBe(entities.edges.length);
      return entities.edges.map((e: { node: { name: string } }) => e.node.name);
    }

    it('filters by a substring of the name or of an alias, in any case', async () => {
      const found = await names({ nameContains: 'bERt' });
      expect(found).toContain('BERT');
      const expected = await seeded().db.query<{ name: string }>(
        `MATCH (e:Entity) WHERE toLower(e.name) CONTAINS 'bert'
           OR any(a IN e.aliases WHERE toLower(a) CONTAINS 'bert')
         RETURN e.name AS name`,
      );
      expect([...found].sort()).toEqual(expected.map((row) => row.name).sort());
      expect(await names({ nameContains: 'masked autoenc' })).toContain('MAE');
    });

    it('filters by the paper that introduces or mentions the entity', async () => {
      expect(await names({ introducedIn: BEIT_PAPER })).toContain('BEiT');
      const mentioned = await names({ mentionedIn: BEIT_PAPER });
      expect(mentioned).toEqual(expect.arrayContaining(['BEiT', 'BERT', 'ImageNet-1K']));
    });

    it('filters by the dataset papers evaluate on', async () => {
      const found = await names({ evaluatedOn: 'IN-1K' }, 'MODEL');
      expect(found).toContain('BEiT');
    });

    it('filters by an ancestor at any depth', async () => {
      const found = await names({ derivedFrom: 'bert' });
      expect(found).toContain('BEiT');
      expect(found).not.toContain('BERT');
      const expected = await seeded().db.query<{ name: string }>(
        `MATCH (d:Entity)-[:${LINEAGE_TYPES}*1..10]->(:Entity {id: 'bert'}) WHERE d.id <> 'bert'
         RETURN DISTINCT d.name AS name`,
      );
      expect([...found].sort()).toEqual(expected.map((row) => row.name).sort());
    });

    it('combines conditions with the kind', async () => {
      const found = await names({ derivedFrom: 'BERT', nameContains: 'bert' }, 'MODEL');
      const expected = await seeded().db.query<{ name: string }>(
        `MATCH (d:Model)-[:${LINEAGE_TYPES}*1..10]->(:Entity {id: 'bert'})
         WHERE d.id <> 'bert' AND (toLower(d.name) CONTAINS 'bert'
           OR any(a IN d.aliases WHERE toLower(a) CONTAINS 'bert'))
         RETURN DISTINCT d.name AS name`,
      );
      expect([...found].sort()).toEqual(expected.map((row) => row.name).sort());
      expect(await names({ derivedFrom: 'BERT', introducedIn: 'no-such-paper' })).toEqual([]);
    });
  });

  describe('a name shared by entities of two kinds', () => {
    beforeAll(async () => {
      // A made-up dataset also called BERT, mentioned by no paper.
      await seeded().db.write((tx) =>
        tx.run(`CREATE (e:Entity:Dataset {id: 'bert-dataset', name: 'BERT', kind: 'DATASET', aliases: [], aliasText: ''})
                WITH e MATCH (a:Alias {key: 'bert'}) CREATE (a)-[:ALIAS_OF]->(e)`),
      );
    });

    it('picks the one most papers mention, unless a kind is given', async () => {
      const result = await data(
        seeded().server,
        '{ any: entity(name: "bert") { id } dataset: entity(name: "bert", kind: DATASET) { id __typename } }',
      );
      expect(result).toEqual({
        any: { id: 'bert' },
        dataset: { id: 'bert-dataset', __typename: 'Dataset' },
      });
    });
  });
});
