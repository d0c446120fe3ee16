import { Field, Int, ObjectType } from 'type-graphql';

import { Entity } from './entity.type';
import { Paper } from './paper.type';

@ObjectType('RelatedPaper', {
  simpleResolvers: true,
  description: 'A paper that mentions some of the same entities.',
})
export class RelatedPaper {
  @Field(() => Paper)
  paper!: Paper;

  @Field(() => [Entity], { description: 'The entities both papers mention, by name.' })
  shared!: Entity[];

  @Field(() => Int)
  sharedCount!: number;
}

@ObjectType('CoUsage', {
  simpleResolvers: true,
  description: 'An entity that appears in the same papers as another.',
})
export class CoUsage {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Int, { description: 'How many papers link both.' })
  count!: number;

  @Field(() => [Paper], { description: 'The papers that link both, by title.' })
  papers!: Paper[];
}
