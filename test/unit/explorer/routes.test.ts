import { parseRoute, Route, routeHref } from '../../../web/explorer/routes';

describe('explorer routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'overview' }],
    ['#/', { view: 'overview' }],
    ['#/search?q=masked+autoencoders', { view: 'search', query: 'masked autoencoders' }],
    ['#/search', { view: 'search', query: '' }],
    ['#/entity/faster-r-cnn', { view: 'entity', id: 'faster-r-cnn' }],
    [
      '#/paper/beit-bert-pre-training-of-image-transformers',
      { view: 'paper', id: 'beit-bert-pre-training-of-image-transformers' },
    ],
    [
      '#/lineage/BERT?depth=3&direction=BOTH',
      { view: 'lineage', name: 'BERT', depth: 3, direction: 'BOTH' },
    ],
    [
      '#/lineage/BEiT-3?depth=10&direction=ANCESTORS&kind=MODEL',
      { view: 'lineage', name: 'BEiT-3', depth: 10, direction: 'ANCESTORS', kind: 'MODEL' },
    ],
    ['#/nowhere', { view: 'not-found', path: '/nowhere' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('fills in, clamps and ignores what a hand-made lineage link gets wrong', () => {
    expect(parseRoute('#/lineage/BERT')).toEqual({
      view: 'lineage',
      name: 'BERT',
      depth: 3,
      direction: 'BOTH',
    });
    expect(parseRoute('#/lineage/BERT?depth=99&direction=descendants&kind=robot')).toEqual({
      view: 'lineage',
      name: 'BERT',
      depth: 10,
      direction: 'DESCENDANTS',
    });
    expect(parseRoute('#/lineage/BERT?depth=0')).toMatchObject({ depth: 1 });
    expect(parseRoute('#/lineage/BERT?depth=two')).toMatchObject({ depth: 3 });
  });

  it('writes links that read back as the same route, whatever the names hold', () => {
    const routes: Route[] = [
      { view: 'overview' },
      { view: 'search', query: 'C++ & "BERT"? 100%' },
      { view: 'entity', id: 'bert-method' },
      { view: 'paper', id: 'a/b?c#d' },
      {
        view: 'lineage',
        name: 'Faster R-CNN / v2',
        depth: 7,
        direction: 'DESCENDANTS',
        kind: 'METHOD',
      },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
    expect(routeHref({ view: 'lineage', name: 'BERT', depth: 3, direction: 'BOTH' })).toBe(
      '#/lineage/BERT?depth=3&direction=BOTH',
    );
  });

  it('takes a stray % literally rather than failing', () => {
    expect(parseRoute('#/entity/100%')).toEqual({ view: 'entity', id: '100%' });
  });
});
