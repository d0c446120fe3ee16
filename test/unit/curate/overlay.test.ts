import { applyOverlay, parseOverlay } from '../../../src/ingest/curate/overlay';
import { GraphBatch, InputError } from '../../../src/model';

const batch = (): GraphBatch => ({
  papers: [
    {
      id: 'p1',
      title: 'ChartAssisstant: A Chart Model',
      abstract: 'We present ChartAssistant. It is evaluated on ChartQA. Pre-training helps.',
      authors: [],
      mentions: [
        {
          entityId: 'chartassisstant',
          role: 'INTRODUCES',
          evidence: 'title',
          confidence: 0.9,
          source: 'EXTRACTED',
        },
        {
          entityId: 'chartassistant',
          role: 'INTRODUCES',
          evidence: 'We present ChartAssistant.',
          confidence: 0.9,
          source: 'EXTRACTED',
        },
        {
          entityId: 'pre-training',
          role: 'USES',
          evidence: 'Pre-training helps.',
          confidence: 0.5,
          source: 'EXTRACTED',
        },
      ],
    },
  ],
  entities: [
    { id: 'chartassisstant', name: 'ChartAssisstant', kind: 'METHOD', aliases: [] },
    { id: 'chartassistant', name: 'ChartAssistant', kind: 'METHOD', aliases: [] },
    { id: 'pre-training', name: 'Pre-training', kind: 'METHOD', aliases: [] },
  ],
  lineage: [],
  warnings: [],
});

const overlay = (json: unknown) => parseOverlay(JSON.stringify(json), 'curation.json');

describe('curation overlay', () => {
  it('names the file and the field of a bad entry', () => {
    expect(() => overlay({ papers: [{ title: 'x', add: [{ name: 'Y' }] }] })).toThrow(
      new InputError(
        'curation.json',
        undefined,
        'papers[0].add[0].role: is required when adding a mention',
      ),
    );
    expect(() => overlay({ entities: [{ name: 'X', kind: 'ALGORITHM' }] })).toThrow(
      /entities\[0\]\.kind: must be one of/,
    );
    expect(() => parseOverlay('{oops', 'c.json')).toThrow(/c\.json: invalid JSON/);
  });

  it('removes non-entities with their links and merges spellings into one entity', () => {
    const result = applyOverlay(
      batch(),
      overlay({
        removeEntities: ['pre-training'],
        merges: [{ keep: 'ChartAssistant', merge: ['ChartAssisstant'] }],
        entities: [{ name: 'ChartAssistant', kind: 'MODEL' }],
      }),
    );
    expect(result.entities).toEqual([
      { id: 'chartassistant', name: 'ChartAssistant', kind: 'MODEL', aliases: ['ChartAssisstant'] },
    ]);
    expect(result.papers[0].mentions.map((m) => `${m.role} ${m.entityId}`)).toEqual([
      'INTRODUCES chartassistant',
    ]);
  });

  it('adds curated mentions with the supporting sentence, and lineage with its paper', () => {
    const result = applyOverlay(
      batch(),
      overlay({
        entities: [{ name: 'ChartQA', kind: 'DATASET' }],
        papers: [
          {
            title: 'ChartAssisstant: A Chart Model',
            add: [{ name: 'ChartQA', role: 'EVALUATES_ON' }],
          },
        ],
        lineage: {
          add: [
            { child: 'ChartAssistant', parent: 'ChartAssisstant', relation: 'VARIANT_OF' },
            {
              child: 'ChartAssistant',
              parent: 'Pre-training',
              relation: 'EXTENDS',
              paper: 'ChartAssisstant: A Chart Model',
            },
          ],
        },
      }),
    );
    const added = result.papers[0].mentions.find((m) => m.entityId === 'chartqa');
    expect(added).toEqual({
      entityId: 'chartqa',
      role: 'EVALUATES_ON',
      evidence: 'It is evaluated on ChartQA.',
      confidence: 1,
      source: 'CURATED',
    });
    expect(result.lineage).toEqual([
      expect.objectContaining({
        childId: 'chartassistant',
        parentId: 'chartassisstant',
        relation: 'VARIANT_OF',
        source: 'CURATED',
      }),
      expect.objectContaining({
        childId: 'chartassistant',
        parentId: 'pre-training',
        paperId: 'p1',
        evidence: 'Pre-training helps.',
      }),
    ]);
  });

  it('skips entries for papers and entities the batch does not hold', () => {
    const before = batch();
    const result = applyOverlay(
      before,
      overlay({
        papers: [{ title: 'Another paper', add: [{ name: 'BERT', kind: 'MODEL', role: 'USES' }] }],
        merges: [{ keep: 'GPT-4', merge: ['GPT4'] }],
        lineage: { remove: [{ child: 'BEiT', parent: 'BERT' }] },
      }),
    );
    expect(result.papers).toEqual(before.papers);
    expect(result.entities).toHaveLength(3);
  });

  it('renames an entity: the old name stays an alias, links and lineage follow the new id', () => {
    const input = batch();
    input.lineage = [
      {
        childId: 'chartassistant',
        parentId: 'pre-training',
        relation: 'EXTENDS',
        evidence: 'x',
        paperId: 'p1',
        confidence: 0.8,
        source: 'EXTRACTED',
      },
    ];
    const result = applyOverlay(
      input,
      overlay({ entities: [{ name: 'ChartAssistant', rename: 'ChartAssistant-13B' }] }),
    );
    const renamed = result.entities.find((e) => e.name === 'ChartAssistant-13B');
    expect(renamed).toMatchObject({ id: 'chartassistant-13b', aliases: ['ChartAssistant'] });
    expect(result.papers[0].mentions.map((m) => m.entityId)).toContain('chartassistant-13b');
    expect(result.lineage[0].childId).toBe('chartassistant-13b');
    expect(() => overlay({ entities: [{ name: 'X', rename: '' }] })).toThrow(
      /entities\[0\]\.rename/,
    );
  });

  it('creates the missing end of a curated lineage edge from the kind an entities entry gives', () => {
    const result = applyOverlay(
      batch(),
      overlay({
        entities: [{ name: 'U-Net', kind: 'METHOD' }],
        lineage: {
          add: [
            {
              child: 'ChartAssistant',
              parent: 'U-Net',
              relation: 'VARIANT_OF',
              paper: 'ChartAssisstant: A Chart Model',
            },
            {
              child: 'ChartAssistant',
              parent: 'Unknown Net',
              relation: 'VARIANT_OF',
              paper: 'ChartAssisstant: A Chart Model',
            },
            {
              child: 'ChartAssistant',
              parent: 'U-Net',
              relation: 'EXTENDS',
              paper: 'Another paper',
            },
          ],
        },
      }),
    );
    expect(result.entities).toContainEqual({
      id: 'u-net',
      name: 'U-Net',
      kind: 'METHOD',
      aliases: [],
    });
    expect(
      result.lineage.map((l) => `${l.childId} ${l.relation} ${l.parentId} ${l.paperId}`),
    ).toEqual(['chartassistant VARIANT_OF u-net p1']);
  });
});
