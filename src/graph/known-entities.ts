import { Database } from '../db/database';
import { GraphBatch } from '../model';
import {
  GraphIdentities,
  KnownEntity,
  identityLookups,
  resolveAgainstGraph,
} from '../ingest/resolve/graph-identity';

/**
 * Reads what the graph knows of a batch's entities (by id, and by the alias key of each name) and
 * resolves the batch against it, so that an ingest honours a curator's merges.
 */

const ENTITY = `e {.id, .name, .kind, .description, aliases: coalesce(e.aliases, []),
    curated: e.curatedBy IS NOT NULL}`;

const KNOWN_ENTITIES_CYPHER = `
  UNWIND $ids AS id
  MATCH (e:Entity {id: id})
  RETURN '' AS key, ${ENTITY} AS entity
  UNION ALL
  UNWIND $keys AS key
  MATCH (:Alias {key: key})-[:ALIAS_OF]->(e:Entity)
  RETURN key, ${ENTITY} AS entity`;

export async function readGraphIdentities(
  db: Pick<Database, 'query'>,
  batch: GraphBatch,
): Promise<GraphIdentities> {
  const rows = await db.query<{
    key: string;
    entity: KnownEntity & { description: string | null };
  }>(KNOWN_ENTITIES_CYPHER, identityLookups(batch));
  const byId = new Map<string, KnownEntity>();
  const byKey = new Map<string, KnownEntity[]>();
  for (const { key, entity: row } of rows) {
    const { description, ...rest } = row;
    const entity: KnownEntity = { ...rest, ...(description ? { description } : {}) };
    if (!key) byId.set(entity.id, entity);
    else byKey.set(key, [...(byKey.get(key) ?? []), entity]);
  }
  return { byId, byKey };
}

/** The batch with its entities resolved through the graph's ids and aliases. */
export async function resolveWithGraph(
  db: Pick<Database, 'query'>,
  batch: GraphBatch,
): Promise<GraphBatch> {
  return resolveAgainstGraph(batch, await readGraphIdentities(db, batch));
}
