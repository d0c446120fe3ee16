import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';

import { Context } from './context';

@ObjectType({
  simpleResolvers: true,
  description: 'Versions of the running service and its database.',
})
export class ServerInfo {
  @Field(() => String)
  papergraph!: string;

  @Field(() => String)
  neo4j!: string;
}

@Resolver()
export class ServerInfoResolver {
  @Query(() => ServerInfo, {
    description: 'Versions of papergraph and of the Neo4j it serves from.',
  })
  async serverInfo(@Ctx() ctx: Context): Promise<ServerInfo> {
    return { papergraph: ctx.version, neo4j: await ctx.db.serverVersion() };
  }
}
