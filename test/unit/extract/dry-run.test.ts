import { toDryRunJson } from '../../../src/ingest/dry-run';
import { GraphBatch } from '../../../src/model';

describe('toDryRunJson', () => {
  it('names entities canonically, keeps the documented fields and shows curated edges on request', () => {
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
      lineage: [],
    });
    expect(toDryRunJson(batch, { includeCurated: true }).lineage).toEqual([
      { child: 'BEiT', parent: 'BERT', relation: 'EXTENDS', evidence: 'lexicon' },
    ]);
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
