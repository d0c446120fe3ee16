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
import { ALL_DETAILS, Details, Statement, entityMap, int, paperMap, run } from './cypher';
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

// Every count below is one the database answers without a scan: a label or a relationship type
// alone is read from Neo4j's count store, CURATED links (rare) are a seek in the `source` indexes
// of migration 0004, and the top lists walk the range indexes of the counters kept on the nodes
// (counters.ts) from the top down.

function labelCount(label: string): string {
  return `COLLECT { MATCH (n:${label}) RETURN count(n) }[0]`;
}

function typeCounts(types: readonly string[]): string {
  return `[${types
    .map(
      (type) => `{type: '${type}',
        count: COLLECT { MATCH ()-[r:${type}]->() RETURN count(r) }[0],
        curated: COLLECT { MATCH ()-[r:${type}]->() WHERE r.source = 'CURATED' RETURN count(r) }[0]}`,
    )
    .join(',\n        ')}]`;
}

function topByPapers(label: string, as: string, details: Details): string {
  return `
    CALL () {
      MATCH (e:${label}) WHERE e.paperCount > 0
      WITH e ORDER BY e.paperCount DESC, toLower(e.name), e.id LIMIT $top
      RETURN collect({entity: ${entityMap('e', details.entities)}, count: e.paperCount}) AS ${as}
    }`;
}

export function statsStatement(top: number, details: Details = ALL_DETAILS): Statement {
  return {
    cypher: `
      ${topByPapers(KIND_LABEL.DATASET, 'topDatasets', details)}
      ${topByPapers(KIND_LABEL.TASK, 'topTasks', details)}
      ${topByPapers(KIND_LABEL.METHOD, 'topMethods', details)}
      ${topByPapers(KIND_LABEL.MODEL, 'topModels', details)}
      CALL () {
        MATCH (e:Entity) WHERE e.descendantCount > 0 AND e.kind IN ['METHOD', 'MODEL']
        WITH e ORDER BY e.descendantCount DESC, toLower(e.name), e.id LIMIT $top
        RETURN collect({entity: ${entityMap('e', details.entities)}, count: e.descendantCount}) AS mostDescendants
      }
      CALL () {
        MATCH (p:Paper) WHERE p.introducesRank IS NOT NULL
        WITH p ORDER BY p.introducesRank LIMIT $top
        RETURN collect({paper: ${paperMap('p', details.papers)}, count: p.introducesCount}) AS topIntroducingPapers
      }
      RETURN ${labelCount('Paper')} AS papers,
        [${ENTITY_KINDS.map((kind) => `{kind: '${kind}', count: ${labelCount(KIND_LABEL[kind])}}`).join(', ')}]
          AS entityCounts,
        ${typeCounts(LINK_ROLES)} AS mentionCounts,
        ${typeCounts(LINEAGE_RELATIONS)} AS lineageCounts,
        topDatasets, topTasks, topMethods, topModels, mostDescendants, topIntroducingPapers`,
    params: { top: int(top) },
  };
}

interface Counted {
  type: string;
  count: number;
  curated: number;
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

function sum<T>(rows: T[], count: (row: T) => number): number {
  return rows.reduce((total, row) => total + count(row), 0);
}

function bySource(source: Provenance): (row: Counted) => number {
  return (row) => (source === 'CURATED' ? row.curated : row.count - row.curated);
}

export async function graphStats(
  db: Database,
  top: number,
  details: Details = ALL_DETAILS,
): Promise<StatsRow> {
  const [record] = await run<StatsRecord>(db, statsStatement(top, details));
  const { papers, entityCounts, mentionCounts, lineageCounts, ...lists } = record;
  const total = (row: { count: number }) => row.count;
  // Every kind, role, relation and source is listed, zeros included, so that a chart has all bars.
  return {
    papers,
    entities: sum(entityCounts, total),
    mentions: sum(mentionCounts, total),
    lineageEdges: sum(lineageCounts, total),
    entitiesByKind: entityCounts,
    mentionsByRole: mentionCounts.map((row) => ({ role: row.type as LinkRole, count: row.count })),
    lineageByRelation: lineageCounts.map((row) => ({
      relation: row.type as LineageRelation,
      count: row.count,
    })),
    provenance: PROVENANCES.map((source) => ({
      source,
      mentions: sum(mentionCounts, bySource(source)),
      lineageEdges: sum(lineageCounts, bySource(source)),
    })),
    ...lists,
  };
}
