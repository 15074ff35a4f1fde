/**
 * Helpers shared by the builders of the embedded dataset (cn.ts, jp.ts, us.ts, common.ts), so that no builder
 * imports another: raw CSV and GeoJSON reading (through the one CSV parser, `parseCsv` of
 * src/dataset/read-dataset.ts), raw numbers, byte-order sorting with a uniqueness check, the row keys of each
 * table, writing a part's tables and geometries, reading a written part back, and running a builder as a script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import { type DatasetProblem, type DatasetRow, parseCsv, readDatasetPart } from '../../src/dataset/read-dataset.ts';
import {
  type Crosswalk,
  type FirmRelocationRow,
  type Industry,
  type InputOutputCell,
  type InputOutputTableInfo,
  type Observation,
  type Region,
  type Source,
  type TableName,
  type TravelTime,
  tables,
} from '../../src/model/schemas.ts';
import { type FeatureCollection, type ObjectSchema, writeGeoJson, writeTableCsv } from './csv-writer.ts';
import { buildMessages } from './messages.ts';
import { parseBuildArgs } from './raw-dir.ts';

// ---------------------------------------------------------------------------------------------- raw files

/** One raw CSV record: header name → cell text (empty string for an empty cell). */
export type RawRecord = Readonly<Record<string, string>>;

/** A raw record with the 1-based line it starts on and the file it came from (for messages). */
export interface LocatedRecord {
  readonly line: number;
  readonly record: RawRecord;
  readonly file: string;
}

/**
 * Read a raw CSV file (UTF-8, RFC 4180, optional BOM, LF or CRLF) into records keyed by its header, each with the
 * line it starts on; blank lines are skipped and a short row's missing cells are empty strings. `file` names the
 * file in messages (default: the path).
 *
 * @throws {NotFoundError} when the file is missing; `CsvSyntaxError` (read-dataset.ts) on malformed CSV.
 */
export function readRawRecords(path: string, fn: string, file: string = path): LocatedRecord[] {
  if (!existsSync(path)) throw new NotFoundError(buildMessages.missingSourceFile(fn, path), { file: path });
  const [header, ...body] = parseCsv(readFileSync(path, 'utf8'));
  if (header === undefined) return [];
  const out: LocatedRecord[] = [];
  for (const { fields, line } of body) {
    if (fields.length === 1 && fields[0] === '') continue;
    const record: Record<string, string> = {};
    header.fields.forEach((name, k) => {
      record[name] = fields[k] ?? '';
    });
    out.push({ line, record, file });
  }
  return out;
}

/** {@link readRawRecords} without the locations: the records keyed by header. */
export function readRawCsv(path: string, fn: string): RawRecord[] {
  return readRawRecords(path, fn).map((r) => r.record);
}

/** Read a raw GeoJSON FeatureCollection; throws {@link NotFoundError} when the file is missing. */
export function readRawGeoJson(path: string, fn: string): FeatureCollection {
  if (!existsSync(path)) throw new NotFoundError(buildMessages.missingSourceFile(fn, path), { file: path });
  return JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
}

/** A raw cell as a finite number; throws naming file, line and column when it is not one. */
export function rawNumber(record: RawRecord, column: string, file: string, line: number, fn: string): number {
  const text = record[column] ?? '';
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new InvalidInputError(buildMessages.badSourceValue(fn, file, line, column, text, 'a finite number'), {
      file,
      line,
      column,
    });
  }
  return value;
}

// ---------------------------------------------------------------------------------------------- order and keys

/** Byte-order comparison (locale-independent, so a rebuild sorts identically everywhere). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compare two keys of strings lexicographically, field by field, in byte order. */
export function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareText(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return 0;
}

/** A comparator of rows by a key of strings (byte order), for `Array.prototype.sort`. */
export function compareBy<T>(key: (row: T) => readonly string[]): (a: T, b: T) => number {
  return (a, b) => compareKeys(key(a), key(b));
}

/** Sort rows by a key of strings (byte order, stable) and throw on a duplicate key; returns a new array. */
export function sortUnique<T>(rows: readonly T[], key: (row: T) => readonly string[], file: string, fn: string): T[] {
  const keyed = rows.map((row) => ({ row, k: key(row) }));
  keyed.sort((x, y) => compareKeys(x.k, y.k));
  for (let i = 1; i < keyed.length; i++) {
    const a = (keyed[i - 1] as { k: readonly string[] }).k;
    const b = (keyed[i] as { k: readonly string[] }).k;
    if (a.every((v, j) => v === b[j])) {
      throw new InvalidInputError(buildMessages.duplicateKey(fn, file, a.join(' | ')), { file, key: a });
    }
  }
  return keyed.map((x) => x.row);
}

/** The key of an observation: region, year, indicator, classification, industry, source. */
export function observationKey(o: Observation): string[] {
  return [o.region, String(o.year).padStart(4, '0'), o.indicator, o.classification ?? '', o.industry ?? '', o.source];
}

const ioRowKindOrder = { sector: '0', value_added: '1', import: '2', total: '3' } as const;
const ioColKindOrder = { sector: '0', final_demand: '1', total: '2' } as const;

/** The tables a country part writes as CSV, by file name (`<outDir>/<table>/<part>.csv`). */
export interface PartTables {
  sources: Source[];
  industries: Industry[];
  crosswalks: Crosswalk[];
  regions: Region[];
  observations: Observation[];
  io_tables: InputOutputTableInfo[];
  io_cells: InputOutputCell[];
  travel_times: TravelTime[];
  firm_relocations: FirmRelocationRow[];
}

