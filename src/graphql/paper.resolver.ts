import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';

import { RelatedPaperRow } from '../graph/co-usage.repository';
import {
  findPaper,
  listPapers,
  paperOrdering,
  PaperOrder as Order,
} from '../graph/papers.repository';
import { EntityRow, MentionRow, PaperRow } from '../graph/rows';
import { EntityKind, LinkRole } from '../model';
import { badUserInput, cursorArg, given, pageSize, textArg } from './args';
import { Context } from './context';
import { RelatedPaper } from './types/co-usage.type';
import { Connection, PaperConnection, toConnection } from './types/connection.type';
import { Dataset, Entity, Task } from './types/entity.type';
import { LinkRoleEnum } from './types/enums';
import { Mention } from './types/mention.type';
import { PaperOrder, PaperWhere } from './types/paper.input';
import { Paper } from './types/paper.type';
import { detailsAsked, selectsAny } from './selection';

/** Paper fields read from its mentions: paper(id) fetches them with the paper when asked. */
const MENTION_FIELDS = ['mentions', 'introduces', 'uses', 'evaluatesOn', 'comparesWith', 'tasks'];

const DEFAULT_ORDER: Order = { field: 'TITLE', direction: 'ASC' };

async function entitiesIn(
  ctx: Context,
  paper: PaperRow,
  role: LinkRole,
  kind?: EntityKind,
): Promise<EntityRow[]> {
  const mentions = await ctx.loaders.mentions.load(paper.id);
  return mentions
    .filter(
      (mention) => mention.role === role && (kind === undefined || mention.entity.kind === kind),
    )
    .map((mention) => mention.entity);
}

@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, {
    nullable: true,
    description: 'A paper by id, or by title (exact, any case). Give exactly one of the two.',
  })
  async paper(
    @Arg('id', () => ID, { nullable: true }) id: string | null | undefined,
    @Arg('title', () => String, { nullable: true }) title: string | null | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PaperRow | null> {
    const hasId = id !== null && id !== undefined;
    if (hasId === (title !== null && title !== undefined)) {
      throw badUserInput('id', 'or "title" must be given, and not both.');
    }
    const found = await findPaper(
      ctx.db,
      hasId ? { id: textArg(id, 'id', 2_000) } : { title: textArg(title ?? '', 'title', 2_000) },
      selectsAny(info, MENTION_FIELDS),
      detailsAsked(info),
    );
    if (found?.mentions) ctx.loaders.mentions.prime(found.paper.id, found.mentions);
    return found?.paper ?? null;
  }

  @Query(() => PaperConnection, { description: 'Papers, filtered and ordered, a page at a time.' })
  async papers(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most 100.' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('where', () => PaperWhere, { nullable: true }) where: PaperWhere | null | undefined,
    @Arg('orderBy', () => PaperOrder, { nullable: true, description: 'Default: TITLE ASC.' })
    orderBy: PaperOrder | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Connection<PaperRow>> {
    const order: Order = { ...DEFAULT_ORDER, ...given(orderBy) };
    const page = await listPapers(ctx.db, {
      first: pageSize(first ?? 20),
      after: cursorArg(after, paperOrdering(order)),
      where: given(where),
      orderBy: order,
    });
    return toConnection(page, after ?? undefined);
  }

  @FieldResolver(() => [Mention], { description: 'Links to entities, by role then entity name.' })
  async mentions(
    @Root() paper: PaperRow,
    @Arg('role', () => LinkRoleEnum, { nullable: true }) role: LinkRole | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<MentionRow[]> {
    const mentions = await ctx.loaders.mentions.load(paper.id);
    return role ? mentions.filter((mention) => mention.role === role) : mentions;
  }

  @FieldResolver(() => [Entity], { description: 'Entities the paper introduces.' })
  introduces(@Root() paper: PaperRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return entitiesIn(ctx, paper, 'INTRODUCES');
  }

  @FieldResolver(() => [Entity], { description: 'Entities the paper uses.' })
  uses(@Root() paper: PaperRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return entitiesIn(ctx, paper, 'USES');
  }

  @FieldResolver(() => [Dataset], { description: 'Datasets the paper evaluates on.' })
  evaluatesOn(@Root() paper: PaperRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return entitiesIn(ctx, paper, 'EVALUATES_ON', 'DATASET');
  }

  @FieldResolver(() => [Entity], { description: 'Entities the paper compares with.' })
  comparesWith(@Root() paper: PaperRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return entitiesIn(ctx, paper, 'COMPARES_WITH');
  }

  @FieldResolver(() => [Task], { description: 'Tasks the paper addresses.' })
  tasks(@Root() paper: PaperRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return entitiesIn(ctx, paper, 'ADDRESSES', 'TASK');
  }

  @FieldResolver(() => [RelatedPaper], {
    description:
      'Papers mentioning the same entities, most shared first, with the shared entities.',
  })
  async related(
    @Root() paper: PaperRow,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'At most 100.' })
    first: number | null,
    @Ctx() ctx: Context,
  ): Promise<Array<RelatedPaperRow & { sharedCount: number }>> {
    const related = await ctx.loaders.related.load({
      paperId: paper.id,
      first: pageSize(first ?? 10),
    });
    return related.map((row) => ({ ...row, sharedCount: row.shared.length }));
  }
}
