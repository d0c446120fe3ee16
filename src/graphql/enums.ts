import { registerEnumType } from 'type-graphql';

import {
  ENTITY_KINDS,
  EntityKind,
  LINEAGE_RELATIONS,
  LineageRelation,
  LINK_ROLES,
  LinkRole,
} from '../model';

/**
 * The domain's closed vocabularies as GraphQL enums, registered once for the whole schema: a
 * second registration under the same name would break the schema build. The values are the
 * strings stored in Neo4j, so no mapping is needed either way.
 */

function enumObject<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const EntityKindEnum = enumObject<EntityKind>(ENTITY_KINDS);
export const LinkRoleEnum = enumObject<LinkRole>(LINK_ROLES);
export const LineageRelationEnum = enumObject<LineageRelation>(LINEAGE_RELATIONS);

registerEnumType(EntityKindEnum, {
  name: 'EntityKind',
  description: 'What an entity is: a method, a model, a dataset or a task.',
});
registerEnumType(LinkRoleEnum, {
  name: 'LinkRole',
  description: 'How a paper mentions an entity.',
});
registerEnumType(LineageRelationEnum, {
  name: 'LineageRelation',
  description: 'How a child entity derives from its parent.',
});
