/**
 * The CSV report: one file per table of the report, plus `contents.csv` (which file holds which table, its chapter,
 * note and sources) and `sources.csv` (every source with the tables that use it).
 *
 * Format (RFC 4180): comma-separated, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, a quote,
 * CR or LF. Each file starts with a UTF-8 byte-order mark: without it, Excel — the program most readers of these
 * files open them in — reads UTF-8 as the system code page and garbles the Chinese text (GBK on a Chinese Windows);
 * with it, Excel, LibreOffice, pandas (`encoding="utf-8-sig"`), R's readr and DuckDB all read the file correctly.
 *
 * Cells: the header row is the column label with its unit ("Population (persons)", "人口（人）"); numbers in full
 * precision (shortest round-trip form); percent columns in percentage points (the model's fraction × 100, header
 * unit %), so the number reads as its header says; a gap (`null`) is an empty field; bilingual cells are picked in
 * the report's language; every text field is made safe with {@link neutraliseCell} (no formula injection).
 */
import type { Language, LocalizedText } from '@metrocoop/core';
import type { Report, ReportCell, ReportColumn } from './model.ts';
import { header as columnHeader } from './render/format.ts';
import { neutraliseCell } from './safe-cell.ts';
import { reportTables } from './xlsx.ts';

/** A file of the CSV report. */
export interface CsvFile {
  /** The file name (`<table id>.csv`, `contents.csv`, `sources.csv`). */
  readonly name: string;
  /** The file's text, starting with a byte-order mark (U+FEFF). */
  readonly content: string;
}

/** The byte-order mark each file starts with (see the module comment). */
export const csvByteOrderMark = '\uFEFF';

const text = (value: LocalizedText, lang: Language): string => value[lang];

const words = {
  file: { en: 'file', zh: '文件' },
  chapter: { en: 'chapter', zh: '章节' },
  table: { en: 'table', zh: '表格' },
  rows: { en: 'rows', zh: '行数' },
  note: { en: 'note', zh: '注' },
  sources: { en: 'sources', zh: '资料来源' },
  id: { en: 'id', zh: '编号' },
  title: { en: 'title', zh: '名称' },
  url: { en: 'url', zh: '网址' },
  tables: { en: 'tables', zh: '表格' },
} as const satisfies Record<string, LocalizedText>;

/** One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, a quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text: a byte-order mark, fields joined by commas, CRLF after every row. Text is neutralised. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (row: readonly (string | number | null)[]) =>
    row.map((v) => (v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : csvField(neutraliseCell(v)))).join(',');
  return `${csvByteOrderMark}${rows.map((r) => `${line(r)}\r\n`).join('')}`;
}

/** A number of a percent column in percentage points, without binary noise (0.253 → 25.3, not 25.299999999999997). */
const percentPoints = (fraction: number): number => Number((fraction * 100).toPrecision(15));

function cellValue(cell: ReportCell, column: ReportColumn, lang: Language): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return column.kind === 'percent' ? percentPoints(cell) : cell;
  return typeof cell === 'string' ? cell : text(cell, lang);
}

/** File names for table ids: letters, digits, `.`, `_` and `-` only, unique without regard to case. */
function fileNames(ids: readonly string[], reserved: readonly string[]): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return ids.map((id) => {
    const base = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '') || 'table';
    let name = `${base}.csv`;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}.csv`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * The report as CSV files: one per table, then `contents.csv` and `sources.csv` (see the module comment).
 *
 * @param lang the language of headers and bilingual cells.
 * @example for (const f of renderCsv(report, 'en')) writeFileSync(join(dir, f.name), f.content)
 */
export function renderCsv(report: Report, lang: Language): CsvFile[] {
  const placed = reportTables(report);
  const names = fileNames(
    placed.map((p) => p.table.id),
    ['contents.csv', 'sources.csv'],
  );
  const files: CsvFile[] = placed.map(({ table }, k) => ({
    name: names[k] ?? `${table.id}.csv`,
    content: csvText([
      table.columns.map((c) => columnHeader(c, lang)),
      ...table.rows.map((cells) => table.columns.map((c, j) => cellValue(cells[j] ?? null, c, lang))),
    ]),
  }));
  files.push({
    name: 'contents.csv',
    content: csvText([
      [words.file, words.chapter, words.table, words.rows, words.note, words.sources].map((w) => text(w, lang)),
      ...placed.map(({ table, chapter }, k) => [
        names[k] ?? '',
        text(chapter, lang),
        text(table.title, lang),
        table.rows.length,
        table.note === null ? null : text(table.note, lang),
        table.sources.join('|'),
      ]),
    ]),
  });
  files.push({
    name: 'sources.csv',
    content: csvText([
      [words.id, words.title, words.url, words.tables].map((w) => text(w, lang)),
      ...report.sources.map((s) => [
        s.id,
        text(s.title, lang),
        s.url,
        placed
          .map(({ table }, k) => (table.sources.includes(s.id) ? (names[k] ?? '') : ''))
          .filter((n) => n !== '')
          .join('|'),
      ]),
    ]),
  });
  return files;
}
