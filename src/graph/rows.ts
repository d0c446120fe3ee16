import { EntityKind, LineageRelation, LinkRole, Provenance } from '../model';

/**
 * The plain shapes the repository returns; the GraphQL types in src/graphql/types/ are built from
 * them. Optional properties come back as null (a Cypher map projection of a missing property).
 */

export interface EntityRow {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  description: string | null;
}

export interface PaperRow {
  id: string;
  title: string;
  abstract: string | null;
  url: string | null;
  arxivId: string | null;
  published: string | null;
  authors: string[] | null;
}

export interface MentionRow {
  role: LinkRole;
  evidence: string | null;
  source: Provenance;
  confidence: number;
  entity: EntityRow;
}

export interface LineageEdgeRow {
  child: EntityRow;
  parent: EntityRow;
  relation: LineageRelation;
  evidence: string | null;
  source: Provenance;
  confidence: number;
  /** Id of the paper whose text supports the edge; null for lexicon and curated facts without one. */
  paperId: string | null;
}

/** A paper or an entity: the nodes a path or a search can return. */
export type NodeRow = PaperRow | EntityRow;

export function isPaperRow(row: NodeRow): row is PaperRow {
  return 'title' in row;
}

/** One page of a cursor-paginated list, in the order of the list. */
export interface Page<T> {
  totalCount: number;
  items: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
}
