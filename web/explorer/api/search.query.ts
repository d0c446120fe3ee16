import { graphql } from './graphql-client';
import { ENTITY_REF_FIELDS, EntityKind, EntityRef } from './types';

export type SearchHitNode =
  | {
      __typename: 'Paper';
      id: string;
      title: string;
      published: string | null;
      abstract: string | null;
    }
  | {
      __typename: 'Method' | 'Model' | 'Dataset' | 'Task';
      id: string;
      name: string;
      kind: EntityKind;
      description: string | null;
      aliases: string[];
    };

export interface SearchHit {
  score: number;
  node: SearchHitNode;
}

export interface ExactEntity extends EntityRef {
  description: string | null;
  aliases: string[];
  paperCount: number;
  descendantCount: number;
}

export interface SearchResult {
  search: SearchHit[];
  /** The entity the text names exactly (by name or alias), shown first whatever its score. */
  exact: ExactEntity | null;
}

const SEARCH = `
  query ExplorerSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      score
      node {
        __typename
        ... on Paper { id title published abstract }
        ... on Entity { ${ENTITY_REF_FIELDS} description aliases }
      }
    }
    exact: entity(name: $query) {
      ${ENTITY_REF_FIELDS} description aliases paperCount descendantCount
    }
  }`;

export const SEARCH_PAGE_SIZE = 25;

/** The server accepts 1 to 500 characters. */
export const MAX_SEARCH_LENGTH = 500;

export function fetchSearch(query: string, signal?: AbortSignal): Promise<SearchResult> {
  return graphql<SearchResult, { query: string; first: number }>(
    SEARCH,
    { query: query.slice(0, MAX_SEARCH_LENGTH), first: SEARCH_PAGE_SIZE },
    signal,
  );
}
