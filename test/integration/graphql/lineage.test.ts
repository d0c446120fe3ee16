import { data, firstError, useSeededServer } from './seeded-server';

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

describe('lineage', () => {
  const seeded = useSeededServer();

  async function lineage(variables: Record<string, unknown>): Promise<LineageData> {
    return (await data<{ lineage: LineageData }>(seeded().server, LINEAGE, variables)).lineage;
  }

  const names = (edges: Edge[], end: 'child' | 'parent') => new Set(edges.map((e) => e[end].name));

  it('lists BEiT among the descendants of BERT, with its evidence', async () => {
    const result = await lineage({ name: 'BERT', direction: 'DESCENDANTS' });
    expect(result.root).toEqual({ name: 'BERT', __typename: 'Model' });
    const beit = result.edges.filter((e) => e.child.name === 'BEiT' && e.parent.name === 'BERT');
    expect(beit.length).toBeGreaterThan(0);
    for (const edge of beit) {
      expect(edge.evidence).toBeTruthy();
      expect(['EXTRACTED', 'CURATED']).toContain(edge.source);
    }
    // The extractor found BEiT's own sentence: the edge names its paper.
    const fromPaper = beit.find((e) => e.paper);
    expect(fromPaper?.paper?.title).toBe('BEiT: BERT Pre-Training of Image Transformers');
    expect(fromPaper?.evidence).toMatch(/Following BERT/);
  });

  it('goes as deep as maxDepth and no deeper', async () => {
    const one = await lineage({ name: 'BERT', direction: 'DESCENDANTS', maxDepth: 1 });
    const two = await lineage({ name: 'BERT', direction: 'DESCENDANTS', maxDepth: 2 });
    // Every depth-1 edge points at BERT; Bio_ClinicalBERT (from BioBERT) is two steps down.
    expect(names(one.edges, 'parent')).toEqual(new Set(['BERT']));
    expect(names(one.edges, 'child')).not.toContain('Bio_ClinicalBERT');
    expect(names(two.edges, 'child')).toContain('Bio_ClinicalBERT');
    expect(two.edges.length).toBeGreaterThan(one.edges.length);
    const ten = await lineage({ name: 'BERT', direction: 'DESCENDANTS', maxDepth: 10 });
    expect(ten.edges.length).toBeGreaterThanOrEqual(two.edges.length);
  });

  it('walks up to the ancestors: BEiT-3 -> BEiT -> BERT -> Transformer', async () => {
    const result = await lineage({ name: 'beit-3', direction: 'ANCESTORS', maxDepth: 5 });
    expect(result.root.name).toBe('BEiT-3');
    const parents = names(result.edges, 'parent');
    for (const name of ['BEiT', 'BERT', 'Transformer']) expect(parents.has(name)).toBe(true);
    // Nothing below BEiT-3 appears in an ancestors walk.
    expect(names(result.edges, 'parent')).not.toContain('BEiT-3');
    const shallow = await lineage({ name: 'beit-3', direction: 'ANCESTORS', maxDepth: 1 });
    expect([...names(shallow.edges, 'parent')]).toEqual(['BEiT']);
  });

  it('walks both ways by default', async () => {
    const both = await lineage({ name: 'BEiT' });
    const up = await lineage({ name: 'BEiT', direction: 'ANCESTORS' });
    const down = await lineage({ name: 'BEiT', direction: 'DESCENDANTS' });
    expect(both.edges.length).toBe(up.edges.length + down.edges.length);
    expect(names(both.edges, 'parent')).toContain('BERT');
    expect(names(both.edges, 'child')).toContain('BEiT-3');
  });

  it('lists each edge once and every node once, the root first', async () => {
    const result = await lineage({ name: 'Transformer', direction: 'DESCENDANTS', maxDepth: 10 });
    const keys = result.edges.map((e) => `${e.child.name} ${e.relation} ${e.parent.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(result.nodes[0].name).toBe('Transformer');
    const ids = result.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const ends = new Set(result.edges.flatMap((e) => [e.child.name, e.parent.name]));
    expect(new Set(result.nodes.map((n) => n.name))).toEqual(new Set([...ends, 'Transformer']));
  });

  it('follows only the relations asked for', async () => {
    const result = await lineage({
      name: 'BERT',
      direction: 'DESCENDANTS',
      maxDepth: 3,
      relations: ['FINETUNED_FROM'],
    });
    expect(result.edges.length).toBeGreaterThan(0);
    for (const edge of result.edges) expect(edge.relation).toBe('FINETUNED_FROM');
    expect(names(result.edges, 'child')).toEqual(
      new Set(['BioBERT', 'Bio_ClinicalBERT', 'FinBERT']),
    );
  });

  it('answers a root without lineage with no edges, and an unknown name with null', async () => {
    const result = await lineage({
      name: 'ImageNet-1K',
      direction: 'DESCENDANTS',
      maxDepth: 1,
      relations: ['DISTILLED_FROM'],
    });
    expect(result).toMatchObject({
      root: { name: 'ImageNet-1K' },
      edges: [],
      nodes: [{ name: 'ImageNet-1K' }],
    });
    expect(
      (await data(seeded().server, LINEAGE, { name: 'No Such Model 9000' })).lineage,
    ).toBeNull();
  });

  it.each([0, 11, -3])('refuses maxDepth %i as BAD_USER_INPUT', async (maxDepth) => {
    const error = await firstError(seeded().server, LINEAGE, { name: 'BERT', maxDepth });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxDepth' });
    expect(error.message).toMatch(/1 to 10/);
  });
});
