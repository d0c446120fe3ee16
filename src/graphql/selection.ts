import { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved asks for any of the named subfields, directly or under the
 * given path of subfields (`['edges']` for `edges { paper }`), through inline fragments and
 * fragment spreads too. A root resolver uses it to fetch a nested list in its own statement, one
 * round trip instead of two, only when the query asks for it.
 */
export function selectsAny(
  info: GraphQLResolveInfo,
  names: readonly string[],
  path: readonly string[] = [],
): boolean {
  const fields = (set: SelectionSetNode | undefined, seen: Set<string>): SelectionSetNode[] =>
    (set?.selections ?? []).flatMap((selection) => {
      if (selection.kind === 'Field') return [];
      if (selection.kind === 'InlineFragment') return [selection.selectionSet];
      const name = selection.name.value;
      if (seen.has(name)) return [];
      seen.add(name);
      const fragment = info.fragments[name]?.selectionSet;
      return fragment ? [fragment] : [];
    });
  // Every selection set in `set` with its fragments unfolded.
  const unfolded = (set: SelectionSetNode | undefined): SelectionSetNode[] => {
    const sets = set ? [set] : [];
    const seen = new Set<string>();
    for (let i = 0; i < sets.length; i++) sets.push(...fields(sets[i], seen));
    return sets;
  };
  const named = (sets: SelectionSetNode[], wanted: (name: string) => boolean) =>
    sets.flatMap((set) =>
      set.selections.filter(
        (selection) => selection.kind === 'Field' && wanted(selection.name.value),
      ),
    ) as Array<{ selectionSet?: SelectionSetNode }>;

  let level = info.fieldNodes.flatMap((node) => unfolded(node.selectionSet));
  for (const step of path) {
    level = named(level, (name) => name === step).flatMap((field) => unfolded(field.selectionSet));
  }
  return named(level, (name) => names.includes(name)).length > 0;
}
