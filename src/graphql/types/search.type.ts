import { Field, Float, ObjectType } from 'type-graphql';

import { NodeRow } from '../../graph/rows';
import { GraphNode } from './graph-node.type';

@ObjectType('SearchHit', {
  simpleResolvers: true,
  description: 'A full-text match, best first.',
})
export class SearchHit {
  @Field(() => Float, { description: 'Lucene relevance; comparable within one search only.' })
  score!: number;

  @Field(() => GraphNode)
  node!: NodeRow;
}
