import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';

import { CoUsageRow } from '../graph/co-usage.repository';
import {
  EntityOrder as Order,
  entityOrdering,
  PapersOfFound,
  findEntity,
  findEntityWithPapers,
  listEntities,
} from '../graph/entities.repository';
import { ENTITY_PAPERS_ORDERING } from '../graph/papers.repository';
import { EntityRow, LineageEdgeRow, PaperRow } from '../graph/rows';
import { EntityKind, LinkRole } from '../model';
import { cursorArg, given, pageSize } from './args';
import { Context } from './context';
import { detailsAsked, subfieldArguments } from './selection';
import { CoUsage } from './types/co-usage.type';
import {
  Connection,
  EntityConnection,
  PaperConnection,
  toConnection,
} from './types/connection.type';
import { EntityOrder, EntityWhere } from './types/entity.input';
import { Entity } from './types/entity.type';
import { EntityKindEnum, LinkRoleEnum } from './types/enums';
import { LineageEdge } from './types/lineage.type';
import { Paper } from './types/paper.type';

const DEFAULT_ORDER: Order = { field: 'NAME', direction: 'ASC' };

export type CoUsageResult = CoUsageRow & { count: number };

export function withCount(rows: CoUsageRow[]): CoUsageResult[] {
  return rows.map((row) => ({ ...row, count: row.papers.length }));
}

interface PapersArgs {
  role?: LinkRole | null;
  first?: number | null;
  after?: string | null;
}

/** The page Entity.papers asks for (a bad argument throws BAD_USER_INPUT). */
function papersPage(args: PapersArgs, info: GraphQLResolveInfo): PapersOfFound {
  return {
    role: args.role ?? undefined,
    first: pageSize(args.first ?? 20),
    after: cursorArg(args.after, ENTITY_PAPERS_ORDERING),
    details: detailsAsked(info).papers,
  };
}

/** The page of papers `entity(name)` can fetch with the entity, if its query asks for one. */
function papersAskedWith(info: GraphQLResolveInfo): PapersOfFound | undefined {
  const args = subfieldArguments(info, 'papers');
  if (!args) return undefined;
  try {
    return papersPage(args, info);
  } catch {
    // Entity.papers itself reports the bad argument, at its own path.
    return undefined;
  }
}

/** Queries of entities, and the fields every kind of entity has (Entity interface). */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, {
    nullable: true,
    description:
      'The entity a name or alias means, in any case, with or without hyphens, spaces or a plural ' +
      '"s". When several share the name, `kind` picks one; else the one most papers mention.',
  })
  async entity(
    @Arg('name', () => String) name: string,
    @Arg('kind', () => EntityKindEnum, { nullable: true }) kind: EntityKind | null | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityRow | null> {
    const details = detailsAsked(info);
    const papers = papersAskedWith(info);
    if (!papers) return findEntity(ctx.db, name, kind ?? undefined, details);
    const found = await findEntityWithPapers(ctx.db, name, kind ?? undefined, details, papers);
    // Entity.papers finds the page under the same key, without a statement.
    if (found)
      ctx.loaders.entityPapers.prime({ entityId: found.entity.id, ...papers }, found.papers);
    return found?.entity ?? null;
  }

  @Query(() => EntityConnection, {
    description: 'Entities, filtered and ordered, a page at a time.',
  })
  async entities(
    @Arg('kind', () => EntityKindEnum, { nullable: true }) kind: EntityKind | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most 100.' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Arg('where', () => EntityWhere, { nullable: true }) where: EntityWhere | null | undefined,
    @Arg('orderBy', () => EntityOrder, { nullable: true, description: 'Default: NAME ASC.' })
    orderBy: EntityOrder | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Connection<EntityRow>> {
    const order: Order = { ...DEFAULT_ORDER, ...given(orderBy) };
    const page = await listEntities(ctx.db, {
      first: pageSize(first ?? 20),
      after: cursorArg(after, entityOrdering(order)),
      where: { ...given(where), ...(kind ? { kind } : {}) },
      orderBy: order,
    });
    return toConnection(page, after ?? undefined);
  }

  @FieldResolver(() => [Paper], { description: 'Papers that introduce the entity.' })
  introducedIn(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<PaperRow[]> {
    return ctx.loaders.introducedIn.load(entity.id);
  }

  @FieldResolver(() => PaperConnection, { description: 'Papers mentioning the entity, by title.' })
  async papers(
    @Root() entity: EntityRow,
    @Arg('role', () => LinkRoleEnum, { nullable: true, description: 'Any role when absent.' })
    role: LinkRole | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'At most 100.' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<PaperRow>> {
    const page = await ctx.loaders.entityPapers.load({
      entityId: entity.id,
      ...papersPage({ role, first, after }, info),
    });
    return toConnection(page, after ?? undefined);
  }

  @FieldResolver(() => [LineageEdge], { description: 'Edges to the direct parents.' })
  async derivedFrom(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<LineageEdgeRow[]> {
    return (await ctx.loaders.lineage.load(entity.id)).derivedFrom;
  }

  @FieldResolver(() => [LineageEdge], { description: 'Edges from the direct children.' })
  async derivatives(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<LineageEdgeRow[]> {
    return (await ctx.loaders.lineage.load(entity.id)).derivatives;
  }

  @FieldResolver(() => [CoUsage], {
    description:
      'Entities mentioned by the same papers ("which datasets are used with X": kind DATASET), ' +
      'most shared papers first.',
  })
  async coUsed(
    @Root() entity: EntityRow,
    @Arg('kind', () => EntityKindEnum, { nullable: true }) kind: EntityKind | null | undefined,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'At most 100.' })
    first: number | null,
    @Ctx() ctx: Context,
  ): Promise<CoUsageResult[]> {
    const rows = await ctx.loaders.coUsed.load({
      entityId: entity.id,
      kind: kind ?? undefined,
      first: pageSize(first ?? 10),
    });
    return withCount(rows);
  }

  @FieldResolver(() => Int, { description: 'Distinct papers mentioning the entity in any role.' })
  async paperCount(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(entity.id)).paperCount;
  }

  @FieldResolver(() => Int, { description: 'Direct children in the lineage.' })
  async derivativeCount(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(entity.id)).derivativeCount;
  }

  @FieldResolver(() => Int, { description: 'Descendants at any depth up to 10.' })
  async descendantCount(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.counts.load(entity.id)).descendantCount;
  }
}
