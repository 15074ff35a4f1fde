import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildReport, escapeMarkdown, type Report, renderMarkdown } from '@metrocoop/report';
import type { ChartSpec } from '@metrocoop/viz';
import { englishHeadings, handMadeMetro } from './support/hand-made-metro.ts';

let report: Report;

const bar: ChartSpec = {
  kind: 'chart',
  id: 'test-bars',
  title: { en: 'Bars', zh: '柱状图' },
  caption: { en: 'A test chart', zh: '测试图表' },
  option: { xAxis: { type: 'category', data: ['a', 'b'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1, 2] }] },
  map: null,
  width: 400,
  height: 240,
};
const headings = (md: string): string[] => [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1] as string);
/** The rows of the pipe table under a bold title. */
function pipeTable(md: string, title: string): string[][] {
  const at = md.indexOf(title);
  assert.ok(at >= 0, title);
  const lines = md.slice(at).split('\n').slice(2);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('renderMarkdown', () => {
  before(async () => {
    const { analysis, plan } = await handMadeMetro();
    const built = buildReport({ analysis, plan, geometries: null, shownRows: 3 });
    const [overview, ...rest] = built.chapters;
    report = {
      ...built,
      chapters: [{ ...(overview as Report['chapters'][number]), blocks: [{ kind: 'chart', chart: bar }, ...(overview?.blocks ?? [])] }, ...rest],
    };
  });

  it('has the chapter headings in the order of the paper, in either language', () => {
    const en = renderMarkdown(report, 'en').markdown;
    assert.match(en, /^# Industrial cooperation in Test metro\n/);
    assert.deepEqual(headings(en), englishHeadings);
    const zh = headings(renderMarkdown(report, 'zh').markdown);
    assert.equal(zh[1], '1. 概况');
    for (const h of zh) assert.doesNotMatch(h, /[A-Za-z]/, h);
  });

  it('prints Table 5 as a pipe table, numbers right-aligned', () => {
    const md = renderMarkdown(report, 'en').markdown;
    const rows = pipeTable(md, '**Table 1. Overview of the units (Table 5 of the paper)**');
    assert.equal(rows[0]?.[0], 'Unit');
    assert.deepEqual(
      rows[1],
      ['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'].map((s) => s),
    );
    assert.deepEqual(rows[3], ['Unit CORE', 'core', '1,600', '2,000,000', '40,000', '20,000', '1.0%', '15.0%', '84.0%']);
  });

  it('escapes names so that they print as they are', () => {
    const md = renderMarkdown(report, 'en').markdown;
    assert.match(md, /Port &lt;script&gt;alert\("x"\)&lt;\/script&gt; &amp; Docks \\\| \\\*Bay\\\*/);
    assert.doesNotMatch(md, /<script>/);
    assert.equal(escapeMarkdown('a_b _c_ *d* | [e] <f>'), 'a_b \\_c\\_ \\*d\\* \\| \\[e\\] &lt;f&gt;');
  });

  it('writes each chart as an SVG file in the asset folder and links it', () => {
    const { markdown, files } = renderMarkdown(report, 'en', { assetDir: 'jjj-report-charts' });
    assert.equal(files[0]?.name, 'jjj-report-charts/test-bars.svg');
    const links = [...markdown.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(
      links,
      files.map((f) => f.name),
    );
    assert.equal(new Set(links).size, links.length);
    for (const f of files) {
      assert.match(f.name, /^jjj-report-charts\/[A-Za-z0-9_-]+\.svg$/);
      assert.match(f.content, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
    assert.match(markdown, /!\[Bars\]\(jjj-report-charts\/test-bars\.svg\)\n\n\*Figure 1\. Bars\* — A test chart/);
    const flat = renderMarkdown(report, 'en', { assetDir: '' });
    assert.equal(flat.files[0]?.name, 'test-bars.svg');
    const none = renderMarkdown(report, 'en', { noFiles: true });
    assert.equal(none.files.length, 0);
    assert.match(none.markdown, /\*Figure 1\. Bars\* — A test chart/);
  });

  it('says how many more rows the XLSX / CSV holds under a long table', () => {
    const md = renderMarkdown(report, 'zh').markdown;
    const rows = pipeTable(md, '各单元对的合作类型（论文表1）');
    assert.equal(rows.length, 2 + 3);
    assert.match(md, /\*另有 3 行，见 XLSX \/ CSV 导出。\*/);
  });

  it('is deterministic', () => {
    assert.deepEqual(renderMarkdown(report, 'zh'), renderMarkdown(report, 'zh'));
  });
});
