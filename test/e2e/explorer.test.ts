import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';

import { Database } from '../../src/db/database';
import { EXPLORER_DIST } from '../../src/http/explorer';
import { seedCorpus } from '../../src/ingest/ingest';
import { RunningServer } from '../../src/server';
import { clearGraph, openTestDatabase } from '../support/test-graph';
import { startTestServer } from '../support/test-server';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = path.join(ROOT, 'web', 'explorer');
const BUILT_PAGE = path.join(ROOT, EXPLORER_DIST, 'index.html');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BEIT_PAPER = 'beit-bert-pre-training-of-image-transformers';
/** Generous: CI's two cores also run Neo4j, and the first Cypher of a kind is compiled. */
const VIEW_TIMEOUT_MS = 60_000;

function newestMtime(dir: string): number {
  return Math.max(
    ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    }),
  );
}

/** Builds the explorer unless dist holds a build newer than every source file. */
function ensureExplorerBuilt(): void {
  if (fs.existsSync(BUILT_PAGE) && fs.statSync(BUILT_PAGE).mtimeMs > newestMtime(SOURCES)) return;
  const build = spawnSync('npm', ['run', 'build:explorer', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (build.status !== 0) {
    throw new Error(`npm run build:explorer failed:\n${build.stdout}\n${build.stderr}`);
  }
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

describe('the explorer, offline, on the seeded graph', () => {
  let db: Database;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  const renderTimes: Array<{ view: string; how: string; ms: number }> = [];

  /** Watches a context: only this machine is reachable, and every console error is kept. */
  async function guard(browserContext: BrowserContext): Promise<void> {
    browserContext.on('request', (request) => requested.push(request.url()));
    await browserContext.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    browserContext.on('page', (opened) => {
      opened.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${opened.url()}: ${message.text()}`);
      });
      opened.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    });
  }

  /**
   * Runs `action`, then waits until `content` is visible and the view says it is done
   * (aria-busy false), and records how long that took: the render time of the view.
   */
  async function timeView(
    view: string,
    how: string,
    content: Locator,
    action: () => Promise<unknown>,
    on: Page = page,
  ): Promise<void> {
    const started = performance.now();
    await action();
    await content.first().waitFor({ state: 'visible', timeout: VIEW_TIMEOUT_MS });
    await on
      .locator(`main[data-view="${view}"][aria-busy="false"]`)
      .waitFor({ timeout: VIEW_TIMEOUT_MS });
    renderTimes.push({ view, how, ms: Math.round(performance.now() - started) });
  }

  const screenshot = (name: string, on: Page = page): Promise<Buffer> =>
    on.screenshot({ path: path.join(ARTIFACTS, `explorer-${name}.png`), fullPage: true });

  const hash = (on: Page = page): string => decodeURIComponent(new URL(on.url()).hash);
  // Page functions are given as source text: this file is compiled without the DOM's types.
  const focusedId = (): Promise<string | undefined> =>
    page.evaluate<string | undefined>('document.activeElement?.id');

  beforeAll(async () => {
    ensureExplorerBuilt();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    db = await openTestDatabase();
    await clearGraph(db);
    await seedCorpus(db, ROOT);
    // This file tests what the explorer shows, not how fast the server answers on a machine that
    // is also running Neo4j and Chromium: a cold graph's first dashboard query may take seconds.
    // Render times are reported, not asserted.
    server = await startTestServer({ NEO4J_QUERY_TIMEOUT_MS: '60000' });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await guard(context);
    page = await context.newPage();
  }, 900_000);

  afterAll(async () => {
    if (renderTimes.length) {
      const lines = renderTimes.map(
        ({ view, how, ms }) => `  ${view.padEnd(9)} ${String(ms).padStart(6)} ms  ${how}`,
      );
      console.log(`Explorer render times (navigation to content visible):\n${lines.join('\n')}`);
    }
    await browser?.close();
    await server?.stop();
    if (db) {
      await clearGraph(db);
      await db.close();
    }
  });

  it('is served at / with a strict policy, revalidated, its hashed files cached for good', async () => {
    const pageResponse = await fetch(`${server.url}/`);
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toMatch(/^text\/html/);
    expect(pageResponse.headers.get('cache-control')).toBe('no-cache');
    expect(pageResponse.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await pageResponse.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/explorer\/assets\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${server.url}/explorer/assets/missing.js`)).status).toBe(404);

    // The API and the health check are untouched by the page at /.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const api = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ paper(id: "${BEIT_PAPER}") { title } }` }),
    });
    expect(await api.json()).toEqual({
      data: { paper: { title: 'BEiT: BERT Pre-Training of Image Transformers' } },
    });
  });

  it('opens on the overview: totals and charts of kinds, roles, top datasets, most descendants', async () => {
    const charts = page.locator('figure.chart svg.bar-chart');
    // A page of the same origin first, so the time below is the explorer's, not that of a
    // browser just launched spawning its first renderer (a user's browser is already running).
    await page.goto(`${server.url}/health`);
    await timeView('overview', 'load /', charts, () => page.goto(`${server.url}/`));
    expect(await page.locator('.total dd').allInnerTexts()).toEqual(
      expect.arrayContaining(['119']),
    );
    expect(await page.locator('figure.chart figcaption').allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Entities by kind',
        'Paper–entity links by role',
        'Most used datasets',
        'Most descendants (methods and models)',
      ]),
    );
    const topDataset = page.locator('a[aria-label^="ImageNet-1K:"]');
    expect(await topDataset.getAttribute('href')).toBe('#/entity/imagenet-1k');
    await expect(page.title()).resolves.toBe('Overview · papergraph explorer');
    await screenshot('overview');
  });

  it('searches as one types, debounced, and puts the query in the URL', async () => {
    const searches: string[] = [];
    const countSearches = (request: { postData(): string | null }): void => {
      if (request.postData()?.includes('ExplorerSearch')) searches.push(request.postData() ?? '');
    };
    page.on('request', countSearches);
    const input = page.getByRole('searchbox', { name: 'Search papers and entities' });
    await input.click();
    await input.pressSequentially('BERT', { delay: 40 });
    await timeView(
      'search',
      'typed "BERT" (includes the 250 ms debounce)',
      page.locator('.exact-match').getByRole('link', { name: 'BERT', exact: true }),
      async () => undefined,
    );
    page.off('request', countSearches);

    expect(hash()).toBe('#/search?q=BERT');
    // Four keystrokes, fewer searches: the field waits for the typing to rest.
    expect(searches.length).toBeLessThan(4);
    expect(searches.at(-1)).toContain('"query":"BERT"');
    expect(await focusedId()).toBe('search-input');
    expect(await page.locator('ol.hits li').count()).toBeGreaterThan(3);
    await expect(page.locator('ol.hits').innerText()).resolves.toContain(
      'BEiT: BERT Pre-Training of Image Transformers',
    );
    await screenshot('search');
  });

  it('opens the lineage of BERT and finds BEiT among its descendants', async () => {
    await timeView(
      'lineage',
      'clicked "Lineage" on the search card',
      page.locator('.lineage-canvas canvas'),
      () =>
        page
          .locator('.exact-match')
          .getByRole('link', { name: /^Lineage/ })
          .click(),
    );
    await expect(page.locator('h1').innerText()).resolves.toMatch(/^BERT/);
    expect(hash()).toBe('#/lineage/BERT?depth=3&direction=BOTH&kind=MODEL');

    await timeView(
      'lineage',
      'direction: Descendants',
      page.locator('.edge-table', { hasText: 'BEiT' }),
      () => page.getByText('Descendants', { exact: true }).click(),
    );
    expect(hash()).toBe('#/lineage/BERT?depth=3&direction=DESCENDANTS&kind=MODEL');
    const edges = (await page.locator('.edge-table tbody tr').allInnerTexts()).map((row) =>
      row.split('\t').slice(0, 3).join(' | '),
    );
    expect(edges.filter((edge) => /^BEiT \| .+ \| BERT$/.test(edge)).length).toBeGreaterThan(0);
    // Descendants only: BERT's own parent is not drawn.
    expect(edges.join('\n')).not.toContain('Transformer');
    await expect(page.locator('#lineage-entities + ul').innerText()).resolves.toContain('BEiT');
    await screenshot('lineage');
  });

  it('shows the evidence of an edge and goes on to the BEiT paper, ImageNet-1K marked', async () => {
    const panel = page.locator('.lineage-panel');
    const evidence = page.getByRole('button', { name: /^Evidence: BEiT .+ BERT$/ });
    await evidence.first().click();
    await expect(panel.locator('.edge-sentence').innerText()).resolves.toMatch(/BEiT.+BERT/s);
    await panel.locator('.evidence').waitFor();

    // An edge the extractor found cites its paper; a curated one does not, and then BEiT's own
    // page leads there. Either way the reader gets from the lineage to the paper by clicking.
    const paperTitle = 'BEiT: BERT Pre-Training of Image Transformers';
    const cited = panel.getByRole('link', { name: paperTitle });
    const clickThrough = async (): Promise<void> => {
      if ((await cited.count()) > 0) {
        await cited.click();
        return;
      }
      await page
        .locator('.edge-table')
        .getByRole('link', { name: 'BEiT', exact: true })
        .first()
        .click();
      await page.locator('h1', { hasText: /^BEiT\b/ }).waitFor();
      await page.locator('.view-header').getByRole('link', { name: 'Entity page' }).click();
      await page
        .locator('section.role-papers.role-introduces')
        .getByRole('link', { name: paperTitle })
        .click();
    };
    await timeView(
      'paper',
      'from the lineage to the paper',
      page.locator('mark[data-entity="imagenet-1k"]'),
      clickThrough,
    );
    expect(hash()).toBe(`#/paper/${BEIT_PAPER}`);
    await expect(page.locator('h1').innerText()).resolves.toBe(
      'BEiT: BERT Pre-Training of Image Transformers',
    );

    const imagenet = page.locator('.abstract mark[data-entity="imagenet-1k"]');
    expect(await imagenet.count()).toBe(2);
    expect(await imagenet.first().innerText()).toBe('ImageNet-1K');
    // The mark is coloured by the most telling of the paper's roles for it; its title says all.
    const role = await imagenet.first().getAttribute('data-role');
    expect(['EVALUATES_ON', 'USES']).toContain(role);
    expect(await imagenet.first().getAttribute('class')).toBe(
      `role-mark role-${role?.toLowerCase().replace('_', '-')}`,
    );
    expect(await imagenet.first().getAttribute('title')).toMatch(
      /^ImageNet-1K \(Dataset\): the paper (evaluates on|uses)/,
    );
    expect(
      await page.locator('.abstract mark[data-entity="beit"]').first().getAttribute('data-role'),
    ).toBe('INTRODUCES');
    await expect(page.locator('.legend').first().innerText()).resolves.toContain('Introduces');
    // Entities by role, each with its sentence; related papers.
    const introduces = page.locator('.role-group.role-introduces');
    await expect(introduces.innerText()).resolves.toContain('BEiT');
    const dataset = page.locator('.mention', { hasText: 'ImageNet-1K' }).first();
    await expect(dataset.locator('blockquote').innerText()).resolves.toContain('ImageNet-1K');
    expect(await page.locator('.related-list > li').count()).toBeGreaterThan(0);
    await screenshot('paper');
  });

  it('shows an entity: kind, aliases, description, papers by role with evidence, co-used', async () => {
    await timeView(
      'entity',
      'clicked ImageNet-1K in the abstract',
      page.locator('h1', { hasText: 'ImageNet-1K' }),
      () => page.locator('.abstract mark[data-entity="imagenet-1k"] a').first().click(),
    );
    expect(hash()).toBe('#/entity/imagenet-1k');
    await expect(page.locator('.view-header .badge').first().innerText()).resolves.toBe('Dataset');
    await expect(page.locator('.aliases').innerText()).resolves.toContain('IN-1K');
    await expect(page.locator('.view-header .lede').innerText()).resolves.toMatch(/ImageNet/);

    const beit = page
      .locator('section.role-papers li')
      .filter({ hasText: 'BEiT: BERT Pre-Training of Image Transformers' })
      .first();
    await expect(beit.locator('blockquote').innerText()).resolves.toContain('ImageNet-1K');
    const headings = await page.locator('section.role-papers h2').allInnerTexts();
    expect(headings.some((heading) => /^Papers (evaluating on|using) it/.test(heading))).toBe(true);

    await expect(page.locator('#co-used').innerText()).resolves.toBe('Used together with');
    expect(await page.locator('ul.co-used').last().locator('li').count()).toBeGreaterThan(3);
    expect(await page.locator('#evaluated-models').count()).toBe(1);
    await screenshot('entity');
  });

  it("pages on through an entity's papers of one role with the API's cursor", async () => {
    await timeView('entity', 'deep link /#/entity/bert', page.locator('section.role-papers'), () =>
      page.goto(`${server.url}/#/entity/bert`),
    );
    // BERT is the most used model of the corpus: more papers use it than one page holds.
    const uses = page.locator('section.role-papers.role-uses');
    const total = Number(await uses.locator('h2 .count').innerText());
    const items = uses.locator('li.paper-item');
    expect(await items.count()).toBe(10);
    expect(total).toBeGreaterThan(10);
    await uses.getByRole('button', { name: 'Show more' }).click();
    const expected = Math.min(total, 20);
    await items.nth(expected - 1).waitFor({ timeout: VIEW_TIMEOUT_MS });
    expect(await items.count()).toBe(expected);
    const titles = await items.locator('a').allInnerTexts();
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('re-centres the lineage on another entity and keeps depth and direction in the URL', async () => {
    await timeView(
      'lineage',
      'deep link /#/lineage/BEiT?depth=10&direction=ANCESTORS',
      page.locator('.lineage-canvas canvas'),
      () => page.goto(`${server.url}/#/lineage/BEiT?depth=10&direction=ANCESTORS`),
    );
    await expect(page.locator('#lineage-depth').inputValue()).resolves.toBe('10');
    await expect(page.locator('#lineage-direction-ancestors').isChecked()).resolves.toBe(true);
    await expect(page.locator('.edge-table').innerText()).resolves.toContain('BERT');

    await timeView(
      'lineage',
      're-centred on BERT from the entity list',
      page.locator('h1', { hasText: /^BERT\b/ }),
      () =>
        page.locator('#lineage-entities + ul').getByRole('link', { name: /BERT$/ }).first().click(),
    );
    expect(hash()).toBe('#/lineage/BERT?depth=10&direction=ANCESTORS&kind=MODEL');

    // The slider is a keyboard control; the URL follows it once it rests.
    await page.locator('#lineage-depth').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/depth=9/, { timeout: VIEW_TIMEOUT_MS });
    await page.locator('main[data-view="lineage"][aria-busy="false"]').waitFor();
    expect(await focusedId()).toBe('lineage-depth');

    // Every control of the richest view has a name a screen reader can say.
    const unnamed = await page.evaluate<string[]>(`
      [...document.querySelectorAll('input, button, select, a')]
        .filter((el) => !el.getAttribute('aria-label') && !el.labels?.length && !el.textContent.trim())
        .map((el) => el.outerHTML)`);
    expect(unnamed).toEqual([]);
  });

  it('answers the pointer on the canvas: hover previews, an edge click pins, a node click re-centres', async () => {
    await timeView(
      'lineage',
      'deep link /#/lineage/BEiT?depth=10&direction=ANCESTORS',
      page.locator('.lineage-canvas canvas'),
      () => page.goto(`${server.url}/#/lineage/BEiT?depth=10&direction=ANCESTORS`),
    );
    const box = await page.locator('.lineage-canvas').boundingBox();
    if (!box) throw new Error('the lineage canvas is not on screen');
    const panel = page.locator('.lineage-panel .panel-body');
    const bert = panel.locator('strong', { hasText: /^BERT$/ });
    const edgeShown = panel.locator('.edge-sentence');

    // The canvas has no DOM to query: sweep the pointer down the middle, where dagre puts a chain
    // of ancestors, until the panel previews an edge and the node BERT.
    let onEdge: { x: number; y: number } | undefined;
    let onBert: { x: number; y: number } | undefined;
    for (const dx of [0, -20, 20]) {
      for (let y = box.y + 8; y < box.y + box.height - 8 && !(onEdge && onBert); y += 6) {
        const point = { x: box.x + box.width / 2 + dx, y };
        await page.mouse.move(point.x, point.y);
        if (!onEdge && (await edgeShown.count()) > 0) onEdge = point;
        if (!onBert && (await bert.count()) > 0) onBert = point;
      }
    }
    if (!onEdge || !onBert) throw new Error('no edge or no BERT node found under the pointer');
    const bertAt = onBert;

    await page.mouse.click(onEdge.x, onEdge.y);
    await page.mouse.move(box.x + 2, box.y + 2);
    // Pinned: the evidence stays when the pointer leaves.
    await expect(edgeShown.innerText()).resolves.toMatch(/BEiT|BERT|Transformer/);
    await panel.locator('.evidence').waitFor();

    await timeView(
      'lineage',
      're-centred by a click on the node BERT',
      page.locator('h1', { hasText: /^BERT\b/ }),
      () => page.mouse.click(bertAt.x, bertAt.y),
    );
    expect(hash()).toBe('#/lineage/BERT?depth=10&direction=ANCESTORS&kind=MODEL');
  });

  it('can be driven from the keyboard: "/" to search, Enter, a link; focus goes to the heading', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('main[data-view="overview"][aria-busy="false"]').waitFor();
    await page.keyboard.press('/');
    expect(await focusedId()).toBe('search-input');
    await page.keyboard.type('masked autoencoders');
    await page.keyboard.press('Enter');
    await page.locator('.exact-match').getByRole('link', { name: 'MAE' }).waitFor();
    expect(hash()).toBe('#/search?q=masked+autoencoders');

    await page.locator('.exact-match').getByRole('link', { name: 'MAE' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('main[data-view="entity"][aria-busy="false"]').waitFor();
    // A screen reader announces the new page from its heading.
    expect(await page.evaluate<string>('document.activeElement.tagName')).toBe('H1');
  });

  it('says so when an entity, a paper or a page does not exist', async () => {
    for (const [route, heading] of [
      ['#/entity/no-such-entity', 'No such entity'],
      ['#/paper/no-such-paper', 'No such paper'],
      ['#/lineage/no-such-entity', 'No such entity'],
      ['#/nowhere', 'No such page'],
    ]) {
      await page.goto(`${server.url}/${route}`);
      await page.locator('h1', { hasText: heading }).waitFor({ timeout: VIEW_TIMEOUT_MS });
    }
  });

  it('fits a narrow screen without sideways scrolling', async () => {
    const narrow = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await guard(narrow);
    const phone = await narrow.newPage();
    const views: Array<[string, string, string]> = [
      ['overview', '#/', 'figure.chart svg'],
      ['search', '#/search?q=BERT', '.exact-match'],
      ['entity', '#/entity/bert', 'section.role-papers'],
      ['lineage', '#/lineage/BERT?depth=3&direction=BOTH', '.lineage-canvas canvas'],
      ['paper', `#/paper/${BEIT_PAPER}`, 'mark[data-entity="imagenet-1k"]'],
    ];
    for (const [view, route, content] of views) {
      await timeView(
        view,
        `narrow screen, ${route}`,
        phone.locator(content),
        () => phone.goto(`${server.url}/${route}`),
        phone,
      );
      const overflow = await phone.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect({ view, overflow }).toEqual({ view, overflow: 0 });
      await screenshot(`narrow-${view}`, phone);
    }
    await narrow.close();
  });

  it('asked nothing of any host but the server, and logged no console error', () => {
    expect(blocked).toEqual([]);
    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
