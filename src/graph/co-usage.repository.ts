import { Database } from '../db/database';
import { EntityKind } from '../model';
import { EACH_KEY, MENTION_TYPES, Statement, entityMap, int, paperMap, run } from './cypher';
import { byIndex } from './batch';
import { MAX_PAGE_SIZE } from './page';
import { EntityRow, PaperRow } from './rows';

/**
 * What the graph says by co-occurrence: papers related through the entities they share, entities
 * used together with an entity, and the models evaluated on a dataset. Each function answers many
 * keys (one per parent object of a GraphQL list) in one statement.
 */

export interface RelatedPaperRow {
  paper: PaperRow;
  /** The entities both papers mention, by name. */
  shared: EntityRow[];
}

export interface CoUsageRow {
  entity: EntityRow;
  /** The papers that link both entities, by title. */
  papers: PaperRow[];
}

export interface RelatedKey {
  paperId: string;
  first: number;
}

export interface CoUsedKey {
  entityId: string;
  kind?: EntityKind;
  first: number;
}

export function relatedStatement(keys: readonly RelatedKey[]): Statement {
  return {
    cypher: `
      ${EACH_KEY}
      MATCH (p:Paper {id: k.paperId})
      CALL (p, k) {
        MATCH (p)-[:${MENTION_TYPES}]->(e:Entity)<-[:${MENTION_TYPES}]-(other:Paper)
        WHERE other <> p
        WITH other, collect(DISTINCT e) AS shared
        ORDER BY size(shared) DESC, other.id
        // No page is longer, so the sort keeps no more.
        WITH other, shared LIMIT ${MAX_PAGE_SIZE}
        RETURN collect({
          paper: ${paperMap('other')},
          shared: [e IN shared | ${entityMap('e')}]
        }) AS list
      }
      RETURN index, list[0..k.first] AS related`,
    params: { keys: keys.map((key) => ({ paperId: key.paperId, first: int(key.first) })) },
  };
}

export async function relatedPapers(
  db: Database,
  keys: readonly RelatedKey[],
): Promise<RelatedPaperRow[][]> {
  if (keys.length === 0) return [];
  const rows = await run<{ index: number; related: RelatedPaperRow[] }>(db, relatedStatement(keys));
  return byIndex(
    rows,
    keys.length,
    (row) => row.related.map(sortShared),
    () => [],
  );
}

function sortShared(row: RelatedPaperRow): RelatedPaperRow {
  return { ...row, shared: [...row.shared].sort((a, b) => a.name.localeCompare(b.name, 'en')) };
}

export function coUsedStatement(keys: readonly CoUsedKey[]): Statement {
  return {
    cypher: `
      ${EACH_KEY}
      MATCH (e:Entity {id: k.entityId})
      CALL (e, k) {
        MATCH (e)<-[:${MENTION_TYPES}]-(p:Paper)-[:${MENTION_TYPES}]->(other:Entity)
        WHERE other <> e AND (k.kind IS NULL OR other.kind = k.kind)
        WITH other, p ORDER BY toLower(p.title), p.id
        WITH other, collect(DISTINCT p) AS papers
        ORDER BY size(papers) DESC, toLower(other.name), other.id
        RETURN collect({
          entity: ${entityMap('other')},
          papers: [p IN papers | ${paperMap('p')}]
        }) AS list
      }
      RETURN index, list[0..k.first] AS coUsed`,
    params: {
      keys: keys.map((key) => ({
        entityId: key.entityId,
        kind: key.kind ?? null,
        first: int(key.first),
      })),
    },
  };
}

export async function coUsedEntities(
  db: Database,
  keys: readonly CoUsedKey[],
): Promise<CoUsageRow[][]> {
  if (keys.length === 0) return [];
  const rows = await run<{ index: number; coUsed: CoUsageRow[] }>(db, coUsedStatement(keys));
  return byIndex(
    rows,
    keys.length,
    (row) => row.coUsed,
    () => [],
  );
}

export interface EvaluatedKey {
  datasetId: string;
  /** MODEL or METHOD; both when absent. */
  kind?: EntityKind;
  first: number;
}

/**
 * Models (and methods) a paper introduces, uses or compares with while it evaluates on the
 * dataset: "which models are evaluated on Y", with the papers that say so.
 */
export function evaluatedStatement(keys: readonly EvaluatedKey[]): Statement {
  return {
    cypher: `
      ${EACH_KEY}
      MATCH (d:Entity {id: k.datasetId})
      CALL (d, k) {
        MATCH (d)<-[:EVALUATES_ON]-(p:Paper)-[:INTRODUCES|USES|COMPARES_WITH]->(m:Entity)
        WHERE m <> d AND m.kind IN k.kinds
        WITH m, p ORDER BY toLower(p.title), p.id
        WITH m, collect(DISTINCT p) AS papers
        ORDER BY size(papers) DESC, toLower(m.name), m.id
        RETURN collect({
          entity: ${entityMap('m')},
          papers: [p IN papers | ${paperMap('p')}]
        }) AS list
      }
      RETURN index, list[0..k.first] AS evaluated`,
    params: {
      keys: keys.map((key) => ({
        datasetId: key.datasetId,
        kinds: key.kind ? [key.kind] : ['MODEL', 'METHOD'],
        first: int(key.first),
      })),
    },
  };
}

export async function evaluatedEntities(
  db: Database,
  keys: readonly EvaluatedKey[],
): Promise<CoUsageRow[][]> {
  if (keys.length === 0) return [];
  const rows = await run<{ index: number; evaluated: CoUsageRow[] }>(db, evaluatedStatement(keys));
  return byIndex(
    rows,
    keys.length,
    (row) => row.evaluated,
    () => [],
  );
}
