/**
 * Reading the embedded dataset back: packages/data/dataset/<table>/<part>.csv (and geometries/<part>.geojson) →
 * typed rows of the canonical model (src/model/schemas.ts).
 *
 * The CSV conventions are the dataset contract's: UTF-8 (a BOM is tolerated), header = the schema keys in order
 * in snake_case, RFC 4180 quoting (fields with commas, quotes or line breaks quoted, quotes doubled), empty cell =
 * null, booleans `true`/`false`, arrays joined with `|` (an empty cell is an empty array). Every row is converted
 * by the schema's field kinds and then checked by the schema itself, so a row that comes back is a valid row.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError, type LocalizedText } from '@metrocoop/core';
import type { z } from 'zod';
import { type TableName, tables } from '../model/schemas.ts';
import { datasetMessages } from './messages.ts';

/** The parsed row type of a table. */
export type DatasetRow<T extends TableName> = z.output<(typeof tables)[T]>;

/** The parts a dataset table may be split into, in load order. */
export const datasetParts = ['common', 'cn', 'jp', 'us'] as const;

/** One row with where it came from (for reports). */
export interface LocatedRow<T extends TableName> {
  /** File name inside the table folder, e.g. `cn.csv`. */
  readonly file: string;
  /** 1-based line of the row's first line in the file (the header is line 1); feature index + 1 for GeoJSON. */
  readonly line: number;
  readonly row: DatasetRow<T>;
}

/** A problem found while reading (or validating) a dataset. */
export interface DatasetProblem {
  /** Stable code: `BAD_CSV`, `BAD_HEADER`, `BAD_ROW`, `DUPLICATE_KEY`, `MISSING_REFERENCE`, … */
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Path relative to the dataset directory, e.g. `regions/cn.csv`. */
  readonly file: string;
  /** 1-based line (CSV) or feature number (GeoJSON); null for a whole-file or whole-dataset problem. */
  readonly row: number | null;
  readonly column: string | null;
  readonly value: unknown;
  readonly expected: string | null;
  readonly message: LocalizedText;
}

/** Result of {@link readDatasetTableDetailed}: the rows that parsed and the problems of those that did not. */
export interface DatasetTableRead<T extends TableName> {
  readonly rows: LocatedRow<T>[];
  readonly problems: DatasetProblem[];
  /** Files read, relative to the dataset directory. */
  readonly files: string[];
}

// ---------------------------------------------------------------------------------------------- CSV parsing

/** Thrown by {@link parseCsv} with the 1-based line of the problem. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * Parse RFC 4180 CSV text into records of fields. Accepts a leading BOM, `\n` or `\r\n` line ends, quoted fields
 * with commas, line breaks and doubled quotes, and a missing final newline. A blank last line is not a record.
 * Returns each record with the 1-based line it starts on.
 *
 * @throws {CsvSyntaxError} on a quote inside an unquoted field, text after a closing quote, or an unclosed quote.
 */
