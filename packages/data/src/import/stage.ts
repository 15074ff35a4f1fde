/**
 * What every format's importer shares: the staging contract (a temp relation `mc_raw` with `_row`, `_col` and
 * the raw text fields of {@link rawFields}), the context it gets, and the mapping of a long table (canonical CSV,
 * JSON, Parquet) onto `mc_raw`.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../store/ddl.ts';
import type { ReportBuilder } from '../validation/report.ts';
import { stageSelectSql } from '../validation/rules.ts';
import { csvProblem } from './csv-structure.ts';
import { decodeToUtf8File, detectEncoding, type TextEncoding } from './encoding.ts';
import type { RawField } from './raw-csv.ts';

export { type ImportFormat, importFormats } from '../formats.ts';

/** An industry name known to the store or built in, for mapping column headers to codes. */
export interface IndustryName {
  readonly classification: string;
  readonly code: string;
  readonly names: readonly string[];
}

/** What a format importer gets. */
export interface StageContext {
  readonly con: DuckDBConnection;
  /** The file as the user named it (used in issues). */
  readonly file: string;
  /** A private temp folder (deleted afterwards). */
  readonly tempDir: string;
  readonly report: ReportBuilder;
  /** Options the user stated (null = not stated). */
  readonly stated: {
    readonly year: number | null;
    readonly indicator: string | null;
    readonly unit: string | null;
    readonly source: string | null;
    readonly classification: string | null;
    readonly regionPrefix: string | null;
    readonly sheet: string | number | null;
  };
  /** Industries of the store and the built-in names. */
  readonly industries: readonly IndustryName[];
}

/** What a format importer found (null from the importer = a fatal issue was reported; nothing to validate). */
export interface Staged {
  /** Source column label of each field for issues. */
  readonly columns: Partial<Record<RawField, string>>;
  /** Records the format skipped on purpose (finer industry levels, statewide rows, footnotes are not records). */
  readonly skippedRows: number;
  /** The text encoding read, or null for binary formats. */
  readonly encoding: string | null;
  /** Defaults the importer detected (the user's options win). */
  readonly detected?: Partial<{ year: number; indicator: string; unit: string; source: string; classification: string; regionPrefix: string }>;
  /** Extra withheld markers of the format. */
  readonly markers?: readonly string[];
  /**
   * Set when the importer created `mc_stage` itself (see validation/rules.ts `stageSelectSql`) instead of the
   * relation `mc_raw`: `offset` is the row a user sees for the first record (rows are file positions).
   */
  readonly stagedAt?: { readonly offset: number };
}

/** Aliases of long-table columns (lower case) → field. */
const longAliases: Readonly<Record<string, RawField>> = {
  region: 'region',
  region_id: 'region',
  region_code: 'region',
  year: 'year',
  indicator: 'indicator',
  classification: 'classification',
  industry: 'industry',
  industry_code: 'industry',
  value: 'value',
  unit: 'unit',
  source: 'source',
  source_id: 'source',
  vintage: 'vintage',
  vintage_date: 'vintage_date',
  vintagedate: 'vintage_date',
  withheld: 'withheld',
  break_in_series: 'break_in_series',
  breakinseries: 'break_in_series',
  estimated: 'estimated',
  note: 'note',
};

/** Fields a long table needs unless an option supplies them. */
const requiredLong: readonly RawField[] = ['region', 'year', 'indicator', 'value', 'unit', 'source'];

/**
 * Map a long relation (`relation`, a table, view or table function with columns `names` and types `types`) onto
 * the staging table `mc_stage` in ONE pass, rows numbered by file position. Reports MISSING_COLUMN (and returns
 * null) when a needed column is absent and no option supplies it.
 */
