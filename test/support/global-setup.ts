import { pickDatabase, TestDatabase } from './pick-database';

declare global {
  // Handed from globalSetup to globalTeardown, which run in the same process.
  var __PAPERGRAPH_TEST_DB__: TestDatabase | undefined;
}

/** Starts one Neo4j for the whole integration run and hands its address to the test workers. */
export default async function globalSetup(): Promise<void> {
  // Several projects (integration, e2e) share one database in a run.
  if (globalThis.__PAPERGRAPH_TEST_DB__) return;
  const db = await pickDatabase();
  globalThis.__PAPERGRAPH_TEST_DB__ = db;
  process.env.NEO4J_URI = db.uri;
  process.env.NEO4J_USER = db.user;
  process.env.NEO4J_PASSWORD = db.password;
}
