import { EntityKind, GraphBatch, LineageRelation, LinkRole } from '../model';
import { strongestPerEdge } from './lineage-edges';

/**
 * The human-readable (and scorer-readable, see bench/extraction) view of a batch: exactly what a
 * load would write, with canonical entity names: each paper's links, and every lineage edge the
 * graph would hold (one per child, parent and relation, the one the loader keeps).
 *
 *   { "papers": [ { "title", "mentions": [ { "name", "kind", "role", "evidence" } ] } ],
 *     "lineage": [ { "child", "parent", "relation", "evidence" } ] }
 */

export interface DryRunMention {
  name: string;
  kind: EntityKind;
  role: LinkRole;
  evidence: string;
}

export interface DryRunLineage {
  child: string;
  parent: string;
  relation: LineageRelation;
  evidence: string;
}

export interface DryRunJson {
  papers: Array<{ title: string; mentions: DryRunMention[] }>;
  lineage: DryRunLineage[];
}

export function toDryRunJson(batch: GraphBatch): DryRunJson {
  const entities = new Map(batch.entities.map((e) => [e.id, e]));
  const entity = (id: string) => {
    const found = entities.get(id);
    if (!found) throw new Error(`batch refers to unknown entity "${id}"`);
    return found;
  };
  return {
    papers: batch.papers.map((paper) => ({
      title: paper.title,
      mentions: paper.mentions.map((m) => {
        const e = entity(m.entityId);
        return { name: e.name, kind: e.kind, role: m.role, evidence: m.evidence };
      }),
    })),
    lineage: strongestPerEdge(batch.lineage).map((edge) => ({
      child: entity(edge.childId).name,
      parent: entity(edge.parentId).name,
      relation: edge.relation,
      evidence: edge.evidence,
    })),
  };
}
