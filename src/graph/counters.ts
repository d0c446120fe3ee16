import { ManagedTransaction } from 'neo4j-driver';

import {
  LINEAGE_TYPES,
  MAX_LINEAGE_DEPTH,
  MENTION_TYPES,
  derivativeCount,
  descendantCount,
} from './cypher';

/**
 * Counters kept on the nodes, so that rankings, orderings and the stats dashboard read one
 * range-indexed property instead of walking the graph (at 1M papers no top-N list could be counted
 * per request):
 * - `Entity.paperCount`: distinct papers linking to the entity in any role;
 * - `Entity.derivativeCount`: distinct direct children in the lineage;
 * - `Entity.descendantCount`: distinct descendants up to MAX_LINEAGE_DEPTH;
 * - `Paper.introducesCount`: INTRODUCES links of the paper, and `introducesRank` to order by it.
 * Every writer (the loader, the curation mutations) keeps them exact in the transaction that
 * changes what they count; migration 0004 fills them in on a store written before them.
 */

/**
 * Serializes the writes that move or add lineage edges. Two concurrent addLineageEdge calls could
 * each pass the cycle check and together close a cycle, a merge could delete an entity another
 * transaction is linking to, and two recounts of descendants could each miss the other's edges;
 * all write this node first, so Neo4j's write lock makes them take turns. The uniqueness
 * constraint of migration 0003 makes the very first MERGEs wait for each other too, before the
 * node exists.
 */
export const TAKE_CURATION_LOCK = `MERGE (l:CurationLock {name: 'lineage'}) SET l.takenAt = datetime()`;

/** Each paper's distinct linked entities, keyed by paper id. */
export type LinkedEntities = Map<string, Set<string>>;

/**
 * Write-locks the papers (a SET whose value reads the property locks before reading), then reads
 * which entities each links to. Taken before a transaction changes the papers' mentions, so that a
 * concurrent writer of the same papers waits and the before/after difference stays this
 * transaction's own.
 */
export async function lockLinkedEntities(
  tx: ManagedTransaction,
  paperIds: readonly string[],
): Promise<LinkedEntities> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     SET p.introducesCount = coalesce(p.introducesCount, 0)
     RETURN id, COLLECT { MATCH (p)-[:${MENTION_TYPES}]->(e:Entity) RETURN DISTINCT e.id } AS entities`,
    { ids: paperIds },
  );
  return new Map(
    result.records.map((r) => [r.get('id') as string, new Set(r.get('entities') as string[])]),
  );
}

/**
 * After the papers' mentions changed: each entity's paperCount moves by the papers that gained or
 * lost their last link to it (an atomic increment, so concurrent writers of other papers add up),
 * and each paper's introducesCount is recounted.
 */
export async function updatePaperCounters(
  tx: ManagedTransaction,
  before: LinkedEntities,
): Promise<void> {
  const paperIds = [...before.keys()];
  if (paperIds.length === 0) return;
  const after = await lockLinkedEntities(tx, paperIds);
  const deltas = new Map<string, number>();
  const move = (id: string, by: number) => deltas.set(id, (deltas.get(id) ?? 0) + by);
  for (const [paperId, was] of before) {
    const now = after.get(paperId) ?? new Set<string>();
    for (const id of now) if (!was.has(id)) move(id, 1);
    for (const id of was) if (!now.has(id)) move(id, -1);
  }
  const changed = [...deltas].filter(([, n]) => n !== 0).map(([id, n]) => ({ id, n }));
  if (changed.length) {
    await tx.run(
      `UNWIND $changed AS c
       MATCH (e:Entity {id: c.id})
       SET e.paperCount = coalesce(e.paperCount, 0) + c.n`,
      { changed },
    );
  }
  await recountIntroduces(tx, paperIds);
}

/**
 * `Paper.introducesRank` of a paper `p` introducing `n` entities: one string that sorts as
 * (n descending, lower-case title, id), so that the top introducing papers are the first entries
 * of its range index even when thousands of papers tie on n (most papers introduce one thing).
 * Null when the paper introduces nothing. Migration 0004 writes the same expression.
 */
export function introducesRank(p: string, n: string): string {
  return (
    `CASE WHEN ${n} > 0 THEN right('000000000' + toString(1000000000 - ${n}), 10) + ` +
    `toLower(${p}.title) + '\\u0001' + ${p}.id END`
  );
}

/** Recounts Paper.introducesCount (a paper has a handful of links), writing only what differs. */
export async function recountIntroduces(
  tx: ManagedTransaction,
  paperIds: readonly string[],
): Promise<void> {
  await tx.run(
    `UNWIND $ids AS id
     MATCH (p:Paper {id: id})
     WITH p, COUNT { (p)-[:INTRODUCES]->(:Entity) } AS n
     WITH p, n, ${introducesRank('p', 'n')} AS rank
     WHERE p.introducesCount IS NULL OR p.introducesCount <> n
       OR coalesce(p.introducesRank, '') <> coalesce(rank, '')
     SET p.introducesCount = n, p.introducesRank = rank`,
    { ids: paperIds },
  );
}

/**
 * After lineage edges into these entities were added or removed: recounts derivativeCount and
 * descendantCount of each and of its ancestors (the only entities whose descendants can have
 * changed), writing only what differs. The lineage curation lock (migration 0003) is taken first,
 * so that two transactions recount in turn and the later one sees the other's committed edges.
 */
export async function refreshLineageCounters(
  tx: ManagedTransaction,
  parentIds: readonly string[],
): Promise<void> {
  if (parentIds.length === 0) return;
  await tx.run(TAKE_CURATION_LOCK);
  await tx.run(
    `UNWIND $ids AS id
     MATCH (:Entity {id: id})-[:${LINEAGE_TYPES}*0..${MAX_LINEAGE_DEPTH - 1}]->(a:Entity)
     WITH DISTINCT a
     WITH a, ${derivativeCount('a')} AS children, ${descendantCount('a')} AS descendants
     WHERE a.derivativeCount IS NULL OR a.derivativeCount <> children
       OR a.descendantCount IS NULL OR a.descendantCount <> descendants
     SET a.derivativeCount = children, a.descendantCount = descendants`,
    { ids: parentIds },
  );
}
