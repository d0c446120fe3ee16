/**
 * Turns what a user typed into a Lucene query that matches its words and nothing else: every
 * character the query parser treats as syntax is escaped, and the operator words AND, OR, NOT and
 * TO are lower-cased into plain words, so no input can change the query's structure or fail to
 * parse. Words are OR-ed (the parser's default), so relevance ranks the results.
 */

// + - && || ! ( ) { } [ ] ^ " ~ * ? : \ / : the classic query parser's syntax characters.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const OPERATOR = /^(AND|OR|NOT|TO)$/;

/** More terms only slow the search down; Lucene refuses more than 1024 clauses anyway. */
export const MAX_TERMS = 32;

/** The escaped query, or '' when the text has no word at all. */
export function luceneQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((term) => term !== '')
    .slice(0, MAX_TERMS)
    .map((term) => (OPERATOR.test(term) ? term.toLowerCase() : term.replace(SPECIAL, '\\$&')))
    .join(' ');
}
