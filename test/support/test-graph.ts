import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrations';
import path from 'node:path';

/** A Database on the run's Neo4j (see global-setup), with the schema applied. */
export async function openTestDatabase(): Promise<Database> {
  const config = loadConfig();
  if (!config.neo4jUri) throw new Error('NEO4J_URI is not set: integration tests need global-setup');
  const db = new Database({
    uri: config.neo4jUri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    queryTimeoutMs: 60_000,
  });
  await migrate(db, path.join(config.rootDir, 'schema'));
  return db;
}

/** Removes all papers and entities; the schema (constraints, indexes, migrations) stays. */
export async function clearGraph(db: Database): Promise<void> {
  await db.write((tx) =>
    tx.run('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n'),
  );
}
