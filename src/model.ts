/**
 * The domain vocabulary shared by ingestion, the graph repository and the GraphQL layer. Data flows
 * one way: file -> PaperRecord -> ExtractedPaper (mentions) -> resolved entities -> graph writes.
 */

export const ENTITY_KINDS = ['METHOD', 'MODEL', 'DATASET', 'TASK'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Neo4j label of each entity kind; every entity node also carries the label `Entity`. */
export const KIND_LABEL: Record<EntityKind, string> = {
  METHOD: 'Method',
  MODEL: 'Model',
  DATASET: 'Dataset',
  TASK: 'Task',
};

export const LINK_ROLES = [
  'INTRODUCES',
  'USES',
  'EVALUATES_ON',
  'COMPARES_WITH',
  'ADDRESSES',
] as const;
export type LinkRole = (typeof LINK_ROLES)[number];

export const LINEAGE_RELATIONS = [
  'EXTENDS',
  'VARIANT_OF',
  'FINETUNED_FROM',
  'DISTILLED_FROM',
  'COMBINES',
  'INSPIRED_BY',
] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

export type Provenance = 'EXTRACTED' | 'CURATED';

/** Where a record came from, so that every error and warning can name the file and line. */
export interface SourceLocation {
  file: string;
  /** 1-based line of the record's first line in the file. */
  line: number;
}

/** One paper as read from any input format, before extraction. */
export interface PaperRecord {
  /** Stable id; readers leave it unset when the input has none (see paperId()). */
  id?: string;
  title: string;
  abstract: string;
  url?: string;
  arxivId?: string;
  /** ISO date (YYYY-MM-DD) when known. */
  published?: string;
  authors?: string[];
  /** Entity names the input itself states (Papers with Code `tasks` / `methods`). */
  statedTasks?: string[];
  statedMethods?: string[];
  source: SourceLocation;
}

/** An entity as it will be stored: `id` is the slug of the canonical name. */
export interface EntityRecord {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  description?: string;
}

/** A paper-to-entity link with the sentence that supports it. */
export interface MentionRecord {
  entityId: string;
  role: LinkRole;
  evidence: string;
  confidence: number;
  source: Provenance;
}

/** A child-to-parent lineage edge between entities, found in (or curated for) one paper. */
export interface LineageRecord {
  childId: string;
  parentId: string;
  relation: LineageRelation;
  evidence: string;
  /** The paper whose text supports the edge; absent for lexicon facts (BEiT from BERT). */
  paperId?: string;
  confidence: number;
  source: Provenance;
}

export interface StoredPaper {
  id: string;
  title: string;
  abstract: string;
  url?: string;
  arxivId?: string;
  published?: string;
  authors: string[];
}

/** Everything one ingest run will write, already resolved: the loader's only input. */
export interface GraphBatch {
  papers: Array<StoredPaper & { mentions: MentionRecord[] }>;
  entities: EntityRecord[];
  lineage: LineageRecord[];
  warnings: IngestWarning[];
}

export interface IngestWarning {
  source: SourceLocation;
  message: string;
}

/** Bad input: always names the file and the line (or record) at fault. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${detail}`);
    this.name = 'InputError';
  }
}
