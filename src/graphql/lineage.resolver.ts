import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';

import { MAX_LINEAGE_DEPTH } from '../graph/cypher';
import {
  LineageDetails,
  LineageDirection,
  LeanLineageEdgeRow,
  LeanEntityRow,
  findLineage,
} from '../graph/lineage.repository';
import { EntityKind, LineageRelation } from '../model';
import { intInRange } from './args';
import { Context } from './context';
import { detailsAsked, operationAsks, selectsAny } from './selection';
import { EntityKindEnum, LineageDirectionEnum, LineageRelationEnum } from './types/enums';
import { Lineage } from './types/lineage.type';

interface LineageResult {
  root: LeanEntityRow;
  nodes: LeanEntityRow[];
  edges: LeanLineageEdgeRow[];
}

/** The root, then every other entity in the order its first edge comes. */
function nodesOf(root: LeanEntityRow, edges: LeanLineageEdgeRow[]): LeanEntityRow[] {
  const nodes = new Map<string, LeanEntityRow>([[root.id, root]]);
  for (const edge of edges) {
    for (const entity of [edge.child, edge.parent]) {
      if (!nodes.has(entity.id)) nodes.set(entity.id, entity);
    }
  }
  return [...nodes.values()];
}

const EDGE_DETAILS = ['evidence', 'source', 'confidence', 'paper'];

/** Which details the lineage's entities and edges carry: those the operation asks for. */
function lineageDetails(info: GraphQLResolveInfo): LineageDetails {
  return { ...detailsAsked(info), edges: operationAsks(info, EDGE_DETAILS) };
}

@Resolver()
export class LineageResolver {
  @Query(() => Lineage, {
    nullable: true,
    description:
      'The lineage around an entity (name or alias), to any depth in one walk. Null when no entity ' +
      'has the name.',
  })
  async lineage(
    @Arg('name', () => String) name: string,
    @Arg('kind', () => EntityKindEnum, { nullable: true }) kind: EntityKind | null | undefined,
    @Arg('direction', () => LineageDirectionEnum, { nullable: true, defaultValue: 'BOTH' })
    direction: LineageDirection | null,
    @Arg('maxDepth', () => Int, {
      nullable: true,
      defaultValue: 3,
      description: `1 to ${MAX_LINEAGE_DEPTH}.`,
    })
    maxDepth: number | null,
    @Arg('relations', () => [LineageRelationEnum], {
      nullable: true,
      description: 'Follow only these relations; all when absent.',
    })
    relations: LineageRelation[] | null | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<LineageResult | null> {
    const result = await findLineage(
      ctx.db,
      {
        name,
        kind: kind ?? undefined,
        direction: direction ?? 'BOTH',
        maxDepth: intInRange(maxDepth ?? 3, 'maxDepth', 1, MAX_LINEAGE_DEPTH),
        relations: relations ?? undefined,
      },
      lineageDetails(info),
      selectsAny(info, ['paper'], ['edges']),
    );
    if (!result) return null;
    // The cited papers came with the walk: LineageEdge.paper finds them without a statement.
    if (result.papers) {
      const found = new Map(result.papers.map((paper) => [paper.id, paper]));
      for (const { paperId } of result.edges) {
        if (paperId) ctx.loaders.papers.prime(paperId, found.get(paperId) ?? null);
      }
    }
    return { ...result, nodes: nodesOf(result.root, result.edges) };
  }
}