/** The sort key of each table's rows (byte order); it is also the key that must be unique within a part. */
export type PartKeys = { [K in keyof PartTables]: (row: PartTables[K][number]) => readonly string[] };

/**
 * Default row keys of a part's tables. IO cells go by table, then row kind in accounting order (sectors, value
 * added, imports, totals), row code, column kind (sectors, final demand, totals), column code.
 */
export const partKeys: PartKeys = {
  sources: (r) => [r.id],
  industries: (r) => [r.classification, r.code],
  crosswalks: (r) => [r.fromClassification, r.fromCode, r.toClassification, r.toCode],
  regions: (r) => [r.id],
  observations: observationKey,
  io_tables: (r) => [r.id],
  io_cells: (c) => [c.table, ioRowKindOrder[c.rowKind], c.row, ioColKindOrder[c.colKind], c.col],
  travel_times: (t) => [t.origin, t.destination, t.mode, t.source],
  firm_relocations: (m) => [m.firmId, String(m.yearFrom).padStart(4, '0')],
};

// ---------------------------------------------------------------------------------------------- writing a part

/** An observation with the defaults of a plain published figure (not withheld, no break, not estimated). */
export function observation(
  fields: Omit<Observation, 'vintageDate' | 'withheld' | 'breakInSeries' | 'estimated' | 'note'> &
    Partial<Pick<Observation, 'vintageDate' | 'withheld' | 'breakInSeries' | 'estimated' | 'note'>>,
): Observation {
  return {
    vintageDate: null,
    withheld: false,
    breakInSeries: false,
    estimated: false,
    note: null,
    ...fields,
  };
}

/**
 * Sort each given table by its key (throwing on a duplicate), validate and write it to `<outDir>/<table>/<part>.csv`;
 * tables not given are not written. Returns the row count per table written.
 *
 * @param keys - overrides of {@link partKeys} for this part.
 */
export function writePartTables(outDir: string, part: string, rows: Partial<PartTables>, fn: string, keys: Partial<PartKeys> = {}): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of Object.keys(partKeys) as (keyof PartTables)[]) {
    const given = rows[table];
    if (given === undefined) continue;
    const file = join(outDir, table, `${part}.csv`);
    type Row = Record<string, unknown>;
    const key = (keys[table] ?? partKeys[table]) as (row: Row) => readonly string[];
    const sorted = sortUnique(given as readonly Row[], key, file, fn);
    writeTableCsv(file, tables[table] as unknown as ObjectSchema, sorted);
    counts[table] = sorted.length;
  }
  return counts;
}

/**
 * Sort a part's features by region (throwing on a duplicate region) and write `<outDir>/geometries/<part>.geojson`
 * with coordinates rounded to 5 decimals (about 1 m). Returns the number of features.
 */
export function writePartGeometries(outDir: string, part: string, features: readonly FeatureCollection['features'][number][], fn: string): number {
  const file = join(outDir, 'geometries', `${part}.geojson`);
  const sorted = sortUnique(features, (f) => [String(f.properties?.region)], file, fn);
  writeGeoJson(file, { type: 'FeatureCollection', features: sorted }, { decimals: 5 });
  return sorted.length;
}

// ---------------------------------------------------------------------------------------------- reading a part back

/** The tables stored as CSV (all but `geometries`, which is GeoJSON). */
export type CsvTableName = Exclude<TableName, 'geometries'>;

/**
 * Read one written part's table back (`<outDir>/<table>/<part>.csv`) as rows typed and validated by the table's
 * schema, through `readDatasetPart` (src/dataset/read-dataset.ts). Returns the header as read too.
 *
 * @throws {InvalidInputError} naming the file and line of the first problem (missing file, bad header, a row its
 *   schema rejects), with every problem in `details.problems`.
 */
export function readPartCsv<T extends CsvTableName>(outDir: string, table: T, part: string): { header: string[]; rows: DatasetRow<T>[] } {
  const read = readDatasetPart(outDir, table, part);
  const first: DatasetProblem | undefined = read.problems[0];
  if (first !== undefined) {
    throw new InvalidInputError(first.message, { file: first.file, line: first.row, problems: read.problems });
  }
  return { header: [...read.header], rows: read.rows.map((r) => r.row) };
}

// ---------------------------------------------------------------------------------------------- running

/** Is the module of `metaUrl` the script node was started with (`npx tsx jp.ts`)? */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(resolve(entry)).href === metaUrl;
}

/**
 * Run one builder as a script: `[--from <rawDir>] [--out <outDir>]` from the command line (defaults: packages/data/raw
 * or env METROCOOP_SHARED_DATA, and packages/data/dataset; see `parseBuildArgs` of raw-dir.ts); prints its warnings
 * and a count per table.
 */
export async function runBuilderScript(
  build: (rawDir: string, outDir: string) => Promise<{ counts: Record<string, number>; warnings?: string[]; summary?: readonly string[] }>,
): Promise<void> {
  const { rawDir, outDir } = parseBuildArgs(process.argv.slice(2));
  const result = await build(rawDir, outDir);
  for (const warning of result.warnings ?? []) console.warn(warning);
  for (const line of result.summary ?? []) console.log(line);
  for (const [table, n] of Object.entries(result.counts)) console.log(`${table.padEnd(20)} ${n}`);
}

/** The region row of a country (the root of its regions): names only, no point, area or source. */
export function countryRegion(id: 'CN' | 'JP' | 'US', nameZh: string, nameEn: string, nameLocal: string | null): Region {
  return { id, nameZh, nameEn, nameLocal, level: 'country', parent: null, lon: null, lat: null, areaKm2: null, source: null };
}
