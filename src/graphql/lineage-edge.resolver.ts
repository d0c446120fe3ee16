import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { LineageEdgeRow, PaperRow } from '../graph/rows';
import { Context } from './context';
import { LineageEdge } from './types/lineage.type';
import { Paper } from './types/paper.type';

/** The supporting paper of lineage edges, fetched by id only when a query asks for it. */
@Resolver(() => LineageEdge)
export class LineageEdgeResolver {
  @FieldResolver(() => Paper, {
    nullable: true,
    description: 'The paper the evidence comes from, when there is one.',
  })
  paper(@Root() edge: LineageEdgeRow, @Ctx() ctx: Context): Promise<PaperRow | null> | null {
    return edge.paperId ? ctx.loaders.papers.load(edge.paperId) : null;
  }
}
