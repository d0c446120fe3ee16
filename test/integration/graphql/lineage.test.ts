import { Database } from '../../../src/db/database';
import { addCuratedChild, data, firstError, useSeededServer } from './seeded-server';

const LINEAGE = `
  query Lineage($name: String!, $direction: LineageDirection, $maxDepth: Int, $relations: [LineageRelation!]) {
    lineage(name: $name, direction: $direction, maxDepth: $maxDepth, relations: $relations) {
      root { name __typename }
      nodes { id name }
      edges { relation evidence source confidence child { name } parent { name } paper { id title } }
    }
  }`;

interface Edge {
  relation: string;
  evidence: string | null;
  source: string;
  child: { name: string };
  parent: { name: string };
  paper: { id: string; title: string } | null;
}

interface LineageData {
  root: { name: string; __typename: string };
  nodes: Array<{ id: string; name: string }>;
  edges: Edge[];
}

const CHILD = 'Test BEiT Child';
const GRANDCHILD = 'Test BEiT Grandchild';
const LINEAGE_TYPES = 'EXTENDS|VARIANT_OF|FINETUNED_FROM|DISTILLED_FROM|COMBINES|INSPIRED_BY';

// Two curated generations below BEiT: BERT <- BEiT <- child (VARIANT_OF) <- grandchild (FINETUNED_FROM).
async function addFamily(db: Database): Promise<void> {
  const child = await addCuratedChild(db, { name: CHILD, kind: 'MODEL' }, 'VARIANT_OF', 'beit');
  await addCuratedChild(db, { name: GRANDCHILD, kind: 'MODEL' }, 'FINETUNED_FROM', child);
}

