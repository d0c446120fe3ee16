import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { EmbeddedStartError, startEmbedded } from '../../../src/db/embedded-neo4j';

describe('startEmbedded', () => {
  it('refuses a password Neo4j would refuse, before resolving jars or starting java', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-password-'));
    try {
      const start = startEmbedded(
        {
          rootDir: dir,
          cacheDir: path.join(dir, 'cache'),
          dataDir: path.join(dir, 'data'),
          boltPort: 1, // nothing listens there
          password: 'short',
          heap: '256m',
          pageCache: '64m',
          startTimeoutMs: 1_000,
        },
        'foreground',
      );
      await expect(start).rejects.toThrow(EmbeddedStartError);
      await expect(start).rejects.toThrow(
        /NEO4J_PASSWORD has 5 characters; Neo4j requires at least 8/,
      );
      expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
