import { Database } from '../db/database';
import {
  ENTITY_KINDS,
  EntityKind,
  KIND_LABEL,
  LINEAGE_RELATIONS,
  LINK_ROLES,
  LineageRelation,
  LinkRole,
  Provenance,
} from '../model';
import {
  LINEAGE_TYPES,
  MENTION_TYPES,
  Statement,
  descendantCount,
  entityMap,
  int,
  paperMap,
  run,
} from './cypher';
import { EntityRow, PaperRow } from './rows';

/** Counts and top-N lists for a dashboard, in one statement. */

export interface RankedEntityRow {
  entity: EntityRow;
  count: number;
}

export interface RankedPaperRow {
  paper: PaperRow;
  count: number;
}

export interface StatsRow {
  papers: number;
  entities: number;
  mentions: number;
  lineageEdges: number;
  entitiesByKind: Array<{ kind: EntityKind; count: number }>;
  mentionsByRole: Array<{ role: LinkRole; count: number }>;
  lineageByRelation: Array<{ relation: LineageRelation; count: number }>;
  /** Every source appears, with zero counts when nothing has it. */
  provenance: Array<{ source: Provenance; mentions: number; lineageEdges: number }>;
  topDatasets: RankedEntityRow[];
  topTasks: RankedEntityRow[];
  topMethods: RankedEntityRow[];
  topModels: RankedEntityRow[];
  mostDescendants: RankedEntityRow[];
  topIntroducingPapers: RankedPaperRow[];
}

const PROVENANCES: Provenance[] = ['EXTRACTED', 'CURATED'];

function topByPapers(kind: EntityKind, roles: string, as: string): string {
  return `
    CALL () {
      MATCH (e:${KIND_LABEL[kind]})
      WITH e, COUNT { MATCH (p_:Paper)-[:${roles}]->(e) RETURN DISTINCT p_ } AS n
      WHERE n > 0
      WITH e, n ORDER BY n DESC, toLower(e.name), e.id LIMIT $top
      RETURN collect({entity: ${entityMap('e')}, count: n}) AS ${as}
    }`;
}

export function statsStatement(top: number): Statement {
  return {
    cypher: `
      CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
      CALL () {
        MATCH (e:Entity) WITH e.kind AS kind, count(*) AS n
        RETURN collect({kind: kind, count: n}) AS entityCounts
      }
      CALL () {
        MATCH (:Paper)-[r:${MENTION_TYPES}]->(:Entity)
        WITH type(r) AS type, coalesce(r.source, 'EXTRACTED') AS source, count(*) AS n
        RETURN collect({type: type, source: source, count: n}) AS mentionCounts
      }
      CALL () {
        MATCH (:Entity)-[r:${LINEAGE_TYPES}]->(:Entity)
        WITH type(r) AS type, coalesce(r.source, 'EXTRACTED') AS source, count(*) AS n
        RETURN collect({type: type, source: source, count: n}) AS lineageCounts
      }
      ${topByPapers('DATASET', 'USES|EVALUATES_ON', 'topDatasets')}
      ${topByPapers('TASK', 'ADDRESSES', 'topTasks')}
      ${topByPapers('METHOD', MENTION_TYPES, 'topMethods')}
      ${topByPapers('MODEL', MENTION_TYPES, 'topModels')}
      CALL () {
        MATCH (e:Entity) WHERE e.kind IN ['METHOD', 'MODEL']
        WITH e, ${descendantCount('e')} AS n
        WHERE n > 0
        WITH e, n ORDER BY n DESC, toLower(e.name), e.id LIMIT $top
        RETURN collect({entity: ${entityMap('e')}, count: n}) AS mostDescendants
      }
      CALL () {
        MATCH (p:Paper)
        WITH p, COUNT { (p)-[:INTRODUCES]->(:Entity) } AS n
        WHERE n > 0
        WITH p, n ORDER BY n DESC, toLower(p.title), p.id LIMIT $top
        RETURN collect({paper: ${paperMap('p')}, count: n}) AS topIntroducingPapers
      }
      RETURN papers, entityCounts, mentionCounts, lineageCounts, topDatasets, topTasks,
        topMethods, topModels, mostDescendants, topIntroducingPapers`,
    params: { top: int(top) },
  };
}

interface Counted {
  type: string;
  source: Provenance;
  count: number;
}

interface StatsRecord extends Pick<
  StatsRow,
  | 'papers'
  | 'topDatasets'
  | 'topTasks'
  | 'topMethods'
  | 'topModels'
  | 'mostDescendants'
  | 'topIntroducingPapers'
> {
  entityCounts: Array<{ kind: EntityKind; count: number }>;
  mentionCounts: Counted[];
  lineageCounts: Counted[];
}

function sum(rows: Array<{ count: number }>): number {
  return rows.reduce((total, row) => total + row.count, 0);
}

export async function graphStats(db: Database, top: number): Promise<StatsRow> {
  const [record] = await run<StatsRecord>(db, statsStatement(top));
  const { papers, entityCounts, mentionCounts, lineageCounts, ...lists } = record;
  // Every kind, role, relation and source is listed, zeros included, so that a chart has all bars.
  return {
    papers,
    entities: sum(entityCounts),
    mentions: sum(mentionCounts),
    lineageEdges: sum(lineageCounts),
    entitiesByKind: ENTITY_KINDS.map((kind) => ({
      kind,
      count: sum(entityCounts.filter((row) => row.kind === kind)),
    })),
    mentionsByRole: LINK_ROLES.map((role) => ({
      role,
      count: sum(mentionCounts.filter((row) => row.type === role)),
    })),
    lineageByRelation: LINEAGE_RELATIONS.map((relation) => ({
      relation,
      count: sum(lineageCounts.filter((row) => row.type === relation)),
    })),
    provenance: PROVENANCES.map((source) => ({
      source,
      mentions: sum(mentionCounts.filter((row) => row.source === source)),
      lineageEdges: sum(lineageCounts.filter((row) => row.source === source)),
    })),
    ...lists,
  };
}
