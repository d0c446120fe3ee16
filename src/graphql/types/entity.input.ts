import { Field, ID, InputType, registerEnumType } from 'type-graphql';

import { EntityOrderField } from '../../graph/entities.repository';
import { OrderDirection } from '../../graph/page';
import { OrderDirectionEnum } from './enums';

export const EntityOrderFieldEnum = {
  NAME: 'NAME',
  PAPER_COUNT: 'PAPER_COUNT',
  DERIVATIVE_COUNT: 'DERIVATIVE_COUNT',
  DESCENDANT_COUNT: 'DESCENDANT_COUNT',
} as const satisfies { [K in EntityOrderField]: K };
registerEnumType(EntityOrderFieldEnum, {
  name: 'EntityOrderField',
  valuesConfig: {
    NAME: { description: 'Case-insensitive.' },
    PAPER_COUNT: { description: 'Distinct papers mentioning the entity in any role.' },
    DERIVATIVE_COUNT: { description: 'Direct children in the lineage.' },
    DESCENDANT_COUNT: { description: 'Descendants at any depth up to 10.' },
  },
});

@InputType('EntityWhere', {
  description: 'All given conditions must hold. Entity names match any alias, in any case.',
})
export class EntityWhere {
  @Field(() => String, {
    nullable: true,
    description: 'Case-insensitive substring of the name or an alias.',
  })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Introduced in the paper of this id.' })
  introducedIn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Mentioned in any role by the paper of this id.',
  })
  mentionedIn?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Introduced, used or compared in a paper that evaluates on the dataset of this name.',
  })
  evaluatedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Descends (any depth up to 10) from the entity of this name.',
  })
  derivedFrom?: string | null;
}

@InputType('EntityOrder')
export class EntityOrder {
  @Field(() => EntityOrderFieldEnum, { defaultValue: 'NAME' })
  field!: EntityOrderField;

  @Field(() => OrderDirectionEnum, { defaultValue: 'ASC' })
  direction!: OrderDirection;
}
