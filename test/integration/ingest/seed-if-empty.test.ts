import { loadConfig } from '../../../src/config';
import { Database } from '../../../src/db/database';
import { seedIfEmpty } from '../../../src/ingest/ingest';
import { clearGraph, graphFingerprint, openTestDatabase } from '../../support/test-graph';

const rootDir = loadConfig().rootDir;

/** What `npm start` does before serving: seed an empty graph, leave any other alone. */
describe('seedIfEmpty', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await clearGraph(db);
  });

  afterAll(async () => {
    await clearGraph(db);
    await db.close();
  });

  it('seeds an empty graph with the 119 papers, then leaves the seeded graph alone', async () => {
    const first = await seedIfEmpty(db, rootDir);
    expect(first?.report?.papers.created).toBe(119);
    const before = await graphFingerprint(db);
    expect(await seedIfEmpty(db, rootDir)).toBeUndefined();
    expect(await graphFingerprint(db)).toEqual(before);
  });
});
