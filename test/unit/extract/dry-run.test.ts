import { toDryRunJson } from '../../../src/ingest/dry-run';
import { GraphBatch } from '../../../src/model';

describe('toDryRunJson', () => {
  it('names entities canonically, keeps the documented fields and shows every edge the graph gets', () => {
    const batch: GraphBatch = {
      papers: [
        {
          id: 'p',
          title: 'BEiT: BERT Pre-Training of Image Transformers',
          abstract: '...',
          authors: [],
          mentions: [
            {
              entityId: 'beit',
              role: 'INTRODUCES',
              evidence: 'We introduce BEiT.',
              confidence: 0.9,
              source: 'EXTRACTED',
            },
          ],
        },
      ],
      entities: [
        { id: 'beit', name: 'BEiT', kind: 'MODEL', aliases: [] },
        { id: 'bert', name: 'BERT', kind: 'MODEL', aliases: [], description: 'd' },
      ],
      lineage: [
        {
          childId: 'beit',
          parentId: 'bert',
          relation: 'EXTENDS',
          evidence: 'lexicon',
          confidence: 1,
          source: 'CURATED',
        },
      ],
      warnings: [],
    };
    expect(toDryRunJson(batch)).toEqual({
      papers: [
        {
          title: 'BEiT: BERT Pre-Training of Image Transformers',
          mentions: [
            { name: 'BEiT', kind: 'MODEL', role: 'INTRODUCES', evidence: 'We introduce BEiT.' },
          ],
        },
      ],
      lineage: [{ child: 'BEiT', parent: 'BERT', relation: 'EXTENDS', evidence: 'lexicon' }],
    });
  });

  it('lists one edge per child, parent and relation: the one the loader keeps', () => {
    const edge = (paperId: string, confidence: number, source: 'EXTRACTED' | 'CURATED') => ({
      childId: 'beit',
      parentId: 'bert',
      relation: 'EXTENDS' as const,
      evidence: `from ${paperId}`,
      paperId,
      confidence,
      source,
    });
    const batch: GraphBatch = {
      papers: [],
      entities: [
        { id: 'beit', name: 'BEiT', kind: 'MODEL', aliases: [] },
        { id: 'bert', name: 'BERT', kind: 'MODEL', aliases: [] },
      ],
      lineage: [
        edge('p1', 0.8, 'EXTRACTED'),
        edge('p2', 0.9, 'EXTRACTED'),
        { ...edge('p3', 0.7, 'EXTRACTED'), relation: 'INSPIRED_BY' },
      ],
      warnings: [],
    };
    expect(toDryRunJson(batch).lineage.map((l) => `${l.relation} ${l.evidence}`)).toEqual([
      'EXTENDS from p2',
      'INSPIRED_BY from p3',
    ]);
    batch.lineage.push(edge('p4', 0.5, 'CURATED'));
    expect(toDryRunJson(batch).lineage.map((l) => l.evidence)).toEqual(['from p4', 'from p3']);
  });

  it('refuses a batch that names an unknown entity', () => {
    const batch: GraphBatch = {
      papers: [],
      entities: [],
      lineage: [
        {
          childId: 'a',
          parentId: 'b',
          relation: 'EXTENDS',
          evidence: 'x',
          confidence: 1,
          source: 'EXTRACTED',
        },
      ],
      warnings: [],
    };
    expect(() => toDryRunJson(batch)).toThrow('unknown entity "a"');
  });
});
