import { graphql } from './graphql-client';
import {
  ENTITY_REF_FIELDS,
  EntityKind,
  EntityRef,
  LineageRelation,
  LinkRole,
  Provenance,
} from './types';

export interface RankedEntity {
  count: number;
  entity: EntityRef;
}

export interface GraphStats {
  papers: number;
  entities: number;
  mentions: number;
  lineageEdges: number;
  entitiesByKind: Array<{ kind: EntityKind; count: number }>;
  mentionsByRole: Array<{ role: LinkRole; count: number }>;
  lineageByRelation: Array<{ relation: LineageRelation; count: number }>;
  provenance: Array<{ source: Provenance; mentions: number; lineageEdges: number }>;
  topDatasets: RankedEntity[];
  mostDescendants: RankedEntity[];
}

const STATS = `
  query ExplorerOverview($top: Int!) {
    stats(top: $top) {
      papers
      entities
      mentions
      lineageEdges
      entitiesByKind { kind count }
      mentionsByRole { role count }
      lineageByRelation { relation count }
      provenance { source mentions lineageEdges }
      topDatasets { count entity { ${ENTITY_REF_FIELDS} } }
      mostDescendants { count entity { ${ENTITY_REF_FIELDS} } }
    }
  }`;

export async function fetchStats(top: number, signal?: AbortSignal): Promise<GraphStats> {
  const data = await graphql<{ stats: GraphStats }, { top: number }>(STATS, { top }, signal);
  return data.stats;
}
