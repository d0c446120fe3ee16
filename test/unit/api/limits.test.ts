import {
  getIntrospectionQuery,
  GraphQLError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';

import { loadConfig } from '../../../src/config';
import { requestLimits } from '../../../src/graphql/limits';
import { buildPapergraphSchema } from '../../../src/graphql/schema';
import { EXAMPLES } from '../../../web/playground/examples';

/** Parses and validates as Apollo does with the default limits; returns the error messages. */
function check(schema: GraphQLSchema, query: string): string[] {
  const limits = requestLimits({ limits: loadConfig({}).limits, blockFieldSuggestions: false });
  try {
    const document = parse(query, limits.parseOptions);
    return validate(schema, document, [...specifiedRules, ...limits.validationRules]).map(
      (e) => e.message,
    );
  } catch (error) {
    return [(error as GraphQLError).message];
  }
}

describe('default request limits against the real schema', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildPapergraphSchema();
  });

  it("let GraphiQL's introspection query through", () => {
    expect(
      check(schema, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })),
    ).toEqual([]);
  });

  it.each(EXAMPLES.map((example, i) => [i, example.query]))(
    'let playground example %i through',
    (_, query) => {
      expect(check(schema, query)).toEqual([]);
    },
  );

  it('let a full page of papers with ten related papers each through', () => {
    const query = `{
      papers(first: 100) {
        edges { cursor node { id title published related(first: 10) { sharedCount paper { title } shared { name } } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    expect(check(schema, query)).toEqual([]);
  });

  it('refuse a page of papers with a full page of related papers each (10,000 rows)', () => {
    const query = `{ papers(first: 100) { nodes { related(first: 100) { paper { title } } } } }`;
    expect(check(schema, query)).toEqual([expect.stringMatching(/Cost limit of 100000 exceeded/)]);
  });

  it('refuse related papers of related papers of related papers', () => {
    const query = `{ paper(id: "x") { related(first: 100) { paper { related(first: 100) { paper { related(first: 100) { paper { title } } } } } } } }`;
    expect(check(schema, query)).toEqual([expect.stringMatching(/Cost limit of 100000 exceeded/)]);
  });

  it('refuse nesting deeper than 12', () => {
    const hops = (n: number): string =>
      n === 0 ? 'name' : `derivedFrom { parent { ${hops(n - 1)} } }`;
    // entity(1) + 2 per hop + name(1): 5 hops = 12, 6 hops = 14.
    expect(check(schema, `{ entity(name: "BERT") { ${hops(5)} } }`)).toEqual([]);
    expect(check(schema, `{ entity(name: "BERT") { ${hops(6)} } }`)).toEqual([
      expect.stringMatching(/depth limit of 12 exceeded, found 14/),
    ]);
  });
});
