/**
 * The XLSX report (exceljs): a workbook for people who recompute. A first sheet of contents (the report's title,
 * metro and unit set, chapters, a linked list of the tables with their sheet names, and the sources), then one sheet
 * per table of the report, named after the table's id (≤ 31 characters, unique).
 *
 * Each table sheet: the table title in row 1, the header in row 2 (column label with its unit, "Population
 * (persons)", "人口（人）"), frozen with the title so both stay in view, an autofilter on the header, the rows from
 * row 3, then the table's note and sources. Numbers stay numbers (integers `#,##0`, other numbers with 0–4 decimals
 * by the column's magnitude, percent columns as fractions with the `0.0%` format — the model's percent cells are
 * fractions, 0.253 = 25.3 %); a gap (`null`) is an empty cell, never 0; bilingual cells are picked in the report's
 * language; every text cell is made safe with {@link neutraliseCell} (no formula injection). Column widths are
 * fitted to the content (a CJK character counts double).
 */
import type { Language, LocalizedText } from '@metrocoop/core';
import type { Worksheet } from 'exceljs';
import type { Report, ReportCell, ReportColumn, ReportTable } from './model.ts';
import { header as columnHeader } from './render/format.ts';
import { neutraliseCell } from './safe-cell.ts';

/** Excel's limit on a sheet name's length. */
export const maxSheetNameLength = 31;

const text = (value: LocalizedText, lang: Language): string => value[lang];

const words = {
  contents: { en: 'Contents', zh: '目录' },
  metro: { en: 'Metro area', zh: '都市圈' },
  unitSet: { en: 'Units', zh: '分析单元' },
  classification: { en: 'classification', zh: '行业分类' },
  indicator: { en: 'indicator', zh: '指标' },
  year: { en: 'year', zh: '年份' },
  chapters: { en: 'Chapters', zh: '章节' },
  tables: { en: 'Tables', zh: '表格' },
  sheet: { en: 'Sheet', zh: '工作表' },
  chapter: { en: 'Chapter', zh: '章节' },
  table: { en: 'Table', zh: '表格' },
  rows: { en: 'Rows', zh: '行数' },
  sources: { en: 'Sources', zh: '资料来源' },
  source: { en: 'Source', zh: '来源' },
  id: { en: 'Id', zh: '编号' },
  url: { en: 'Address', zh: '网址' },
  note: { en: 'Note', zh: '注' },
  gaps: {
    en: 'An empty cell is a gap in the data (not zero).',
    zh: '空白单元格表示数据缺失（不是零）。',
  },
} as const satisfies Record<string, LocalizedText>;

/** A table of the report with the chapter it is in. */
export interface PlacedTable {
  readonly table: ReportTable;
  readonly chapter: LocalizedText;
}

/** Every table of the report in reading order, with its chapter's title. */
export function reportTables(report: Report): PlacedTable[] {
  const out: PlacedTable[] = [];
  for (const chapter of report.chapters) {
    for (const block of chapter.blocks) if (block.kind === 'table') out.push({ table: block.table, chapter: chapter.title });
  }
  return out;
}

/**
 * Sheet names for `ids`: characters Excel forbids (`[]:*?/\`) replaced by `-`, at most 31 characters, unique
 * without regard to case (as Excel compares them) and apart from `reserved` (a `-2`, `-3`… suffix when taken).
 *
 * @example uniqueSheetNames(['gdp', 'gdp'], ['Contents']) // ['gdp', 'gdp-2']
 */
export function uniqueSheetNames(ids: readonly string[], reserved: readonly string[] = []): string[] {
  // "History" is reserved by Excel itself.
  const taken = new Set([...reserved, 'history'].map((n) => n.toLowerCase()));
  return ids.map((id) => {
    const base =
      id
        .replace(/[[\]:*?/\\]/g, '-')
        .replace(/^'+|'+$/g, '')
        .slice(0, maxSheetNameLength) || 'table';
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, maxSheetNameLength - String(k).length - 1)}-${k}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A cell as a spreadsheet value: a finite number, safe text, or `null` for a gap. */
export function sheetValue(cell: ReportCell, lang: Language): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return neutraliseCell(typeof cell === 'string' ? cell : text(cell, lang));
}

/** Display width of a text in character cells (CJK and full-width characters count double). */
function displayWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** Decimals to show for a column of numbers: 0 from 100 up, then 1, 2, 3, 4 as the largest value shrinks. */
function decimalsFor(values: readonly number[]): number {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  if (largest === 0 || values.every((v) => Number.isInteger(v))) return 0;
  return Math.min(4, Math.max(0, 2 - Math.floor(Math.log10(largest))));
}

function numberFormat(column: ReportColumn, values: readonly number[]): string | null {
  if (column.kind === 'percent') return '0.0%';
  if (column.kind === 'integer') return '#,##0';
  if (column.kind === 'number') {
    const d = decimalsFor(values);
    return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
  }
  return null;
}

const headerFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } } as const;

/**
 * The report as an XLSX workbook: a contents sheet, then a sheet per table (see the module comment).
 *
 * @param lang the language of every heading, label and bilingual cell.
 * @returns the workbook file's bytes.
 * @example writeFileSync('jjj.xlsx', await renderXlsx(report, 'zh'))
 */
