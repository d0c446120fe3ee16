import { LINEAGE_RELATIONS, LINK_ROLES } from '../../../src/model';
import { data, firstError, useSeededServer } from './seeded-server';

const PATH = `
  query Path($from: String!, $to: String!, $maxLength: Int) {
    path(from: $from, to: $to, maxLength: $maxLength) {
      relation direction evidence
      node {
        __typename
        ... on Paper { id title }
        ... on Entity { id name kind }
      }
    }
  }`;

interface Step {
  relation: string | null;
  direction: 'OUTGOING' | 'INCOMING' | null;
  evidence: string | null;
  node: { __typename: string; id: string; title?: string; name?: string };
}

const NODE_TYPES = ['Paper', 'Method', 'Model', 'Dataset', 'Task'];

describe('path', () => {
  const seeded = useSeededServer();

  async function path(variables: Record<string, unknown>): Promise<Step[] | null> {
    return (await data<{ path: Step[] | null }>(seeded().server, PATH, variables)).path;
  }

  /** Each step's relationship exists in the graph, in the direction the step says. */
  async function expectRealSteps(steps: Step[]): Promise<void> {
    for (let i = 0; i < steps.length - 1; i += 1) {
      const [from, to] =
        steps[i].direction === 'OUTGOING' ? [steps[i], steps[i + 1]] : [steps[i + 1], steps[i]];
      const rows = await seeded().db.query(
        `MATCH (a {id: $a})-[r]->(b {id: $b}) WHERE type(r) = $type AND (a:Paper OR a:Entity) RETURN 1`,
        { a: from.node.id, b: to.node.id, type: steps[i].relation },
      );
      expect(rows.length).toBeGreaterThan(0);
    }
  }

  it('finds a path from BERT to ImageNet-1K', async () => {
    const steps = await path({ from: 'BERT', to: 'ImageNet-1K' });
    expect(steps).not.toBeNull();
    expect(steps![0].node).toMatchObject({ __typename: 'Model', name: 'BERT' });
    expect(steps![steps!.length - 1].node).toMatchObject({
      __typename: 'Dataset',
      name: 'ImageNet-1K',
    });
    expect(steps!.length).toBeLessThanOrEqual(7);
    for (const step of steps!.slice(0, -1)) {
      expect(step.relation).toBeTruthy();
      expect(['OUTGOING', 'INCOMING']).toContain(step.direction);
    }
    expect(steps![steps!.length - 1]).toMatchObject({ relation: null, direction: null });
    for (const step of steps!) expect(NODE_TYPES).toContain(step.node.__typename);
    await expectRealSteps(steps!);
  });

  it('takes aliases, paper ids and paper titles as endpoints', async () => {
    const byAlias = await path({
      from: 'bidirectional encoder representations from transformers',
      to: 'in-1k',
    });
    expect(byAlias?.map((s) => s.node.id)).toEqual(
      (await path({ from: 'BERT', to: 'ImageNet-1K' }))?.map((s) => s.node.id),
    );
    const paper = await path({
      from: 'aligndet-aligning-pre-training-and-fine-tuning-in-object-detection',
      to: 'DETR',
    });
    expect(paper?.[0].node.__typename).toBe('Paper');
    expect(paper).toHaveLength(2);
    expect(paper?.[0].direction).toBe('OUTGOING');
    expect(LINK_ROLES).toContain(paper?.[0].relation);
    await expectRealSteps(paper!);
    const byTitle = await path({
      from: 'BEiT: BERT pre-training of image transformers',
      to: 'BERT',
      maxLength: 1,
    });
    expect(byTitle?.map((s) => s.node.__typename)).toEqual(['Paper', 'Model']);
  });

  it('follows lineage edges with their direction', async () => {
    const steps = await path({ from: 'BEiT', to: 'BERT', maxLength: 1 });
    expect(steps).toHaveLength(2);
    expect(LINEAGE_RELATIONS).toContain(steps![0].relation);
    expect(steps![0].direction).toBe('OUTGOING');
    const back = await path({ from: 'BERT', to: 'BEiT', maxLength: 1 });
    expect(LINEAGE_RELATIONS).toContain(back![0].relation);
    expect(back![0].direction).toBe('INCOMING');
    await expectRealSteps(steps!);
    await expectRealSteps(back!);
  });

  it('is one step from a node to itself', async () => {
    const steps = await path({ from: 'BERT', to: 'bert' });
    expect(steps).toEqual([
      {
        relation: null,
        direction: null,
        evidence: null,
        node: expect.objectContaining({ name: 'BERT' }),
      },
    ]);
  });

  it('is null for an unknown endpoint, or when no path is short enough', async () => {
    expect(await path({ from: 'BERT', to: 'No Such Dataset 9000' })).toBeNull();
    expect(await path({ from: 'BERT', to: 'ImageNet-1K', maxLength: 1 })).toBeNull();
  });

  it('never walks through aliases, tombstones or bookkeeping nodes', async () => {
    // Two entities linked only through a shared Alias node and a REMOVED tombstone.
    await seeded().db.write((tx) =>
      tx.run(`CREATE (a:Entity:Method {id: 'island-a', name: 'Island A', kind: 'METHOD', aliases: [], aliasText: ''}),
                     (b:Entity:Method {id: 'island-b', name: 'Island B', kind: 'METHOD', aliases: [], aliasText: ''}),
                     (p:Paper {id: 'island-paper', title: 'Island Paper', abstract: '', authors: []}),
                     (x:Alias {key: 'islanda'})-[:ALIAS_OF]->(a), (x)-[:ALIAS_OF]->(b),
                     (:Alias {key: 'islandb'})-[:ALIAS_OF]->(b),
                     (p)-[:REMOVED {role: 'USES'}]->(a), (p)-[:REMOVED {role: 'USES'}]->(b)`),
    );
    expect(await path({ from: 'island-b', to: 'island-paper', maxLength: 10 })).toBeNull();
    expect(await path({ from: 'Island B', to: 'BERT', maxLength: 10 })).toBeNull();
  });

  it.each([0, 11])('refuses maxLength %i as BAD_USER_INPUT', async (maxLength) => {
    const error = await firstError(seeded().server, PATH, { from: 'BERT', to: 'MAE', maxLength });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxLength' });
  });

  it('refuses an empty endpoint', async () => {
    const error = await firstError(seeded().server, PATH, { from: '  ', to: 'MAE' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});
