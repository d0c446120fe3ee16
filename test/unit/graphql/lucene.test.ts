import fc from 'fast-check';

import { MAX_TERMS, luceneQuery } from '../../../src/graph/lucene';

const SPECIAL = '+-&|!(){}[]^"~*?:\\/';

/** True when every syntax character of the query is escaped by a backslash. */
function allEscaped(query: string): boolean {
  for (let i = 0; i < query.length; i += 1) {
    if (query[i] === '\\') {
      i += 1; // the escaped character
      continue;
    }
    if (SPECIAL.includes(query[i])) return false;
  }
  return true;
}

describe('luceneQuery', () => {
  it('escapes every character the query parser treats as syntax', () => {
    expect(luceneQuery('" OR 1=1 //')).toBe('\\" or 1=1 \\/\\/');
    expect(luceneQuery('*')).toBe('\\*');
    expect(luceneQuery('bert~2 (vit')).toBe('bert\\~2 \\(vit');
    expect(luceneQuery('a && b || !c')).toBe('a \\&\\& b \\|\\| \\!c');
    expect(luceneQuery('title:bert^10 [a TO z] {x}')).toBe(
      'title\\:bert\\^10 \\[a to z\\] \\{x\\}',
    );
    expect(luceneQuery('C:\\path?')).toBe('C\\:\\\\path\\?');
  });

  it('turns the operator words into plain words', () => {
    expect(luceneQuery('NOT bert AND vit OR mae')).toBe('not bert and vit or mae');
  });

  it('keeps plain words as they are', () => {
    expect(luceneQuery('  masked   autoencoders ')).toBe('masked autoencoders');
  });

  it('is empty for blank text, and keeps at most MAX_TERMS words', () => {
    expect(luceneQuery(' \t\n')).toBe('');
    expect(luceneQuery('w '.repeat(MAX_TERMS * 3)).split(' ')).toHaveLength(MAX_TERMS);
  });

  it('leaves no syntax character unescaped and no operator word, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...`${SPECIAL} aANDORNOTTO`.split('')) }),
        (text) => {
          const query = luceneQuery(text);
          expect(allEscaped(query)).toBe(true);
          expect(query.split(' ')).not.toContain('AND');
          expect(query.split(' ')).not.toContain('OR');
          expect(query.split(' ')).not.toContain('NOT');
        },
      ),
    );
  });
});