export async function renderXlsx(report: Report, lang: Language): Promise<Buffer> {
  // exceljs is large: loaded only when a workbook is written.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'metrocoop';
  workbook.title = text(report.title, lang);
  const placed = reportTables(report);
  const contentsName = text(words.contents, lang);
  const names = uniqueSheetNames(
    placed.map((p) => p.table.id),
    [contentsName],
  );
  const sourceTitle = new Map(report.sources.map((s) => [s.id, text(s.title, lang)]));

  // The contents sheet.
  const contents = workbook.addWorksheet(contentsName, { properties: { tabColor: { argb: 'FF2F5D8A' } } });
  const put = (values: (string | number | null)[], bold = false) => {
    const row = contents.addRow(values.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v)));
    if (bold) row.font = { bold: true };
    return row;
  };
  put([text(report.title, lang)]).font = { bold: true, size: 14 };
  put([text(report.subtitle, lang)]);
  put([text(words.metro, lang), lang === 'zh' ? report.metro.nameZh : report.metro.nameEn, report.metro.id]);
  const u = report.unitSet;
  put([
    text(words.unitSet, lang),
    u.id,
    `${text(words.classification, lang)} ${u.classification}`,
    `${text(words.indicator, lang)} ${u.indicator}`,
    `${text(words.year, lang)} ${u.year}`,
  ]);
  put([text(words.gaps, lang)]);
  put([]);
  const listStart = contents.rowCount + 1;
  put([text(words.chapters, lang)], true);
  report.chapters.forEach((c, k) => put([k + 1, text(c.title, lang)]));
  put([]);
  put([text(words.sheet, lang), text(words.chapter, lang), text(words.table, lang), text(words.rows, lang), text(words.sources, lang)], true);
  placed.forEach((p, k) => {
    const name = names[k] ?? '';
    const row = put([name, text(p.chapter, lang), text(p.table.title, lang), p.table.rows.length, p.table.sources.join(', ')]);
    // An internal link to the sheet (quotes doubled inside the quoted sheet name).
    row.getCell(1).value = { text: name, hyperlink: `#'${name.replace(/'/g, "''")}'!A1` };
    row.getCell(1).font = { color: { argb: 'FF1F4E79' }, underline: true };
  });
  put([]);
  put([text(words.id, lang), text(words.source, lang), text(words.url, lang)], true);
  for (const s of report.sources) put([s.id, text(s.title, lang), s.url]);
  fitWidths(contents, 60, listStart);

  // A sheet per table.
  placed.forEach(({ table }, k) => {
    const sheet = workbook.addWorksheet(names[k] ?? table.id, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
    const titleRow = sheet.addRow([neutraliseCell(text(table.title, lang))]);
    titleRow.font = { bold: true, size: 12 };
    const header = sheet.addRow(table.columns.map((c) => neutraliseCell(columnHeader(c, lang))));
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = headerFill;
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const cells of table.rows) sheet.addRow(table.columns.map((_, j) => sheetValue(cells[j] ?? null, lang)));
    table.columns.forEach((column, j) => {
      const values = table.rows.map((r) => r[j] ?? null).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      const format = numberFormat(column, values);
      if (format !== null) {
        sheet.getColumn(j + 1).eachCell((cell, rowNumber) => {
          if (rowNumber > 2 && typeof cell.value === 'number') cell.numFmt = format;
        });
      }
    });
    if (table.columns.length > 0 && table.rows.length > 0) {
      sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + table.rows.length, column: table.columns.length } };
    }
    sheet.addRow([]);
    // A note's lines (separated by \n) go to rows of their own: a cell shows line breaks only when it wraps.
    const noteLines =
      table.note === null
        ? []
        : text(table.note, lang)
            .split('\n')
            .filter((line) => line.trim() !== '');
    noteLines.forEach((line, k) => sheet.addRow([neutraliseCell(k === 0 ? `${text(words.note, lang)}${lang === 'zh' ? '：' : ': '}${line}` : line)]));
    const sources = table.sources.map((id) => (sourceTitle.has(id) ? `${sourceTitle.get(id)} [${id}]` : id)).join(lang === 'zh' ? '；' : '; ');
    if (sources !== '') sheet.addRow([neutraliseCell(`${text(words.sources, lang)}${lang === 'zh' ? '：' : ': '}${sources}`)]);
    fitWidths(sheet, 40, 2, table);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Column widths from the content: the widest cell from row `from` on (numbers as shown, roughly), at least 6 and at
 * most `max` characters; header and text cells wrap in a capped column. Rows after the table (notes) and the title
 * row do not widen the columns: they overflow into empty neighbours.
 */
function fitWidths(sheet: Worksheet, max: number, from: number, table?: ReportTable): void {
  const last = table === undefined ? sheet.rowCount : 2 + table.rows.length;
  const widths: number[] = [];
  for (let r = from; r <= last; r++) {
    sheet.getRow(r).eachCell((cell, c) => {
      const v = cell.value;
      let w: number;
      if (typeof v === 'number') w = (Number.isInteger(v) ? Math.abs(v).toLocaleString('en-US').length : Math.abs(v).toFixed(2).length + 2) + 1;
      else if (typeof v === 'string') w = displayWidth(v);
      else if (v !== null && typeof v === 'object' && 'text' in v) w = displayWidth(String(v.text));
      else w = 0;
      widths[c - 1] = Math.max(widths[c - 1] ?? 0, w);
    });
  }
  widths.forEach((w, k) => {
    const column = sheet.getColumn(k + 1);
    column.width = Math.min(max, Math.max(6, w + 2));
    if (w + 2 > max && table !== undefined && table.columns[k]?.kind === 'text') {
      for (let r = from + 1; r <= last; r++) sheet.getRow(r).getCell(k + 1).alignment = { vertical: 'top', wrapText: true };
    }
  });
}
