import { GraphQLError } from 'graphql';

import { encodeCursor } from '../../../src/graph/cursor';
import { cursorArg, given, intInRange, pageSize, textArg } from '../../../src/graphql/args';

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('argument checks', () => {
  it('accept page sizes 0..100 and refuse others as BAD_USER_INPUT naming the argument', () => {
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
    for (const bad of [101, -1, 1e6]) {
      const error = errorOf(() => pageSize(bad));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
      expect(error.message).toContain('"first"');
    }
  });

  it('check ranges of depths and lengths', () => {
    expect(intInRange(10, 'maxDepth', 1, 10)).toBe(10);
    expect(errorOf(() => intInRange(11, 'maxDepth', 1, 10)).message).toMatch(/"maxDepth".*1 to 10/);
    expect(errorOf(() => intInRange(0, 'maxDepth', 1, 10)).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('decode cursors of the ordering and refuse the rest', () => {
    expect(cursorArg(undefined, 'paper:TITLE:ASC')).toBeUndefined();
    expect(cursorArg(null, 'paper:TITLE:ASC')).toBeUndefined();
    expect(cursorArg(encodeCursor('paper:TITLE:ASC', 'a', 'b'), 'paper:TITLE:ASC')).toEqual({
      key: 'a',
      id: 'b',
    });
    const error = errorOf(() =>
      cursorArg(encodeCursor('paper:TITLE:ASC', 'a', 'b'), 'paper:TITLE:DESC'),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('trim texts and refuse empty or long ones', () => {
    expect(textArg('  bert ', 'query', 10)).toBe('bert');
    expect(errorOf(() => textArg('   ', 'query', 10)).message).toMatch(/"query" must not be empty/);
    expect(errorOf(() => textArg('x'.repeat(11), 'query', 10)).message).toMatch(/at most 10/);
  });

  it('drop the null fields of an input object', () => {
    expect(given({ a: 'x', b: null, c: undefined })).toEqual({ a: 'x' });
    expect(given(null)).toEqual({});
  });
});
