import 'reflect-metadata';

import { GraphQLSchema, GraphQLTypeResolver, isAbstractType } from 'graphql';
import { buildSchema } from 'type-graphql';

import { CurationResolver } from './curation.resolver';
import { DatasetResolver } from './dataset.resolver';
import { EntityResolver } from './entity.resolver';
import { LineageEdgeResolver } from './lineage-edge.resolver';
import { LineageResolver } from './lineage.resolver';
import { PaperResolver } from './paper.resolver';
import { PathResolver } from './path.resolver';
import { SearchResolver } from './search.resolver';
import { ServerInfoResolver } from './server-info.resolver';
import { StatsResolver } from './stats.resolver';
import { entityTypeName } from './types/entity.type';
import { graphNodeTypeName } from './types/graph-node.type';

/** Every resolver class of the API; the emitted SDL is committed as schema/schema.graphql. */
export const RESOLVERS = [
  ServerInfoResolver,
  CurationResolver,
  PaperResolver,
  EntityResolver,
  DatasetResolver,
  LineageResolver,
  LineageEdgeResolver,
  PathResolver,
  SearchResolver,
  StatsResolver,
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- graphql-js types sources as any
const TYPE_RESOLVERS: Record<string, GraphQLTypeResolver<any, unknown>> = {
  Entity: entityTypeName,
  GraphNode: graphNodeTypeName,
};

/**
 * type-graphql wraps every resolveType in an async function, so each entity of an answer was a
 * promise graphql-js had to wait on: thousands for a bushy lineage, a third of its execution time.
 * The same functions, unwrapped, answer synchronously.
 */
function resolveTypesSynchronously(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    const resolveType = TYPE_RESOLVERS[type.name];
    if (isAbstractType(type) && resolveType) type.resolveType = resolveType;
  }
  return schema;
}

export async function buildPapergraphSchema(): Promise<GraphQLSchema> {
  return resolveTypesSynchronously(
    await buildSchema({ resolvers: [...RESOLVERS], validate: false }),
  );
}
