import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import { EntityKind, LineageRelation } from '../model';
import {
  LINEAGE_TYPES,
  MAX_LINEAGE_DEPTH,
  Statement,
  entityByAlias,
  entityMap,
  hopLimit,
  lineageEdgeMap,
  lineageTypes,
  run,
} from './cypher';
import { EntityRow, LineageEdgeRow } from './rows';

/** Lineage: the ancestry of an entity to any depth, and the direct edges of many entities. */

export type LineageDirection = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

export interface LineageArgs {
  name: string;
  kind?: EntityKind;
  direction: LineageDirection;
  /** 1..MAX_LINEAGE_DEPTH. */
  maxDepth: number;
  /** Only these relations; all six when absent or empty. */
  relations?: readonly LineageRelation[];
}

export interface LineageResult {
  root: EntityRow;
  /** Each relationship once, nearest the root first. */
  edges: LineageEdgeRow[];
}

// Edges point child -> parent, so ancestors are reached along them and descendants against them.
function walks(direction: LineageDirection, types: string, hops: string): string[] {
  const up = `MATCH path = (root)-[:${types}*1..${hops}]->(:Entity) RETURN relationships(path) AS rels`;
  const down = `MATCH path = (root)<-[:${types}*1..${hops}]-(:Entity) RETURN relationships(path) AS rels`;
  if (direction === 'ANCESTORS') return [up];
  if (direction === 'DESCENDANTS') return [down];
  return [up, down];
}

/**
 * One statement for the whole walk: variable-length paths from the root, each relationship kept
 * once at the depth it is first reached.
 */
export function lineageStatement(args: LineageArgs): Statement {
  const hops = hopLimit(args.maxDepth, MAX_LINEAGE_DEPTH);
  return {
    cypher: `${entityByAlias('root', 'key', 'kind')}
      CALL (root) {
        CALL (root) {
          ${walks(args.direction, lineageTypes(args.relations), hops).join('\n          UNION ALL\n          ')}
        }
        UNWIND range(0, size(rels) - 1) AS i
        WITH rels[i] AS r, i + 1 AS depth
        WITH r, min(depth) AS depth
        ORDER BY depth, toLower(endNode(r).name), toLower(startNode(r).name), type(r)
        RETURN collect(${lineageEdgeMap('r')}) AS edges
      }
      RETURN ${entityMap('root')} AS root, edges`,
    params: { key: aliasKey(args.name), kind: args.kind ?? null },
  };
}

export async function findLineage(db: Database, args: LineageArgs): Promise<LineageResult | null> {
  const [row] = await run<LineageResult>(db, lineageStatement(args));
  return row ?? null;
}

export interface DirectLineage {
  /** Edges to the entity's parents. */
  derivedFrom: LineageEdgeRow[];
  /** Edges from the entity's children. */
  derivatives: LineageEdgeRow[];
}

/** Parents and children of many entities, in one statement. */
export async function directLineage(
  db: Database,
  ids: readonly string[],
): Promise<DirectLineage[]> {
  const rows = await run<{ id: string; isChild: boolean; edge: LineageEdgeRow }>(db, {
    cypher: `
      UNWIND $ids AS id
      MATCH (e:Entity {id: id})-[r:${LINEAGE_TYPES}]-(:Entity)
      RETURN id, startNode(r) = e AS isChild, ${lineageEdgeMap('r')} AS edge
      ORDER BY toLower(endNode(r).name), toLower(startNode(r).name), type(r)`,
    params: { ids },
  });
  const byId = new Map<string, DirectLineage>(
    ids.map((id) => [id, { derivedFrom: [], derivatives: [] }]),
  );
  for (const row of rows) {
    const lineage = byId.get(row.id);
    (row.isChild ? lineage?.derivedFrom : lineage?.derivatives)?.push(row.edge);
  }
  return ids.map((id) => byId.get(id) ?? { derivedFrom: [], derivatives: [] });
}
