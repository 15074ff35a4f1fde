import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildReport, escapeHtml, type Report, renderHtml } from '@metrocoop/report';
import type { ChartSpec } from '@metrocoop/viz';
import { englishHeadings, handMadeMetro } from './support/hand-made-metro.ts';

let report: Report;
let en: string;
let zh: string;

/** The page without its inline SVGs and styles, whitespace collapsed: what the assertions read. */
const normalise = (html: string): string =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>')
    .replace(/<style>[\s\S]*?<\/style>/, '<style/>')
    .replace(/\s+/g, ' ');
const headings = (html: string): string[] => [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1] as string);
/** A table of the page as rows of cell texts (header first). */
function tableCells(html: string, id: string): string[][] {
  const m = normalise(html).match(new RegExp(`<figure class="table" id="t-${id}">(.*?)</figure>`));
  assert.ok(m !== null, `table ${id}`);
  return [...(m[1] as string).matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
    [...(r[1] as string).matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1] as string),
  );
}

const bar: ChartSpec = {
  kind: 'chart',
  id: 'test-bars',
  title: { en: 'Bars', zh: '柱状图' },
  caption: { en: 'A test chart & its caption', zh: '测试图表' },
  option: { xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1, 2] }] },
  map: null,
  width: 400,
  height: 240,
};

describe('renderHtml', () => {
  before(async () => {
    const { analysis, plan } = await handMadeMetro();
    const built = buildReport({ analysis, plan, geometries: null, shownRows: 3 });
    // One drawn chart at the head of the overview, whatever the viz package gives today.
    const [overview, ...rest] = built.chapters;
    report = {
      ...built,
      chapters: [{ ...(overview as Report['chapters'][number]), blocks: [{ kind: 'chart', chart: bar }, ...(overview?.blocks ?? [])] }, ...rest],
    };
    en = renderHtml(report, 'en');
    zh = renderHtml(report, 'zh');
  });

  it('is one self-contained page: inline style, no script, no external resource', () => {
    for (const html of [en, zh]) {
      assert.match(html, /^<!DOCTYPE html>\n<html lang="(en|zh-CN)">/);
      assert.match(html, /<style>[\s\S]*@page \{ size: A4;/);
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<link\b/i);
      assert.doesNotMatch(html, /\b(src|href)="(?!#)/i);
      assert.doesNotMatch(html, /url\((?!#)/i);
      assert.doesNotMatch(html, /@import/i);
    }
  });

  it('shows the chapters in the order of the paper, then the sources', () => {
    assert.deepEqual(headings(en), englishHeadings);
  });

  it('has Chinese headings that are all Chinese', () => {
    const h = headings(zh);
    assert.equal(h.length, 12);
    assert.equal(h[1], '1. 概况');
    for (const x of h) assert.doesNotMatch(x, /[A-Za-z]/, x);
    assert.match(zh, /<html lang="zh-CN">/);
  });

  it('escapes every text: a name with <script> and & prints as text', () => {
    assert.doesNotMatch(en, /<script>alert/);
    assert.match(en, /Port &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; Docks \| \*Bay\*/);
    assert.match(en, /K Finance &amp; &lt;insurance&gt;/);
    assert.match(zh, /港区&lt;b&gt;码头&lt;\/b&gt;&amp;湾/);
    assert.doesNotMatch(zh, /<b>码头/);
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('prints Table 5 with grouped numbers, percentages and its sources', () => {
    const rows = tableCells(en, 'overview');
    assert.deepEqual(rows[0], [
      'Unit',
      'Ring',
      'Area (km²)',
      'Population (persons)',
      'GDP (million CNY)',
      'GDP per capita (CNY per person)',
      'Primary (%)',
      'Secondary (%)',
      'Tertiary (%)',
    ]);
    assert.deepEqual(rows[1], ['Test metro (all units)', '—', '11,600', '5,600,000', '81,000', '14,464', '—', '—', '—']);
    assert.deepEqual(rows[2], ['Unit CORE', 'core', '1,600', '2,000,000', '40,000', '20,000', '1.0%', '15.0%', '84.0%']);
    assert.match(normalise(en), /<p class="sources">Source: <code>TEST_AREA_CORE<\/code>, <code>TEST_AREA<\/code>/);
    assert.deepEqual(tableCells(zh, 'overview')[0]?.slice(0, 4), ['单元', '圈层', '面积（平方公里）', '人口（人）']);
  });

  it('shows the first rows of a long table and says how many more the XLSX / CSV holds', () => {
    const rows = tableCells(en, 'pair-types');
    assert.equal(rows.length, 1 + 3);
    assert.match(normalise(en), /id="t-pair-types">.*?<p class="more">3 more rows in the XLSX \/ CSV export\.<\/p>/);
    assert.match(normalise(zh), /id="t-pair-types">.*?<p class="more">另有 3 行，见 XLSX \/ CSV 导出。<\/p>/);
  });

  it('shows a gap as a gap, never as 0', () => {
    assert.match(en, /<td class="gap">—<\/td>/);
  });

  it('numbers tables and figures, draws charts as inline SVG and says why a chart is absent', () => {
    assert.match(en, /<figcaption>Table 1\. Overview of the units \(Table 5 of the paper\)<\/figcaption>/);
    assert.match(en, /<figure class="chart" id="f-test-bars">\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(en, /Figure 1\. Bars <span class="caption">A test chart &amp; its caption<\/span>/);
    const absent: Report = {
      ...report,
      chapters: [
        {
          id: 'x',
          title: { en: 'X', zh: '某' },
          blocks: [{ kind: 'chart', chart: { kind: 'absent', id: 'map', title: { en: 'Map', zh: '地图' }, reason: { en: 'no <boundaries>', zh: '无边界' } } }],
        },
      ],
    };
    assert.match(renderHtml(absent, 'en'), /<strong>Figure 1\. Map<\/strong> — Not drawn: no &lt;boundaries&gt;/);
    assert.match(renderHtml(absent, 'zh'), /<strong>图 1 地图<\/strong> — 未绘制：无边界/);
  });

  it('draws every chart of the report as SVG (maps at the units’ points without boundaries)', () => {
    const specs = report.chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'chart' && (b.byLanguage?.en ?? b.chart).kind === 'chart');
    assert.ok(specs.length >= 8, `${specs.length} charts drawn`);
    assert.equal((en.match(/<svg /g) ?? []).length, specs.length);
    assert.doesNotMatch(en, /could not be drawn/);
    assert.doesNotMatch(zh, /图表无法绘制/);
  });

  it('draws a chart in the language asked for when the block has both', () => {
    const both: Report = {
      ...report,
      chapters: [
        {
          id: 'x',
          title: { en: 'X', zh: '某' },
          blocks: [{ kind: 'chart', chart: bar, byLanguage: { en: bar, zh: { ...bar, id: 'test-bars-zh', title: { en: 'Bars', zh: '中文柱状图' } } } }],
        },
      ],
    };
    assert.match(renderHtml(both, 'zh'), /id="f-test-bars-zh"/);
    assert.match(renderHtml(both, 'en'), /id="f-test-bars"/);
  });

  it('is deterministic: the same report gives the same bytes', () => {
    assert.equal(renderHtml(report, 'en'), en);
    assert.equal(renderHtml(report, 'zh'), zh);
  });
});
