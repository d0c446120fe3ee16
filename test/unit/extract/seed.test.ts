import * as fs from 'fs';
import { DryRunJson, toDryRunJson } from '../../../src/ingest/dry-run';
import { extractPapers } from '../../../src/ingest/pipeline';
import { loadLexicon, Lexicon } from '../../../src/ingest/resolve/lexicon';
import { GraphBatch } from '../../../src/model';
import { fixtureLexicon, SEED_LEXICON, seedRecords } from './support';

/**
 * Checks on the seed corpus (seeds/hf-papers-pretraining.txt), once with the small test lexicon
 * (so that the rules, not the curated lexicon, are tested) and once with seeds/lexicon.json when
 * it is there.
 */
const lexicons: Array<[string, () => Lexicon]> = [['the test lexicon', fixtureLexicon]];
if (fs.existsSync(SEED_LEXICON))
  lexicons.push(['seeds/lexicon.json', () => loadLexicon(SEED_LEXICON)]);

describe.each(lexicons)('seed corpus with %s', (_, lexicon) => {
  let batch: GraphBatch;
  let dry: DryRunJson;

  beforeAll(() => {
    batch = extractPapers(seedRecords(), { lexicon: lexicon() });
    dry = toDryRunJson(batch);
  });

  const paper = (titleStart: string) => {
    const found = dry.papers.find((p) => p.title.startsWith(titleStart));
    if (!found) throw new Error(`no paper "${titleStart}"`);
    return found.mentions.map((m) => `${m.role} ${m.name}`);
  };

  it('reads all 119 papers', () => {
    expect(batch.papers).toHaveLength(119);
  });

  it('BEiT: introduces BEiT, inspired by BERT, evaluated on ImageNet-1K', () => {
    expect(paper('BEiT: BERT Pre-Training')).toEqual(
      expect.arrayContaining(['INTRODUCES BEiT', 'EVALUATES_ON ImageNet-1K']),
    );
    const parents = dry.lineage.filter((l) => l.child === 'BEiT').map((l) => l.parent);
    expect(parents).toContain('BERT');
  });

  it('AlignDet: compared with FCOS, RetinaNet, Faster R-CNN and DETR', () => {
    expect(paper('AlignDet:')).toEqual(
      expect.arrayContaining([
        'INTRODUCES AlignDet',
        'COMPARES_WITH FCOS',
        'COMPARES_WITH RetinaNet',
        'COMPARES_WITH Faster R-CNN',
        'COMPARES_WITH DETR',
      ]),
    );
  });

  it('ChartAssistant: one entity with both spellings', () => {
    const chart = batch.entities.filter((e) => e.name.startsWith('ChartAssi'));
    expect(chart).toHaveLength(1);
    expect(chart[0].name).toBe('ChartAssistant');
    expect(chart[0].aliases).toContain('ChartAssisstant');
    expect(paper('ChartAssisstant:')).toContain('INTRODUCES ChartAssistant');
  });

  it('"Masked Autoencoders" resolves to MAE', () => {
    expect(paper('VideoMAE:')).toContain('USES MAE');
    expect(paper('Revisiting MAE pre-training')).toContain('USES MAE');
    expect(batch.entities.filter((e) => /masked auto/i.test(e.name))).toEqual([]);
  });

  it('never makes vague phrases entities', () => {
    const vague =
      /^(pre-?training|pre-?trained|large language models?|llms?|language models?|deep learning|state-of-the-art|sota|nlp|natural language processing|ai|gpu|api|qa|url)$/i;
    expect(
      batch.entities.filter((e) => vague.test(e.name) || e.aliases.some((a) => vague.test(a))),
    ).toEqual([]);
  });

  it('introduces the named contribution of papers whose title starts with its name', () => {
    for (const [title, name] of [
      ['BLSP:', 'BLSP'],
      ['PolyPythias:', 'PolyPythias'],
      ['W2v-BERT:', 'w2v-BERT'],
      ['Fast-HuBERT:', 'Fast-HuBERT'],
      ['LongVILA:', 'LongVILA'],
      ['Kwai Keye-VL Technical Report', 'Kwai Keye-VL'],
      ['InternLM2 Technical Report', 'InternLM2'],
    ]) {
      expect(paper(title)).toContain(`INTRODUCES ${name}`);
    }
  });

  it('derives Fast-HuBERT from HuBERT and LongVILA from VILA', () => {
    const edges = dry.lineage.map((l) => `${l.child}>${l.parent}`);
    expect(edges).toEqual(expect.arrayContaining(['Fast-HuBERT>HuBERT', 'LongVILA>VILA']));
  });
});
