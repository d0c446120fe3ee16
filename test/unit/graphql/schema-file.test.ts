import fs from 'node:fs';
import path from 'node:path';

import { SCHEMA_FILE, printPapergraphSchema } from '../../../src/graphql/emit-schema';

const ROOT = path.resolve(__dirname, '../../..');

/** The first line where two texts differ, with a little context, for the failure message. */
function firstDifference(committed: string, built: string): string {
  const a = committed.split('\n');
  const b = built.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const line = at === -1 ? Math.min(a.length, b.length) : at;
  return [
    `first difference at line ${line + 1}:`,
    `  committed: ${JSON.stringify(a[line] ?? '<end of file>')}`,
    `  built:     ${JSON.stringify(b[line] ?? '<end of file>')}`,
  ].join('\n');
}

describe('schema/schema.graphql', () => {
  it('is the SDL of the schema built from code', async () => {
    const file = path.join(ROOT, SCHEMA_FILE);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const built = await printPapergraphSchema();
    if (committed !== built) {
      throw new Error(
        `${SCHEMA_FILE} is out of date with the code: run npm run schema:emit and commit it.\n` +
          firstDifference(committed, built),
      );
    }
  });
});
