import { Database } from '../db/database';
import { aliasKey } from '../ingest/resolve/slug';
import { EntityKind, LineageRelation, Provenance } from '../model';
import {
  ALL_DETAILS,
  Details,
  LINEAGE_TYPES,
  MAX_LINEAGE_DEPTH,
  Statement,
  entityByAlias,
  entityMap,
  entityTuple,
  hopLimit,
  lineageEdgeDetails,
  lineageEdgeMap,
  lineageTypes,
  paperMap,
  run,
} from './cypher';
import { EntityRow, LineageEdgeRow, PaperRow } from './rows';

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

/** The details of a lineage's entities and papers, and of its edges. */
export interface LineageDetails extends Details {
  /** Evidence, provenance, confidence and paper id of every edge. */
  edges: boolean;
}

export const ALL_LINEAGE_DETAILS: LineageDetails = { ...ALL_DETAILS, edges: true };

/** An entity of a lineage: aliases and description only when they were asked for. */
export type LeanEntityRow = Pick<EntityRow, 'id' | 'name' | 'kind'> &
  Partial<Pick<EntityRow, 'aliases' | 'description'>>;

/** An edge of a lineage: evidence, provenance, confidence and paper id only when asked for. */
export type LeanLineageEdgeRow = Pick<LineageEdgeRow, 'relation'> &
  Partial<Omit<LineageEdgeRow, 'child' | 'parent' | 'relation'>> & {
    child: LeanEntityRow;
    parent: LeanEntityRow;
  };

export interface LineageResult {
  root: EntityRow;
  /** Each relationship once, nearest the root first. */
  edges: LeanLineageEdgeRow[];
  /** With `withPapers`: the papers the edges cite, each once. */
  papers?: PaperRow[];
}

// Edges point child -> parent, so ancestors are reached along them and descendants against them.
// Each path yields only its last relationship: any relationship on a longer path is also the last
// one of that path's prefix, so the least length over these is its depth, without unwinding every
// relationship of every path.
function walks(direction: LineageDirection, types: string, hops: string): string[] {
  const last = 'RETURN last(relationships(path)) AS r, length(path) AS depth';
  const up = `MATCH path = (root)-[:${types}*1..${hops}]->(:Entity) ${last}`;
  const down = `MATCH path = (root)<-[:${types}*1..${hops}]-(:Entity) ${last}`;
  if (direction === 'ANCESTORS') return [up];
  if (direction === 'DESCENDANTS') return [down];
  return [up, down];
}

// Entities and edges travel as lists, not maps: a bushy lineage has thousands of them, and map
// keys repeated on each were most of the bytes Bolt carried and the driver decoded.
const EDGE_TUPLE = ['startNode(r).id', 'endNode(r).id', 'type(r)'];

/**
 * One statement for the whole walk: variable-length paths from the root, each relationship kept
 * once at the depth it is first reached. Edges name their entities by id and every entity comes
 * once, so that a bushy lineage is not its entities repeated on every edge.
 */
export function lineageStatement(
  args: LineageArgs,
  details: LineageDetails = ALL_LINEAGE_DETAILS,
  withPapers = false,
): Statement {
  const edge = [
    ...EDGE_TUPLE,
    ...(details.edges || withPapers ? lineageEdgeDetails('r').map(([, value]) => value) : []),
  ];
  const papers = withPapers
    ? `, COLLECT {
            UNWIND rels AS r
            MATCH (paper:Paper {id: r.paperId})
            WITH DISTINCT paper
            RETURN ${paperMap('paper', details.papers)}
          } AS papers`
    : '';
  const hops = hopLimit(args.maxDepth, MAX_LINEAGE_DEPTH);
  return {
    cypher: `${entityByAlias('root', 'key', 'kind')}
      CALL (root) {
        CALL (root) {
          ${walks(args.direction, lineageTypes(args.relations), hops).join('\n          UNION ALL\n          ')}
        }
        WITH r, min(depth) AS depth
        ORDER BY depth, toLower(endNode(r).name), toLower(startNode(r).name), type(r)
        WITH collect(r) AS rels
        RETURN [r IN rels | [${edge.join(', ')}]] AS edges,
          COLLECT {
            UNWIND rels AS r
            UNWIND [startNode(r), endNode(r)] AS entity
            WITH DISTINCT entity
            RETURN ${entityTuple('entity', details.entities)}
          } AS entities${papers}
      }
      RETURN ${entityMap('root', details.entities)} AS root, edges, entities${withPapers ? ', papers' : ''}`,
    params: { key: aliasKey(args.name), kind: args.kind ?? null },
  };
}

type EntityTuple = [string, string, EntityKind, string[]?, (string | null)?];
type EdgeTuple = [
  string,
  string,
  LineageRelation,
  (string | null)?,
  Provenance?,
  number?,
  (string | null)?,
];

/** The lineage, with the details asked for and with `withPapers` the papers it cites, in one statement. */
export async function findLineage(
  db: Database,
  args: LineageArgs,
  details: LineageDetails = ALL_LINEAGE_DETAILS,
  withPapers = false,
): Promise<LineageResult | null> {
  const [row] = await run<{
    root: EntityRow;
    edges: EdgeTuple[];
    entities: EntityTuple[];
    papers?: PaperRow[];
  }>(db, lineageStatement(args, details, withPapers));
  if (!row) return null;
  const byId = new Map<string, LeanEntityRow>();
  for (const [id, name, kind, aliases, description] of row.entities) {
    byId.set(id, details.entities ? { id, name, kind, aliases, description } : { id, name, kind });
  }
  const edges = row.edges.map(
    ([childId, parentId, relation, evidence, source, confidence, paperId]): LeanLineageEdgeRow => ({
      child: byId.get(childId)!,
      parent: byId.get(parentId)!,
      relation,
      ...(details.edges || withPapers ? { evidence, source, confidence, paperId } : {}),
    }),
  );
  return { root: row.root, edges, ...(row.papers ? { papers: row.papers } : {}) };
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
