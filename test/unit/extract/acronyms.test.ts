import { findAcronymDefinitions, shortFormStart } from '../../../src/ingest/extract/acronyms';
import { splitSentences } from '../../../src/ingest/extract/sentences';

const defs = (text: string): Array<[string, string]> =>
  splitSentences(text).flatMap((s) =>
    findAcronymDefinitions(s).map((d): [string, string] => [d.shortText, d.longText]),
  );

describe('findAcronymDefinitions', () => {
  it('finds "long form (SF)" with the shortest matching expansion', () => {
    expect(defs('The Masked Language Modeling (MLM) is a major sub-task.')).toEqual([
      ['MLM', 'Masked Language Modeling'],
    ]);
    expect(defs('we propose adding condition embedding perturbations (CEP) to training.')).toEqual([
      ['CEP', 'condition embedding perturbations'],
    ]);
  });

  it('handles hyphenated, mixed-case and two-word short forms', () => {
    expect(defs('We introduce the Prompt-Transformer (P-Former), a model.')).toEqual([
      ['P-Former', 'Prompt-Transformer'],
    ]);
    expect(defs('a modality-aware mixture-of-experts (MoE) architecture')).toEqual([
      ['MoE', 'mixture-of-experts'],
    ]);
    expect(
      defs(
        'a novel Conditional Online Reinforcement Learning from Human Feedback (COOL RLHF) strategy',
      ),
    ).toEqual([['COOL RLHF', 'Conditional Online Reinforcement Learning from Human Feedback']]);
  });

  it('finds "SF (long form)" and "SF, which stands for long form"', () => {
    expect(
      defs('We introduce GODEL (Grounded Open Dialogue Language Model), a large model.'),
    ).toEqual([['GODEL', 'Grounded Open Dialogue Language Model']]);
    expect(defs('We build ZETA, which stands for Zero-shot Entity Tagging Architecture.')).toEqual([
      ['ZETA', 'Zero-shot Entity Tagging Architecture'],
    ]);
  });

  it('ignores parentheses that are not definitions', () => {
    expect(defs('a robust image-to-text baseline (BLIP-2), and 45 runs (81.8%).')).toEqual([]);
    expect(defs('accuracy (see Figure 1) improves')).toEqual([]);
  });
});

describe('shortFormStart', () => {
  it('requires the first letter at a word start', () => {
    expect(shortFormStart('ROPIM', 'Random Orthogonal Projection Image Modeling')).toBe(0);
    expect(shortFormStart('XYZ', 'masked language modeling')).toBe(-1);
  });
});
