/**
 * `renderHtml`: the report as ONE self-contained HTML file in one language — inline CSS, charts as inline SVG, no
 * external resource and no script — laid out for reading on screen and for printing on A4 (the PDF is this page
 * printed by Chromium): a chapter starts a page, tables repeat their header on every page, figures are not split.
 * Every text is escaped. Deterministic: the same report gives the same bytes.
 */
import type { Language } from '@metrocoop/core';
import type { Chart } from '@metrocoop/viz';
import type { Report, ReportBlock, ReportTable } from '../model.ts';
import { cellText, chartOf, header, isNumeric, lines, shownRows, words } from './format.ts';
import { chartFontFamily, renderChartSvg } from './render-chart-svg.ts';

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const esc = escapeHtml;

/** A safe id attribute from a stable id. */
const anchor = (prefix: string, id: string): string => `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const css = `
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
:root { --ink: #1d2330; --muted: #5b6472; --rule: #d5dae1; --accent: #1f4e79; --band: #f3f6f9; }
* { box-sizing: border-box; }
html { font-family: ${chartFontFamily}; color: var(--ink); font-size: 10.5pt; line-height: 1.55; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { max-width: 182mm; margin: 0 auto; padding: 10mm 4mm; }
header.title { margin-bottom: 8mm; }
h1 { font-size: 21pt; line-height: 1.25; color: var(--accent); margin: 0 0 2mm; }
.subtitle { color: var(--muted); margin: 0; }
h2 { font-size: 15pt; color: var(--accent); border-bottom: 1.5pt solid var(--accent); padding-bottom: 1mm; margin: 0 0 4mm; }
section.chapter { break-before: page; padding-top: 2mm; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
p { margin: 0 0 3mm; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
figure { margin: 0 0 6mm; }
figure.chart { break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-height: 130mm; }
figcaption { font-weight: 600; margin-bottom: 1.5mm; }
figure.chart figcaption { margin: 1.5mm 0 0; }
.caption { font-weight: 400; color: var(--muted); font-size: 9pt; }
.absent { border: 1px dashed var(--rule); padding: 3mm; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; line-height: 1.35; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; vertical-align: bottom; border-bottom: 1pt solid var(--ink); padding: 1mm 1.2mm; font-weight: 600; }
td { border-bottom: 0.5pt solid var(--rule); padding: 0.8mm 1.2mm; vertical-align: top; }
tbody tr:nth-child(even) td { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
td:first-child { min-width: 24mm; }
.short { white-space: nowrap; }
td.gap { color: var(--muted); text-align: center; }
.note, .more, .sources { font-size: 8.5pt; color: var(--muted); margin: 1mm 0 0; }
.more { font-style: italic; }
ol.sources-list { font-size: 9pt; padding-left: 6mm; }
ol.sources-list code, code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.92em; }
footer { margin-top: 8mm; font-size: 8.5pt; color: var(--muted); }
@media print { body { max-width: none; padding: 0; } }
`;

/** A label or cell short enough never to wrap (a ring, a type, a year): at most 10 display columns. */
function isShort(text: string): boolean {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width <= 10;
}

interface Counters {
  table: number;
  figure: number;
}

function tableHtml(table: ReportTable, lang: Language, n: number): string {
  const { rows, more } = shownRows(table);
  const numericColumn = table.columns.map((c) => c.kind !== 'text');
  const head = table.columns
    .map((c, k) => {
      const text = header(c, lang);
      const cls = [numericColumn[k] ? 'num' : '', isShort(text) ? 'short' : ''].filter((x) => x !== '').join(' ');
      return `<th${cls === '' ? '' : ` class="${cls}"`}>${esc(text)}</th>`;
    })
    .join('');
  const body =
    rows.length === 0
      ? `<tr><td colspan="${table.columns.length}">${esc(words.noRows[lang])}</td></tr>`
      : rows
          .map((row) => {
            const cells = table.columns.map((c, k) => {
              const cell = row[k] ?? null;
              const text = cellText(cell, c, lang);
              const cls = cell === null ? ' class="gap"' : isNumeric(cell, c) ? ' class="num"' : isShort(text) ? ' class="text short"' : ' class="text"';
              return `<td${cls}>${esc(text)}</td>`;
            });
            return `<tr>${cells.join('')}</tr>`;
          })
          .join('\n');
  const parts = [
    `<figure class="table" id="${anchor('t', table.id)}">`,
    `<figcaption>${esc(words.table(n)[lang])} ${esc(table.title[lang])}</figcaption>`,
    `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`,
  ];
  if (more > 0) parts.push(`<p class="more">${esc(words.more(more)[lang])}</p>`);
  if (table.note !== null) parts.push(`<p class="note">${lines(table.note[lang]).map(esc).join('<br>')}</p>`);
  if (table.sources.length > 0)
    parts.push(
      `<p class="sources">${esc(words.source[lang])}${lang === 'zh' ? '：' : ': '}${table.sources.map((s) => `<code>${esc(s)}</code>`).join(', ')}</p>`,
    );
  parts.push('</figure>');
  return parts.join('\n');
}

function chartHtml(chart: Chart, lang: Language, n: number): string {
  const label = `${esc(words.figure(n)[lang])} ${esc(chart.title[lang])}`;
  if (chart.kind === 'absent')
    return `<figure class="chart" id="${anchor('f', chart.id)}"><div class="absent"><strong>${label}</strong> — ${esc(words.notDrawn[lang])}${lang === 'zh' ? '：' : ': '}${esc(chart.reason[lang])}</div></figure>`;
  let svg: string;
  try {
    svg = renderChartSvg(chart);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `<figure class="chart" id="${anchor('f', chart.id)}"><div class="absent"><strong>${label}</strong> — ${esc(words.drawFailed(message)[lang])}</div></figure>`;
  }
  return `<figure class="chart" id="${anchor('f', chart.id)}">\n${svg}\n<figcaption>${label} <span class="caption">${esc(chart.caption[lang])}</span></figcaption></figure>`;
}

function blockHtml(block: ReportBlock, lang: Language, counters: Counters): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${lines(block.text[lang]).map(esc).join('<br>')}</p>`;
    case 'list':
      return `<ul>\n${block.items.map((i) => `<li>${esc(i[lang])}</li>`).join('\n')}\n</ul>`;
    case 'table':
      counters.table += 1;
      return tableHtml(block.table, lang, counters.table);
    case 'chart':
      counters.figure += 1;
      return chartHtml(chartOf(block, lang), lang, counters.figure);
  }
}

/**
 * The report as one self-contained HTML page in `lang`.
 *
 * @example
 * writeFileSync('jjj-report.html', renderHtml(buildReport({ analysis, plan, geometries: null }), 'zh'));
 */
export function renderHtml(report: Report, lang: Language): string {
  const counters: Counters = { table: 0, figure: 0 };
  const toc = report.chapters.map((c, k) => `<li><a href="#${anchor('ch', c.id)}">${k + 1}. ${esc(c.title[lang])}</a></li>`).join('\n');
  const chapters = report.chapters
    .map((c, k) =>
      [
        `<section class="chapter" id="${anchor('ch', c.id)}">`,
        `<h2>${k + 1}. ${esc(c.title[lang])}</h2>`,
        ...c.blocks.map((b) => blockHtml(b, lang, counters)),
        '</section>',
      ].join('\n'),
    )
    .join('\n');
  const sources = report.sources
    .map((s) => {
      const url = s.url === null ? '' : ` — <span class="url">${esc(s.url)}</span>`;
      return `<li id="${anchor('s', s.id)}"><code>${esc(s.id)}</code> — ${esc(s.title[lang])}${url}</li>`;
    })
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(report.title[lang])}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<header class="title">',
    `<h1>${esc(report.title[lang])}</h1>`,
    `<p class="subtitle">${esc(report.subtitle[lang])}</p>`,
    '</header>',
    `<nav class="toc"><h2>${esc(words.contents[lang])}</h2><ol>\n${toc}\n<li><a href="#sources">${esc(words.sources[lang])}</a></li></ol></nav>`,
    chapters,
    `<section class="chapter" id="sources"><h2>${esc(words.sources[lang])}</h2><ol class="sources-list">\n${sources}\n</ol></section>`,
    `<footer>${esc(words.made[lang])}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
