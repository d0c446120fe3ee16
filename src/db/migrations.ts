import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { Database } from './database';

/**
 * Applies the versioned Cypher in schema/migrations at start. Each file runs once, in name order,
 * and is recorded as a :SchemaMigration node with its checksum; its statements are written with
 * IF NOT EXISTS, so a run interrupted half-way is safely repeated.
 */

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export function readMigrations(schemaDir: string): Migration[] {
  const dir = path.join(schemaDir, 'migrations');
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const statements = text
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean);
      return {
        id: name.replace(/\.cypher$/, ''),
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
        statements,
      };
    });
}

/** Returns the ids of the migrations applied by this call. */
export async function migrate(db: Database, schemaDir: string): Promise<string[]> {
  const applied = new Set(
    (await db.query<{ id: string }>('MATCH (m:SchemaMigration) RETURN m.id AS id')).map(
      (r) => r.id,
    ),
  );
  const done: string[] = [];
  for (const migration of readMigrations(schemaDir)) {
    if (applied.has(migration.id)) continue;
    // Schema changes cannot share a transaction with data writes, so each statement runs alone,
    // in an auto-commit transaction: a backfill batches itself with CALL { } IN TRANSACTIONS.
    for (const statement of migration.statements) {
      await db.autoCommit(statement);
    }
    await db.write((tx) =>
      tx.run(
        'MERGE (m:SchemaMigration {id: $id}) SET m.checksum = $checksum, m.appliedAt = datetime()',
        { id: migration.id, checksum: migration.checksum },
      ),
    );
    done.push(migration.id);
  }
  await db.read((tx) => tx.run('CALL db.awaitIndexes(300)'));
  return done;
}
