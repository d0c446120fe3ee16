import { Config } from '../config';
import { Database } from '../db/database';
import { Logger } from '../logger';
import { Loaders } from './loaders';

/** What every resolver receives; built fresh for each request, so the API process holds no state. */
export interface Context {
  db: Database;
  /** papergraph's version, for serverInfo. */
  version: string;
  logger: Logger;
  /** True when the request carried `Authorization: Bearer <PAPERGRAPH_API_TOKEN>`. */
  authorized: boolean;
  /** False when no PAPERGRAPH_API_TOKEN is configured: mutations are then off. */
  mutationsEnabled: boolean;
  /** `curatedBy` of what this request writes: the `X-Curator` header, else "api-token". */
  curator: string;
  /** The server's settings: limits, the root folder (lexicon) for ingestPapers. */
  config: Config;
  /** Per-request DataLoaders of the read API's nested fields (see loaders.ts). */
  loaders: Loaders;
}