describe('lineage', () => {
  const seeded = useSeededServer(addFamily);

  async function lineage(variables: Record<string, unknown>): Promise<LineageData> {
    return (await data<{ lineage: LineageData }>(seeded().server, LINEAGE, variables)).lineage;
  }

  const names = (edges: Edge[], end: 'child' | 'parent') => new Set(edges.map((e) => e[end].name));
  const edgeKeys = (edges: Edge[]) =>
    edges.map((e) => `${e.child.name} ${e.relation} ${e.parent.name}`).sort();

  it('lists BEiT among the descendants of BERT, with its evidence', async () => {
    const result = await lineage({ name: 'BERT', direction: 'DESCENDANTS' });
    expect(result.root).toEqual({ name: 'BERT', __typename: 'Model' });
    const beit = result.edges.filter((e) => e.child.name === 'BEiT' && e.parent.name === 'BERT');
    expect(beit.length).toBeGreaterThan(0);
    for (const edge of beit) {
      expect(edge.evidence).toBeTruthy();
      expect(['EXTRACTED', 'CURATED']).toContain(edge.source);
    }
    // The extractor found BEiT's own sentence: that edge names its paper.
    const fromPaper = beit.find((e) => e.paper);
    expect(fromPaper?.paper?.title).toBe('BEiT: BERT Pre-Training of Image Transformers');
    expect(fromPaper?.evidence).toMatch(/BERT/);
  });

  it('goes as deep as maxDepth and no deeper', async () => {
    const [one, two, three] = await Promise.all(
      [1, 2, 3].map((maxDepth) => lineage({ name: 'BERT', direction: 'DESCENDANTS', maxDepth })),
    );
    expect(names(one.edges, 'parent')).toEqual(new Set(['BERT']));
    expect(names(one.edges, 'child')).toContain('BEiT');
    expect(names(one.edges, 'child')).not.toContain(CHILD);
    expect(names(two.edges, 'child')).toContain(CHILD);
    expect(names(two.edges, 'child')).not.toContain(GRANDCHILD);
    expect(names(three.edges, 'child')).toContain(GRANDCHILD);
    // Each deeper walk holds the shallower one.
    expect(edgeKeys(two.edges)).toEqual(expect.arrayContaining(edgeKeys(one.edges)));
    expect(edgeKeys(three.edges)).toEqual(expect.arrayContaining(edgeKeys(two.edges)));
  });

  it('matches the relationships on paths of at most maxDepth, counted by an independent query', async () => {
    for (const maxDepth of [1, 2, 3, 10]) {
      const result = await lineage({ name: 'BERT', direction: 'DESCENDANTS', maxDepth });
      const rows = await seeded().db.query<{ key: string }>(
        `MATCH (c:Entity)-[r:${LINEAGE_TYPES}]->(p:Entity)
         WHERE p.id = 'bert' OR EXISTS {
           MATCH path = (p)-[:${LINEAGE_TYPES}*1..10]->(:Entity {id: 'bert'})
           WHERE length(path) < $maxDepth AND NOT r IN relationships(path)
         }
         RETURN DISTINCT c.name + ' ' + type(r) + ' ' + p.name AS key`,
        { maxDepth },
      );
      expect(edgeKeys(result.edges)).toEqual(rows.map((row) => row.key).sort());
    }
  });

  it('walks up to the ancestors: grandchild -> child -> BEiT -> BERT', async () => {
    const result = await lineage({
      name: GRANDCHILD.toLowerCase(),
      direction: 'ANCESTORS',
      maxDepth: 5,
    });
    expect(result.root.name).toBe(GRANDCHILD);
    const parents = names(result.edges, 'parent');
    for (const name of [CHILD, 'BEiT', 'BERT']) expect(parents.has(name)).toBe(true);
    // An ancestors walk never goes back down.
    expect(parents).not.toContain(GRANDCHILD);
    const shallow = await lineage({ name: GRANDCHILD, direction: 'ANCESTORS', maxDepth: 1 });
    expect(shallow.edges.map((e) => `${e.child.name} ${e.relation} ${e.parent.name}`)).toEqual([
      `${GRANDCHILD} FINETUNED_FROM ${CHILD}`,
    ]);
  });

  it('walks both ways by default', async () => {
    const both = await lineage({ name: 'BEiT' });
    const up = await lineage({ name: 'BEiT', direction: 'ANCESTORS' });
    const down = await lineage({ name: 'BEiT', direction: 'DESCENDANTS' });
    expect(edgeKeys(both.edges)).toEqual([...edgeKeys(up.edges), ...edgeKeys(down.edges)].sort());
    expect(names(both.edges, 'parent')).toContain('BERT');
    expect(names(both.edges, 'child')).toContain(GRANDCHILD);
  });

  it('lists each edge once and every node once, the root first', async () => {
    const result = await lineage({ name: 'BERT', maxDepth: 10 });
    const keys = edgeKeys(result.edges);
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.nodes[0].name).toBe('BERT');
    const ids = result.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const ends = new Set(result.edges.flatMap((e) => [e.child.name, e.parent.name]));
    expect(new Set(result.nodes.map((n) => n.name))).toEqual(new Set([...ends, 'BERT']));
  });

  it('follows only the relations asked for', async () => {
    const fineTuned = await lineage({
      name: GRANDCHILD,
      direction: 'ANCESTORS',
      maxDepth: 5,
      relations: ['FINETUNED_FROM'],
    });
    // The child's VARIANT_OF edge to BEiT is not followed.
    expect(edgeKeys(fineTuned.edges)).toEqual([`${GRANDCHILD} FINETUNED_FROM ${CHILD}`]);
    const variants = await lineage({
      name: 'BERT',
      direction: 'DESCENDANTS',
      maxDepth: 5,
      relations: ['VARIANT_OF'],
    });
    for (const edge of variants.edges) expect(edge.relation).toBe('VARIANT_OF');
    expect(names(variants.edges, 'child')).not.toContain(GRANDCHILD);
  });

  it('answers a root without lineage with no edges, and an unknown name with null', async () => {
    const leaf = await lineage({ name: GRANDCHILD, direction: 'DESCENDANTS', maxDepth: 10 });
    expect(leaf).toMatchObject({
      root: { name: GRANDCHILD },
      edges: [],
      nodes: [{ name: GRANDCHILD }],
    });
    expect(
      (await data(seeded().server, LINEAGE, { name: 'No Such Model 9000' })).lineage,
    ).toBeNull();
  });

  it('fetches entity and edge details only when asked, and the same ones either way', async () => {
    const lean = `query { lineage(name: "BERT", direction: DESCENDANTS, maxDepth: 3) {
      edges { relation child { id name kind } parent { id } } } }`;
    const detailed = `query { lineage(name: "BERT", direction: DESCENDANTS, maxDepth: 3) {
      edges { relation evidence source confidence
        child { id name kind ... on Model { aliases } } parent { id description } } } }`;
    type Row = {
      relation: string;
      evidence?: string | null;
      child: { id: string; aliases?: string[] };
      parent: { id: string; description?: string | null };
    };
    const leanEdges = (await data<{ lineage: { edges: Row[] } }>(seeded().server, lean)).lineage
      .edges;
    const fullEdges = (await data<{ lineage: { edges: Row[] } }>(seeded().server, detailed)).lineage
      .edges;
    expect(leanEdges.length).toBeGreaterThan(5);
    expect(fullEdges.map((e) => [e.child.id, e.relation, e.parent.id])).toEqual(
      leanEdges.map((e) => [e.child.id, e.relation, e.parent.id]),
    );
    expect(Object.keys(leanEdges[0]).sort()).toEqual(['child', 'parent', 'relation']);
    // Details asked through a fragment arrive as the graph holds them.
    const beit = fullEdges.find((e) => e.child.id === 'beit' && e.parent.id === 'bert');
    expect(beit?.evidence).toBeTruthy();
    const models = fullEdges.filter((e) => 'aliases' in e.child);
    expect(models.length).toBeGreaterThan(0);
    for (const edge of models) expect(Array.isArray(edge.child.aliases)).toBe(true);
    for (const edge of fullEdges) expect(edge.parent).toHaveProperty('description');
  });

  it.each([0, 11, -3])('refuses maxDepth %i as BAD_USER_INPUT', async (maxDepth) => {
    const error = await firstError(seeded().server, LINEAGE, { name: 'BERT', maxDepth });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxDepth' });
    expect(error.message).toMatch(/1 to 10/);
  });
});
