import { CurationError } from '../../../src/graph/curation-error';
import { toPaperRecords } from '../../../src/graphql/curation.service';

describe('toPaperRecords', () => {
  it('cleans fields as the JSON Lines reader does and numbers papers from 1', () => {
    const [record] = toPaperRecords([
      {
        title: '  Attention   Is All\nYou Need ',
        abstract: '  The dominant models...  ',
        arxivId: 'https://arxiv.org/abs/1706.03762v7',
        published: '2017-06-12T17:57:34Z',
        authors: ['A. Vaswani', ' ', 'N. Shazeer', 'A. Vaswani'],
        tasks: ['Machine Translation'],
        methods: ['Transformer'],
        url: 'https://arxiv.org/abs/1706.03762',
      },
    ]);
    expect(record).toEqual({
      title: 'Attention Is All You Need',
      abstract: 'The dominant models...',
      arxivId: '1706.03762',
      published: '2017-06-12',
      authors: ['A. Vaswani', 'N. Shazeer'],
      statedTasks: ['Machine Translation'],
      statedMethods: ['Transformer'],
      url: 'https://arxiv.org/abs/1706.03762',
      source: { file: 'graphql', line: 1 },
    });
  });

  it('takes a missing abstract as empty, as a title-only paper', () => {
    expect(toPaperRecords([{ title: 'T' }])[0].abstract).toBe('');
  });

  it.each([
    [[{ title: 'A' }, { title: '' }], 'papers[1]: paper has no title'],
    [
      [{ title: 'x', id: 'i'.repeat(201) }],
      "papers[0]: field 'id' is 201 characters long (at most 200)",
    ],
    [
      [{ title: 'x', url: 'file:///etc/passwd' }],
      "papers[0]: field 'url' must be an http or https URL, got 'file:///etc/passwd'",
    ],
    [
      [{ title: 'x', authors: Array.from({ length: 201 }, (_, i) => `A${i}`) }],
      "papers[0]: field 'authors' has 201 names (at most 200)",
    ],
    [
      [{ title: 'x', methods: ['m'.repeat(301)] }],
      "papers[0]: field 'methods[0]' is longer than 300 characters",
    ],
    [
      [{ title: 'Same' }, { title: 'SAME' }],
      "papers[1]: duplicate paper 'same': same as papers[0]",
    ],
  ])('refuses %j with a CurationError naming the paper', (inputs, message) => {
    expect(() => toPaperRecords(inputs)).toThrow(new CurationError(message));
  });
});
