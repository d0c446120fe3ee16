import { Database } from '../db/database';
import { ALL_DETAILS, Details, Statement, entityMap, int, paperMap, run } from './cypher';
import { luceneQuery } from './lucene';
import { NodeRow } from './rows';

/** Full-text search over papers (title, abstract) and entities (name, aliases, description). */

export interface SearchHitRow {
  score: number;
  node: NodeRow;
}

export function searchStatement(
  text: string,
  first: number,
  details: Details = ALL_DETAILS,
): Statement {
  return {
    cypher: `
      CALL () {
        CALL db.index.fulltext.queryNodes('paper_text', $query, {limit: $limit}) YIELD node, score
        RETURN node, score
        UNION ALL
        CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $limit}) YIELD node, score
        RETURN node, score
      }
      WITH node, score ORDER BY score DESC, node.id LIMIT $limit
      RETURN score, CASE WHEN node:Paper THEN ${paperMap('node', details.papers)} ELSE ${entityMap('node', details.entities)} END AS node`,
    params: { query: luceneQuery(text), limit: int(first) },
  };
}

/** Best hits first; the text must hold at least one word (see luceneQuery). */
export async function search(
  db: Database,
  text: string,
  first: number,
  details: Details = ALL_DETAILS,
): Promise<SearchHitRow[]> {
  if (first === 0) return [];
  return run<SearchHitRow>(db, searchStatement(text, first, details));
}
