import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';

import { StatsRow, graphStats } from '../graph/stats.repository';
import { MAX_PAGE_SIZE, intInRange } from './args';
import { Context } from './context';
import { detailsAsked } from './selection';
import { GraphStats } from './types/stats.type';

@Resolver()
export class StatsResolver {
  @Query(() => GraphStats, {
    description: 'Counts and top lists of the whole graph, for a dashboard.',
  })
  stats(
    @Arg('top', () => Int, {
      nullable: true,
      defaultValue: 10,
      description: 'Length of each top list, at most 100.',
    })
    top: number | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StatsRow> {
    return graphStats(ctx.db, intInRange(top ?? 10, 'top', 1, MAX_PAGE_SIZE), detailsAsked(info));
  }
}