export async function stageLong(
  ctx: StageContext,
  relation: string,
  names: readonly string[],
  types: readonly string[],
): Promise<Partial<Record<RawField, string>> | null> {
  const byField = new Map<RawField, { name: string; type: string }>();
  names.forEach((name, k) => {
    const field = longAliases[name.trim().toLowerCase()];
    if (field !== undefined && !byField.has(field)) byField.set(field, { name, type: types[k] ?? 'VARCHAR' });
  });
  const stated: Partial<Record<RawField, unknown>> = {
    year: ctx.stated.year,
    indicator: ctx.stated.indicator,
    unit: ctx.stated.unit,
    source: ctx.stated.source,
  };
  let ok = true;
  for (const field of requiredLong) {
    if (!byField.has(field) && (stated[field] ?? null) === null) {
      const option = field === 'region' || field === 'value' ? '' : ` (or the --${field} option)`;
      ctx.report.add('MISSING_COLUMN', null, field, null, `a column named ${field}${option}; columns found: ${names.join(', ')}`);
      ok = false;
    }
  }
  if (!ok) return null;
  const fields: Partial<Record<RawField, string>> = {};
  for (const [field, c] of byField) {
    const id = quoteIdentifier(c.name);
    // JSON columns (mixed types in read_json) hold JSON text: unwrap strings. Text columns need no cast.
    fields[field] = c.type === 'JSON' ? `(${id} ->> '$')` : c.type === 'VARCHAR' ? id : `CAST(${id} AS VARCHAR)`;
  }
  await ctx.con.run(`CREATE OR REPLACE TEMP TABLE mc_stage AS ${stageSelectSql(relation, fields, { row: null, col: null })}`);
  const columns: Partial<Record<RawField, string>> = {};
  for (const [field, c] of byField) columns[field] = c.name;
  return columns;
}

/** Column names and types of a relation. */
export async function describe(con: DuckDBConnection, relation: string): Promise<{ names: string[]; types: string[] }> {
  const reader = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  const rows = reader.getRowObjectsJS() as { column_name: string; column_type: string }[];
  return { names: rows.map((r) => String(r.column_name)), types: rows.map((r) => String(r.column_type)) };
}

/** First line of a DuckDB error message (for PARSE_ERROR values). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? text).slice(0, 300);
}

/** `read_csv` of a UTF-8 file with every column as text. */
export function readCsvSql(path: string, delimiter: string | null = ','): string {
  const delim = delimiter === null ? '' : `, delim = ${quoteLiteral(delimiter)}`;
  return `read_csv(${quoteLiteral(path)}, header = true, all_varchar = true, quote = '"', escape = '"'${delim})`;
}

const encodingExpected = 'a UTF-8, GBK/GB18030 or UTF-16 (with byte-order mark) text file without NUL characters';

/**
 * The delimiter of a file read as comma-separated: a header line with no comma but tabs (Excel's "Unicode text")
 * or semicolons is read with that delimiter instead.
 */
