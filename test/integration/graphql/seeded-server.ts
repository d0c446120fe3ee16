import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { seedCorpus } from '../../../src/ingest/ingest';
import { aliasKey, slug } from '../../../src/ingest/resolve/slug';
import { EntityKind, KIND_LABEL, LINEAGE_RELATIONS, LineageRelation } from '../../../src/model';
import { RunningServer } from '../../../src/server';
import { clearGraph, openTestDatabase } from '../../support/test-graph';
import { GraphQLResponse, gql, startTestServer } from '../../support/test-server';

/**
 * The read API over the seed corpus: each test file seeds once (clear, then the 119 papers) and
 * queries a real server over HTTP. Facts asserted on are the robust ones (BEiT from BERT, MAE's
 * alias, AlignDet's comparisons), since the extractor still improves.
 */

/** A response's data: its shape is what each test asserts on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Seeded {
  server: RunningServer;
  db: Database;
}

const SEED_TIMEOUT_MS = 300_000;

/** Registers beforeAll/afterAll hooks; call the returned function inside tests. */
export function useSeededServer(afterSeed?: (db: Database) => Promise<void>): () => Seeded {
  let seeded: Seeded | undefined;
  beforeAll(async () => {
    const db = await openTestDatabase();
    await clearGraph(db);
    await seedCorpus(db, loadConfig().rootDir);
    await afterSeed?.(db);
    seeded = { db, server: await startTestServer() };
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await seeded?.server.stop();
    await seeded?.db.close();
  });
  return () => {
    if (!seeded) throw new Error('the seeded server is not ready (beforeAll failed?)');
    return seeded;
  };
}

/** The data of an operation that must succeed; its errors fail the test with their messages. */
export async function data<T = Json>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await gql<T>(server, query, variables);
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data;
}

/** The first error of an operation that must fail. */
export async function firstError(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<NonNullable<GraphQLResponse['errors']>[number]> {
  const response = await gql(server, query, variables);
  if (!response.errors?.length)
    throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return response.errors[0];
}

export interface Connection<T> {
  totalCount: number;
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every page of a connection, following endCursor: the nodes in order and the number of requests.
 * `pick` finds the connection in the response data.
 */
export async function walkPages<T>(
  server: RunningServer,
  query: string,
  variables: Record<string, unknown>,
  pick: (data: Json) => Connection<T>,
): Promise<{ nodes: T[]; totalCount: number; pages: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = 0;
  for (;;) {
    const connection: Connection<T> = pick(await data(server, query, { ...variables, after }));
    pages += 1;
    totalCount = connection.totalCount;
    nodes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, totalCount, pages };
    if (pages > 1_000) throw new Error('too many pages: the cursor does not advance');
    after = connection.pageInfo.endCursor;
  }
}

export async function count(
  db: Database,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  const [row] = await db.query<{ n: number }>(cypher, params);
  return Number(row.n);
}

/**
 * Adds an entity and a curated lineage edge from it to an existing parent, as a curator would,
 * so that lineage tests do not hang on which lexicon facts the current seed happens to hold.
 */
export async function addCuratedChild(
  db: Database,
  child: { name: string; kind: EntityKind },
  relation: LineageRelation,
  parentId: string,
): Promise<string> {
  if (!LINEAGE_RELATIONS.includes(relation)) throw new Error(`not a lineage relation: ${relation}`);
  const id = slug(child.name);
  await db.write((tx) =>
    tx.run(
      `MATCH (parent:Entity {id: $parentId})
       CREATE (c:Entity:${KIND_LABEL[child.kind]} {id: $id, name: $name, kind: $kind, aliases: [], aliasText: ''})
       CREATE (:Alias {key: $key})-[:ALIAS_OF]->(c)
       CREATE (c)-[:${relation} {evidence: 'test fixture', confidence: 1.0, source: 'CURATED'}]->(parent)`,
      { parentId, id, name: child.name, kind: child.kind, key: aliasKey(child.name) },
    ),
  );
  return id;
}
