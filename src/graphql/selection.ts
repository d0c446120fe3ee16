import {
  FieldNode,
  GraphQLResolveInfo,
  SelectionSetNode,
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

import { Details, ENTITY_DETAILS, PAPER_DETAILS } from '../graph/cypher';

/**
 * `set` and the selection sets of the fragments it contains, inline or spread, and theirs in turn:
 * every set whose fields are fields of this level.
 */
function unfolded(info: GraphQLResolveInfo, set: SelectionSetNode | undefined): SelectionSetNode[] {
  const sets = set ? [set] : [];
  const seen = new Set<string>();
  for (let i = 0; i < sets.length; i++) {
    for (const selection of sets[i].selections) {
      if (selection.kind === 'InlineFragment') sets.push(selection.selectionSet);
      else if (selection.kind === 'FragmentSpread' && !seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) sets.push(fragment.selectionSet);
      }
    }
  }
  return sets;
}

/** The fields of a level: those of `sets` and of their fragments. */
function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): FieldNode[] {
  return sets
    .flatMap((set) => unfolded(info, set))
    .flatMap((set) => set.selections)
    .filter((selection): selection is FieldNode => selection.kind === 'Field');
}

/**
 * The selections of the subfields at `path` below the field being resolved (`['edges', 'paper']`
 * for `edges { paper }`), through inline fragments and fragment spreads too.
 */
function fieldNodesAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    const sets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    nodes = fieldsOf(info, sets).filter((field) => field.name.value === step);
  }
  return [...nodes];
}

/**
 * Whether the field being resolved asks for any of the named subfields, directly or under the
 * given path of subfields (`['edges']` for `edges { paper }`). A root resolver uses it to fetch a
 * nested list in its own statement, one round trip instead of two, only when the query asks for it.
 */
export function selectsAny(
  info: GraphQLResolveInfo,
  names: readonly string[],
  path: readonly string[] = [],
): boolean {
  return names.some((name) => fieldNodesAt(info, [...path, name]).length > 0);
}

/**
 * The arguments of the subfield `name` of the field being resolved, when the query selects it,
 * with the same arguments wherever (aliases may ask for it twice, differently: then undefined).
 */
export function subfieldArguments(
  info: GraphQLResolveInfo,
  name: string,
): Record<string, unknown> | undefined {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
  if (!field) return undefined;
  const asked = fieldNodesAt(info, [name]).map((node) =>
    getArgumentValues(field, node, info.variableValues),
  );
  const distinct = new Set(asked.map((args) => JSON.stringify(args)));
  return distinct.size === 1 ? asked[0] : undefined;
}

const fieldNamesOfOperation = new WeakMap<object, Set<string>>();

/** Every field name the operation selects anywhere, through its fragments too. */
function fieldNames(info: GraphQLResolveInfo): Set<string> {
  const known = fieldNamesOfOperation.get(info.operation);
  if (known) return known;
  const names = new Set<string>();
  // Level by level from the operation's root fields.
  for (let level = fieldsOf(info, [info.operation.selectionSet]); level.length > 0;) {
    for (const field of level) names.add(field.name.value);
    level = fieldsOf(
      info,
      level.flatMap((field) => (field.selectionSet ? [field.selectionSet] : [])),
    );
  }
  fieldNamesOfOperation.set(info.operation, names);
  return names;
}

/** Whether the operation asks anywhere for a field of one of these names. */
export function operationAsks(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const asked = fieldNames(info);
  return names.some((name) => asked.has(name));
}

/**
 * The details rows must carry for this operation. Judged on the whole operation, not the field
 * being resolved: rows primed into a request's DataLoaders may serve another part of it.
 */
export function detailsAsked(info: GraphQLResolveInfo): Details {
  return {
    entities: operationAsks(info, ENTITY_DETAILS),
    papers: operationAsks(info, PAPER_DETAILS),
  };
}
