/**
 * What the reading formats (HTML, Markdown) share: the words around the content (contents, table and figure labels,
 * "N more rows"), the column header with its unit, and a cell as display text — numbers by the column's kind, a gap
 * as `—`, never 0.
 */
import type { Language, LocalizedText } from '@metrocoop/core';
import type { Chart } from '@metrocoop/viz';
import type { ReportBlock, ReportCell, ReportColumn, ReportTable } from '../model.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

export const words = {
  contents: t('Contents', '目录'),
  sources: t('Sources', '资料来源'),
  source: t('Source', '来源'),
  table: (n: number) => t(`Table ${n}.`, `表 ${n}`),
  figure: (n: number) => t(`Figure ${n}.`, `图 ${n}`),
  more: (n: number) => t(`${n.toLocaleString('en-US')} more rows in the XLSX / CSV export.`, `另有 ${n.toLocaleString('en-US')} 行，见 XLSX / CSV 导出。`),
  noRows: t('Nothing to list.', '无可列项。'),
  notDrawn: t('Not drawn', '未绘制'),
  drawFailed: (message: string) => t(`The chart could not be drawn: ${message}`, `图表无法绘制：${message}`),
  gap: t('— = no data', '— 表示无数据'),
  made: t(
    'Made with metrocoop from the analysis and plan documents; every number traces to the sources listed at the end.',
    '由 metrocoop 根据分析与规划结果生成；每个数字均可追溯至文末所列资料来源。',
  ),
} as const;

/** Text in one language. */
export const pick = (text: LocalizedText, lang: Language): string => text[lang];

/** The header of a column: its label and unit ("Population (persons)", "人口（人）"); percent columns show %. */
export function header(column: ReportColumn, lang: Language): string {
  const unit = column.unit === null ? (column.kind === 'percent' ? '%' : null) : column.unit[lang];
  const label = column.label[lang];
  if (unit === null || unit === '') return label;
  return lang === 'zh' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/** A number for reading: thousands grouped from 1,000 up, else 3 significant digits (no exponent). */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-US');
  if (v === 0) return '0';
  const s = Number(v.toPrecision(3));
  return Math.abs(s) < 1e-6 ? s.toExponential(2) : String(s);
}

/** A cell as display text in one language; `null` is a gap, shown as `—`. */
export function cellText(cell: ReportCell, column: ReportColumn, lang: Language): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'object') return cell[lang];
  if (!Number.isFinite(cell)) return '—';
  switch (column.kind) {
    case 'percent':
      return `${(cell * 100).toFixed(1)}%`;
    case 'integer':
      return Math.round(cell).toLocaleString('en-US');
    default:
      return formatNumber(cell);
  }
}

/** Whether the cell is shown right-aligned (a number). */
export const isNumeric = (cell: ReportCell, column: ReportColumn): boolean => typeof cell === 'number' && column.kind !== 'text';

/** The rows the reading formats show, and how many are left to the XLSX / CSV. */
export function shownRows(table: ReportTable): { rows: ReportTable['rows']; more: number } {
  const n = table.shownRows;
  if (n === undefined || n >= table.rows.length) return { rows: table.rows, more: 0 };
  return { rows: table.rows.slice(0, n), more: table.rows.length - n };
}

/** The chart of a block in one language. */
export const chartOf = (block: Extract<ReportBlock, { kind: 'chart' }>, lang: Language): Chart => block.byLanguage?.[lang] ?? block.chart;

/** Notes are lines separated by `\n`. */
export const lines = (text: string): string[] => text.split('\n').filter((s) => s.trim() !== '');
