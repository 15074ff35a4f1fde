/**
 * The dashboard in headless Chromium (issue 12, "Done when"): the real server on a free loopback port over a copy of
 * the embedded store, serving the built dashboard (apps/web/dist) at `/`; Debian's chromium driven by
 * playwright-core with the flags of STACK.md (row 5b) and a throw-away profile (never `playwright install`).
 *
 * - Each view registered in apps/web/src/views/index.ts is opened for jjj (`/#/jjj/<id>`) at a laptop's size
 *   (1366 × 768): no console error or page error (a 404 for /favicon.ico is ignored), a chart (an ECharts canvas or
 *   SVG) is drawn, the page does not scroll sideways, and a screenshot is saved (the folder is printed; it is kept).
 *   A view the issue asks for that is not registered yet is skipped, saying so.
 * - Switching the language changes the header's text to Chinese; switching the metro changes the URL and the page.
 * - On the scenario view, adding a move changes the deltas shown.
 * - On the data view, uploading a broken CSV shows its errors (the bad value, row by row) and the datasets are
 *   unchanged (GET /api/datasets before and after).
 * - Figures printed, not asserted (no timed tests): the overview's first meaningful render (navigation start → a
 *   chart drawn; a fresh browser's first and second visit, after the server's warm-up of its caches), the JavaScript
 *   it loaded and the bundle size of apps/web/dist.
 *
 * The controls are found by role and text (a `<select>` offering `zh` or `tokyo`, a button named 中文 / “Add move”,
 * an `<input type=file>`), or by these `data-testid`s when a view sets them: `lang-switch`, `metro-switch`,
 * `scenario-add-move`, `scenario-apply`, `scenario-deltas`, `upload-submit`, `upload-report`, `dataset-list`.
 * Skipped with the reason printed when Chromium or apps/web/dist is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import type { BrowserContext, ConsoleMessage, Locator, Page } from 'playwright-core';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { chromiumArgs, findChromium } from '../../../packages/report/src/pdf.ts';
import { type RunningServer, startServer } from '../../server/src/start.ts';

const webRoot = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(webRoot, 'dist');
const viewsIndex = join(webRoot, 'src', 'views', 'index.ts');
const metro = 'jjj';
const timeout = 30_000;

/** The views the issue asks for, and how their ids may be spelt. */
const expectedViews: readonly { readonly name: string; readonly id: RegExp }[] = [
  { name: 'metro overview', id: /overview/i },
  { name: 'structure and specialisation', id: /struct|special/i },
  { name: 'homogenisation', id: /homogen|similar/i },
  { name: 'complementarity and linkage', id: /complement|linkage|flow/i },
  { name: 'pair types and drivers', id: /pair|typolog|driver/i },
  { name: 'compare', id: /compare|benchmark/i },
  { name: 'plan and scenarios', id: /plan|scenario/i },
  { name: 'data', id: /^data|upload/i },
];

interface ViewInfo {
  readonly id: string;
  readonly title: { readonly en: string; readonly zh: string };
}

/**
 * The registered views, read from apps/web/src/views/index.ts: bundled by esbuild into a temp file
 * (React, ECharts and the views' modules; styles and assets stubbed) and imported; the list is its export that is
 * an array of `{ id, title, component }`.
 */
