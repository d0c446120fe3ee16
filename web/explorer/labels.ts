/** The words the explorer uses for the API's enums, in one place. */
import type {
  EntityKind,
  LineageDirection,
  LineageRelation,
  LinkRole,
  Provenance,
} from './api/types';

export const KIND_LABEL: Record<EntityKind, string> = {
  METHOD: 'Method',
  MODEL: 'Model',
  DATASET: 'Dataset',
  TASK: 'Task',
};

export const KIND_PLURAL: Record<EntityKind, string> = {
  METHOD: 'Methods',
  MODEL: 'Models',
  DATASET: 'Datasets',
  TASK: 'Tasks',
};

/** What a paper does with an entity: "introduces BEiT". */
export const ROLE_VERB: Record<LinkRole, string> = {
  INTRODUCES: 'introduces',
  USES: 'uses',
  EVALUATES_ON: 'evaluates on',
  COMPARES_WITH: 'compares with',
  ADDRESSES: 'addresses',
};

/** Headings of an entity's papers, one per role. */
export const ROLE_PAPERS_HEADING: Record<LinkRole, string> = {
  INTRODUCES: 'Papers introducing it',
  USES: 'Papers using it',
  EVALUATES_ON: 'Papers evaluating on it',
  COMPARES_WITH: 'Papers comparing with it',
  ADDRESSES: 'Papers addressing it',
};

/** Short role names, for legends and headings of a paper's entities. */
export const ROLE_LABEL: Record<LinkRole, string> = {
  INTRODUCES: 'Introduces',
  USES: 'Uses',
  EVALUATES_ON: 'Evaluates on',
  COMPARES_WITH: 'Compares with',
  ADDRESSES: 'Addresses',
};

/** How the child relates to the parent: "RoBERTa · variant of · BERT". */
export const RELATION_LABEL: Record<LineageRelation, string> = {
  EXTENDS: 'extends',
  FINETUNED_FROM: 'fine-tuned from',
  DISTILLED_FROM: 'distilled from',
  VARIANT_OF: 'variant of',
  INSPIRED_BY: 'inspired by',
  COMBINES: 'combines',
};

export const DIRECTION_LABEL: Record<LineageDirection, string> = {
  ANCESTORS: 'Ancestors',
  BOTH: 'Both',
  DESCENDANTS: 'Descendants',
};

export const PROVENANCE_LABEL: Record<Provenance, string> = {
  EXTRACTED: 'extracted',
  CURATED: 'curated',
};

/** CSS class fragments for enum values ("EVALUATES_ON" -> "evaluates-on"). */
export const cssName = (value: string): string => value.toLowerCase().replace(/_/g, '-');
