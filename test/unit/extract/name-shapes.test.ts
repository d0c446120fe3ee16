import { hasSizeSuffix, nameShape, stripSize } from '../../../src/ingest/extract/name-shapes';

describe('nameShape', () => {
  it.each([
    ['ChartAssistant', 'strong'],
    ['HuBERT', 'strong'],
    ['Fast-HuBERT', 'strong'],
    ['MiniGPT-4', 'strong'],
    ['CPM-2', 'strong'],
    ['Z-Code++', 'strong'],
    ['EViP++', 'strong'],
    ['w2v-BERT', 'strong'],
    ['LUPerson-T', 'strong'],
    ['HowTo100M', 'strong'],
    ['timesNet', 'strong'],
    ['FCOS', 'acronym'],
    ['Moshi', 'weak'],
    ['Kinetics-400', 'weak'],
    ['vq-wav2vec', 'weak'],
    ['LLM-based', 'none'],
    ['image-QA', 'none'],
    ['Go-with-the-Flow', 'none'],
    ['Pre-Training', 'none'],
    ['E-commerce', 'none'],
    ['3D', 'none'],
    ['16x16', 'none'],
    ['pre-training', 'none'],
    ['e.g.', 'none'],
    ['Kwai Keye-VL', 'strong'],
  ])('%s is %s', (surface, shape) => {
    expect(nameShape(surface)).toBe(shape);
  });
});

describe('sizes and versions', () => {
  it('strips sizes and flavours of one model', () => {
    expect(stripSize('CodeFuse-13B')).toBe('CodeFuse');
    expect(stripSize('BERT_BASE')).toBe('BERT');
    expect(stripSize('CodeT5-small')).toBe('CodeT5');
    expect(stripSize('WavLM Large')).toBe('WavLM');
    expect(stripSize('ViT-L/16')).toBe('ViT');
    expect(stripSize('Llama-3-8B')).toBe('Llama-3');
    expect(stripSize('Adam-mini')).toBe('Adam-mini');
    expect(hasSizeSuffix('GPT3-175B')).toBe(true);
    expect(hasSizeSuffix('Hunyuan-MT')).toBe(false);
  });
});
