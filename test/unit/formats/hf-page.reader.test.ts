import { readHfPage } from '../../../src/ingest/formats/hf-page.reader';
import { catchInputError, expectInputError } from './expect-input-error';
import { fixture } from './fixtures';

describe('readHfPage', () => {
  const file = 'page.txt';

  describe('on a page with chrome around the papers', () => {
    const papers = () => readHfPage(fixture('hf-page-with-chrome.txt'), file);

    it('pairs each title with its abstract and drops everything else', () => {
      expect(papers().map((p) => p.title)).toEqual([
        'BEiT: BERT Pre-Training of Image Transformers',
        'Masked Autoencoders Are Scalable Vision Learners',
        'Pop Quiz! Do Pre-trained Code Models Possess Knowledge of Correct API Names?',
      ]);
    });

    it('locates each paper at its title line', () => {
      expect(papers().map((p) => p.source)).toEqual([
        { file, line: 9 },
        { file, line: 19 },
        { file, line: 24 },
      ]);
    });

    it('joins an abstract copied as several paragraphs', () => {
      const mae = papers()[1].abstract.split('\n');
      expect(mae).toHaveLength(2);
      expect(mae[0]).toMatch(/^This paper shows that masked autoencoders/);
      expect(mae[1]).toMatch(/^Coupling these two designs/);
    });

    it('recognizes a short abstract by its sentences', () => {
      expect(papers()[2].abstract).toMatch(/^Do pre-trained code models know API names\?/);
    });

    it('leaves no chrome in titles or abstracts', () => {
      const text = papers()
        .map((p) => `${p.title}\n${p.abstract}`)
        .join('\n');
      expect(text).not.toMatch(/Upvote|Subscribe|Submitted by|akhaliq|Published on|comments|\r/);
    });
  });

  it('strips "Subscribe" glued to a title but keeps titles that merely start with the word', () => {
    const abstract = 'We study churn. '.repeat(30).trim();
    const text = `SubscribeBLSP: Bootstrapping\n${abstract}\nSubscriber Churn Prediction\n${abstract}`;
    expect(readHfPage(text, file).map((p) => p.title)).toEqual([
      'BLSP: Bootstrapping',
      'Subscriber Churn Prediction',
    ]);
  });

  it('rejects an abstract with no title before it, naming its line', () => {
    const error = catchInputError(() => readHfPage(fixture('hf-page-orphan-abstract.txt'), file));
    expectInputError(error, file, 3, /^found an abstract with no title line before it$/);
  });

  it('rejects a page with only chrome', () => {
    const error = catchInputError(() => readHfPage(fixture('hf-page-only-chrome.txt'), file));
    expectInputError(error, file, undefined, /no title line followed by an abstract/);
  });
});
