/**
 * Export a table of the store, or a metro's observations, as CSV, XLSX, Parquet or JSON.
 *
 * `what` = a model table name (`observations`, `regions`, …) or `metro:<id>` (the observations of the metro's
 * members and unit-set members). Rows are sorted by every column, so an export is deterministic.
 *
 * Layouts:
 * - Observations as CSV (the table or `metro:<id>`) use the canonical long layout the importer reads back:
 *   `region,year,indicator,industry,classification,value,unit,source` (industry and classification empty for
 *   totals; a withheld cell has an empty value, which reads back as a gap). `layout: 'extended'` appends the
 *   importer's optional columns (vintage, vintage_date, withheld, break_in_series, estimated, note) so nothing is
 *   lost on the way back; `layout: 'full'` gives every store column.
 * - Everything else has the table's model columns in schema order plus `dataset`. In CSV and XLSX lists are
 *   `|`-joined (the dataset's convention); Parquet and JSON keep lists as lists. Geometries are GeoJSON text.
 *
 * CSV, JSON and Parquet are written by DuckDB's COPY (Parquet: snappy); XLSX by exceljs's streaming writer.
 *
 * Cell safety (CSV injection, OWASP): in CSV and XLSX a text cell that starts with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running it as a formula (a region
 * named `=HYPERLINK(…)`); a plain number written as text (`-12.5`) is left alone (see ./safe-cell.ts; an importer
 * undoes it with `restoreCell`). Parquet and JSON are data formats, not opened by spreadsheets: they keep every
 * text as stored.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import { type ExportFormat, exportFormats } from '../formats.ts';
import type { TableName } from '../model/schemas.ts';
import { isTableName, modelColumns, quoteIdentifier, quoteLiteral, storeColumns, tableNames } from './ddl.ts';
import { storeMessages } from './messages.ts';
import { neutraliseCell, neutraliseCellSql } from './safe-cell.ts';
import type { Store } from './store.ts';

export { type ExportFormat, exportFormats } from '../formats.ts';

/** The canonical long CSV layout of observations (the importer's input format). */
export const canonicalObservationColumns = ['region', 'year', 'indicator', 'industry', 'classification', 'value', 'unit', 'source'] as const;

/** The optional columns the importer also reads after the canonical ones (layout `extended`). */
export const extendedObservationColumns = ['vintage', 'vintage_date', 'withheld', 'break_in_series', 'estimated', 'note'] as const;

/** Options of {@link exportTable} and {@link exportText}. */
export interface ExportOptions {
  /** Only rows of this dataset (default: all). */
  readonly dataset?: string;
  /**
   * Observations as CSV: `canonical` (default; the 8 canonical columns — a withheld cell is an empty value, which
   * reads back as a gap), `extended` (the canonical columns, then vintage, vintage_date, withheld, break_in_series,
   * estimated, note — lossless through the importer), or `full` (every store column). Other exports are always full.
   */
  readonly layout?: 'canonical' | 'extended' | 'full';
}

/** What an export wrote. */
export interface ExportResult {
  readonly what: string;
  readonly format: ExportFormat;
  readonly rows: number;
  readonly columns: readonly string[];
  /** The file written, or `null` for {@link exportText}. */
  readonly path: string | null;
}

/** The query an export runs. */
export interface ExportQuery {
  readonly sql: string;
  readonly columns: readonly string[];
  readonly table: TableName;
}

/** {@link neutraliseCellSql} with the column's name kept. */
const neutraliseSql = (expression: string, alias: string): string => `${neutraliseCellSql(expression)} AS ${quoteIdentifier(alias)}`;

function isFormat(format: string): format is ExportFormat {
  return (exportFormats as readonly string[]).includes(format);
}

