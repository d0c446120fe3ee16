import { highlightSegments, MentionForHighlight } from '../../../web/explorer/highlight';

const mention = (
  role: MentionForHighlight['role'],
  id: string,
  name: string,
  aliases: string[] = [],
  kind: MentionForHighlight['entity']['kind'] = 'MODEL',
): MentionForHighlight => ({ role, entity: { id, name, kind, aliases } });

const marked = (text: string, mentions: MentionForHighlight[]): string =>
  highlightSegments(text, mentions)
    .map((s) => (s.term ? `[${s.text}|${s.term.entityId}|${s.term.roles.join('+')}]` : s.text))
    .join('');

describe('abstract highlighting', () => {
  it('marks every occurrence of a name or an alias, keeping the text whole', () => {
    const text = 'We pretrain on ImageNet-1K (IN-1K) and report ImageNet-1K accuracy.';
    const segments = highlightSegments(text, [
      mention('EVALUATES_ON', 'imagenet-1k', 'ImageNet-1K', ['IN-1K'], 'DATASET'),
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.term).map((s) => s.text)).toEqual([
      'ImageNet-1K',
      'IN-1K',
      'ImageNet-1K',
    ]);
  });

  it('shows the most telling role first when a paper gives an entity several', () => {
    expect(
      marked('Results on ImageNet-1K.', [
        mention('USES', 'imagenet-1k', 'ImageNet-1K', [], 'DATASET'),
        mention('EVALUATES_ON', 'imagenet-1k', 'ImageNet-1K', [], 'DATASET'),
      ]),
    ).toBe('Results on [ImageNet-1K|imagenet-1k|EVALUATES_ON+USES].');
  });

  it('prefers the longer spelling where two overlap, and takes plurals', () => {
    expect(
      marked('We pretrain vision Transformers with a Transformer decoder.', [
        mention('USES', 'vit', 'ViT', ['Vision Transformer']),
        mention('USES', 'transformer', 'Transformer', [], 'METHOD'),
      ]),
    ).toBe(
      'We pretrain [vision Transformers|vit|USES] with a [Transformer|transformer|USES] decoder.',
    );
  });

  it('matches whole words only, and short acronyms in their own case', () => {
    expect(
      marked('MAE beats BERTology; the mae of the model and SuperMAE are not MAE.', [
        mention('INTRODUCES', 'mae', 'MAE'),
        mention('USES', 'bert', 'BERT'),
      ]),
    ).toBe(
      '[MAE|mae|INTRODUCES] beats BERTology; the mae of the model and SuperMAE are not [MAE|mae|INTRODUCES].',
    );
  });

  it('takes names with regular-expression characters literally', () => {
    expect(
      marked('C++ and Faster R-CNN (v2) differ from C.', [
        mention('USES', 'c-plus-plus', 'C++', [], 'METHOD'),
        mention('COMPARES_WITH', 'faster-r-cnn', 'Faster R-CNN (v2)', [], 'METHOD'),
      ]),
    ).toBe(
      '[C++|c-plus-plus|USES] and [Faster R-CNN (v2)|faster-r-cnn|COMPARES_WITH] differ from C.',
    );
  });

  it('leaves a text without mentions as one plain segment', () => {
    expect(highlightSegments('Nothing here.', [])).toEqual([{ text: 'Nothing here.' }]);
  });
});
