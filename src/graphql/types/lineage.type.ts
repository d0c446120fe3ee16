import { Field, Float, ObjectType } from 'type-graphql';

import { LineageRelation, Provenance } from '../../model';
import { Entity } from './entity.type';
import { LineageRelationEnum, ProvenanceEnum } from './enums';

@ObjectType('LineageEdge', {
  simpleResolvers: true,
  description: 'The child derives from the parent.',
})
export class LineageEdge {
  @Field(() => Entity)
  child!: Entity;

  @Field(() => Entity)
  parent!: Entity;

  @Field(() => LineageRelationEnum)
  relation!: LineageRelation;

  @Field(() => String, { nullable: true, description: 'The sentence that supports the edge.' })
  evidence?: string | null;

  @Field(() => ProvenanceEnum)
  source!: Provenance;

  @Field(() => Float)
  confidence!: number;
}

@ObjectType('Lineage', {
  simpleResolvers: true,
  description: 'The lineage subgraph around an entity.',
})
export class Lineage {
  @Field(() => Entity)
  root!: Entity;

  @Field(() => [Entity], {
    description: 'Every entity of the subgraph, the root first, then by depth.',
  })
  nodes!: Entity[];

  @Field(() => [LineageEdge], { description: 'Each edge once, nearest the root first.' })
  edges!: LineageEdge[];
}