function sniffDelimiter(path: string, delimiter: string | null): string | null {
  if (delimiter !== ',') return delimiter;
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(64 * 1024);
  let n: number;
  try {
    n = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const line = new TextDecoder('utf-8').decode(buffer.subarray(0, n)).split(/\r\n|\n|\r/)[0] ?? '';
  if (line.includes(',')) return ',';
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

/** Bytes of a text CSV scanned for its structure before DuckDB reads it, and at most after DuckDB failed. */
const headBytes = 4 << 20;
const wholeBytes = 64 << 20;

/**
 * Report the first structural problem (csv-structure.ts) within the first `limit` bytes of a UTF-8 CSV as a
 * PARSE_ERROR with row and column; true when one was reported. `delimiter` null: the header's most frequent one.
 */
function reportStructure(ctx: StageContext, path: string, delimiter: string | null, limit: number): boolean {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const buffer = new Uint8Array(Math.min(size, limit));
  let n: number;
  try {
    n = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  const text = new TextDecoder('utf-8').decode(buffer.subarray(0, n));
  const first = text.split(/\r\n|\n|\r/)[0] ?? '';
  const delim = delimiter ?? [',', ';', '\t', '|'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
  const problem = csvProblem(text, delim, n >= size);
  if (problem === null) return false;
  ctx.report.add('PARSE_ERROR', problem.row, problem.column, problem.value, problem.expected);
  return true;
}

export const lit = (value: string | null): string => (value === null ? 'NULL' : quoteLiteral(value));

/**
 * Load a text CSV into the temp table `table` (all columns text), decoding GBK/GB18030 first when the file is not
 * UTF-8. Reports UNKNOWN_ENCODING / PARSE_ERROR and returns null on failure; else the encoding read.
 */
export async function loadTextCsv(ctx: StageContext, path: string, table: string, delimiter: string | null): Promise<TextEncoding | null> {
  const loaded = await withTextCsv(ctx, path, delimiter, async (read) => {
    await ctx.con.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${read}`);
    return true;
  });
  return loaded === null ? null : loaded.encoding;
}

/**
 * Run `use` on the `read_csv(…)` SQL of a text CSV (every column as text), decoding GBK/GB18030 first when the
 * file is not UTF-8 and retrying once when invalid UTF-8 shows up after the sampled head. A DuckDB error thrown by
 * `use` (the CSV reader's) is reported as PARSE_ERROR. Returns null after reporting, else the encoding and result.
 */
export async function withTextCsv<T>(
  ctx: StageContext,
  path: string,
  delimiter: string | null,
  use: (read: string) => Promise<T>,
): Promise<{ encoding: TextEncoding; result: T } | null> {
  let encoding = await detectEncoding(path, 1 << 20);
  if (encoding === null) {
    ctx.report.add('UNKNOWN_ENCODING', null, null, null, encodingExpected);
    return null;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    let readPath = path;
    if (encoding !== 'utf-8') {
      readPath = join(ctx.tempDir, `${basename(path)}.utf8.csv`);
      try {
        await decodeToUtf8File(path, encoding, readPath);
      } catch {
        ctx.report.add('UNKNOWN_ENCODING', null, null, null, encodingExpected);
        return null;
      }
    }
    const delim = sniffDelimiter(readPath, delimiter);
    // The structure of the head first (DuckDB's sniffer reads about that much): a broken record there is reported
    // with its row and column instead of DuckDB's "Error when sniffing file" or made-up column names.
    if (reportStructure(ctx, readPath, delim, headBytes)) return null;
    try {
      return { encoding, result: await use(readCsvSql(readPath, delim)) };
    } catch (error) {
      // DuckDB names the file it read: the decoded copy of a GBK/UTF-16 file is named as the user's file.
      const message = firstLine(error).replaceAll(readPath, path);
      // Invalid UTF-8 after the sampled head: detect on the whole file and retry once.
      if (attempt === 0 && encoding === 'utf-8' && /unicode|utf-?8|encoding/i.test(message)) {
        encoding = await detectEncoding(path);
        if (encoding === null) {
          ctx.report.add('UNKNOWN_ENCODING', null, null, null, encodingExpected);
          return null;
        }
        if (encoding === 'gb18030') continue;
      }
      if (reportStructure(ctx, readPath, delim, wholeBytes)) return null;
      ctx.report.add('PARSE_ERROR', null, null, message, 'a CSV file (RFC 4180: comma-separated, double-quoted fields, one header row)');
      return null;
    }
  }
  return null;
}

/**
 * The user-visible row of a staged record: its position in the temp table plus `offset` (2 for CSV with a header,
 * 1 for record numbers). Rowids of a table created inside a transaction start at a large base, so the position is
 * taken relative to the smallest rowid (tables are filled in file order: DuckDB preserves insertion order); the
 * base is read once and inlined, not joined to every row as a subquery.
 */
export async function rowNumberSql(con: DuckDBConnection, table: string, offset: number): Promise<string> {
  const reader = await con.runAndReadAll(`SELECT coalesce(min(rowid), 0)::BIGINT AS b FROM ${table}`);
  const base = (reader.getRowObjectsJS()[0] as { b: bigint } | undefined)?.b ?? 0n;
  return `(rowid - ${String(base)}::BIGINT + ${offset})`;
}
