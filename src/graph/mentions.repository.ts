import { Database } from '../db/database';
import { LINK_ROLES } from '../model';
import { MENTION_TYPES, entityMap, run } from './cypher';
import { groupById } from './batch';
import { MentionRow } from './rows';

/**
 * The mentions of many papers in one statement. Only the five role types are read, so a curator's
 * REMOVED tombstone never shows.
 */
export async function mentionsOfPapers(
  db: Database,
  paperIds: readonly string[],
): Promise<MentionRow[][]> {
  const rows = await run<{ id: string; mention: MentionRow }>(db, {
    cypher: `
      UNWIND $ids AS id
      MATCH (:Paper {id: id})-[r:${MENTION_TYPES}]->(e:Entity)
      RETURN id, {
        role: type(r), evidence: r.evidence, source: coalesce(r.source, 'EXTRACTED'),
        confidence: coalesce(r.confidence, 1.0), entity: ${entityMap('e')}
      } AS mention`,
    params: { ids: paperIds },
  });
  return groupById(rows, paperIds, (row) => row.mention).map((mentions) =>
    mentions.sort(
      (a, b) =>
        LINK_ROLES.indexOf(a.role) - LINK_ROLES.indexOf(b.role) ||
        a.entity.name.localeCompare(b.entity.name, 'en') ||
        a.entity.id.localeCompare(b.entity.id),
    ),
  );
}
