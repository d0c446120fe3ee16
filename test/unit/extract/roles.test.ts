import { extractOne, links } from './support';

describe('roles from cue words', () => {
  it('introduces the name "we propose", and gives it no other role', () => {
    const { dry } = extractOne(
      'Orbit: Rotating Attention',
      'We propose Orbit, an attention method. Orbit is based on the Transformer and outperforms DETR.',
    );
    const orbit = dry.papers[0].mentions.filter((m) => m.name === 'Orbit');
    expect(orbit.map((m) => m.role)).toEqual(['INTRODUCES']);
    expect(orbit[0].evidence).toBe('We propose Orbit, an attention method.');
  });

  it('compares with names after "outperforms", "compared with", "than" and in parallel lists', () => {
    const { dry } = extractOne(
      'Revisiting Detectors',
      'PrismDet outperforms FCOS and RetinaNet on COCO. Compared with DETR, it converges faster. ' +
        'It is also better than Faster R-CNN.',
    );
    expect(links(dry)).toEqual(
      expect.arrayContaining([
        'COMPARES_WITH FCOS',
        'COMPARES_WITH RetinaNet',
        'EVALUATES_ON COCO',
        'COMPARES_WITH DETR',
        'COMPARES_WITH Faster R-CNN',
      ]),
    );
  });

  it('reads "by N points over X" and "improves ... over X" as comparisons', () => {
    const { dry } = extractOne(
      'Point Tokens',
      'We propose GeoTok, a point tokenizer. GeoTok improves accuracy by 2.6 points over PointMAE ' +
        'and by 3.4 points over PointBERT. It also improves the average nDCG over FCOS.',
    );
    expect(links(dry)).toEqual(
      expect.arrayContaining([
        'COMPARES_WITH PointMAE',
        'COMPARES_WITH PointBERT',
        'COMPARES_WITH FCOS',
      ]),
    );
  });

  it('reads "improves X by N, Y by N" as a comparison with each improved model', () => {
    const { dry } = extractOne(
      'Boosting Detectors',
      'Our plug-in improves FCOS by 3.1 AP, RetinaNet by 2.4 AP and DETR by 1.9 AP.',
    );
    expect(links(dry)).toEqual([
      'COMPARES_WITH FCOS',
      'COMPARES_WITH RetinaNet',
      'COMPARES_WITH DETR',
    ]);
  });

  it('ends a fronted comparison where the main clause starts', () => {
    const { dry } = extractOne(
      'Spectral Codes',
      'Unlike contrastive methods, MAE reconstructs pixels, and it scales to ImageNet-1K.',
    );
    expect(links(dry)).toContain('USES MAE');
    expect(links(dry)).not.toContain('COMPARES_WITH MAE');
  });

  it('evaluates on datasets named after "on", but uses training data', () => {
    const { dry } = extractOne(
      'Cheap Vision',
      'We pre-train ViT on ImageNet and report top-1 accuracy on ImageNet-1K and results on COCO.',
    );
    expect(links(dry)).toEqual(
      expect.arrayContaining([
        'USES ViT',
        'USES ImageNet',
        'EVALUATES_ON ImageNet-1K',
        'EVALUATES_ON COCO',
      ]),
    );
  });

  it('addresses tasks, whatever the cue', () => {
    const { dry } = extractOne(
      'Talking Fast',
      'We outperform prior speech recognition systems on LibriSpeech.',
    );
    expect(links(dry)).toEqual(['ADDRESSES Speech Recognition', 'EVALUATES_ON LibriSpeech']);
  });

  it('keeps a default USES only when nothing more specific is said', () => {
    const { dry } = extractOne(
      'Teaching Small Models',
      'GPT-4 labels the data. Our student is compared with GPT-4 on GLUE.',
    );
    expect(links(dry).filter((l) => l.endsWith('GPT-4'))).toEqual(['COMPARES_WITH GPT-4']);
  });

  it('treats a name inside a descriptive compound as used, not compared', () => {
    const { dry } = extractOne(
      'Speech Units',
      'In contrast to BERT-based encoders, our encoder is small.',
    );
    expect(links(dry)).toEqual(['USES BERT']);
  });
});
