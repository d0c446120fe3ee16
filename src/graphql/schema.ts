import 'reflect-metadata';

import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { ServerInfoResolver } from './server-info.resolver';

/** Every resolver class of the API; the emitted SDL is committed as schema/schema.graphql. */
export const RESOLVERS = [ServerInfoResolver] as const;

export async function buildPapergraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}
