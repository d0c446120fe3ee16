import {
  paperSentences,
  splitSentences,
  titleSentence,
} from '../../../src/ingest/extract/sentences';
import { cleanText } from '../../../src/ingest/extract/clean-text';

describe('splitSentences', () => {
  it('splits with wink and keeps token offsets inside each sentence', () => {
    const sentences = splitSentences('We propose Fast-HuBERT. It runs on 8 GPUs, e.g. V100s.');
    expect(sentences.map((s) => s.text)).toEqual([
      'We propose Fast-HuBERT.',
      'It runs on 8 GPUs, e.g. V100s.',
    ]);
    for (const sentence of sentences) {
      for (const token of sentence.tokens) {
        expect(sentence.text.slice(token.start, token.end)).toBe(token.text);
      }
    }
    expect(sentences[0].index).toBe(1);
  });

  it('does not end a sentence inside a version number', () => {
    const sentences = splitSentences('We present Mono-InternVL-1.5, a cheaper model. It is good.');
    expect(sentences).toHaveLength(2);
    expect(sentences[0].tokens.map((t) => t.text)).toContain('1.5');
  });

  it('splits compounds into pieces and records glue', () => {
    const [sentence] = splitSentences('Llama-3-8B beats it.');
    expect(sentence.tokens.slice(0, 5).map((t) => t.text)).toEqual(['Llama', '-', '3', '-', '8B']);
    expect(sentence.tokens[1].ws).toBe(false);
    expect(sentence.tokens[5].ws).toBe(true);
  });

  it('separates names joined by a slash, but not a patch size', () => {
    const [a] = splitSentences('RLHF/DPO and ViT-L/16 differ.');
    const slashes = a.tokens.filter((t) => t.text === '/');
    expect(slashes.map((t) => t.kind)).toEqual(['symbol', 'punct']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('   ')).toEqual([]);
    expect(titleSentence('')).toBeUndefined();
  });
});

describe('paperSentences', () => {
  it('reads the title as sentence 0 and the abstract after it', () => {
    const sentences = paperSentences('Pop Quiz! Do Models Know APIs?', 'We test them. They fail.');
    expect(sentences.map((s) => [s.index, s.isTitle, s.text])).toEqual([
      [0, true, 'Pop Quiz! Do Models Know APIs?'],
      [1, false, 'We test them.'],
      [2, false, 'They fail.'],
    ]);
  });

  it('keeps no line-break token at the end of the title', () => {
    const [title] = paperSentences('Accelerating Pre-training with 2:4 Sparsity', 'Text.');
    expect(title.tokens[title.tokens.length - 1].text).toBe('Sparsity');
  });
});

describe('cleanText', () => {
  it('undoes LaTeX and quote typesetting', () => {
    expect(cleanText("masked language modeling~(MLM) gives 5\\% more ``flip rate''")).toBe(
      'masked language modeling (MLM) gives 5% more "flip rate"',
    );
  });
});
