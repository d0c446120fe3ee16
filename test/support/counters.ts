import { Database } from '../../src/db/database';
import { introducesRank } from '../../src/graph/counters';
import { derivativeCount, descendantCount, paperCount } from '../../src/graph/cypher';

/**
 * Every counter the writers keep on nodes (src/graph/counters.ts) that differs from a count of the
 * graph as it is, as "id counter stored != counted" lines: empty when they are all exact.
 */
export async function counterMismatches(db: Database): Promise<string[]> {
  const rows = await db.query<{ line: string }>(
    `MATCH (e:Entity)
     WITH e, {paperCount: ${paperCount('e')}, derivativeCount: ${derivativeCount('e')},
       descendantCount: ${descendantCount('e')}} AS counted
     UNWIND keys(counted) AS counter
     WITH e, counter, e[counter] AS stored, counted[counter] AS counted
     WHERE stored IS NULL OR stored <> counted
     RETURN e.id + ' ' + counter + ' ' + coalesce(toString(stored), 'null') + ' != ' + toString(counted) AS line
     UNION ALL
     MATCH (p:Paper)
     WITH p, COUNT { (p)-[:INTRODUCES]->(:Entity) } AS n
     WITH p, n, ${introducesRank('p', 'n')} AS rank
     WHERE p.introducesCount IS NULL OR p.introducesCount <> n
       OR coalesce(p.introducesRank, '') <> coalesce(rank, '')
     RETURN p.id + ' introducesCount ' + coalesce(toString(p.introducesCount), 'null') + ' != ' + toString(n) AS line`,
  );
  return rows.map((row) => row.line).sort();
}
