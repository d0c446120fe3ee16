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
 * The selections of the subfields at `path` below the field being resolved (`['edges', 'paper']`
 * for `edges { paper }`), through inline fragments and fragment spreads too.
 */
function fieldNodesAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  // Every selection set in `set` with its fragments unfolded.
  const unfolded = (set: SelectionSetNode | undefined): SelectionSetNode[] => {
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
  };
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    nodes = nodes
      .flatMap((node) => unfolded(node.selectionSet))
      .flatMap((set) => set.selections)
      .filter((selection): selection is FieldNode => selection.kind === 'Field')
      .filter((field) => field.name.value === step);
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
  const sets: SelectionSetNode[] = [info.operation.selectionSet];
  const spread = new Set<string>();
  for (let i = 0; i < sets.length; i++) {
    for (const selection of sets[i].selections) {
      if (selection.kind === 'Field') {
        names.add(selection.name.value);
        if (selection.selectionSet) sets.push(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        sets.push(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) sets.push(fragment.selectionSet);
      }
    }
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
