import { createHash } from 'node:crypto';

import { Database } from '../../../src/db/database';

/** Counts and invariants of the whole graph, for comparing one load with another. */

export interface GraphCounts {
  papers: number;
  entities: number;
  aliases: number;
  /** Relationships by type. */
  links: Record<string, number>;
}

export async function graphCounts(db: Database): Promise<GraphCounts> {
  const [nodes] = await db.query<{ papers: number; entities: number; aliases: number }>(
    `CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH (a:Alias) RETURN count(a) AS aliases }
     RETURN papers, entities, aliases`,
  );
  const links = await db.query<{ type: string; n: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type',
  );
  return { ...nodes, links: Object.fromEntries(links.map((l) => [l.type, l.n])) };
}

/**
 * A digest of the graph's shape only: node ids and alias keys, and every relationship as
 * (start, type, end). Two loads that differ only in last-writer-wins properties (an entity's kind
 * voted differently by two batches) have the same shape.
 */
export async function graphShape(db: Database): Promise<string> {
  const rows = await db.query<{ line: string }>(
    `MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n)[0] + ' ' + coalesce(n.id, n.key) AS line
     UNION ALL
     MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) + ' ' + type(r) + ' ' + coalesce(b.id, b.key) AS line`,
  );
  return createHash('sha256')
    .update(
      rows
        .map((r) => r.line)
        .sort()
        .join('\n'),
    )
    .digest('hex');
}

/**
 * What must hold whatever ran concurrently: no two nodes share an id or alias key, no two
 * relationships of one type join the same pair, every entity carries exactly the kind label its
 * `kind` says. Returns the violations found (empty when none).
 */
export async function graphViolations(db: Database): Promise<Record<string, number>> {
  const [row] = await db.query<Record<string, number>>(
    `CALL () {
       MATCH (n) WHERE n:Paper OR n:Entity WITH n.id AS id, count(*) AS c WHERE c > 1
       RETURN count(*) AS duplicateIds
     }
     CALL () {
       MATCH (a:Alias) WITH a.key AS key, count(*) AS c WHERE c > 1 RETURN count(*) AS duplicateAliases
     }
     CALL () {
       MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, count(*) AS c WHERE c > 1
       RETURN count(*) AS duplicateLinks
     }
     CALL () {
       MATCH (e:Entity)
       WITH e, [l IN labels(e) WHERE l IN ['Method', 'Model', 'Dataset', 'Task']] AS kinds
       WHERE size(kinds) <> 1
          OR kinds[0] <> CASE e.kind WHEN 'METHOD' THEN 'Method' WHEN 'MODEL' THEN 'Model'
                                     WHEN 'DATASET' THEN 'Dataset' WHEN 'TASK' THEN 'Task' END
       RETURN count(*) AS badKindLabels
     }
     CALL () {
       MATCH (p:Paper) WHERE p.title IS NULL OR p.hash IS NULL RETURN count(*) AS halfWrittenPapers
     }
     CALL () {
       MATCH (e:Entity) WHERE e.name IS NULL OR e.hash IS NULL RETURN count(*) AS halfWrittenEntities
     }
     RETURN duplicateIds, duplicateAliases, duplicateLinks, badKindLabels, halfWrittenPapers,
            halfWrittenEntities`,
  );
  return Object.fromEntries(Object.entries(row).filter(([, n]) => n > 0));
}
