import { findNameCues, titleNameCue } from '../../../src/ingest/extract/cue-phrases';
import { splitSentences, titleSentence } from '../../../src/ingest/extract/sentences';

const cues = (text: string): string[] =>
  splitSentences(text).flatMap((s) =>
    findNameCues(s).map(
      (c) =>
        `${c.introduces ? 'new' : 'named'} ${c.phrase.text}${c.kindHint ? ` (${c.kindHint})` : ''}`,
    ),
  );

const title = (text: string): string | undefined => {
  const cue = titleNameCue(titleSentence(text)!);
  return cue && `${cue.phrase.text}${cue.kindHint ? ` (${cue.kindHint})` : ''}`;
};

describe('intro cues', () => {
  it('finds the name after "we propose / introduce / present", with its apposition kind', () => {
    expect(cues('To this end, we propose AlignDet, a unified pre-training framework.')).toEqual([
      'new AlignDet (METHOD)',
    ]);
    expect(
      cues('This paper introduces CodeFuse-13B, an open-sourced pre-trained code LLM.'),
    ).toEqual(['new CodeFuse-13B (MODEL)']);
    expect(cues('We introduce a self-supervised vision representation model BEiT.')).toEqual([
      'new BEiT (MODEL)',
    ]);
  });

  it('takes coordinated names and names in apposition to a head noun', () => {
    expect(cues('We propose DistilCodec and UniTTS, which work together.')).toEqual([
      'new DistilCodec',
      'new UniTTS',
    ]);
    expect(
      cues('This study introduces a novel tokenisation mechanism, K-Tokeniser, for clinical text.'),
    ).toEqual(['new K-Tokeniser (METHOD)']);
  });

  it('stops at prepositions and verbs before any name', () => {
    expect(
      cues('We introduce three datasets from the cloud operations (CloudOps) domain.'),
    ).toEqual([]);
    expect(
      cues('We introduce a detection pipeline utilizing Perplexity and N-gram accuracy.'),
    ).toEqual([]);
    // Found here, but a descriptive compound is not accepted as a name (see candidates).
    expect(cues('We propose a GAN-style model for encoder-decoder pre-training.')).toEqual([
      'new GAN-style (MODEL)',
    ]);
  });

  it('reads passive and appositive introductions', () => {
    expect(cues('In this paper, the LCVO modular method is proposed for grounding.')).toEqual([
      'new LCVO (METHOD)',
    ]);
    expect(cues('The resulting model, Llama-3-Physician, achieves the best results.')).toEqual([
      'new Llama-3-Physician (MODEL)',
    ]);
  });
});

describe('naming cues', () => {
  it('introduces when "we" propose, not when a named method is used', () => {
    expect(
      cues(
        'We propose a novel pre-training task for short text, called Extended Token Classification (ETC).',
      ),
    ).toEqual(['new Extended Token Classification (METHOD)']);
    expect(
      cues('We track features using a sparse dictionary learning method called crosscoders.'),
    ).toEqual(['named crosscoders (METHOD)']);
  });

  it('reads "dubbed as", "namely" and "named as"', () => {
    expect(
      cues('we propose alternative retrieval oriented masking (dubbed as ROM) strategy'),
    ).toEqual(['new ROM (METHOD)']);
    expect(cues('Our model, named as GanLM, is trained with two objectives.')).toEqual([
      'new GanLM (MODEL)',
    ]);
  });

  it('rejects lower-case phrases without a method noun, and findings', () => {
    expect(cues('We observed a phenomenon known as the stability gap.')).toEqual([]);
    expect(cues('We propose the Babel Tower Hypothesis, which describes the process.')).toEqual([]);
    expect(cues('It helps named entity recognition.')).toEqual([]);
  });
});

describe('dataset phrases', () => {
  it('reads "benchmark X", quoted names and capitalised dataset names', () => {
    expect(
      cues(
        'We also release a gold evaluation benchmark HateEval-Hi and HateEval-Mr consisting of tweets.',
      ),
    ).toEqual(['new HateEval-Hi (DATASET)', 'new HateEval-Mr (DATASET)']);
    expect(
      cues('We build a large-scale person dataset "LUPerson-T", in which texts are generated.'),
    ).toEqual(['new LUPerson-T (DATASET)']);
    expect(cues('We collected and built an Open-World Video Game Dataset from scratch.')).toEqual([
      'new Open-World Video Game Dataset (DATASET)',
    ]);
  });
});

describe('title names', () => {
  it('reads "Name: ..." and "Name Technical Report"', () => {
    expect(title('AlignDet: Aligning Pre-training and Fine-tuning in Object Detection')).toBe(
      'AlignDet (METHOD)',
    );
    expect(title('PLLaVA : Parameter-free LLaVA Extension from Images to Videos')).toBe('PLLaVA');
    expect(title('German FinBERT: A German Pre-trained Language Model')).toBe(
      'German FinBERT (MODEL)',
    );
    expect(title('GigaChat Family: Efficient Russian Language Modeling')).toBe('GigaChat (METHOD)');
    expect(title('Kwai Keye-VL Technical Report')).toBe('Kwai Keye-VL');
    expect(title('YAYI 2: Multilingual Open-Source Large Language Models')).toBe('YAYI 2 (MODEL)');
  });

  it('ignores prefixes that are not names', () => {
    expect(
      title('Well-Read Students Learn Better: On the Importance of Pre-training'),
    ).toBeUndefined();
    expect(
      title('Spread Love Not Hate: Undermining the Importance of Hateful Pre-training'),
    ).toBeUndefined();
    expect(
      title('Pre-training Distillation for Large Language Models: A Design Space Exploration'),
    ).toBeUndefined();
  });
});