export function parseCsv(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  if (n === i) return records;
  let fields: string[] = [];
  let recordLine = 1;
  for (;;) {
    // one field starting at i
    let value: string;
    if (text.charCodeAt(i) === 0x22) {
      const startLine = line;
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new CsvSyntaxError(startLine, 'unclosed quoted field');
        const chunk = text.slice(j, q);
        for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === 0x0a) line++;
        out += chunk;
        if (text.charCodeAt(q + 1) === 0x22) {
          out += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      value = out;
      const c = text.charCodeAt(i);
      if (i < n && c !== 0x2c && c !== 0x0a && !(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) {
        throw new CsvSyntaxError(line, 'text after a closing quote');
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 0x2c || c === 0x0a || (c === 0x0d && text.charCodeAt(j + 1) === 0x0a)) break;
        if (c === 0x22) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    if (i >= n) {
      records.push({ fields, line: recordLine });
      return records;
    }
    const c = text.charCodeAt(i);
    if (c === 0x2c) {
      i++;
      continue;
    }
    // end of record
    i += c === 0x0d ? 2 : 1;
    line++;
    records.push({ fields, line: recordLine });
    fields = [];
    recordLine = line;
    if (i >= n) return records;
  }
}

// ---------------------------------------------------------------------------------------------- conversion

type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'string[]' | 'number[]' | 'object';

interface ZodDefLike {
  type: string;
  innerType?: { _zod: { def: ZodDefLike } };
  element?: { _zod: { def: ZodDefLike } };
  checks?: unknown[];
}

function defOf(t: unknown): ZodDefLike {
  return (t as { _zod: { def: ZodDefLike } })._zod.def;
}

function kindOf(t: unknown): FieldKind {
  let def = defOf(t);
  while ((def.type === 'nullable' || def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = def.innerType._zod.def;
  }
  switch (def.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const element = def.element ? kindOf(def.element) : 'string';
      return element === 'number' || element === 'integer' ? 'number[]' : 'string[]';
    }
    case 'object':
      return 'object';
    default:
      return 'string';
  }
}

/** `nameZh` → `name_zh` (the dataset's column naming). */
export function columnName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

const numberPattern = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function convertScalar(cell: string, kind: 'string' | 'number' | 'boolean'): unknown {
  if (kind === 'number') return numberPattern.test(cell) ? Number(cell) : cell;
  if (kind === 'boolean') return cell === 'true' ? true : cell === 'false' ? false : cell;
  return cell;
}

function convertCell(cell: string, kind: FieldKind): unknown {
  if (kind === 'string[]' || kind === 'number[]') {
    if (cell === '') return [];
    const element = kind === 'number[]' ? 'number' : 'string';
    return cell.split('|').map((part) => convertScalar(part, element));
  }
  if (cell === '') return null;
  if (kind === 'number' || kind === 'integer') return convertScalar(cell, 'number');
  if (kind === 'boolean') return convertScalar(cell, 'boolean');
  return cell;
}

/** Schema keys, their CSV column names and kinds, for a table. */
export function tableColumns(table: TableName): { key: string; column: string; kind: FieldKind }[] {
  const shape = tables[table].shape as Record<string, unknown>;
  return Object.keys(shape).map((key) => ({ key, column: columnName(key), kind: kindOf(shape[key]) }));
}

function issuesText(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
}

function isTable(table: unknown): table is TableName {
  return typeof table === 'string' && Object.hasOwn(tables, table);
}

// ---------------------------------------------------------------------------------------------- reading

/** A {@link DatasetProblem} with the defaults: severity `error`, no column, value or expectation. */
export function datasetProblem(
  code: string,
  file: string,
  row: number | null,
  message: LocalizedText,
  extra: { column?: string | null; value?: unknown; expected?: string | null; severity?: 'error' | 'warning' } = {},
): DatasetProblem {
  return {
    code,
    severity: extra.severity ?? 'error',
    file,
    row,
    column: extra.column ?? null,
    value: extra.value ?? null,
    expected: extra.expected ?? null,
    message,
  };
}

function partFiles(dir: string, table: TableName, extension: string): string[] {
  const folder = join(dir, table);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort((a, b) => partRank(a) - partRank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function partRank(file: string): number {
  const part = file.replace(/\.[^.]+$/, '');
  const index = (datasetParts as readonly string[]).indexOf(part);
  return index < 0 ? datasetParts.length : index;
}

/** Read one CSV file of a table (`<dir>/<table>/<name>`) into `rows` and `problems`; returns the header read. */
function readCsvFile<T extends TableName>(dir: string, table: T, name: string, rows: LocatedRow<T>[], problems: DatasetProblem[]): string[] {
  const fn = 'readDatasetTable';
  const columns = tableColumns(table);
  const expectedHeader = columns.map((c) => c.column);
  const schema = tables[table];
  const rel = `${table}/${name}`;
  let records: { fields: string[]; line: number }[];
  try {
    records = parseCsv(readFileSync(join(dir, table, name), 'utf8'));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      problems.push(datasetProblem('BAD_CSV', rel, error.line, datasetMessages.badCsv(fn, rel, error.line, error.reason)));
    } else {
      problems.push(datasetProblem('UNREADABLE', rel, null, datasetMessages.unreadable(fn, rel, String((error as Error).message))));
    }
    return [];
  }
  const header = records[0]?.fields ?? [];
  if (header.length !== expectedHeader.length || header.some((h, k) => h !== expectedHeader[k])) {
    problems.push(
      datasetProblem('BAD_HEADER', rel, 1, datasetMessages.badHeader(fn, rel, header, expectedHeader), {
        value: header.join(','),
        expected: expectedHeader.join(','),
      }),
    );
    return header;
  }
  for (let r = 1; r < records.length; r++) {
    const record = records[r] as { fields: string[]; line: number };
    if (record.fields.length !== columns.length) {
      problems.push(
        datasetProblem('BAD_FIELD_COUNT', rel, record.line, datasetMessages.badFieldCount(fn, rel, record.line, record.fields.length, columns.length), {
          value: record.fields.length,
          expected: String(columns.length),
        }),
      );
      continue;
    }
    const candidate: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c] as (typeof columns)[number];
      candidate[column.key] = convertCell(record.fields[c] as string, column.kind);
    }
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const key = first?.path[0];
      problems.push(
        datasetProblem('BAD_ROW', rel, record.line, datasetMessages.invalidRow(fn, rel, record.line, issuesText(parsed.error)), {
          column: typeof key === 'string' ? columnName(key) : null,
          value: typeof key === 'string' ? candidate[key] : candidate,
          expected: first?.message ?? null,
        }),
      );
      continue;
    }
    rows.push({ file: name, line: record.line, row: parsed.data as DatasetRow<T> });
  }
  return header;
}

