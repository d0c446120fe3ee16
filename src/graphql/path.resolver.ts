import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import { MAX_PATH_LENGTH, PathStepRow, findPath } from '../graph/path.repository';
import { intInRange, textArg } from './args';
import { Context } from './context';
import { PathStep } from './types/path.type';

const MAX_ENDPOINT_LENGTH = 2_000;

@Resolver()
export class PathResolver {
  @Query(() => [PathStep], {
    nullable: true,
    description:
      'A shortest path between two papers or entities over mention and lineage relationships, in ' +
      'either direction. `from` and `to` are entity names or aliases, else paper ids or titles. ' +
      'Null when either is unknown or no path has at most `maxLength` relationships.',
  })
  path(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('maxLength', () => Int, {
      nullable: true,
      defaultValue: 6,
      description: `1 to ${MAX_PATH_LENGTH}.`,
    })
    maxLength: number | null,
    @Ctx() ctx: Context,
  ): Promise<PathStepRow[] | null> {
    return findPath(ctx.db, {
      from: textArg(from, 'from', MAX_ENDPOINT_LENGTH),
      to: textArg(to, 'to', MAX_ENDPOINT_LENGTH),
      maxLength: intInRange(maxLength ?? 6, 'maxLength', 1, MAX_PATH_LENGTH),
    });
  }
}
