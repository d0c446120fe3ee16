import { graphql } from './graphql-client';
import {
  ENTITY_REF_FIELDS,
  EntityKind,
  EntityRef,
  LineageDirection,
  LineageRelation,
  PAPER_REF_FIELDS,
  PaperRef,
  Provenance,
} from './types';

export interface LineageEdge {
  child: EntityRef;
  parent: EntityRef;
  relation: LineageRelation;
  source: Provenance;
  confidence: number;
  evidence: string | null;
  paper: PaperRef | null;
}

export interface Lineage {
  root: EntityRef;
  nodes: EntityRef[];
  edges: LineageEdge[];
}

export interface LineageArgs {
  name: string;
  kind?: EntityKind;
  direction: LineageDirection;
  maxDepth: number;
}

const LINEAGE = `
  query ExplorerLineage(
    $name: String!
    $kind: EntityKind
    $direction: LineageDirection!
    $maxDepth: Int!
  ) {
    lineage(name: $name, kind: $kind, direction: $direction, maxDepth: $maxDepth) {
      root { ${ENTITY_REF_FIELDS} }
      nodes { ${ENTITY_REF_FIELDS} }
      edges {
        relation
        source
        confidence
        evidence
        child { ${ENTITY_REF_FIELDS} }
        parent { ${ENTITY_REF_FIELDS} }
        paper { ${PAPER_REF_FIELDS} }
      }
    }
  }`;

/** Null when no entity has the name. */
export async function fetchLineage(
  args: LineageArgs,
  signal?: AbortSignal,
): Promise<Lineage | null> {
  const data = await graphql<{ lineage: Lineage | null }, LineageArgs>(LINEAGE, args, signal);
  return data.lineage;
}
