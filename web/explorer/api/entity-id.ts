import { ENTITY_KINDS, EntityKind } from './types';

/**
 * The API finds entities by name or alias, not by id. An id is the slug of the name, which the
 * name lookup (case, spaces and hyphens ignored) finds; only an entity whose name another kind
 * took first has an id with its kind appended ("bert-method"), so that suffix becomes `kind`.
 */
export function lookupsForId(id: string): Array<{ name: string; kind: EntityKind | null }> {
  const lookups: Array<{ name: string; kind: EntityKind | null }> = [{ name: id, kind: null }];
  const suffixed = /^(.+)-(method|model|dataset|task)(?:-\d+)?$/.exec(id);
  if (suffixed) {
    const kind = suffixed[2].toUpperCase() as EntityKind;
    if (ENTITY_KINDS.includes(kind)) lookups.push({ name: suffixed[1], kind });
  }
  return lookups;
}
