import { readArxivAtom } from '../../../src/ingest/formats/arxiv-atom.reader';
import { catchInputError, expectInputError } from './expect-input-error';
import { fixture } from './fixtures';

describe('readArxivAtom', () => {
  const file = 'query.atom';
  const papers = () => readArxivAtom(fixture('arxiv-three-entries.atom.xml'), file);

  it('reads one paper per entry with collapsed title and summary', () => {
    const [beit] = papers();
    expect(beit).toEqual({
      title: 'BEiT: BERT Pre-Training of Image Transformers',
      abstract:
        'We introduce a self-supervised vision representation model BEiT, which stands for ' +
        'Bidirectional Encoder representation from Image Transformers. Following BERT developed ' +
        'in the natural language processing area, we propose a masked image modeling task to ' +
        'pretrain vision Transformers.',
      url: 'http://arxiv.org/abs/2106.08254v2',
      arxivId: '2106.08254',
      published: '2021-06-15',
      authors: ['Hangbo Bao', 'Li Dong', 'Furu Wei'],
      source: { file, line: 9 },
    });
  });

  it('gives each entry the line of its <entry> tag, ignoring commented-out tags', () => {
    expect(papers().map((p) => p.source.line)).toEqual([9, 34, 46]);
  });

  it('takes the alternate link, not the PDF, whatever the order', () => {
    expect(papers()[1].url).toBe('http://arxiv.org/abs/1810.04805v2');
  });

  it('decodes entities and falls back to the id URL when there is no link', () => {
    const [, bert, mae] = papers();
    expect(bert.abstract).toContain('Transformers & obtains');
    expect(mae.abstract).toContain('René likes them');
    expect(mae).toMatchObject({
      url: 'http://arxiv.org/abs/2111.06377v3',
      arxivId: '2111.06377',
      published: '2021-11-11',
      authors: ['Kaiming He', 'Xinlei Chen'],
    });
  });

  it('keeps numeric-looking titles as text and reads prefixed Atom', () => {
    const text = [
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom">',
      '  <a:entry><a:id>http://arxiv.org/abs/hep-th/9901001v1</a:id>',
      '  <a:title>2012</a:title><a:summary>Old-style id.</a:summary></a:entry>',
      '</a:feed>',
    ].join('\n');
    expect(readArxivAtom(text, file)).toEqual([
      {
        title: '2012',
        abstract: 'Old-style id.',
        url: 'http://arxiv.org/abs/hep-th/9901001v1',
        arxivId: 'hep-th/9901001',
        published: undefined,
        authors: [],
        source: { file, line: 2 },
      },
    ]);
  });

  it('returns an empty title for an empty entry, leaving the verdict to validation', () => {
    const text = '<feed xmlns="http://www.w3.org/2005/Atom">\n\n<entry/>\n</feed>';
    expect(readArxivAtom(text, file)).toMatchObject([{ title: '', source: { line: 3 } }]);
  });

  it('names the line of malformed XML', () => {
    const error = catchInputError(() => readArxivAtom(fixture('arxiv-malformed.atom.xml'), file));
    expectInputError(error, file, 10, /^malformed XML: .*'title'/);
  });

  it('rejects XML that is not an Atom feed, naming the root element and its line', () => {
    const error = catchInputError(() => readArxivAtom(fixture('not-atom.rss.xml'), file));
    expectInputError(error, file, 3, /^not an Atom feed: the root element is <rss>/);
  });

  it('rejects a <feed> outside the Atom namespace', () => {
    const text = fixture('feed-without-atom-namespace.xml');
    const error = catchInputError(() => readArxivAtom(text, file));
    expectInputError(
      error,
      file,
      2,
      /^not an Atom feed: the root element is <feed>, expected <feed xmlns=/,
    );
  });

  it('reports the error the arXiv API returned instead of a paper', () => {
    const error = catchInputError(() => readArxivAtom(fixture('arxiv-api-error.atom.xml'), file));
    expectInputError(
      error,
      file,
      4,
      /arXiv API returned an error: incorrect id format for 1234\.12345/,
    );
  });

  it('rejects a published date that is not ISO', () => {
    const text =
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>' +
      '<published>June 2021</published></entry></feed>';
    const error = catchInputError(() => readArxivAtom(text, file));
    expectInputError(error, file, 1, /<published> is not an ISO date: 'June 2021'/);
  });

  it('rejects text that is not XML at all', () => {
    const error = catchInputError(() => readArxivAtom('hello world', file));
    expectInputError(error, file, 1, /^malformed XML/);
  });
});
