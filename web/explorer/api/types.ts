/** The enums and small shapes of the public SDL (schema/schema.graphql) that several views share. */

export type EntityKind = 'METHOD' | 'MODEL' | 'DATASET' | 'TASK';
export type LinkRole = 'INTRODUCES' | 'USES' | 'EVALUATES_ON' | 'COMPARES_WITH' | 'ADDRESSES';
export type LineageRelation =
  'EXTENDS' | 'FINETUNED_FROM' | 'DISTILLED_FROM' | 'VARIANT_OF' | 'INSPIRED_BY' | 'COMBINES';
export type LineageDirection = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';
export type Provenance = 'EXTRACTED' | 'CURATED';

export const ENTITY_KINDS: readonly EntityKind[] = ['METHOD', 'MODEL', 'DATASET', 'TASK'];
export const LINK_ROLES: readonly LinkRole[] = [
  'INTRODUCES',
  'USES',
  'EVALUATES_ON',
  'COMPARES_WITH',
  'ADDRESSES',
];
export const LINEAGE_DIRECTIONS: readonly LineageDirection[] = ['ANCESTORS', 'BOTH', 'DESCENDANTS'];

export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface PaperRef {
  id: string;
  title: string;
  published: string | null;
}

/** Selections that match EntityRef and PaperRef, to splice into documents. */
export const ENTITY_REF_FIELDS = 'id name kind';
export const PAPER_REF_FIELDS = 'id title published';