/** Build the export query for `what` in `format` (validates both). */
export async function exportQuery(store: Store, what: string, format: string, options: ExportOptions = {}): Promise<ExportQuery> {
  const fn = 'exportTable';
  if (!isFormat(format)) throw new InvalidInputError(storeMessages.unknownFormat(fn, format), { format }, 'UNKNOWN_FORMAT');
  let table: TableName;
  const where: string[] = [];
  if (what.startsWith('metro:')) {
    // Metro ids in any case (metro:JJJ is jjj), as everywhere on the command line.
    const asked = what.slice('metro:'.length);
    const found = await store.rows('SELECT id FROM metros WHERE lower(id) = lower($1) ORDER BY id LIMIT 1', [asked]);
    const metro = found.length === 0 ? asked : String(found[0]?.id);
    if (found.length === 0) {
      const known = (await store.rows('SELECT DISTINCT id FROM metros ORDER BY id')).map((r) => String(r.id));
      throw new NotFoundError(storeMessages.unknownMetro(fn, metro, known), { metro }, 'UNKNOWN_METRO');
    }
    table = 'observations';
    const m = quoteLiteral(metro);
    where.push(`region IN (SELECT region FROM metro_members WHERE metro = ${m} UNION SELECT region FROM unit_set_members WHERE metro = ${m})`);
  } else if (isTableName(what)) {
    table = what;
  } else {
    throw new NotFoundError(storeMessages.unknownTable(fn, what, tableNames), { what }, 'UNKNOWN_TABLE');
  }
  if (options.dataset !== undefined) where.push(`dataset = ${quoteLiteral(options.dataset)}`);
  const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const layout = options.layout ?? 'canonical';
  if (layout !== 'canonical' && layout !== 'extended' && layout !== 'full') {
    throw new InvalidInputError(storeMessages.invalidOption(fn, 'layout', layout, '"canonical", "extended" or "full"'), undefined, 'INVALID_OPTION');
  }
  if (table === 'observations' && format === 'csv' && layout !== 'full') {
    // Whole numbers print without a trailing ".0" (as they are published); others in shortest round-trip form.
    const types = new Map(storeColumns('observations').map((c) => [c.name, c.type]));
    const column = (c: string) => (types.get(c) === 'VARCHAR' ? neutraliseSql(quoteIdentifier(c), c) : quoteIdentifier(c));
    const cols = canonicalObservationColumns.map((c) =>
      c === 'value'
        ? `CASE WHEN value = trunc(value) AND abs(value) < 1e15 THEN CAST(CAST(value AS BIGINT) AS VARCHAR) ELSE CAST(value AS VARCHAR) END AS value`
        : column(c),
    );
    const columns: string[] = [...canonicalObservationColumns];
    if (layout === 'extended') {
      cols.push(...extendedObservationColumns.map(column));
      columns.push(...extendedObservationColumns);
    }
    // Sorted by the stored values (not the neutralised text), qualified so that no output alias is meant.
    const observationOrder = ['region', 'year', 'indicator', 'classification NULLS FIRST', 'industry NULLS FIRST', 'source', 'vintage', 'dataset']
      .map((c) => `observations.${c}`)
      .join(', ');
    const sql = `SELECT ${cols.join(', ')} FROM observations${filter} ORDER BY ${observationOrder}`;
    return { sql, columns, table };
  }
  const joinLists = format === 'csv' || format === 'xlsx';
  const model = modelColumns(table);
  // CSV text is neutralised in SQL (DuckDB writes it); XLSX cells in writeXlsx.
  const safe = (expression: string, name: string, text: boolean) =>
    format === 'csv' && text
      ? neutraliseSql(expression, name)
      : expression === quoteIdentifier(name)
        ? expression
        : `${expression} AS ${quoteIdentifier(name)}`;
  const select = model.map((c) =>
    c.kind === 'list' && joinLists
      ? safe(`array_to_string(${quoteIdentifier(c.name)}, '|')`, c.name, true)
      : safe(quoteIdentifier(c.name), c.name, c.type === 'VARCHAR'),
  );
  // Sorted by the stored values (the table's own columns, not the neutralised ones), so the order is the same in every format.
  const order = [...model.map((c) => `${quoteIdentifier(table)}.${quoteIdentifier(c.name)} NULLS FIRST`), `${quoteIdentifier(table)}.dataset`];
  const sql = `SELECT ${select.join(', ')}, ${safe('dataset', 'dataset', true)} FROM ${quoteIdentifier(table)}${filter} ORDER BY ${order.join(', ')}`;
  return { sql, columns: [...model.map((c) => c.name), 'dataset'], table };
}

async function copyTo(store: Store, sql: string, format: 'csv' | 'json' | 'parquet', out: string): Promise<number> {
  const how =
    format === 'csv' ? `FORMAT csv, HEADER true, DELIMITER ','` : format === 'json' ? 'FORMAT json, ARRAY true' : 'FORMAT parquet, COMPRESSION snappy';
  const result = await store.connection.run(`COPY (${sql}) TO ${quoteLiteral(out)} (${how})`);
  return Number(result.rowsChanged);
}

async function writeXlsx(store: Store, query: ExportQuery, sheetName: string, out: string): Promise<number> {
  // exceljs is large: loaded only when a workbook is written, not by every command that reads the store.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...query.columns]).commit();
  const result = await store.connection.stream(query.sql);
  let rows = 0;
  for await (const chunk of result.yieldRowsJs()) {
    for (const row of chunk) {
      sheet
        .addRow(
          row.map((v) =>
            typeof v === 'bigint' ? Number(v) : v === null ? null : typeof v === 'string' ? neutraliseCell(v) : typeof v === 'object' ? JSON.stringify(v) : v,
          ),
        )
        .commit();
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/**
 * Export `what` to the file `out` in `format`.
 *
 * @throws {InvalidInputError} `UNKNOWN_FORMAT`. @throws {NotFoundError} `UNKNOWN_TABLE`, `UNKNOWN_METRO`.
 * @example await exportTable(store, 'metro:jjj', 'parquet', 'jjj.parquet')
 */
export async function exportTable(store: Store, what: string, format: ExportFormat, out: string, options: ExportOptions = {}): Promise<ExportResult> {
  const query = await exportQuery(store, what, format, options);
  const rows =
    format === 'xlsx' ? await writeXlsx(store, query, what.replace(/[:\\/?*[\]]/g, '-').slice(0, 31), out) : await copyTo(store, query.sql, format, out);
  return { what, format, rows, columns: query.columns, path: out };
}

/**
 * Export `what` as text (CSV or JSON) — what the CLI prints on stdout without `--out`.
 *
 * @throws {InvalidInputError} `NEEDS_OUT_FILE` for xlsx and parquet; as {@link exportTable} otherwise.
 */
export async function exportText(
  store: Store,
  what: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportResult & { readonly text: string }> {
  if (format !== 'csv' && format !== 'json') {
    if (!isFormat(format)) throw new InvalidInputError(storeMessages.unknownFormat('exportText', format), { format }, 'UNKNOWN_FORMAT');
    throw new InvalidInputError(storeMessages.needsOutFile('exportText', format), { format }, 'NEEDS_OUT_FILE');
  }
  const dir = mkdtempSync(join(tmpdir(), 'metrocoop-export-'));
  try {
    const file = join(dir, `export.${format}`);
    const result = await exportTable(store, what, format, file, options);
    let text = readFileSync(file, 'utf8');
    if (format === 'json' && text.trim() === '') text = '[]\n';
    return { ...result, path: null, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
