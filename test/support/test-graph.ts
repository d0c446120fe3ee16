import { createHash } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { waitUntilReachable } from '../../src/db/connect';
import { migrate } from '../../src/db/migrations';
import path from 'node:path';

/** A Database on the run's Neo4j (see global-setup), with the schema applied. */
export async function openTestDatabase(): Promise<Database> {
  const config = loadConfig();
  if (!config.neo4jUri)
    throw new Error('NEO4J_URI is not set: integration tests need global-setup');
  const db = new Database({
    uri: config.neo4jUri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    queryTimeoutMs: 60_000,
  });
  // The shared database is up, but its first connections can be slow on a loaded machine.
  await waitUntilReachable(db, config.neo4jUri, (line) =>
    console.warn(`[papergraph tests] ${line}`),
  );
  await migrate(db, path.join(config.rootDir, 'schema'));
  return db;
}

/** Removes all papers and entities; the schema (constraints, indexes, migrations) stays. */
export async function clearGraph(db: Database): Promise<void> {
  await db.write((tx) => tx.run('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n'));
}

/** A digest of every node id, link and provenance: equal digests mean an unchanged graph. */
export async function graphFingerprint(
  db: Database,
): Promise<{ nodes: number; links: number; digest: string }> {
  const rows = await db.query<{ line: string }>(
    `MATCH (a)-[r]->(b) WHERE NOT a:SchemaMigration
     RETURN coalesce(a.id, a.key) + ' ' + type(r) + ' ' + coalesce(b.id, b.key) + ' ' +
            coalesce(r.source, '') + ' ' + coalesce(r.evidence, '') + ' ' + coalesce(r.hash, '') AS line
     UNION ALL
     MATCH (n) WHERE NOT n:SchemaMigration
     RETURN coalesce(n.id, n.key) + ' ' + coalesce(n.hash, '') AS line`,
  );
  const lines = rows.map((r) => r.line).sort();
  const [{ nodes, links }] = await db.query<{ nodes: number; links: number }>(
    `MATCH (n) WHERE NOT n:SchemaMigration WITH count(n) AS nodes
     MATCH ()-[r]->() RETURN nodes, count(r) AS links`,
  );
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { nodes, links, digest };
}
