import { Field, InputType, registerEnumType } from 'type-graphql';

import { OrderDirection } from '../../graph/page';
import { PaperOrderField } from '../../graph/papers.repository';
import { OrderDirectionEnum } from './enums';

export const PaperOrderFieldEnum = {
  TITLE: 'TITLE',
  PUBLISHED: 'PUBLISHED',
  MENTION_COUNT: 'MENTION_COUNT',
} as const satisfies { [K in PaperOrderField]: K };
registerEnumType(PaperOrderFieldEnum, {
  name: 'PaperOrderField',
  valuesConfig: {
    TITLE: { description: 'Case-insensitive.' },
    PUBLISHED: { description: 'Papers without a date come first ascending, last descending.' },
    MENTION_COUNT: { description: 'Entity mentions of all roles.' },
  },
});

@InputType('PaperWhere', {
  description: 'All given conditions must hold. Entity names match any alias, in any case.',
})
export class PaperWhere {
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the title.' })
  titleContains?: string | null;

  @Field(() => String, { nullable: true, description: 'Introduces the entity of this name.' })
  introduces?: string | null;

  @Field(() => String, { nullable: true, description: 'Uses the entity of this name.' })
  uses?: string | null;

  @Field(() => String, { nullable: true, description: 'Evaluates on the dataset of this name.' })
  evaluatesOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Compares with the entity of this name.' })
  comparesWith?: string | null;

  @Field(() => String, { nullable: true, description: 'Addresses the task of this name.' })
  addresses?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Mentions the entity of this name in any role.',
  })
  mentions?: string | null;

  @Field(() => String, { nullable: true, description: 'Published on or after this ISO date.' })
  publishedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Published on or before this ISO date.' })
  publishedTo?: string | null;
}

@InputType('PaperOrder')
export class PaperOrder {
  @Field(() => PaperOrderFieldEnum, { defaultValue: 'TITLE' })
  field!: PaperOrderField;

  @Field(() => OrderDirectionEnum, { defaultValue: 'ASC' })
  direction!: OrderDirection;
}
