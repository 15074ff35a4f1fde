/**
 * Yearbook-style XLSX sheets, as statistical yearbooks publish them:
 *
 * ```
 * 2-5 分地区分行业城镇单位就业人员（2019年）        ← title rows: the year ("2019年") and indicator are read here
 *                                   单位：万人      ← unit row ("单位：万人", "Unit: 10k persons")
 * 地区   | 合计 | 农、林、牧、渔业 | 采矿业 | …      ← header row(s): sections by code, "code name" or name
 * 北京市 | 819.3 | 2.1 | …                         ← regions as rows, by name or code
 * 注：…                                            ← footnote rows (注/资料来源/Note/Source…) are skipped
 * ```
 *
 * Read with exceljs (the workbook is small); cells go, one value per row, to a temporary CSV that DuckDB loads.
 * Row numbers are the sheet's rows; the column is the header text.
 */
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { canonicalColumns } from './detect.ts';
import { keyField, mapIndustryHeaders } from './industry-headers.ts';
import { RawCsvWriter, type RawField, rawFields } from './raw-csv.ts';
import { describe, firstLine, readCsvSql, type StageContext, type Staged, stageLong } from './stage.ts';

/** Title words → indicator (the user's --indicator wins). */
const titleIndicators: readonly (readonly [RegExp, string])[] = [
  [/城镇单位就业人员/u, 'employment_urban_units'],
  [/私营.*个体|个体.*私营/u, 'employment_private_selfemployed'],
  [/平均工资/u, 'average_wage'],
  [/人均地区生产总值|人均GDP/iu, 'gdp_per_capita'],
  [/地区生产总值|GDP/iu, 'gdp'],
  [/增加值/u, 'value_added'],
  [/户籍人口/u, 'population_registered'],
  [/常住人口|年末人口/u, 'population'],
  [/就业人员|从业人员/u, 'employment_total'],
];

const footnote = /^(注|资料来源|数据来源|说明|附注|备注|note|notes|source|sources|\*|#|①|②)/iu;
const unitPattern = /(?:单位|単位|unit)\s*[:：]\s*([^\s)）,，;；]+(?:\s+[a-z]+)*)/iu;
const yearPattern = /((?:19|20)\d{2})\s*年|\b((?:19|20)\d{2})\b/u;

