import { Database } from '../db/database';
import { LINK_ROLES } from '../model';
import { MENTION_TYPES, entityMap, run } from './cypher';
import { groupById } from './batch';
import { MentionRow } from './rows';

/**
 * The mentions of many papers in one statement. Only the five role types are read, so a curator's
 * REMOVED tombstone never shows.
 */

/** A paper's mentions (the paper bound to `paper`) as a list of MentionRows, unsorted. */
export function mentionsOf(paper: string, entityDetails = true): string {
  return `COLLECT {
      MATCH (${paper})-[r:${MENTION_TYPES}]->(e:Entity)
      RETURN {
        role: type(r), evidence: r.evidence, source: coalesce(r.source, 'EXTRACTED'),
        confidence: coalesce(r.confidence, 1.0), entity: ${entityMap('e', entityDetails)}
      }
    }`;
}

/** By role (in the order of model.ts), then entity name and id. */
export function sortMentions(mentions: MentionRow[]): MentionRow[] {
  return mentions.sort(
    (a, b) =>
      LINK_ROLES.indexOf(a.role) - LINK_ROLES.indexOf(b.role) ||
      a.entity.name.localeCompare(b.entity.name, 'en') ||
      a.entity.id.localeCompare(b.entity.id),
  );
}

export async function mentionsOfPapers(
  db: Database,
  paperIds: readonly string[],
): Promise<MentionRow[][]> {
  const rows = await run<{ id: string; mentions: MentionRow[] }>(db, {
    cypher: `
      UNWIND $ids AS id
      MATCH (p:Paper {id: id})
      RETURN id, ${mentionsOf('p')} AS mentions`,
    params: { ids: paperIds },
  });
  return groupById(rows, paperIds, (row) => row.mentions).map((lists) =>
    sortMentions(lists.flat()),
  );
}
