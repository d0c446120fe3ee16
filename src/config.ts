import fs from 'node:fs';
import path from 'node:path';

/**
 * Every setting papergraph reads from the environment, in one place. Each field says what it
 * does and its default; nothing else in the code reads process.env.
 */
export interface Config {
  /** `NODE_ENV`; `production` turns off introspection and the playground unless asked. Default `development`. */
  nodeEnv: string;
  /** `PORT`: HTTP port of the API and dashboard. Default 4000. */
  port: number;
  /** `HOST`: interface the HTTP server binds. Default `0.0.0.0`. */
  host: string;
  /**
   * `NEO4J_URI`: an existing Neo4j (`bolt://`, `neo4j://`, `neo4j+s://` for a cluster or Aura).
   * When unset, papergraph starts its embedded Neo4j on `127.0.0.1:NEO4J_BOLT_PORT`.
   */
  neo4jUri?: string;
  /** `NEO4J_USER`. Default `neo4j`. */
  neo4jUser: string;
  /** `NEO4J_PASSWORD`. Default `papergraph` (the embedded database is bound to 127.0.0.1 only). */
  neo4jPassword: string;
  /** `NEO4J_DATABASE`: database name on a multi-database server. Default: the server's default. */
  neo4jDatabase?: string;
  /** `NEO4J_BOLT_PORT`: Bolt port of the embedded database. Default 7687. */
  embeddedBoltPort: number;
  /** `NEO4J_DATA_DIR`: store of the embedded database. Default `.data/neo4j`. */
  embeddedDataDir: string;
  /** `NEO4J_HEAP`: JVM heap of the embedded database. Default `1g`. */
  embeddedHeap: string;
  /** `NEO4J_PAGECACHE`: page cache of the embedded database. Default `512m`. */
  embeddedPageCache: string;
  /** `NEO4J_START_TIMEOUT_MS`: how long to wait for the embedded database to be ready. Default 300000 (cold start downloads jars). */
  embeddedStartTimeoutMs: number;
  /** `PAPERGRAPH_CACHE_DIR`: where the Neo4j jars are resolved to. Default `.cache`. */
  cacheDir: string;
  /** `NEO4J_QUERY_TIMEOUT_MS`: per-transaction timeout so that no query can hold the database. Default 10000. */
  queryTimeoutMs: number;
  /** `PAPERGRAPH_API_TOKEN`: bearer token for mutations; unset means mutations are off. */
  apiToken?: string;
  /** `PAPERGRAPH_SEED_ON_START`: seed an empty database at `npm start`. Default true. */
  seedOnStart: boolean;
  /** `LOG_LEVEL`: pino level. Default `info` (`silent` under test). */
  logLevel: string;
  /** Project root: the folder holding package.json, `seeds/`, `schema/` and `tools/`. */
  rootDir: string;
  /** papergraph's own version, from package.json. */
  version: string;
  /**
   * `PAPERGRAPH_INTROSPECTION`: answer GraphQL introspection queries. Default on, off when
   * NODE_ENV=production.
   */
  introspection: boolean;
  /**
   * `PAPERGRAPH_PLAYGROUND`: serve the GraphiQL playground at GET /graphql (Accept: text/html).
   * Default on, off when NODE_ENV=production.
   */
  playground: boolean;
  /** What one request may ask of the server; see src/graphql/limits.ts. */
  limits: RequestLimits;
}

/** Each limit is read from its own environment variable, named on the field. */
export interface RequestLimits {
  /** `PAPERGRAPH_MAX_BODY_BYTES`: largest accepted request body; larger ones get 413. Default 1048576 (1 MiB). */
  maxBodyBytes: number;
  /** `PAPERGRAPH_MAX_DEPTH`: deepest field nesting of an operation. Default 12. */
  maxDepth: number;
  /**
   * `PAPERGRAPH_MAX_COST`: GraphQL Armor's cost estimate (2 per object, 1 per scalar, times 1.5
   * per level, times `first`). Default 100000: a page of 100 papers with 10 related papers each
   * fits, 100 x 100 (about 160000) does not.
   */
  maxCost: number;
  /** `PAPERGRAPH_MAX_ALIASES`: aliases in one operation (batching one query under many names). Default 15. */
  maxAliases: number;
  /** `PAPERGRAPH_MAX_DIRECTIVES`: directives in one operation. Default 20. */
  maxDirectives: number;
  /** `PAPERGRAPH_MAX_TOKENS`: lexical tokens in one document, checked while parsing. Default 5000. */
  maxTokens: number;
  /** `PAPERGRAPH_MAX_INGEST_PAPERS`: papers in one ingestPapers call. Default 100. */
  maxIngestPapers: number;
  /** `PAPERGRAPH_MAX_MERGE_ENTITIES`: entities merged into one in one mergeEntities call. Default 50. */
  maxMergeEntities: number;
  /** `PAPERGRAPH_INGEST_TIMEOUT_MS`: timeout of the one write transaction of ingestPapers. Default 60000. */
  ingestTimeoutMs: number;
}

/** The project root, whether running from src/ (tests) or dist/src/ (built). */
export const ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
);

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new Error(`Environment variable ${name} must be true or false, got "${env[name]}"`);
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const rootDir = ROOT;
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  return {
    nodeEnv,
    port: int(env, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    neo4jUri: optional(env, 'NEO4J_URI'),
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || 'papergraph',
    neo4jDatabase: optional(env, 'NEO4J_DATABASE'),
    embeddedBoltPort: int(env, 'NEO4J_BOLT_PORT', 7687),
    embeddedDataDir: path.resolve(rootDir, env.NEO4J_DATA_DIR || '.data/neo4j'),
    embeddedHeap: env.NEO4J_HEAP || '1g',
    embeddedPageCache: env.NEO4J_PAGECACHE || '512m',
    embeddedStartTimeoutMs: int(env, 'NEO4J_START_TIMEOUT_MS', 300_000),
    cacheDir: path.resolve(rootDir, env.PAPERGRAPH_CACHE_DIR || '.cache'),
    queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 10_000),
    apiToken: optional(env, 'PAPERGRAPH_API_TOKEN'),
    seedOnStart: bool(env, 'PAPERGRAPH_SEED_ON_START', true),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    rootDir,
    version: (
      JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { version: string }
    ).version,
    introspection: bool(env, 'PAPERGRAPH_INTROSPECTION', !production),
    playground: bool(env, 'PAPERGRAPH_PLAYGROUND', !production),
    limits: {
      maxBodyBytes: int(env, 'PAPERGRAPH_MAX_BODY_BYTES', 1_048_576),
      maxDepth: int(env, 'PAPERGRAPH_MAX_DEPTH', 12),
      maxCost: int(env, 'PAPERGRAPH_MAX_COST', 100_000),
      maxAliases: int(env, 'PAPERGRAPH_MAX_ALIASES', 15),
      maxDirectives: int(env, 'PAPERGRAPH_MAX_DIRECTIVES', 20),
      maxTokens: int(env, 'PAPERGRAPH_MAX_TOKENS', 5_000),
      maxIngestPapers: int(env, 'PAPERGRAPH_MAX_INGEST_PAPERS', 100),
      maxMergeEntities: int(env, 'PAPERGRAPH_MAX_MERGE_ENTITIES', 50),
      ingestTimeoutMs: int(env, 'PAPERGRAPH_INGEST_TIMEOUT_MS', 60_000),
    },
  };
}
