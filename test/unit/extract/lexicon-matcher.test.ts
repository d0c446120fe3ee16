import { lexiconMatchAt } from '../../../src/ingest/extract/lexicon-matcher';
import { splitSentences } from '../../../src/ingest/extract/sentences';
import { buildLexicon } from '../../../src/ingest/resolve/lexicon';

const lexicon = buildLexicon([
  { name: 'BERT', kind: 'MODEL' },
  { name: 'HuBERT', kind: 'MODEL' },
  { name: 'LLaMA', kind: 'MODEL' },
  { name: 'ImageNet', kind: 'DATASET' },
  { name: 'MAE', kind: 'METHOD', aliases: ['Masked Autoencoder'] },
  { name: 'Faster R-CNN', kind: 'MODEL' },
  { name: 'CASE', kind: 'METHOD' },
  { name: 'Pre-training', kind: 'METHOD' },
  { name: 'Large Language Model', kind: 'MODEL', aliases: ['LLM'] },
  { name: 'Masked Language Modeling', kind: 'METHOD', aliases: ['MLM'] },
]);

/** Every lexicon match of a sentence, as "surface=Entry". */
function matches(text: string): string[] {
  const found: string[] = [];
  for (const sentence of splitSentences(text)) {
    for (let i = 0; i < sentence.tokens.length; i++) {
      const match = lexiconMatchAt(lexicon, sentence, i);
      if (!match) continue;
      const surface = sentence.text.slice(
        sentence.tokens[match.start].start,
        sentence.tokens[match.end - 1].end,
      );
      found.push(`${surface}=${match.value.name}${match.affix ? ` +${match.affix}` : ''}`);
      i = (match.chunkEnd ?? match.end) - 1;
    }
  }
  return found;
}

describe('lexicon matching', () => {
  it('matches names across case, hyphen, space and plural variants', () => {
    expect(matches('Masked Autoencoders and masked auto-encoder beat Faster RCNN.')).toEqual([
      'Masked Autoencoders=MAE',
      'masked auto-encoder=MAE',
      'Faster RCNN=Faster R-CNN',
    ]);
  });

  it('matches short all-caps names only in capitals', () => {
    expect(matches('In this case, CASE helps.')).toEqual(['CASE=CASE']);
    expect(matches('mae and MAEs')).toEqual(['MAEs=MAE']);
  });

  it('keeps a match before a descriptive suffix, and a model before its size', () => {
    expect(matches('BERT-based encoders and LLaMA-70B and BERT_BASE')).toEqual([
      'BERT=BERT +-based',
      'LLaMA=LLaMA +-70B',
      'BERT=BERT +_BASE',
    ]);
  });

  it('does not find a name inside another name', () => {
    expect(matches('Fast-HuBERT and ImageNet-1K and UmlsBERT')).toEqual([]);
    expect(matches('HuBERT')).toEqual(['HuBERT=HuBERT']);
  });

  it('never matches vague lexicon forms', () => {
    expect(matches('Pre-training large language models (LLMs) with MLM')).toEqual([
      'MLM=Masked Language Modeling',
    ]);
  });
});
