import { GraphBatch } from '../../../src/model';
import { KnownEntity, resolveAgainstGraph } from '../../../src/ingest/resolve/graph-identity';

const mention = (entityId: string, role: 'USES' | 'EVALUATES_ON', confidence: number) => ({
  entityId,
  role,
  evidence: `${entityId} ${confidence}`,
  confidence,
  source: 'EXTRACTED' as const,
});

function batch(): GraphBatch {
  return {
    papers: [
      {
        id: 'p1',
        title: 'P1',
        abstract: 'a',
        authors: [],
        mentions: [
          mention('imagenet', 'EVALUATES_ON', 0.7),
          mention('imagenet-1k', 'EVALUATES_ON', 0.9),
          mention('resnet', 'USES', 0.8),
        ],
      },
    ],
    entities: [
      { id: 'imagenet', name: 'ImageNet', kind: 'DATASET', aliases: ['ImageNet dataset'] },
      { id: 'imagenet-1k', name: 'ImageNet-1K', kind: 'DATASET', aliases: [] },
      { id: 'resnet', name: 'ResNet', kind: 'MODEL', aliases: [] },
    ],
    lineage: [
      {
        childId: 'imagenet',
        parentId: 'imagenet-1k',
        relation: 'VARIANT_OF',
        evidence: 'e',
        paperId: 'p1',
        confidence: 0.5,
        source: 'EXTRACTED',
      },
    ],
    warnings: [],
  };
}

const kept: KnownEntity = {
  id: 'imagenet-1k',
  name: 'ImageNet-1K',
  kind: 'DATASET',
  aliases: ['ImageNet'],
  curated: true,
};

describe('resolving a batch against the graph', () => {
  it('sends a merged name to the kept entity, one link per role, no self-loop', () => {
    const out = resolveAgainstGraph(batch(), {
      byId: new Map([['imagenet-1k', kept]]),
      byKey: new Map([['imagenet', [kept]]]),
    });
    expect(out.papers[0].mentions).toEqual([
      mention('imagenet-1k', 'EVALUATES_ON', 0.9),
      mention('resnet', 'USES', 0.8),
    ]);
    expect(out.lineage).toEqual([]);
    // The curated entity keeps its name and aliases and gains only the new spelling.
    expect(out.entities).toEqual([
      { ...batch().entities[1], aliases: ['ImageNet', 'ImageNet dataset'] },
      batch().entities[2],
    ]);
  });

  it('leaves a curated entity out of the batch when the batch brings no new spelling', () => {
    const input = batch();
    input.entities[0].aliases = [];
    const out = resolveAgainstGraph(input, {
      byId: new Map([['imagenet-1k', kept]]),
      byKey: new Map([['imagenet', [kept]]]),
    });
    expect(out.entities.map((e) => e.id)).toEqual(['resnet']);
  });

  it('keeps a name shared by two graph entities of its kind as a new entity', () => {
    const other = { ...kept, id: 'imagenet-21k', name: 'ImageNet-21K', curated: false };
    const input = batch();
    const out = resolveAgainstGraph(input, {
      byId: new Map(),
      byKey: new Map([['imagenet', [kept, other]]]),
    });
    expect(out).toBe(input);
  });

  it('follows the graph kind for a link role', () => {
    const asModel = { ...kept, kind: 'MODEL' as const };
    const out = resolveAgainstGraph(batch(), {
      byId: new Map([['imagenet-1k', asModel]]),
      byKey: new Map([['imagenet', [asModel]]]),
    });
    expect(out.papers[0].mentions.map((m) => `${m.entityId} ${m.role}`)).toEqual([
      'imagenet-1k USES',
      'resnet USES',
    ]);
  });
});
