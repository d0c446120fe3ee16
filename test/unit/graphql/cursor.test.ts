import fc from 'fast-check';

import { decodeCursor, encodeCursor } from '../../../src/graph/cursor';

describe('cursors', () => {
  it('round-trip the sort key and id of their ordering', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        fc.string(),
        (key, id) => {
          const cursor = encodeCursor('paper:TITLE:ASC', key, id);
          expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(decodeCursor(cursor, 'paper:TITLE:ASC')).toEqual({
            key: Object.is(key, -0) ? 0 : key,
            id,
          });
        },
      ),
    );
  });

  it('are refused by another ordering', () => {
    const cursor = encodeCursor('paper:TITLE:ASC', 'bert', 'bert');
    expect(decodeCursor(cursor, 'paper:TITLE:DESC')).toBeUndefined();
    expect(decodeCursor(cursor, 'entity:NAME:ASC')).toBeUndefined();
  });

  it.each([
    ['not base64', '!!!'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['not a triple', Buffer.from('["paper:TITLE:ASC","x"]').toString('base64url')],
    ['an object key', Buffer.from('["paper:TITLE:ASC",{"a":1},"x"]').toString('base64url')],
    ['a number id', Buffer.from('["paper:TITLE:ASC","x",3]').toString('base64url')],
    ['empty', ''],
  ])('are undefined when %s', (_, cursor) => {
    expect(decodeCursor(cursor, 'paper:TITLE:ASC')).toBeUndefined();
  });

  it('never throw, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decodeCursor(text, 'paper:TITLE:ASC')).not.toThrow();
      }),
    );
  });
});
