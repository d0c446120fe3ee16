import { graphql } from './graphql-client';
import {
  ENTITY_REF_FIELDS,
  EntityRef,
  LinkRole,
  PAPER_REF_FIELDS,
  PaperRef,
  Provenance,
} from './types';

export interface PaperMention {
  role: LinkRole;
  evidence: string | null;
  source: Provenance;
  confidence: number;
  entity: EntityRef & { aliases: string[] };
}

export interface RelatedPaper {
  sharedCount: number;
  shared: EntityRef[];
  paper: PaperRef;
}

export interface PaperDetail extends PaperRef {
  abstract: string | null;
  authors: string[];
  arxivId: string | null;
  url: string | null;
  mentions: PaperMention[];
  related: RelatedPaper[];
}

const PAPER = `
  query ExplorerPaper($id: ID!, $related: Int!) {
    paper(id: $id) {
      ${PAPER_REF_FIELDS}
      abstract
      authors
      arxivId
      url
      mentions { role evidence source confidence entity { ${ENTITY_REF_FIELDS} aliases } }
      related(first: $related) {
        sharedCount
        shared { ${ENTITY_REF_FIELDS} }
        paper { ${PAPER_REF_FIELDS} }
      }
    }
  }`;

export async function fetchPaper(id: string, signal?: AbortSignal): Promise<PaperDetail | null> {
  const data = await graphql<{ paper: PaperDetail | null }, { id: string; related: number }>(
    PAPER,
    { id, related: 10 },
    signal,
  );
  return data.paper;
}