/** Text of a cell whatever exceljs returns (rich text, formula result, hyperlink, number, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return String(value.error);
  }
  return String(value).trim();
}

const isNumberText = (s: string) => /^-?[\d,]*\.?\d+(e[+-]?\d+)?$/i.test(s);

export async function stageXlsxYearbook(ctx: StageContext, path: string): Promise<Staged | null> {
  // exceljs is large: loaded only when a workbook is read.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    ctx.report.add('PARSE_ERROR', null, null, firstLine(error), 'an .xlsx workbook');
    return null;
  }
  const sheetOption = ctx.stated.sheet;
  const sheet =
    sheetOption === null ? workbook.worksheets[0] : typeof sheetOption === 'number' ? workbook.worksheets[sheetOption - 1] : workbook.getWorksheet(sheetOption);
  if (sheet === undefined) {
    ctx.report.add(
      'PARSE_ERROR',
      null,
      null,
      sheetOption === null ? null : String(sheetOption),
      `a worksheet (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`,
    );
    return null;
  }
  const rows: { n: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value);
    });
    for (let k = 0; k < cells.length; k++) cells[k] = cells[k] ?? '';
    rows.push({ n, cells });
  });

  // A sheet in the canonical long layout (what `data export … --format xlsx` writes): a header row of canonical
  // column names with region and value, then one observation per row — read as the canonical CSV is.
  const first = rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (first.includes('region') && first.includes('value') && first.every((c) => c === '' || canonicalColumns.has(c))) {
    return stageLongSheet(ctx, rows);
  }

  // Title rows → year, unit, indicator; header rows = the first rows with ≥ 2 non-empty, mostly non-numeric cells.
  let year: number | null = null;
  let unit: string | null = null;
  let indicator: string | null = null;
  let k = 0;
  const filled = (cells: string[]) => cells.filter((c) => c !== '');
  const looksHeader = (cells: string[]) => {
    // a unit cell ("单位：万人") sits on title rows too: it does not make a header
    const f = filled(cells).filter((c) => !unitPattern.test(c));
    return f.length >= 2 && f.filter(isNumberText).length <= 1 && !footnote.test(f[0] ?? '');
  };
  const scanTitle = (text: string) => {
    const u = unitPattern.exec(text);
    if (u !== null && unit === null) unit = (u[1] as string).trim();
    const y = yearPattern.exec(text);
    if (y !== null && year === null) year = Number(y[1] ?? y[2]);
    if (indicator === null)
      for (const [re, id] of titleIndicators)
        if (re.test(text)) {
          indicator = id;
          break;
        }
  };
  for (; k < rows.length && !looksHeader((rows[k] as { cells: string[] }).cells); k++) for (const c of (rows[k] as { cells: string[] }).cells) scanTitle(c);
  if (k === rows.length) {
    ctx.report.add('MISSING_COLUMN', null, null, null, 'a header row with the region column and industry columns');
    return null;
  }
  const headerRows: string[][] = [];
  while (k < rows.length && looksHeader((rows[k] as { cells: string[] }).cells) && !isNumberText(filled((rows[k] as { cells: string[] }).cells)[1] ?? '')) {
    const cells = (rows[k] as { cells: string[] }).cells;
    // a data row whose first cell is a region would also look like a header only if it had no numbers; stop at one with numbers
    headerRows.push(cells);
    for (const c of cells) {
      const u = unitPattern.exec(c);
      if (u !== null && unit === null) unit = (u[1] as string).trim();
    }
    k++;
    if (headerRows.length === 3) break;
  }
  const width = Math.max(...headerRows.map((r) => r.length), ...rows.slice(k).map((r) => r.cells.length));
  // Per column: the header texts stacked (merged cells repeat), the key field if any.
  let regionColumn = 0;
  const keyColumns = new Map<number, RawField>();
  const valueColumns: { index: number; header: string }[] = [];
  for (let c = 0; c < width; c++) {
    const texts = headerRows.map((r) => (r[c] ?? '').replace(unitPattern, '').trim()).filter((t) => t !== '');
    const header = texts.join(' ').trim();
    const field = texts.map(keyField).find((f) => f !== undefined);
    if (field !== undefined) {
      keyColumns.set(c, field);
      if (field === 'region') regionColumn = c;
    } else if (c === 0 && header === '') keyColumns.set(c, 'region');
    else if (header !== '') valueColumns.push({ index: c, header: texts[texts.length - 1] ?? header });
  }
  if (!keyColumns.has(regionColumn)) keyColumns.set(regionColumn, 'region');
  const { classification, mappings } = mapIndustryHeaders(
    valueColumns.map((v) => v.header),
    ctx.industries,
    ctx.stated.classification,
  );

  const out = join(ctx.tempDir, 'xlsx.csv');
  const writer = new RawCsvWriter(out, ['_row', '_col', ...rawFields]);
  let skipped = 0;
  for (; k < rows.length; k++) {
    const { n, cells } = rows[k] as { n: number; cells: string[] };
    const first = filled(cells)[0] ?? '';
    if (footnote.test(first)) continue;
    const region = cells[regionColumn] ?? '';
    if (region === '') continue; // blank separators and continuation lines of footnotes
    const keys: Partial<Record<RawField, string>> = {};
    for (const [c, f] of keyColumns) keys[f] = cells[c] ?? '';
    let any = false;
    valueColumns.forEach((v, m) => {
      const value = cells[v.index] ?? '';
      if (value === '') return;
      any = true;
      const map = mappings[m];
      const record: Record<RawField, string | null> = {
        region,
        year: keys.year ?? null,
        indicator: keys.indicator ?? null,
        classification: map?.industry === null ? null : (keys.classification ?? classification),
        industry: map === undefined ? v.header : map.industry,
        value,
        unit: keys.unit ?? null,
        source: keys.source ?? null,
        vintage: null,
        vintage_date: null,
        withheld: null,
        break_in_series: null,
        estimated: null,
        note: keys.note ?? null,
      };
      writer.write([String(n), v.header, ...rawFields.map((f) => record[f])]);
    });
    if (!any) skipped++;
  }
  writer.close();
  const types = ['_row', '_col', ...rawFields].map((f) => `${JSON.stringify(f).replace(/"/g, "'")}: '${f === '_row' ? 'BIGINT' : 'VARCHAR'}'`);
  await ctx.con.run(`CREATE OR REPLACE TEMP VIEW mc_raw AS SELECT * FROM ${readCsvSql(out).replace('all_varchar = true', `columns = {${types.join(', ')}}`)}`);
  const detected: Record<string, string | number> = {};
  if (year !== null) detected.year = year;
  if (unit !== null) detected.unit = unit;
  if (indicator !== null) detected.indicator = indicator;
  if (classification !== null) detected.classification = classification;
  return {
    columns: {
      region: headerRows.map((r) => r[regionColumn] ?? '').find((t) => t !== '') ?? 'region',
      year: 'title',
      unit: 'unit row',
      industry: '(column header)',
    },
    skippedRows: skipped,
    encoding: null,
    detected,
  };
}

/**
 * A long-layout sheet: its rows go to a temporary CSV (every cell as text) that is staged like the canonical CSV.
 * Row numbers are the sheet's rows (the header is row 1; exported sheets have no blank rows in between).
 */
async function stageLongSheet(ctx: StageContext, rows: readonly { n: number; cells: string[] }[]): Promise<Staged | null> {
  const header = (rows[0] as { cells: string[] }).cells.map((c, k) => (c.trim() === '' ? `column${k + 1}` : c.trim()));
  const out = join(ctx.tempDir, 'long-sheet.csv');
  const writer = new RawCsvWriter(out, header);
  for (const row of rows.slice(1)) writer.write(header.map((_, k) => row.cells[k] ?? null));
  writer.close();
  const read = readCsvSql(out);
  const { names, types } = await describe(ctx.con, read);
  const columns = await stageLong(ctx, read, names, types);
  if (columns === null) return null;
  return { columns, skippedRows: 0, encoding: null, stagedAt: { offset: 2 } };
}
