import fc from 'fast-check';
import { findBinaryBytes, findBinaryText } from '../../../src/ingest/formats/binary-content';
import {
  collapseWhitespace,
  normalizeArxivId,
  splitAuthors,
  toIsoDate,
} from '../../../src/ingest/formats/field-values';
import { isChromeLine, stripGluedChrome } from '../../../src/ingest/formats/hf-page-chrome';
import { arrayElementOffsets } from '../../../src/ingest/formats/json-array-offsets';
import { jsonSyntaxError } from '../../../src/ingest/formats/json-syntax-error';
import { LineIndex } from '../../../src/ingest/formats/line-index';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines', () => {
    const index = new LineIndex('ab\ncd\r\n\nef');
    expect([0, 2, 3, 6, 7, 8, 99].map((offset) => index.lineOf(offset))).toEqual([
      1, 1, 2, 2, 3, 4, 4,
    ]);
  });
});

describe('arrayElementOffsets', () => {
  it('ignores commas and brackets inside strings and nested values', () => {
    const text = '[ {"a": "x,]\\"[{", "b": [1, 2]},\n  "s,t" , [3,[4]], 5 ]';
    const offsets = arrayElementOffsets(text);
    expect(offsets.map((offset) => text[offset])).toEqual(['{', '"', '[', '5']);
    expect(arrayElementOffsets('[]')).toEqual([]);
    expect(arrayElementOffsets(' [ ] ')).toEqual([]);
  });

  it('finds where every element of any serialized array starts', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.integer({ min: 0, max: 4 }), (values, indent) => {
        const text = JSON.stringify(values, null, indent);
        const offsets = arrayElementOffsets(text);
        expect(offsets).toHaveLength(values.length);
        offsets.forEach((offset, i) => {
          const element = JSON.stringify(values[i], null, indent);
          expect(text.startsWith(element.split('\n')[0], offset)).toBe(true);
        });
      }),
    );
  });
});

describe('jsonSyntaxError', () => {
  const errorFor = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return jsonSyntaxError(text, error, 'f.json');
    }
    throw new Error('text parsed');
  };

  it.each([
    ['[\n1,\n2,\n]', 4],
    ['{\n"a": 1,\n"b": nul\n}', 3],
    ['[\n"open\n', 2],
    ['[\n1\n', 3],
    ['\n\nxyz', 3],
  ])('locates the error in %j at line %i', (text, line) => {
    const error = errorFor(text);
    expect(error.line).toBe(line);
    expect(error.detail).toMatch(/^invalid JSON: /);
    expect(error.detail).not.toMatch(/is not valid JSON|at position/);
  });
});

describe('field values', () => {
  it('collapses whitespace', () => {
    expect(collapseWhitespace('  A\n  B\t\u00a0C  ')).toBe('A B C');
  });

  it.each([
    ['2021-06-15', '2021-06-15'],
    ['2021-06-15T17:01:02Z', '2021-06-15'],
    ['2021-06-15 10:00', '2021-06-15'],
    ['2021-02-29', undefined],
    ['2021-13-01', undefined],
    ['June 2021', undefined],
    ['20210615', undefined],
  ])('reads the date %s as %s', (value, date) => {
    expect(toIsoDate(value)).toBe(date);
  });

  it.each([
    ['2106.08254', '2106.08254'],
    ['2106.08254v2', '2106.08254'],
    ['arXiv:1810.04805', '1810.04805'],
    ['https://arxiv.org/abs/2111.06377v3', '2111.06377'],
    ['http://arxiv.org/pdf/2111.06377v3.pdf', '2111.06377'],
    ['hep-th/9901001v1', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.GT/0309136'],
    ['0704.0001', '0704.0001'],
    ['BEiT', undefined],
    ['https://example.org/abs/2106.08254', undefined],
  ])('reads the arXiv id %s as %s', (value, id) => {
    expect(normalizeArxivId(value)).toBe(id);
  });

  it('splits author strings', () => {
    expect(splitAuthors(' Jacob Devlin,Ming-Wei  Chang, , Kenton Lee ')).toEqual([
      'Jacob Devlin',
      'Ming-Wei Chang',
      'Kenton Lee',
    ]);
  });
});

describe('Hugging Face page chrome', () => {
  it.each([
    'Get trending papers in your email inbox once a day!',
    'Get trending papers in your email inbox!',
    'Subscribe',
    'Upvote',
    'Upvote 12',
    '12',
    '1.2k',
    '· 5 authors',
    '3 comments',
    'Submitted by akhaliq',
    'Published on Jun 15, 2021',
    'Jun 16',
    '#1 Paper of the day',
  ])('treats %j as chrome', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    'Phi-4 Technical Report',
    'Pop Quiz! Do Pre-trained Code Models Possess Knowledge of Correct API Names?',
    'Accelerating Transformer Pre-training with 2:4 Sparsity',
    'Upvoting Answers with Language Models',
    'May the Force Be with You',
  ])('keeps the title %j', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });

  it('strips chrome glued to the front of a title, and only then', () => {
    expect(stripGluedChrome('SubscribeBLSP: Bootstrapping')).toBe('BLSP: Bootstrapping');
    expect(stripGluedChrome('Get trending papers in your email inbox!Subscribe3D Diffusion')).toBe(
      '3D Diffusion',
    );
    expect(stripGluedChrome('Subscriber Churn')).toBe('Subscriber Churn');
    expect(stripGluedChrome('Subscribe to Papers')).toBe('Subscribe to Papers');
  });
});

describe('binary content', () => {
  it('finds NUL characters and bytes with their line', () => {
    expect(findBinaryText('a\nb\u0000')).toEqual({ line: 2, reason: 'a NUL byte' });
    expect(findBinaryBytes(Buffer.from('a\n\nb\u0000'))).toEqual({ line: 3, reason: 'a NUL byte' });
    expect(findBinaryBytes(Buffer.from('plain text\n'))).toBeUndefined();
  });

  it('counts replacement characters only in quantity', () => {
    expect(findBinaryText(`${'x'.repeat(1000)}\uFFFD\uFFFD\uFFFD`)).toBeUndefined();
    expect(findBinaryText(`x\n${'\uFFFD'.repeat(4)}`)).toMatchObject({ line: 2 });
    expect(findBinaryText(`${'x'.repeat(100_000)}\n${'\uFFFD'.repeat(16)}`)).toMatchObject({
      line: 2,
      reason: '16 characters that are not valid UTF-8',
    });
  });
});
