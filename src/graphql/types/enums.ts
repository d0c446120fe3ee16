import { registerEnumType } from 'type-graphql';

import { LINEAGE_RELATIONS, LINK_ROLES } from '../../model';

/**
 * The read API's enums. Values come from the fixed lists in model.ts, so the schema, the loader and
 * the Cypher the repository builds can never disagree on a kind, role or relation.
 */

type EnumOf<T extends string> = { [K in T]: K };

function enumOf<T extends string>(values: readonly T[]): EnumOf<T> {
  return Object.fromEntries(values.map((value) => [value, value])) as EnumOf<T>;
}

// Registered once for the whole schema in ../enums.ts (shared with the mutations).
export { EntityKindEnum, LineageRelationEnum, LinkRoleEnum } from '../enums';

export const LineageDirectionEnum = enumOf(['ANCESTORS', 'DESCENDANTS', 'BOTH'] as const);
registerEnumType(LineageDirectionEnum, {
  name: 'LineageDirection',
  description: 'Which way a lineage walk goes from its root: to parents, to children, or both.',
});

export const ProvenanceEnum = enumOf(['EXTRACTED', 'CURATED'] as const);
registerEnumType(ProvenanceEnum, {
  name: 'Provenance',
  description: 'Whether a link was found by the extractor or stated by a curator.',
});

export const OrderDirectionEnum = enumOf(['ASC', 'DESC'] as const);
registerEnumType(OrderDirectionEnum, { name: 'OrderDirection' });

export const RelationTypeEnum = enumOf([...LINK_ROLES, ...LINEAGE_RELATIONS]);
registerEnumType(RelationTypeEnum, {
  name: 'RelationType',
  description: 'A relationship between papers and entities: a mention role or a lineage relation.',
});

export const StepDirectionEnum = enumOf(['OUTGOING', 'INCOMING'] as const);
registerEnumType(StepDirectionEnum, {
  name: 'StepDirection',
  description:
    'OUTGOING when the relationship points from this step to the next (paper -USES-> entity, ' +
    'child -EXTENDS-> parent), INCOMING when it points back.',
});
