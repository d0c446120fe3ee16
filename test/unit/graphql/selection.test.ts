import { GraphQLResolveInfo, buildSchema, execute, parse } from 'graphql';

import {
  detailsAsked,
  operationAsks,
  selectsAny,
  subfieldArguments,
} from '../../../src/graphql/selection';

/** What resolvers read of a query's selection, on a small schema shaped like papergraph's. */

const schema = buildSchema(`
  interface Entity { id: ID! aliases: [String!]! papers(first: Int = 20, role: String): Page }
  type Model implements Entity {
    id: ID! aliases: [String!]! papers(first: Int = 20, role: String): Page
  }
  type Page { total: Int nodes: [Paper!]! }
  type Paper { id: ID! title: String abstract: String }
  type Query { entity: Entity other: Entity }
`);

/** The resolve info of `Query.entity` for a query. */
function infoOf(query: string, variableValues: Record<string, unknown> = {}): GraphQLResolveInfo {
  let captured: GraphQLResolveInfo | undefined;
  const capture = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    if (info.fieldName === 'entity') captured = info;
    return null;
  };
  void execute({
    schema,
    document: parse(query),
    rootValue: { entity: capture, other: capture },
    variableValues,
  });
  if (!captured) throw new Error('entity was not resolved');
  return captured;
}

describe('selectsAny', () => {
  it('finds subfields directly, under a path, and through both kinds of fragment', () => {
    const info = infoOf(`
      query { entity { ...Ids ... on Model { papers { nodes { abstract } } } } }
      fragment Ids on Entity { id }`);
    expect(selectsAny(info, ['id'])).toBe(true);
    expect(selectsAny(info, ['papers'])).toBe(true);
    expect(selectsAny(info, ['abstract'], ['papers', 'nodes'])).toBe(true);
    expect(selectsAny(info, ['title'], ['papers', 'nodes'])).toBe(false);
    expect(selectsAny(info, ['aliases'])).toBe(false);
  });
});

describe('subfieldArguments', () => {
  it('gives the arguments with their defaults and the variables they name', () => {
    const info = infoOf('query ($role: String) { entity { papers(role: $role) { total } } }', {
      role: 'USES',
    });
    expect(subfieldArguments(info, 'papers')).toEqual({ first: 20, role: 'USES' });
  });

  it('gives them once for the same field asked twice alike, and none for two that differ', () => {
    const alike = infoOf(
      '{ entity { a: papers(first: 3) { total } b: papers(first: 3) { total } } }',
    );
    expect(subfieldArguments(alike, 'papers')).toEqual({ first: 3 });
    const differ = infoOf(
      '{ entity { a: papers(first: 3) { total } b: papers(first: 4) { total } } }',
    );
    expect(subfieldArguments(differ, 'papers')).toBeUndefined();
  });

  it('gives none for a subfield not asked for, or one the type does not have', () => {
    const info = infoOf('{ entity { id } }');
    expect(subfieldArguments(info, 'papers')).toBeUndefined();
    expect(subfieldArguments(info, 'nothing')).toBeUndefined();
  });
});

describe('details asked by an operation', () => {
  it('counts a field asked anywhere in the operation, in another root field or a fragment', () => {
    const elsewhere = infoOf(`
      query { entity { id } other { ...More } }
      fragment More on Entity { aliases papers { nodes { abstract } } }`);
    expect(operationAsks(elsewhere, ['aliases'])).toBe(true);
    expect(detailsAsked(elsewhere)).toEqual({ entities: true, papers: true });
  });

  it('asks for none when the operation names only ids, names and titles', () => {
    const lean = infoOf('{ entity { id papers { nodes { id title } } } }');
    expect(detailsAsked(lean)).toEqual({ entities: false, papers: false });
  });
});
