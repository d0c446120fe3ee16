import { extractPapers } from '../../../src/ingest/pipeline';
import { nearDuplicate } from '../../../src/ingest/extract/paper-extractor';
import { buildLexicon } from '../../../src/ingest/resolve/lexicon';
import { fixtureLexicon, record } from '../extract/support';

const entitiesOf = (...abstracts: Array<[string, string]>) =>
  extractPapers(
    abstracts.map(([title, abstract], i) => record(title, abstract, i + 1)),
    { lexicon: fixtureLexicon() },
  );

describe('one node per entity', () => {
  it('merges a discovered name across papers and across spellings', () => {
    const batch = entitiesOf(
      ['Orca Runs', 'We propose OrcaNet, a detector. OrcaNet beats DETR.'],
      ['Orca Again', 'We compare our model with OrcaNet and Orcanet variants on COCO.'],
    );
    const orca = batch.entities.filter((e) => e.name.toLowerCase() === 'orcanet');
    expect(orca).toHaveLength(1);
    expect(
      batch.papers.map((p) =>
        p.mentions.filter((m) => m.entityId === orca[0].id).map((m) => m.role),
      ),
    ).toEqual([['INTRODUCES'], ['COMPARES_WITH']]);
  });

  it('makes an acronym and its expansion one entity, named by the lexicon when it knows them', () => {
    const batch = entitiesOf([
      'Masking Again',
      'We revisit Masked Language Modeling (MLM). MLM is simple, and masked language modeling scales.',
    ]);
    const mlm = batch.entities.filter((e) => e.id === 'masked-language-modeling');
    expect(mlm).toHaveLength(1);
    expect(
      batch.papers[0].mentions.filter((m) => m.entityId === 'masked-language-modeling'),
    ).toHaveLength(1);
  });

  it('keeps two expansions of one acronym apart', () => {
    const batch = entitiesOf(
      [
        'Tokens',
        'We propose Extended Token Classification (ETC), a pre-training task. ETC helps. ETC works.',
      ],
      [
        'Caches',
        'We propose Elastic Tensor Caching (ETC), a serving method. ETC is fast. ETC scales.',
      ],
    );
    const names = batch.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['ETC', 'Elastic Tensor Caching']));
    const ids = batch.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [first, second] = batch.papers.map(
      (p) => p.mentions.find((m) => m.role === 'INTRODUCES')!.entityId,
    );
    expect(first).not.toBe(second);
  });

  it('resolves a paper definition that contradicts the lexicon to a new entity', () => {
    const lexicon = buildLexicon([
      { name: 'Masked Language Modeling', kind: 'METHOD', aliases: ['MLM'] },
    ]);
    const batch = extractPapers(
      [
        record(
          'Layers',
          'We propose Multi-Layer Mixing (MLM), a fusion method. MLM is cheap. MLM is good.',
        ),
      ],
      { lexicon },
    );
    expect(batch.entities.map((e) => e.name)).not.toContain('Masked Language Modeling');
  });

  it('takes the lexicon description and aliases, and adds the surface forms seen', () => {
    const batch = entitiesOf([
      'Pixels',
      'We train Masked Autoencoders and MAEs with ViT on ImageNet.',
    ]);
    const mae = batch.entities.find((e) => e.id === 'mae');
    expect(mae).toMatchObject({ name: 'MAE', kind: 'METHOD' });
    expect(mae?.aliases).toContain('Masked Autoencoder');
    const bert = extractPapers([record('B', 'BERT is used.')], {
      lexicon: fixtureLexicon(),
    }).entities.find((e) => e.id === 'bert');
    expect(bert?.description).toBe('Bidirectional Transformer encoder.');
  });
});

describe('nearDuplicate', () => {
  it('accepts one or two edits in long coined names only', () => {
    expect(nearDuplicate('ChartAssisstant', 'ChartAssistant')).toBe(true);
    expect(nearDuplicate('SpectraFomer', 'SpectraFormer')).toBe(true);
    expect(nearDuplicate('DocMamba', 'DocMambo')).toBe(true);
    expect(nearDuplicate('NTU60Net', 'NTU90Net')).toBe(false);
    expect(nearDuplicate('HuBERT', 'HuBERTa')).toBe(false);
    expect(nearDuplicate('VideoMAE', 'ImageMAE')).toBe(false);
    expect(nearDuplicate('LongVILA', 'LongViLA2')).toBe(false);
  });
});
