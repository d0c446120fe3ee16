import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { LineageRelation, LinkRole } from '../model';
import { Context } from './context';
import { PaperInput } from './curation.input';
import {
  AddLineageEdgePayload,
  IngestPapersPayload,
  MergeEntitiesPayload,
  RemoveMentionPayload,
} from './curation.payload';
import { CurationService } from './curation.service';
import { LineageRelationEnum, LinkRoleEnum } from './enums';
import { requireCurator } from './require-curator';

function serviceFor(ctx: Context): CurationService {
  return new CurationService({
    db: ctx.db,
    limits: ctx.config.limits,
    rootDir: ctx.config.rootDir,
  });
}

/**
 * The write side of the API. Every mutation needs `Authorization: Bearer <PAPERGRAPH_API_TOKEN>`,
 * runs in one write transaction and records `curatedBy` (the `X-Curator` header, else
 * "api-token") and `curatedAt`.
 */
@Resolver()
export class CurationResolver {
  @Mutation(() => IngestPapersPayload, {
    description:
      'Reads, extracts and loads papers exactly as `papergraph ingest` does, all or none (at most PAPERGRAPH_MAX_INGEST_PAPERS per call, default 100).',
  })
  async ingestPapers(
    @Arg('papers', () => [PaperInput]) papers: PaperInput[],
    @Ctx() ctx: Context,
  ): Promise<IngestPapersPayload> {
    const curator = requireCurator(ctx);
    const { paperIds, report, warnings } = await serviceFor(ctx).ingestPapers(papers, curator);
    ctx.logger.info({ curator, papers: paperIds.length, report }, 'ingestPapers');
    return { paperIds, warnings, ...report };
  }

  @Mutation(() => MergeEntitiesPayload, {
    description:
      'Merges entities (ids, names or aliases) into `keep`: their mentions and lineage move to it, their names become its aliases, and they are deleted.',
  })
  async mergeEntities(
    @Arg('keep', () => String) keep: string,
    @Arg('merge', () => [String]) merge: string[],
    @Ctx() ctx: Context,
  ): Promise<MergeEntitiesPayload> {
    const curator = requireCurator(ctx);
    const result = await serviceFor(ctx).mergeEntities(keep, merge, curator);
    ctx.logger.info(
      { curator, kept: result.kept.id, mergedIds: result.mergedIds, movedLinks: result.movedLinks },
      'mergeEntities',
    );
    return { ...result, kept: result.kept.id, entity: result.kept };
  }

  @Mutation(() => AddLineageEdgePayload, {
    description:
      'Adds a curated lineage edge child -[relation]-> parent (ids, names or aliases). Refuses self-loops and cycles.',
  })
  async addLineageEdge(
    @Arg('child', () => String) child: string,
    @Arg('parent', () => String) parent: string,
    @Arg('relation', () => LineageRelationEnum) relation: LineageRelation,
    @Arg('evidence', () => String, { nullable: true }) evidence: string | undefined,
    @Ctx() ctx: Context,
  ): Promise<AddLineageEdgePayload> {
    const curator = requireCurator(ctx);
    const result = await serviceFor(ctx).addLineageEdge(
      child,
      parent,
      relation,
      evidence ?? undefined,
      curator,
    );
    const { edge, created } = result;
    ctx.logger.info(
      { curator, child: edge.child.id, parent: edge.parent.id, relation, created },
      'addLineageEdge',
    );
    return result;
  }

  @Mutation(() => RemoveMentionPayload, {
    description:
      'Deletes a mention and leaves a tombstone, so that re-ingesting the paper does not bring it back.',
  })
  async removeMention(
    @Arg('paperId', () => ID) paperId: string,
    @Arg('entityId', () => ID) entityId: string,
    @Arg('role', () => LinkRoleEnum) role: LinkRole,
    @Ctx() ctx: Context,
  ): Promise<RemoveMentionPayload> {
    const curator = requireCurator(ctx);
    const result = await serviceFor(ctx).removeMention(paperId, entityId, role, curator);
    ctx.logger.info({ curator, paperId, entityId, role, removed: result.removed }, 'removeMention');
    return result;
  }
}
