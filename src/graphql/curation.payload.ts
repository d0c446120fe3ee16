import { Field, Int, ObjectType } from 'type-graphql';

import { EntityRow, LineageEdgeRow, PaperRow } from '../graph/rows';
import { LinkRole } from '../model';
import { LinkRoleEnum } from './enums';
import { Entity } from './types/entity.type';
import { LineageEdge } from './types/lineage.type';
import { Paper } from './types/paper.type';

@ObjectType({
  simpleResolvers: true,
  description: 'How many items one load created, changed or found as they were.',
})
export class WriteCounts {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'WriteCounts of links, with those a re-ingested paper no longer supports.',
})
export class LinkWriteCounts extends WriteCounts {
  @Field(() => Int)
  removed!: number;
}

@ObjectType({ simpleResolvers: true })
export class IngestPapersPayload {
  @Field(() => [String], { description: 'Ids of the papers, in input order.' })
  paperIds!: string[];

  @Field(() => WriteCounts)
  papers!: WriteCounts;

  @Field(() => WriteCounts)
  entities!: WriteCounts;

  @Field(() => LinkWriteCounts)
  mentions!: LinkWriteCounts;

  @Field(() => LinkWriteCounts)
  lineage!: LinkWriteCounts;

  @Field(() => [String], { description: 'What extraction skipped or doubted, per paper.' })
  warnings!: string[];
}

@ObjectType({ simpleResolvers: true })
export class MergeEntitiesPayload {
  @Field(() => String, { description: 'Id of the kept entity.' })
  kept!: string;

  @Field(() => Entity, { description: 'The kept entity after the merge, with its new aliases.' })
  entity!: EntityRow;

  @Field(() => [String], { description: 'Ids of the merged entities, now deleted.' })
  mergedIds!: string[];

  @Field(() => Int, {
    description:
      'Mentions, tombstones and lineage edges of the merged entities taken over by the kept one (an equal link it already had absorbs them; would-be self-loops are dropped).',
  })
  movedLinks!: number;
}

@ObjectType({ simpleResolvers: true })
export class AddLineageEdgePayload {
  @Field(() => LineageEdge, { description: 'The edge, now CURATED.' })
  edge!: LineageEdgeRow;

  @Field(() => Boolean, { description: 'False when the edge existed and is now marked curated.' })
  created!: boolean;

  @Field(() => String)
  curatedBy!: string;

  @Field(() => String, { description: 'ISO 8601 date-time.' })
  curatedAt!: string;
}

@ObjectType({ simpleResolvers: true })
export class RemoveMentionPayload {
  @Field(() => Paper)
  paper!: PaperRow;

  @Field(() => Entity)
  entity!: EntityRow;

  @Field(() => LinkRoleEnum)
  role!: LinkRole;

  @Field(() => Boolean, {
    description:
      'False when there was no such mention; the tombstone is written anyway, so no ingest adds it.',
  })
  removed!: boolean;

  @Field(() => String)
  curatedBy!: string;

  @Field(() => String, { description: 'ISO 8601 date-time.' })
  curatedAt!: string;
}
