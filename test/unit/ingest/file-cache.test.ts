import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parsedFile } from '../../../src/ingest/file-cache';

describe('parsedFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-file-cache-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses a file once while it is unchanged, and again once it changes', () => {
    const file = path.join(dir, 'lexicon.json');
    fs.writeFileSync(file, '["a"]');
    let parses = 0;
    const parse = (f: string): string[] => {
      parses++;
      return JSON.parse(fs.readFileSync(f, 'utf8')) as string[];
    };
    const first = parsedFile(file, parse);
    expect(parsedFile(file, parse)).toBe(first);
    expect(parses).toBe(1);

    fs.writeFileSync(file, '["a", "b"]');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(parsedFile(file, parse)).toEqual(['a', 'b']);
    expect(parses).toBe(2);
  });

  it('leaves a missing file to the parser', () => {
    const missing = path.join(dir, 'missing.json');
    expect(parsedFile(missing, () => 'default')).toBe('default');
  });
});
