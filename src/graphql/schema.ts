import 'reflect-metadata';

import { GraphQLSchema } from 'graphql';
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

export async function buildPapergraphSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS], validate: false });
}
