/**
 * The metro report (issue 11, point 3): the full JJJ report in every format — goal under 10 s on this machine — and
 * the largest embedded unit set (Tokyo's 343 municipalities) in HTML and XLSX.
 * - "pipeline" is what `metrocoop report` does before it renders: read the planning context, the benchmark bases of
 *   Tokyo and New York, analyse, plan (no sensitivity runs, the command's default), read the units' boundaries and
 *   build the report model;
 * - each format is then timed alone (the PDF prints the HTML with Debian's Chromium; skipped when it is missing);
 * - "every format" is one pipeline and all five renderers in a row, both languages' HTML included once each.
 * Figures only, no assertions. The store is a fresh one in a temporary folder (the embedded dataset is loaded once).
 *   npm run bench -- report
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeMetro, type Language, planMetro } from '@metrocoop/core';
import { defaultBenchmarkMetros, loadBenchmarkBases, loadPlanningContext, loadUnitGeometries, Store } from '@metrocoop/data';
import { buildReport, findChromium, type Report, renderCsv, renderHtml, renderMarkdown, renderPdf, renderXlsx } from '@metrocoop/report';
import { bench, printHeader } from './harness.ts';

/** What `metrocoop report` does before rendering; without a language the charts are built in both. */
async function pipeline(store: Store, metro: string, units: string, lang?: Language): Promise<Report> {
  const loaded = await loadPlanningContext(store, metro, { units });
  const others = defaultBenchmarkMetros.filter((m) => m !== metro);
  const benchmark = await loadBenchmarkBases(store, [metro, ...others]);
  const analysis = analyzeMetro({ ...loaded.input, benchmark });
  const plan = await planMetro({ ...loaded, analysis }, { positions: { sensitivity: false } });
  const { geometries } = await loadUnitGeometries(store, metro, { units });
  return buildReport({ analysis, plan, geometries, ...(lang === undefined ? {} : { lang }) });
}

const kb = (n: number): string => `${(n / 1024).toFixed(0)} kB`;

printHeader('report: the metro report in every format');
const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-report-'));
const store = await Store.openDefault(join(dir, 'store.duckdb'));
let chromium = true;
try {
  findChromium();
} catch {
  chromium = false;
  console.log('  (no Chromium: the PDF is skipped)');
}
try {
  let report = await pipeline(store, 'jjj', 'default', 'zh');
  await bench('pipeline jjj (load, analyse, plan, build)', '3 × 19', async () => {
    report = await pipeline(store, 'jjj', 'default', 'zh');
  });
  const tables = report.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'table')).length;
  const charts = report.chapters.flatMap((c) => c.blocks.filter((b) => b.kind === 'chart'));
  const drawn = charts.filter((b) => b.kind === 'chart' && b.chart.kind === 'chart').length;
  console.log(`  ${report.chapters.length} chapters, ${tables} tables, ${charts.length} charts (${drawn} drawn), ${report.sources.length} sources`);

  let html = '';
  await bench('renderHtml jjj zh', 'jjj', () => {
    html = renderHtml(report, 'zh');
  });
  console.log(`  ${kb(html.length)}`);
  let md = renderMarkdown(report, 'zh');
  await bench('renderMarkdown jjj zh', 'jjj', () => {
    md = renderMarkdown(report, 'zh');
  });
  console.log(`  ${kb(md.markdown.length)} + ${md.files.length} SVG files`);
  let xlsx: Buffer = Buffer.alloc(0);
  await bench('renderXlsx jjj zh', 'jjj', async () => {
    xlsx = await renderXlsx(report, 'zh');
  });
  console.log(`  ${kb(xlsx.length)}`);
  let csv = renderCsv(report, 'zh');
  await bench('renderCsv jjj zh', 'jjj', () => {
    csv = renderCsv(report, 'zh');
  });
  console.log(`  ${csv.length} files`);
  if (chromium) {
    let pdf: Buffer = Buffer.alloc(0);
    await bench(
      'renderPdf jjj zh (Chromium)',
      'jjj',
      async () => {
        pdf = await renderPdf(html);
      },
      3,
    );
    console.log(`  ${kb(pdf.length)}`);
  }
  await bench(
    'every format, jjj (one pipeline, both HTML languages)',
    'jjj',
    async () => {
      const r = await pipeline(store, 'jjj', 'default');
      const page = renderHtml(r, 'zh');
      renderHtml(r, 'en');
      renderMarkdown(r, 'zh');
      await renderXlsx(r, 'zh');
      renderCsv(r, 'zh');
      if (chromium) await renderPdf(page);
    },
    3,
    60_000,
  );

  let tokyo = await pipeline(store, 'tokyo', 'municipalities', 'en');
  await bench(
    'pipeline tokyo municipalities',
    '343 × 19',
    async () => {
      tokyo = await pipeline(store, 'tokyo', 'municipalities', 'en');
    },
    3,
  );
  let tokyoHtml = '';
  await bench(
    'renderHtml tokyo municipalities',
    '343 units',
    () => {
      tokyoHtml = renderHtml(tokyo, 'en');
    },
    3,
  );
  console.log(`  ${kb(tokyoHtml.length)}`);
  let tokyoXlsx: Buffer = Buffer.alloc(0);
  await bench(
    'renderXlsx tokyo municipalities',
    '343 units',
    async () => {
      tokyoXlsx = await renderXlsx(tokyo, 'en');
    },
    1,
    120_000,
  );
  console.log(`  ${kb(tokyoXlsx.length)} (58,653 pairs in the pair-type table, the first 200 in the other rankings)`);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
