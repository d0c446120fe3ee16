import { EntityKind, GraphBatch, LineageRelation, LinkRole } from '../model';

/**
 * The human-readable (and scorer-readable, see bench/extraction) view of a batch: what each paper
 * is linked to and which lineage edges its text supports, with canonical entity names.
 *
 * Curated lineage from the lexicon (evidence "lexicon") is left out unless asked for: it is in the
 * batch for the graph, but the dry run shows what extraction read in the text, as the annotation
 * guidelines do ("only when the abstract supports it").
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

export interface DryRunOptions {
  /** Also list the lexicon's curated parent edges (source CURATED). */
  includeCurated?: boolean;
}

export function toDryRunJson(batch: GraphBatch, options: DryRunOptions = {}): DryRunJson {
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
    lineage: batch.lineage
      .filter((edge) => options.includeCurated || edge.source !== 'CURATED')
      .map((edge) => ({
        child: entity(edge.childId).name,
        parent: entity(edge.parentId).name,
        relation: edge.relation,
        evidence: edge.evidence,
      })),
  };
}