function readCsvTable<T extends TableName>(dir: string, table: T): DatasetTableRead<T> {
  const rows: LocatedRow<T>[] = [];
  const problems: DatasetProblem[] = [];
  const files: string[] = [];
  for (const name of partFiles(dir, table, '.csv')) {
    files.push(`${table}/${name}`);
    readCsvFile(dir, table, name, rows, problems);
  }
  return { rows, problems, files };
}

function readGeometries(dir: string): DatasetTableRead<'geometries'> {
  const fn = 'readDatasetTable';
  const rows: LocatedRow<'geometries'>[] = [];
  const problems: DatasetProblem[] = [];
  const files: string[] = [];
  for (const name of partFiles(dir, 'geometries', '.geojson')) {
    const rel = `geometries/${name}`;
    files.push(rel);
    let fc: { type?: unknown; features?: unknown };
    try {
      fc = JSON.parse(readFileSync(join(dir, 'geometries', name), 'utf8')) as typeof fc;
    } catch (error) {
      problems.push(datasetProblem('BAD_GEOJSON', rel, null, datasetMessages.badGeoJson(fn, rel, (error as Error).message)));
      continue;
    }
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      problems.push(datasetProblem('BAD_GEOJSON', rel, null, datasetMessages.badGeoJson(fn, rel, 'not a FeatureCollection')));
      continue;
    }
    fc.features.forEach((feature: unknown, index: number) => {
      const f = feature as { properties?: Record<string, unknown> | null; geometry?: unknown };
      const candidate = { region: f?.properties?.region, geometry: f?.geometry, source: f?.properties?.source };
      const parsed = tables.geometries.safeParse(candidate);
      if (!parsed.success) {
        problems.push(
          datasetProblem('BAD_ROW', rel, index + 1, datasetMessages.invalidRow(fn, rel, index + 1, issuesText(parsed.error)), {
            value: candidate.region,
          }),
        );
      } else rows.push({ file: name, line: index + 1, row: parsed.data });
    });
  }
  return { rows, problems, files };
}

