import { Field, Int, ObjectType } from 'type-graphql';

import { EntityKind, LineageRelation, LinkRole, Provenance } from '../../model';
import { Entity } from './entity.type';
import { EntityKindEnum, LineageRelationEnum, LinkRoleEnum, ProvenanceEnum } from './enums';
import { Paper } from './paper.type';

@ObjectType('KindCount', {
  simpleResolvers: true,
})
export class KindCount {
  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RoleCount', {
  simpleResolvers: true,
})
export class RoleCount {
  @Field(() => LinkRoleEnum)
  role!: LinkRole;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RelationCount', {
  simpleResolvers: true,
})
export class RelationCount {
  @Field(() => LineageRelationEnum)
  relation!: LineageRelation;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ProvenanceCount', {
  simpleResolvers: true,
  description: 'Links of one provenance.',
})
export class ProvenanceCount {
  @Field(() => ProvenanceEnum)
  source!: Provenance;

  @Field(() => Int)
  mentions!: number;

  @Field(() => Int)
  lineageEdges!: number;
}

@ObjectType('RankedEntity', {
  simpleResolvers: true,
})
export class RankedEntity {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RankedPaper', {
  simpleResolvers: true,
})
export class RankedPaper {
  @Field(() => Paper)
  paper!: Paper;

  @Field(() => Int)
  count!: number;
}

@ObjectType('GraphStats', {
  simpleResolvers: true,
  description:
    'Counts for a dashboard. Every kind, role, relation and source is listed, zeros included.',
})
export class GraphStats {
  @Field(() => Int)
  papers!: number;

  @Field(() => Int)
  entities!: number;

  @Field(() => Int, { description: 'Paper-to-entity links of all roles.' })
  mentions!: number;

  @Field(() => Int)
  lineageEdges!: number;

  @Field(() => [KindCount])
  entitiesByKind!: KindCount[];

  @Field(() => [RoleCount])
  mentionsByRole!: RoleCount[];

  @Field(() => [RelationCount])
  lineageByRelation!: RelationCount[];

  @Field(() => [ProvenanceCount], { description: 'Extracted against curated links.' })
  provenance!: ProvenanceCount[];

  @Field(() => [RankedEntity], {
    description: 'Datasets by papers linking to them in any role (their paperCount).',
  })
  topDatasets!: RankedEntity[];

  @Field(() => [RankedEntity], {
    description: 'Tasks by papers linking to them in any role (their paperCount).',
  })
  topTasks!: RankedEntity[];

  @Field(() => [RankedEntity], {
    description: 'Methods by papers linking to them in any role (their paperCount).',
  })
  topMethods!: RankedEntity[];

  @Field(() => [RankedEntity], {
    description: 'Models by papers linking to them in any role (their paperCount).',
  })
  topModels!: RankedEntity[];

  @Field(() => [RankedEntity], {
    description: 'Methods and models by descendants (any depth up to 10; their descendantCount).',
  })
  mostDescendants!: RankedEntity[];

  @Field(() => [RankedPaper], { description: 'Papers by the entities they introduce.' })
  topIntroducingPapers!: RankedPaper[];
}