async function registeredViews(): Promise<{ views: ViewInfo[] } | { reason: string }> {
  if (!existsSync(viewsIndex)) return { reason: `${relative(webRoot, viewsIndex)} does not exist yet` };
  const dir = mkdtempSync(join(tmpdir(), 'metrocoop-web-views-'));
  try {
    const outfile = join(dir, 'views.mjs');
    await esbuild.build({
      entryPoints: [viewsIndex],
      outfile,
      bundle: true,
      format: 'esm',
      // node: the views reach packages/core, whose solvers import node:module (never run here).
      platform: 'node',
      // (spelt in pieces: the test build rewrites this file's own import-meta expressions)
      banner: {
        js: `import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(${['import', 'meta', 'url'].join('.')});`,
      },
      conditions: ['development'],
      jsx: 'automatic',
      logLevel: 'silent',
      loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty', '.woff2': 'empty', '.json': 'json', '.geojson': 'json' },
      define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env': '{}' },
    });
    const mod = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
    const isView = (v: unknown): v is ViewInfo => typeof v === 'object' && v !== null && typeof (v as ViewInfo).id === 'string' && 'component' in v;
    const list = Object.values(mod).find((v): v is ViewInfo[] => Array.isArray(v) && v.length > 0 && v.every(isView));
    if (list === undefined) return { reason: `${relative(webRoot, viewsIndex)} exports no array of views ({ id, title, component })` };
    return { views: list.map((v) => ({ id: v.id, title: v.title })) };
  } catch (error) {
    return { reason: `could not load ${relative(webRoot, viewsIndex)}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loaded = await registeredViews();
const views: ViewInfo[] = 'views' in loaded ? loaded.views : [];
const viewsReason = 'reason' in loaded ? loaded.reason : undefined;
const viewFor = (expected: RegExp): ViewInfo | undefined => views.find((v) => expected.test(v.id));
const scenarioView = views.find((v) => /scenario/i.test(v.id)) ?? viewFor(/plan/i);
const dataView = viewFor(/^data|upload/i);
const overviewView = viewFor(/overview/i) ?? views[0];

let chromiumPath: string | undefined;
let chromiumReason: string | undefined;
try {
  chromiumPath = findChromium();
} catch (error) {
  chromiumReason = `no Chromium (${error instanceof Error ? error.message.split(';')[0] : String(error)})`;
}
const distReason = existsSync(join(distDir, 'index.html')) ? undefined : 'apps/web/dist/index.html is missing: build the dashboard first';
/** Why the whole file is skipped, if it is. */
const skipAll = chromiumReason ?? distReason ?? viewsReason;
if (skipAll !== undefined) console.log(`# dashboard e2e skipped: ${skipAll}`);

const cjk = (s: string): number => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;
const letters = (s: string): number => (s.match(/[A-Za-z]/g) ?? []).length;

/** Console errors and page errors of one page, minus the favicon 404 and the responses the test expects to fail. */
function watchErrors(page: Page, expectedFailures: RegExp[] = []): string[] {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url ?? '';
    if (/favicon\.ico/.test(where) || /favicon\.ico/.test(msg.text())) return;
    if (/Failed to load resource/.test(msg.text()) && expectedFailures.some((re) => re.test(where))) return;
    errors.push(`${msg.text()}${where === '' ? '' : ` (${where})`}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

/** Resolves when a chart is drawn: an ECharts container with a canvas or SVG, or a canvas / SVG of chart size. */
async function waitForChart(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const doc = (
        globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { width: number; height: number } }> } }
      ).document;
      const big = (s: string) =>
        Array.from(doc.querySelectorAll(s)).some((e) => e.getBoundingClientRect().width > 100 && e.getBoundingClientRect().height > 60);
      return big('[_echarts_instance_] canvas') || big('[_echarts_instance_] svg') || big('canvas') || big('svg');
    },
    undefined,
    { timeout },
  );
}

/** Views that draw no chart until the reader acts (a scenario to run, a file to upload): checked without one. */
const noChartUntilInput = /scenario|^data|upload/i;

/** Resolves when the page shows content and nothing is loading (`aria-busy="true"`). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      const main = doc.querySelector('main') ?? doc.querySelector('body');
      return doc.querySelector('[aria-busy="true"]') === null && (main?.textContent ?? '').trim().length > 0;
    },
    undefined,
    { timeout },
  );
}

/** The first of `candidates` present on the page. */
async function firstPresent(candidates: readonly Locator[]): Promise<Locator | undefined> {
  for (const c of candidates) if ((await c.count()) > 0 && (await c.first().isVisible())) return c.first();
  return undefined;
}

/** The text a reader sees in `locator` (rendered text, not hidden nodes: playwright's innerText). */
function shownText(locator: Locator, options?: { timeout: number }): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the test checks what is shown, hidden nodes excluded.
  return locator.innerText(options);
}

/** Text of a locator, polled until `ok` holds (or the timeout); returns the last text. */
async function textUntil(locator: Locator, ok: (text: string) => boolean, ms = timeout): Promise<string> {
  const end = Date.now() + ms;
  let text = '';
  while (Date.now() < end) {
    text = await shownText(locator).catch(() => '');
    if (ok(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return text;
}

/** Switch the language to `lang` with the page's control; false when no control was found. */
async function switchLanguage(page: Page, lang: 'en' | 'zh'): Promise<boolean> {
  const select = await firstPresent([page.locator('select[data-testid="lang-switch"]'), page.locator('select:has(option[value="zh"])')]);
  if (select !== undefined) {
    await select.selectOption(lang);
    return true;
  }
  const name = lang === 'zh' ? /^\s*(中文|中|简体中文|zh)\s*$/i : /^\s*(English|EN|英文|英语)\s*$/i;
  const button = await firstPresent([
    page.locator(`[data-testid="lang-switch"] [data-lang="${lang}"], [data-testid="lang-switch"] [value="${lang}"]`),
    page.getByRole('button', { name }),
    page.getByRole('link', { name }),
    page.getByRole('radio', { name }),
    page.getByRole('tab', { name }),
  ]);
  if (button !== undefined) {
    await button.click();
    return true;
  }
  // A single toggle button.
  const toggle = await firstPresent([page.locator('button[data-testid="lang-switch"]'), page.getByRole('button', { name: /language|语言/i })]);
  if (toggle === undefined) return false;
  await toggle.click();
  return true;
}

describe('the dashboard in headless Chromium', { skip: skipAll ?? false }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let profile: string;
  let shots: string;
  const visited = new Set<string>();

  let started = 0;

  before(async () => {
    started = performance.now();
    server = await startServer({
      port: 0,
      storePath: await storeCopyPath('embedded'),
      env: {},
      handleSignals: false,
      log: () => undefined,
      limits: { ratePerMinute: 100_000 },
    });
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'metrocoop-web-e2e-profile-'));
    shots = mkdtempSync(join(tmpdir(), 'metrocoop-web-screenshots-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath as string,
      headless: true,
      args: [...chromiumArgs],
      viewport: { width: 1366, height: 768 },
      timeout,
    });
    context.setDefaultTimeout(timeout);
    console.log(`# screenshots: ${shots}`);
    const sizes = bundleSizes();
    console.log(`# bundle apps/web/dist: ${sizes}`);
  });
  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
    if (shots !== undefined) console.log(`# screenshots kept in ${shots}: ${readdirSync(shots).join(', ')}`);
  });

  /** Open a view in a fresh page; returns the page, its error list and the ms from navigation start to a chart. */
  async function open(id: string, chart = !noChartUntilInput.test(id)): Promise<{ page: Page; errors: string[]; renderMs: number }> {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/#/${metro}/${id}`, { waitUntil: 'domcontentloaded' });
    if (chart) await waitForChart(page);
    else await settled(page);
    const renderMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    return { page, errors, renderMs };
  }

  it('serves the dashboard at / with the security headers', async () => {
    const res = await fetch(`${server.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await res.text(), /<div id=|<script type="module"/);
  });

  it('draws the overview first: render time (cold and warm browser) printed', { skip: overviewView === undefined }, async () => {
    const id = (overviewView as ViewInfo).id;
    // A server that warms its caches at start (apps/server/src/warm-up.ts) computes every metro's analysis in the
    // background; measured after it, so that the figures are the page's, not the page's beside that work.
    const warming = (server as { readonly warmed?: Promise<unknown> }).warmed;
    const warmedMs = warming === undefined ? null : await warming.then(() => performance.now() - started);
    const cold = await open(id);
    assert.deepEqual(cold.errors, []);
    await cold.page.close();
    const warm = await open(id);
    assert.deepEqual(warm.errors, []);
    // The JavaScript the page loaded to draw it (the views loaded on demand are not among them).
    const scripts = await warm.page.evaluate(() =>
      (globalThis as unknown as { performance: { getEntriesByType(t: string): { name: string }[] } }).performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    );
    await warm.page.close();
    visited.add(id);
    console.log(
      `# first meaningful render of /#/${metro}/${id} (navigation start → chart drawn): ${cold.renderMs.toFixed(0)} ms cold (a fresh browser's first visit), ${warm.renderMs.toFixed(0)} ms warm (its second visit); ${warmedMs === null ? 'no server warm-up: the first visit waited for the analysis' : `measured after the server's warm-up (${(warmedMs / 1000).toFixed(1)} s from its start)`}`,
    );
    console.log(
      `# JavaScript loaded by /#/${metro}/${id}: ${filesSize(scripts.map((p) => join(distDir, p)))} in ${scripts.length} files (${scripts.join(', ')})`,
    );
  });

  for (const expected of expectedViews) {
    const view = viewFor(expected.id);
    it(`renders the ${expected.name} view (${view?.id ?? 'not registered'}) without console errors${view === undefined || !noChartUntilInput.test(view.id) ? ', with a chart,' : ''} and saves a screenshot`, {
      skip:
        view === undefined
          ? `the ${expected.name} view is not registered in apps/web/src/views/index.ts yet (ids: ${views.map((v) => v.id).join(', ')})`
          : false,
    }, async () => {
      const id = (view as ViewInfo).id;
      visited.add(id);
      const { page, errors } = await open(id);
      try {
        await page.screenshot({ path: join(shots, `${metro}-${id}.png`) });
        assert.deepEqual(errors, [], `console errors on /#/${metro}/${id}`);
        const width = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
          return { scroll: d.scrollWidth, client: d.clientWidth };
        });
        assert.ok(width.scroll <= width.client + 1, `/#/${metro}/${id} scrolls sideways at 1366 px (${width.scroll} > ${width.client})`);
      } finally {
        await page.close();
      }
    });
  }

  it('renders every other registered view too', async (t) => {
    const others = views.filter((v) => !expectedViews.some((e) => viewFor(e.id) === v));
    if (others.length === 0) t.skip('every registered view was opened above');
    for (const v of others) {
      const { page, errors } = await open(v.id);
      await page.screenshot({ path: join(shots, `${metro}-${v.id}.png`) });
      await page.close();
      assert.deepEqual(errors, [], `console errors on /#/${metro}/${v.id}`);
    }
  });

  it('switches the language: the header text changes to Chinese and back', { skip: overviewView === undefined }, async () => {
    const { page, errors } = await open((overviewView as ViewInfo).id);
    try {
      const header = page.locator('header').first();
      assert.ok((await header.count()) > 0, 'the page has a <header>');
      let before = await shownText(header);
      if (cjk(before) > letters(before)) {
        // Starts in Chinese: to English first.
        assert.ok(await switchLanguage(page, 'en'), 'a language control (select with zh/en, a 中文 / English button, or data-testid="lang-switch")');
        const en = await textUntil(header, (t) => t !== before && cjk(t) < letters(t));
        assert.ok(cjk(en) < letters(en), `header in English after switching: ${en}`);
        before = en;
      }
      assert.ok(await switchLanguage(page, 'zh'), 'a language control (select with zh/en, a 中文 / English button, or data-testid="lang-switch")');
      const zh = await textUntil(header, (t) => t !== before && cjk(t) > cjk(before) && cjk(t) >= 4);
      assert.notEqual(zh, before, 'the header text changed');
      assert.ok(cjk(zh) >= 4 && cjk(zh) > cjk(before), `the header is in Chinese after switching: ${zh}`);
      await waitForChart(page);
      await page.screenshot({ path: join(shots, `${metro}-${(overviewView as ViewInfo).id}-zh.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('switches the metro: the URL and the page change', { skip: overviewView === undefined }, async () => {
    const { page, errors } = await open((overviewView as ViewInfo).id);
    try {
      const main = page.locator('main').first();
      const region = (await main.count()) > 0 ? main : page.locator('body');
      const before = await shownText(region);
      // The metro list comes from the API: wait for it to offer Tokyo.
      await page
        .locator('[data-testid="metro-switch"], select:has(option[value="tokyo"]), a[href*="#/tokyo/"]')
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 })
        .catch(() => undefined);
      const select = await firstPresent([page.locator('select[data-testid="metro-switch"]'), page.locator('select:has(option[value="tokyo"])')]);
      if (select !== undefined) await select.selectOption('tokyo');
      else {
        const link = await firstPresent([
          page.locator('[data-testid="metro-switch"] a[href*="#/tokyo/"], [data-testid="metro-switch"] [value="tokyo"]'),
          page.locator('a[href*="#/tokyo/"]'),
          page.getByRole('button', { name: /^\s*(Tokyo|东京|首都圈|Tokyo metropolitan area)\s*$/i }),
        ]);
        assert.ok(link !== undefined, 'a metro control (select offering tokyo, a link to #/tokyo/…, or data-testid="metro-switch")');
        await link.click();
      }
      await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.startsWith('#/tokyo/'), undefined, { timeout });
      const after = await textUntil(region, (t) => t !== before && t.trim() !== '');
      assert.notEqual(after, before, 'the page changed with the metro');
      await waitForChart(page);
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
      await page.screenshot({ path: join(shots, `tokyo-${(overviewView as ViewInfo).id}.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('on the scenario view, adding a move changes the deltas shown', {
    skip: scenarioView === undefined ? 'no plan or scenario view registered yet' : false,
  }, async () => {
    const id = (scenarioView as ViewInfo).id;
    const { page, errors } = await open(id);
    try {
      const deltas =
        (await firstPresent([page.locator('[data-testid="scenario-deltas"]'), page.locator('section[aria-labelledby="sc-result"]'), page.locator('main')])) ??
        page.locator('body');
      const before = await shownText(deltas);
      const add = await firstPresent([
        page.locator('[data-testid="scenario-add-move"]'),
        page.getByRole('button', { name: /add (a |the )?move|add relocation|添加(一项)?(迁移|转移|搬迁)|新增(迁移|转移)/i }),
      ]);
      assert.ok(add !== undefined, 'an "add move" control (button named Add move / 添加迁移, or data-testid="scenario-add-move")');
      await add.click();
      const apply = await firstPresent([
        page.locator('[data-testid="scenario-apply"]'),
        page.getByRole('button', { name: /^\s*(apply|run|compute|calculate|应用|计算|运行)/i }),
      ]);
      if (apply !== undefined && (await apply.isEnabled())) await apply.click();
      await page.waitForFunction(
        () => (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]') === null,
      );
      const after = await textUntil(deltas, (t) => t !== before && /\d/.test(t));
      assert.notEqual(after, before, 'the deltas changed after adding a move');
      assert.equal(await deltas.locator('[role="alert"]').count(), 0, `the scenario ran without an error: ${after.slice(0, 300)}`);
      await waitForChart(page);
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
      await page.screenshot({ path: join(shots, `${metro}-${id}-move.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('on the data view, a broken CSV shows its errors row by row and leaves the datasets unchanged', {
    skip: dataView === undefined ? 'no data view registered yet' : false,
  }, async () => {
    const id = (dataView as ViewInfo).id;
    const list = async () => JSON.stringify(((await (await fetch(`${server.url}/api/datasets`)).json()) as { datasets: unknown[] }).datasets);
    const datasetsBefore = await list();
    const page = await context.newPage();
    // The upload's 422 is the expected answer; the browser logs it as a failed resource.
    const errors = watchErrors(page, [/\/api\/datasets/]);
    try {
      await page.goto(`${server.url}/#/${metro}/${id}`, { waitUntil: 'domcontentloaded' });
      await settled(page);
      const input = page.locator('input[type="file"]').first();
      await input.waitFor({ state: 'attached', timeout });
      const pageListBefore = await shownText(page.locator('[data-testid="dataset-list"], table.datasets').first(), { timeout: 2000 }).catch(() => undefined);
      await input.setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(brokenCsv()) });
      const submit = await firstPresent([
        page.locator('[data-testid="upload-submit"]'),
        page.getByRole('button', { name: /^\s*(upload|import|check|validate|上传|导入|校验|检查)/i }),
      ]);
      if (submit !== undefined && (await submit.isEnabled())) await submit.click();
      const report = (await firstPresent([page.locator('[data-testid="upload-report"]')])) ?? page.locator('body');
      const text = await textUntil(report, (t) => t.includes('US-99999'));
      assert.ok(text.includes('US-99999'), 'the report names the unknown region (row 2)');
      assert.ok(text.includes('many'), 'the report names the bad value (row 3)');
      await page.screenshot({ path: join(shots, `${metro}-${id}-broken-upload.png`), fullPage: true });
      assert.equal(await list(), datasetsBefore, 'GET /api/datasets is unchanged');
      if (pageListBefore !== undefined)
        assert.equal(
          await shownText(page.locator('[data-testid="dataset-list"], table.datasets').first()),
          pageListBefore,
          'the dataset list shown is unchanged',
        );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

/** A canonical CSV with two errors: an unknown region (row 2) and a value that is not a number (row 3). */
function brokenCsv(): string {
  const header = 'region,year,indicator,industry,classification,value,unit,source,vintage,vintage_date,withheld,break_in_series,estimated,note';
  return `${header}\nUS-99999,2019,employees,11,NAICS-2017,12,persons,bad-source,single,,false,false,false,\nUS-25025,2019,employees,11,NAICS-2017,many,persons,bad-source,single,,false,false,false,\n`;
}

/** The size of `files`, raw and gzipped (`12 kB (4 kB gzip)`). */
function filesSize(files: readonly string[]): string {
  const raw = files.reduce((a, f) => a + statSync(f).size, 0);
  const gz = files.reduce((a, f) => a + gzipSync(readFileSync(f)).length, 0);
  return `${(raw / 1024).toFixed(0)} kB (${(gz / 1024).toFixed(0)} kB gzip)`;
}

/** The built dashboard's size: every file, the JavaScript and the CSS, raw and gzipped. */
function bundleSizes(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(distDir);
  const sum = (re: RegExp) => filesSize(files.filter((f) => re.test(f)));
  const js = files.filter((f) => f.endsWith('.js'));
  const largest = js.map((f) => ({ f, size: statSync(f).size })).sort((a, b) => b.size - a.size)[0];
  return `${files.length} files, all ${sum(/./)}; JavaScript ${sum(/\.js$/)} in ${js.length} files (largest ${largest === undefined ? '—' : `${relative(distDir, largest.f)} ${(largest.size / 1024).toFixed(0)} kB`}); CSS ${sum(/\.css$/)}`;
}
