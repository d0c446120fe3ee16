import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import {
  COUNTER_OF,
  LINEAGE_TYPES,
  MENTION_TYPES,
  Statement,
  entityMap,
  hopLimit,
  paperMap,
  run,
} from './cypher';
import { NodeRow } from './rows';

/**
 * Shortest paths between two papers or entities over the mention and lineage relationships: the
 * only ones between papers and entities. Alias nodes (ALIAS_OF), curators' REMOVED tombstones and
 * any bookkeeping nodes are out of reach by construction.
 */

export const MAX_PATH_LENGTH = 10;

export type StepDirection = 'OUTGOING' | 'INCOMING';

export interface PathStepRow {
  node: NodeRow;
  /** The relationship to the next node; null on the last step. */
  relation: string | null;
  /** OUTGOING when the relationship points from this node to the next one. */
  direction: StepDirection | null;
  evidence: string | null;
}

export interface PathArgs {
  from: string;
  to: string;
  /** 1..MAX_PATH_LENGTH relationships. */
  maxLength: number;
}

/** An entity by name or alias, else a paper by id, else a paper by title (any case). */
function endpoint(variable: string, param: string): string {
  return `
    CALL () {
      CALL () {
        MATCH (:Alias {key: $${param}Key})-[:ALIAS_OF]->(n:Entity)
        RETURN n, 0 AS rank, ${COUNTER_OF.paperCount('n')} AS weight
        UNION
        MATCH (n:Paper {id: $${param}})
        RETURN n, 1 AS rank, 0 AS weight
        UNION
        MATCH (n:Paper) WHERE toLower(n.title) = $${param}Title
        RETURN n, 2 AS rank, 0 AS weight
      }
      RETURN n AS ${variable} ORDER BY rank, weight DESC, n.id LIMIT 1
    }`;
}

function nodeMap(expression: string): string {
  return `CASE WHEN 'Paper' IN labels(${expression}) THEN ${paperMap(expression)} ELSE ${entityMap(expression)} END`;
}

export function pathStatement({ from, to, maxLength }: PathArgs): Statement {
  const hops = hopLimit(maxLength, MAX_PATH_LENGTH);
  const node = 'nodes(path)[i]';
  const rel = 'relationships(path)[i]';
  return {
    cypher: `${endpoint('a', 'from')}
      ${endpoint('b', 'to')}
      OPTIONAL MATCH path = shortestPath((a)-[:${MENTION_TYPES}|${LINEAGE_TYPES}*..${hops}]-(b))
      WHERE a <> b
      RETURN CASE
        WHEN a = b THEN [{node: ${nodeMap('a')}, relation: null, direction: null, evidence: null}]
        WHEN path IS NULL THEN null
        ELSE [i IN range(0, length(path)) | {
          node: ${nodeMap(node)},
          relation: CASE WHEN i < length(path) THEN type(${rel}) END,
          direction: CASE WHEN i = length(path) THEN null
            WHEN startNode(${rel}) = ${node} THEN 'OUTGOING' ELSE 'INCOMING' END,
          evidence: CASE WHEN i < length(path) THEN ${rel}.evidence END
        }]
      END AS steps`,
    params: {
      from,
      fromKey: aliasKey(from),
      fromTitle: from.trim().toLowerCase(),
      to,
      toKey: aliasKey(to),
      toTitle: to.trim().toLowerCase(),
    },
  };
}

/** The steps from `from` to `to`; null when either is unknown or no path is short enough. */
export async function findPath(db: Database, args: PathArgs): Promise<PathStepRow[] | null> {
  const [row] = await run<{ steps: PathStepRow[] | null }>(db, pathStatement(args));
  return row?.steps ?? null;
}
