/**
 * `renderMarkdown`: the report as Markdown in one language, with each chart as an SVG file beside it (linked by a
 * relative path) — for a repository, a wiki or a pandoc run. Tables are pipe tables (numbers right-aligned), long
 * ranked tables show their first rows and say how many more the XLSX / CSV holds. Text is escaped so that names
 * with Markdown or HTML characters (`*`, `|`, `<`, `&`) print as they are. Deterministic.
 */
import type { Language } from '@metrocoop/core';
import type { Chart } from '@metrocoop/viz';
import type { Report, ReportBlock, ReportTable } from '../model.ts';
import { cellText, chartOf, header, lines, shownRows, words } from './format.ts';
import { renderChartSvg } from './render-chart-svg.ts';

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /**
   * Folder of the chart files, relative to the Markdown file (`charts` → `charts/map-overview.svg`); `''` puts
   * them beside it. Default `charts`.
   */
  readonly assetDir?: string;
  /** Write no chart files: each chart is named with its caption instead (for Markdown printed to a terminal). */
  readonly noFiles?: boolean;
}

/** A file to write beside the Markdown: its path relative to the Markdown file, and its text. */
export interface MarkdownFile {
  readonly name: string;
  readonly content: string;
}

/** Escape text for Markdown running text and table cells. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([*`[\]|#~])/g, '\\$1')
      // An underscore inside a word (an id such as employment_urban_units) is no emphasis in CommonMark.
      .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
      .replace(/\r?\n/g, ' ')
  );
}
const esc = escapeMarkdown;

interface State {
  table: number;
  figure: number;
  readonly files: MarkdownFile[];
  readonly names: Set<string>;
}

function tableMd(table: ReportTable, lang: Language, n: number): string {
  const { rows, more } = shownRows(table);
  const out = [`**${esc(words.table(n)[lang])} ${esc(table.title[lang])}**`, ''];
  out.push(`| ${table.columns.map((c) => esc(header(c, lang))).join(' | ')} |`);
  out.push(`|${table.columns.map((c) => (c.kind === 'text' ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of rows) out.push(`| ${table.columns.map((c, k) => esc(cellText(row[k] ?? null, c, lang))).join(' | ')} |`);
  if (rows.length === 0) out.push(`| ${esc(words.noRows[lang])} |${' |'.repeat(Math.max(0, table.columns.length - 1))}`);
  out.push('');
  if (more > 0) out.push(`*${esc(words.more(more)[lang])}*`, '');
  if (table.note !== null) out.push(...lines(table.note[lang]).map((l) => `> ${esc(l)}`), '');
  if (table.sources.length > 0)
    out.push(`${esc(words.source[lang])}${lang === 'zh' ? '：' : ': '}${table.sources.map((s) => `\`${s.replace(/`/g, '')}\``).join(', ')}`, '');
  return out.join('\n');
}

function chartMd(chart: Chart, lang: Language, n: number, state: State, options: MarkdownOptions): string {
  const label = `${words.figure(n)[lang]} ${chart.title[lang]}`;
  if (chart.kind === 'absent') return `*${esc(label)} — ${esc(words.notDrawn[lang])}${lang === 'zh' ? '：' : ': '}${esc(chart.reason[lang])}*\n`;
  if (options.noFiles === true) return `*${esc(label)}* — ${esc(chart.caption[lang])}\n`;
  let svg: string;
  try {
    svg = renderChartSvg(chart);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `*${esc(label)} — ${esc(words.drawFailed(message)[lang])}*\n`;
  }
  const dir = options.assetDir ?? 'charts';
  const base = chart.id.replace(/[^A-Za-z0-9_-]/g, '-') || 'chart';
  let file = `${base}.svg`;
  for (let k = 2; state.names.has(file); k++) file = `${base}-${k}.svg`;
  state.names.add(file);
  const name = dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
  state.files.push({ name, content: svg });
  const alt = chart.title[lang].replace(/[[\]\\]/g, ' ');
  return `![${alt}](${encodeURI(name)})\n\n*${esc(label)}* — ${esc(chart.caption[lang])}\n`;
}

function blockMd(block: ReportBlock, lang: Language, state: State, options: MarkdownOptions): string {
  switch (block.kind) {
    case 'paragraph':
      return `${lines(block.text[lang]).map(esc).join('  \n')}\n`;
    case 'list':
      return `${block.items.map((i) => `- ${esc(i[lang])}`).join('\n')}\n`;
    case 'table':
      state.table += 1;
      return tableMd(block.table, lang, state.table);
    case 'chart':
      state.figure += 1;
      return chartMd(chartOf(block, lang), lang, state.figure, state, options);
  }
}

/**
 * The report as Markdown in `lang`, and the chart files to write beside it.
 *
 * @example
 * const { markdown, files } = renderMarkdown(report, 'en', { assetDir: 'jjj-report-charts' });
 */
export function renderMarkdown(report: Report, lang: Language, options: MarkdownOptions = {}): { markdown: string; files: MarkdownFile[] } {
  const state: State = { table: 0, figure: 0, files: [], names: new Set() };
  const out: string[] = [`# ${esc(report.title[lang])}`, '', `*${esc(report.subtitle[lang])}*`, ''];
  out.push(`## ${esc(words.contents[lang])}`, '');
  report.chapters.forEach((c, k) => out.push(`${k + 1}. ${esc(c.title[lang])}`));
  out.push(`${report.chapters.length + 1}. ${esc(words.sources[lang])}`, '');
  report.chapters.forEach((c, k) => {
    out.push(`## ${k + 1}. ${esc(c.title[lang])}`, '');
    for (const b of c.blocks) out.push(blockMd(b, lang, state, options));
  });
  out.push(`## ${esc(words.sources[lang])}`, '');
  report.sources.forEach((s, k) => {
    const url = s.url === null ? '' : ` — <${s.url.replace(/[<>\s]/g, '')}>`;
    out.push(`${k + 1}. \`${s.id.replace(/`/g, '')}\` — ${esc(s.title[lang])}${url}`);
  });
  out.push('', `*${esc(words.made[lang])}*`, '');
  return { markdown: out.join('\n'), files: state.files };
}
