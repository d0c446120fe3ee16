import { Field, ObjectType } from 'type-graphql';

import { NodeRow } from '../../graph/rows';
import { RelationTypeEnum, StepDirectionEnum } from './enums';
import { GraphNode } from './graph-node.type';

@ObjectType('PathStep', {
  simpleResolvers: true,
  description: 'One node of a path and the relationship that leads on.',
})
export class PathStep {
  @Field(() => GraphNode)
  node!: NodeRow;

  @Field(() => RelationTypeEnum, {
    nullable: true,
    description: 'To the next step; null on the last.',
  })
  relation?: string | null;

  @Field(() => StepDirectionEnum, { nullable: true, description: 'Null on the last step.' })
  direction?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The evidence of the relationship to the next step.',
  })
  evidence?: string | null;
}
