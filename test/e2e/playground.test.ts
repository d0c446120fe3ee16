import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { Browser, chromium, Page } from 'playwright-core';

import { Database } from '../../src/db/database';
import { loadBatch } from '../../src/ingest/load';
import { GraphBatch } from '../../src/model';
import { PLAYGROUND_DIST } from '../../src/http/playground';
import { RunningServer } from '../../src/server';
import { clearGraph, openTestDatabase } from '../support/test-graph';
import { startTestServer } from '../support/test-server';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = path.join(ROOT, 'web', 'playground');
const BUILT_PAGE = path.join(ROOT, PLAYGROUND_DIST, 'index.html');
const SCREENSHOT = path.join(ROOT, 'test-artifacts', 'playground.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the playground unless dist holds a build newer than every source file. */
function ensurePlaygroundBuilt(): void {
  const newestSource = Math.max(
    ...fs.readdirSync(SOURCES).map((name) => fs.statSync(path.join(SOURCES, name)).mtimeMs),
  );
  if (fs.existsSync(BUILT_PAGE) && fs.statSync(BUILT_PAGE).mtimeMs > newestSource) return;
  const build = spawnSync('npm', ['run', 'build:web', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (build.status !== 0)
    throw new Error(`npm run build:web failed:\n${build.stdout}\n${build.stderr}`);
}

/** BERT with a parent and two children, so the default lineage query has something to show. */
const LINEAGE: GraphBatch = {
  papers: [
    {
      id: 'roberta-paper',
      title: 'RoBERTa: A Robustly Optimized BERT Pretraining Approach',
      abstract: 'We present RoBERTa, which builds on BERT.',
      authors: [],
      mentions: [
        {
          entityId: 'roberta',
          role: 'INTRODUCES',
          evidence: 'We present RoBERTa.',
          confidence: 0.9,
          source: 'EXTRACTED',
        },
      ],
    },
  ],
  entities: [
    { id: 'bert', name: 'BERT', kind: 'MODEL', aliases: [] },
    { id: 'transformer', name: 'Transformer', kind: 'METHOD', aliases: [] },
    { id: 'roberta', name: 'RoBERTa', kind: 'MODEL', aliases: [] },
    { id: 'distilbert', name: 'DistilBERT', kind: 'MODEL', aliases: [] },
  ],
  lineage: [
    {
      childId: 'bert',
      parentId: 'transformer',
      relation: 'EXTENDS',
      evidence: 'lexicon',
      confidence: 1,
      source: 'CURATED',
    },
    {
      childId: 'roberta',
      parentId: 'bert',
      relation: 'EXTENDS',
      evidence: 'RoBERTa builds on BERT.',
      paperId: 'roberta-paper',
      confidence: 0.8,
      source: 'EXTRACTED',
    },
    {
      childId: 'distilbert',
      parentId: 'bert',
      relation: 'DISTILLED_FROM',
      evidence: 'lexicon',
      confidence: 1,
      source: 'CURATED',
    },
  ],
  warnings: [],
};

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

describe('the GraphQL playground, offline', () => {
  let db: Database;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ensurePlaygroundBuilt();
    db = await openTestDatabase();
    await clearGraph(db);
    await loadBatch(db, LINEAGE);
    server = await startTestServer();

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Everything the page or its workers ask for is seen here; only this machine is reachable.
    context.on('request', (request) => requested.push(request.url()));
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (db) {
      await clearGraph(db);
      await db.close();
    }
  });

  it('opens on the BERT lineage example, runs it with the run button and shows the result', async () => {
    await page.goto(`${server.url}/graphql`);
    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
    await queryEditor.waitFor({ timeout: 60_000 });
    await page.getByText('query BertLineage').first().waitFor({ timeout: 30_000 });

    const answered = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' && r.request().postData()?.includes('BertLineage') === true,
    );
    await page.locator('.graphiql-execute-button').click();
    const body = (await (await answered).json()) as {
      data: { lineage: { edges: Array<{ child: { name: string }; parent: { name: string } }> } };
    };
    expect(
      body.data.lineage.edges.map((e) => `${e.child.name} -> ${e.parent.name}`).sort(),
    ).toEqual(['BERT -> Transformer', 'DistilBERT -> BERT', 'RoBERTa -> BERT']);
    // Monaco renders only the lines in view: the top of the result is enough to see it shown.
    const response = page.locator('.graphiql-response');
    await response.getByText('"DISTILLED_FROM"').waitFor({ timeout: 30_000 });
    expect(await response.innerText()).toMatch(/"lineage"[\s\S]*"DistilBERT"[\s\S]*"RoBERTa"/);

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('ran Monaco with its workers from bundled files', () => {
    const workers = requested.filter((url) => /\.worker-[\w-]+\.js$/.test(url));
    expect(workers.map((url) => path.basename(url).replace(/-[\w-]+\.js$/, ''))).toEqual(
      expect.arrayContaining(['editor.worker', 'graphql.worker']),
    );
  });

  it('asked nothing of any host but the server, and logged no console error', () => {
    expect(blocked).toEqual([]);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