/**
 * Read every part of one dataset table, keeping the rows that are valid and a problem for each one that is not.
 * Geometries come from `geometries/<part>.geojson` (feature properties `{region, source}`).
 *
 * @param dir - the dataset directory (e.g. packages/data/dataset).
 * @throws {InvalidInputError} `INVALID_INPUT` for an unknown table name.
 */
export function readDatasetTableDetailed<T extends TableName>(dir: string, table: T): DatasetTableRead<T> {
  if (!isTable(table)) {
    throw new InvalidInputError(datasetMessages.unknownTable('readDatasetTable', table, Object.keys(tables)), {
      table,
    });
  }
  if (table === 'geometries') return readGeometries(dir) as unknown as DatasetTableRead<T>;
  return readCsvTable(dir, table);
}

/** Result of {@link readDatasetPart}: one file's rows and problems, and its header as read. */
export interface DatasetPartRead<T extends TableName> extends DatasetTableRead<T> {
  /** The file's first record as read (equal to the schema's columns when there is no BAD_HEADER problem). */
  readonly header: readonly string[];
}

/**
 * Read one part of one CSV table, `<dir>/<table>/<part>.csv` (e.g. the Japanese regions), with the same parsing,
 * conversion and checks as {@link readDatasetTableDetailed}. An unreadable or missing file is an `UNREADABLE`
 * problem.
 *
 * @param dir - the dataset directory (e.g. packages/data/dataset).
 * @param part - the file name without `.csv`, e.g. `jp`.
 * @throws {InvalidInputError} `INVALID_INPUT` for an unknown table or `geometries` (GeoJSON, not CSV).
 * @example
 * readDatasetPart('packages/data/dataset', 'regions', 'jp').rows.length; // 352
 */
export function readDatasetPart<T extends Exclude<TableName, 'geometries'>>(dir: string, table: T, part: string): DatasetPartRead<T> {
  if (!isTable(table) || (table as TableName) === 'geometries') {
    const csvTables = Object.keys(tables).filter((t) => t !== 'geometries');
    throw new InvalidInputError(datasetMessages.unknownTable('readDatasetPart', table, csvTables), { table });
  }
  const rows: LocatedRow<T>[] = [];
  const problems: DatasetProblem[] = [];
  const header = readCsvFile(dir, table, `${part}.csv`, rows, problems);
  return { rows, problems, files: [`${table}/${part}.csv`], header };
}

/**
 * Read one table of the embedded dataset (all its parts, `common` first, then `cn`, `jp`, `us`) as typed rows:
 * snake_case columns → camelCase keys, `|` → arrays, `true`/`false` → booleans, numbers parsed, empty → null, and
 * each row checked by its zod schema. A table with no files gives an empty array.
 *
 * @param dir - the dataset directory (e.g. packages/data/dataset).
 * @param table - a key of `tables` in src/model/schemas.ts.
 * @throws {InvalidInputError} `INVALID_INPUT` for an unknown table; `DATASET_INVALID` when any file or row cannot
 *   be read, with `details.problems` listing each (file, line, column, value, expected).
 * @example
 * const metros = readDatasetTable('packages/data/dataset', 'metros');
 * metros.find((m) => m.id === 'jjj')?.defaultUnitSet; // 'provinces'
 */
export function readDatasetTable<T extends TableName>(dir: string, table: T): DatasetRow<T>[] {
  const read = readDatasetTableDetailed(dir, table);
  if (read.problems.length > 0) {
    const first = read.problems[0] as DatasetProblem;
    throw new InvalidInputError(
      {
        en: `${first.message.en} (${read.problems.length} problem(s) in ${table})`,
        zh: `${first.message.zh}（${table} 共 ${read.problems.length} 个问题）`,
      },
      { table, problems: read.problems },
      'DATASET_INVALID',
    );
  }
  return read.rows.map((r) => r.row);
}
