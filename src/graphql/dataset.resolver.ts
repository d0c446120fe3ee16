import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import { EntityRow } from '../graph/rows';
import { EntityKind } from '../model';
import { badUserInput, pageSize } from './args';
import { Context } from './context';
import { CoUsageResult, withCount } from './entity.resolver';
import { CoUsage } from './types/co-usage.type';
import { Dataset } from './types/entity.type';
import { EntityKindEnum } from './types/enums';

@Resolver(() => Dataset)
export class DatasetResolver {
  @FieldResolver(() => [CoUsage], {
    description:
      'Models and methods that papers evaluating on this dataset introduce, use or compare with, ' +
      'most papers first, with those papers.',
  })
  async evaluatedModels(
    @Root() dataset: EntityRow,
    @Arg('kind', () => EntityKindEnum, {
      nullable: true,
      description: 'MODEL or METHOD; both when absent.',
    })
    kind: EntityKind | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'At most 100.' })
    first: number | null,
    @Ctx() ctx: Context,
  ): Promise<CoUsageResult[]> {
    if (kind && kind !== 'MODEL' && kind !== 'METHOD') {
      throw badUserInput('kind', 'must be MODEL or METHOD.');
    }
    const rows = await ctx.loaders.evaluated.load({
      datasetId: dataset.id,
      kind: kind ?? undefined,
      first: pageSize(first ?? 10),
    });
    return withCount(rows);
  }
}
