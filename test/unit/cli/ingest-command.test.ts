import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { buildCli, exitWithError } from '../../../src/cli';
import { InputError } from '../../../src/model';

/**
 * `papergraph ingest --dry-run` needs no database: these run the real command in-process.
 */
describe('papergraph ingest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-cli-'));
  let stdout: string;
  beforeEach(() => {
    stdout = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--dry-run --json prints papers with their mentions and the lineage', async () => {
    const file = path.join(dir, 'papers.jsonl');
    fs.writeFileSync(
      file,
      `${JSON.stringify({
        title: 'OwlBERT: Small Encoders',
        abstract:
          'We introduce OwlBERT, a variant of BERT distilled on Wikipedia. It beats RoBERTa on GLUE.',
      })}\n`,
    );
    await buildCli().parseAsync(['node', 'papergraph', 'ingest', '--dry-run', '--json', file]);
    const json = JSON.parse(stdout) as {
      papers: Array<{ title: string; mentions: Array<Record<string, string>> }>;
      lineage: Array<Record<string, string>>;
    };
    expect(json.papers).toHaveLength(1);
    expect(json.papers[0].title).toBe('OwlBERT: Small Encoders');
    const mentions = json.papers[0].mentions.map((m) => `${m.role} ${m.name} ${m.kind}`);
    expect(mentions).toEqual(
      expect.arrayContaining(['INTRODUCES OwlBERT MODEL', 'EVALUATES_ON GLUE DATASET']),
    );
    for (const m of json.papers[0].mentions) {
      expect(Object.keys(m).sort()).toEqual(['evidence', 'kind', 'name', 'role']);
    }
    expect(json.lineage).toContainEqual(
      expect.objectContaining({ child: 'OwlBERT', parent: 'BERT', relation: 'VARIANT_OF' }),
    );
  });

  it('--dry-run prints a summary with each warning at its file and line', async () => {
    const file = path.join(dir, 'summary.jsonl');
    fs.writeFileSync(
      file,
      [
        { title: 'OwlBERT: Small Encoders', abstract: 'We introduce OwlBERT, evaluated on GLUE.' },
        { title: 'A Title Alone', abstract: '' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    await buildCli().parseAsync(['node', 'papergraph', 'ingest', '--dry-run', file]);
    expect(stdout).toMatch(/^Read 2 papers; extracted \d+ entities, \d+ paper-entity links/);
    expect(stdout).toContain(`warning: ${file}:2: paper "A Title Alone" has no abstract`);
  });

  it('refuses a bad file naming it and its line, and exits non-zero', async () => {
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, '{"title":"A","abstract":"a"}\n{"title": \n');
    const error = await buildCli()
      .parseAsync(['node', 'papergraph', 'ingest', '--dry-run', file])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('bad.jsonl:2');
    expect(stdout).toBe('');

    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    exitWithError(error);
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(stderr.mock.calls[0][0])).toContain('bad.jsonl:2');
  });
});
