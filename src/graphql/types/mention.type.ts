import { Field, Float, ObjectType } from 'type-graphql';

import { LinkRole, Provenance } from '../../model';
import { Entity } from './entity.type';
import { LinkRoleEnum, ProvenanceEnum } from './enums';

@ObjectType('Mention', {
  simpleResolvers: true,
  description: 'A paper-to-entity link with the sentence that supports it.',
})
export class Mention {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => LinkRoleEnum)
  role!: LinkRole;

  @Field(() => String, {
    nullable: true,
    description: 'The sentence of the paper that supports the link.',
  })
  evidence?: string | null;

  @Field(() => ProvenanceEnum)
  source!: Provenance;

  @Field(() => Float, { description: "The extractor's confidence, 0..1; 1 for curated links." })
  confidence!: number;
}
