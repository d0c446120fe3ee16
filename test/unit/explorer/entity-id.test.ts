import { lookupsForId } from '../../../web/explorer/api/entity-id';

describe('entity ids to name lookups', () => {
  it('looks an id up as a name, and a kind-suffixed id also as the name of that kind', () => {
    expect(lookupsForId('faster-r-cnn')).toEqual([{ name: 'faster-r-cnn', kind: null }]);
    expect(lookupsForId('bert-method')).toEqual([
      { name: 'bert-method', kind: null },
      { name: 'bert', kind: 'METHOD' },
    ]);
    expect(lookupsForId('bert-model-2')).toEqual([
      { name: 'bert-model-2', kind: null },
      { name: 'bert', kind: 'MODEL' },
    ]);
  });
});
