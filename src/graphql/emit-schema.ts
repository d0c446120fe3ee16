import fs from 'node:fs';
import path from 'node:path';

import { lexicographicSortSchema, printSchema } from 'graphql';

import { buildPapergraphSchema } from './schema';

/**
 * The SDL of the code-first schema, as committed in schema/schema.graphql: sorted, so that the file
 * does not change with the order resolvers are listed in, and a review shows only real changes.
 * `npm run schema:emit` rewrites the file; a unit test fails when it is stale.
 */

export const SCHEMA_FILE = path.join('schema', 'schema.graphql');

const HEADER =
  '# Emitted from the code-first schema (src/graphql) by `npm run schema:emit`. Do not edit by hand.\n\n';

export async function printPapergraphSchema(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await buildPapergraphSchema()))}\n`;
}

async function main(): Promise<void> {
  // dist/src/graphql -> project root, as src/graphql -> project root under ts-jest.
  const root = path.resolve(
    __dirname,
    __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..',
  );
  const file = path.join(root, SCHEMA_FILE);
  fs.writeFileSync(file, await printPapergraphSchema());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), file) || file}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
