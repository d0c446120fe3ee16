import {
  editDistance,
  exactKey,
  foldedKey,
  indexKey,
  isShortAcronym,
  lookupKeys,
  sameStem,
} from '../../../src/ingest/resolve/normalize';
import { aliasKey, paperId, slug } from '../../../src/ingest/resolve/slug';

describe('foldedKey', () => {
  it('ignores case, hyphens and spaces', () => {
    expect(foldedKey('Pre-Training')).toBe(foldedKey('pretraining'));
    expect(foldedKey('pre training')).toBe(foldedKey('PreTraining'));
    expect(foldedKey('Faster R-CNN')).toBe(foldedKey('faster rcnn'));
  });

  it('drops a final plural s', () => {
    expect(foldedKey('Masked Autoencoders')).toBe(foldedKey('masked auto-encoder'));
    expect(foldedKey('Vision Transformers')).toBe(foldedKey('Vision Transformer'));
  });

  it('keeps "+" apart from nothing, so EViP++ is not EViP', () => {
    expect(foldedKey('EViP++')).not.toBe(foldedKey('EViP'));
  });

  it('is the loader alias key', () => {
    for (const name of ['ImageNet-1K', 'Z-Code++', 'Masked Auto Encoders', 'LLaMA']) {
      expect(foldedKey(name)).toBe(aliasKey(name));
    }
  });
});

describe('exact keys of short acronyms', () => {
  it('applies to two to five capitals, plural included', () => {
    expect(isShortAcronym('MAE')).toBe(true);
    expect(isShortAcronym('MAEs')).toBe(true);
    expect(isShortAcronym('DINO')).toBe(true);
    expect(isShortAcronym('Mae')).toBe(false);
    expect(isShortAcronym('ELECTRA')).toBe(false);
    expect(exactKey('MAEs')).toBe('=MAE');
    expect(exactKey('nas')).toBeUndefined();
  });

  it('stores acronyms case-sensitively and looks up capitals both ways', () => {
    expect(indexKey('NAS')).toBe('=NAS');
    expect(indexKey('Transformer')).toBe('transformer');
    expect(lookupKeys('ADAM')).toEqual(['=ADAM', 'adam']);
    expect(lookupKeys('case')).toEqual(['case']);
  });
});

describe('editDistance', () => {
  it('counts single edits and gives up past the limit', () => {
    expect(editDistance('ChartAssisstant', 'ChartAssistant')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('sameStem', () => {
  it('accepts inflections of one phrase, not different phrases', () => {
    expect(sameStem('maskedlanguagemodel', 'maskedlanguagemodeling')).toBe(true);
    expect(sameStem('maskedlanguagemodel', 'maskedimagemodel')).toBe(false);
    expect(sameStem('abc', 'abcd')).toBe(false);
  });
});

describe('slug exports', () => {
  it('still slugs names and titles', () => {
    expect(slug('Faster R-CNN')).toBe('faster-r-cnn');
    expect(paperId({ title: 'BEiT: BERT Pre-Training of Image Transformers' })).toBe(
      'beit-bert-pre-training-of-image-transformers',
    );
  });
});
