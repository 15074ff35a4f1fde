/**
 * Importing a user's file into the store: detect the format and encoding, stage the rows in DuckDB (each format's
 * importer), run every validation rule (validation/rules.ts), and — only when the report has no errors — replace
 * the dataset's observations in ONE transaction. A failure or an interruption at any point (a throw, a kill) leaves
 * the store exactly as it was: nothing is written outside that transaction.
 *
 * ```ts
 * const store = await Store.open('metrocoop.duckdb');
 * await store.ensureSchema();
 * const { report, imported } = await importFile(store, 'hebei-2019.xlsx', { regionPrefix: 'CN', indicator: 'employment_urban_units', source: 'hebei-yb-2020' });
 * // throws DataValidationError (with .report) when the file has errors
 * ```
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import { idPattern } from '../model/schemas.ts';
import { defaultDatasetName, quoteIdentifier, quoteLiteral, storeColumns } from '../store/ddl.ts';
import type { Store } from '../store/store.ts';
import { DataValidationError, defaultMaxIssuesPerCode, ReportBuilder, type ValidationReport } from '../validation/report.ts';
import { runRules, stageFromRaw } from '../validation/rules.ts';
import { stageCanonicalCsv } from './canonical-csv.ts';
import { stageCbpCounty } from './cbp-county.ts';
import { detectFormat } from './detect.ts';
import { builtInIndustryNames } from './industry-names.ts';
import { stageJson } from './json.ts';
import { withImportMemory } from './memory.ts';
import { importMessages } from './messages.ts';
import { stageParquet } from './parquet.ts';
import { stageQcewCsv } from './qcew-csv.ts';
import { type ImportFormat, type IndustryName, importFormats, type StageContext, type Staged } from './stage.ts';
import { stageWideCsv } from './wide-csv.ts';
import { stageXlsxYearbook } from './xlsx-yearbook.ts';

/** Phases reported to {@link ImportOptions.onProgress}. */
export type ImportPhase = 'read' | 'validate' | 'insert' | 'inserted' | 'done';

/** Options of {@link importFile} and {@link validateFile}. Every one is optional. */
export interface ImportOptions {
  /** The format; default detected from the extension and header (see detect.ts). */
  readonly format?: ImportFormat;
  /** Dataset name the rows are tagged with; default the file's base name without extension. Not `default`. */
  readonly dataset?: string;
  /** Country prefix for bare region codes (`130100` → `CN-130100`) and for finding regions by name. */
  readonly regionPrefix?: 'CN' | 'JP' | 'US';
  /** The classification of industry rows/columns; default detected (headers) or as in the rows. */
  readonly classification?: string;
  /** Year for rows without one (wide tables, CBP files); default detected (XLSX title, CBP file name). */
  readonly year?: number;
  /** Unit as published for rows without one (`万人`, `亿元`, `thousand USD`…); default detected (XLSX unit row). */
  readonly unit?: string;
  /** Indicator for rows without one (`gdp`, `employment_urban_units`…); default detected where the format says. */
  readonly indicator?: string;
  /** Source id for rows without one. */
  readonly source?: string;
  /** XLSX: worksheet name or 1-based number; default the first sheet. */
  readonly sheet?: string | number;
  /**
   * Replace the dataset when it already exists (CLI `--replace`); default false: importing into an existing
   * dataset is refused (`DATASET_EXISTS`) and nothing is written.
   */
  readonly replace?: boolean;
  /**
   * Years before this are warned (IMPLAUSIBLE_YEAR) for every region (CLI `--earliest-year`); default: years
   * before 1949 are warned for Chinese regions. Years after the current one are always warned.
   */
  readonly earliestYear?: number;
  /**
   * Leave out the rows of regions the store does not know and import the rest (CLI `--skip-unknown-regions`); the
   * report lists each skipped region once (SKIPPED_REGION, a warning) with its rows. Default false: such rows are
   * errors (UNKNOWN_REGION, one per region) and nothing is imported.
   */
  readonly skipUnknownRegions?: boolean;
  /** Relative tolerance of section sums against a stated total; default 0.005 (0.5%). Range [0, 1]. */
  readonly sumTolerance?: number;
  /**
   * DuckDB memory limit while the file is imported (`1GB`, `512MB`…; default `1GB`): beyond it, staging spills to
   * a temp folder instead of growing. The store's previous limit is restored afterwards.
   */
  readonly memoryLimit?: string;
  /** Issues listed per code (all are counted); default 100. */
  readonly maxIssuesPerCode?: number;
  /** Called at each phase (the CLI prints progress on stderr). A throw aborts the import (rolled back). */
  readonly onProgress?: (phase: ImportPhase, info: { readonly rows?: number }) => void;
}

/** Defaults of {@link ImportOptions}. */
export const defaultImportOptions = { sumTolerance: 0.005, maxIssuesPerCode: defaultMaxIssuesPerCode, memoryLimit: '1GB' } as const;

/** The outcome of a successful {@link importFile}. */
export interface ImportResult {
  readonly report: ValidationReport;
  /** The dataset the rows were tagged with (its previous rows were replaced). */
  readonly dataset: string;
  /** Observations written. */
  readonly imported: number;
}

/** Check a file without writing anything; resolves to its report (errors included, nothing thrown for them). */
export async function validateFile(store: Store, file: string, options: ImportOptions = {}): Promise<ValidationReport> {
  checkOptions('validateFile', options);
  let report: ValidationReport | undefined;
  const rollback = new Error('validate-only');
  try {
    await store.transaction((con) =>
      withImportMemory(con, options.memoryLimit ?? defaultImportOptions.memoryLimit, async () => {
        report = await analyse(store, con, file, options);
        throw rollback;
      }),
    );
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return report as ValidationReport;
}

/**
 * Validate and import a file as one transaction. Throws {@link DataValidationError} (carrying the report) when
 * the file has errors; the store is then unchanged. Warnings do not stop the import.
 */
export async function importFile(store: Store, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  checkOptions('importFile', options);
  const dataset = options.dataset ?? datasetNameOf(file);
  if (!idPattern.test(dataset) || dataset === defaultDatasetName) {
    throw new InvalidInputError(
      importMessages.invalidOption('importFile', 'dataset', dataset, `a name of letters, digits and - _ . : / other than "${defaultDatasetName}"`),
      { dataset },
      'INVALID_OPTION',
    );
  }
  return store.transaction((con) =>
    withImportMemory(con, options.memoryLimit ?? defaultImportOptions.memoryLimit, async () => {
      if (options.replace !== true) {
        const existing = await datasetSummary(con, dataset);
        if (existing !== null) throw new InvalidInputError(importMessages.datasetExists(file, dataset, existing), { dataset }, 'DATASET_EXISTS');
      }
      const report = await analyse(store, con, file, options, false);
      if (report.errorCount > 0) {
        // A failed statement (a CSV the reader refused) aborts the transaction: the rollback drops the temp tables.
        await dropTemps(con).catch(() => undefined);
        throw new DataValidationError(report);
      }
      options.onProgress?.('insert', { rows: report.observations });
      const d = quoteLiteral(dataset);
      const cols = storeColumns('observations').map((c) => c.name);
      const expr: Record<string, string> = {
        region: 'region',
        year: 'year',
        indicator: 'indicator',
        classification: 'classification',
        industry: 'industry',
        value: 'CASE WHEN withheld THEN NULL ELSE number * factor END',
        unit: 'unit',
        value_original: 'CASE WHEN withheld THEN NULL ELSE number END',
        unit_original: 'unit_original',
        source: 'source',
        vintage: "coalesce(vintage_raw, 'single')",
        vintage_date: 'vintage_date',
        withheld: 'withheld',
        break_in_series: "coalesce(break_raw = 'true', false)",
        estimated: "coalesce(estimated_raw = 'true', false)",
        note: 'note',
        dataset: d,
      };
      await con.run(`DELETE FROM observations WHERE dataset = ${d}`);
      await con.run(`DELETE FROM sources WHERE dataset = ${d}`);
      await con.run(`INSERT INTO observations (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${cols.map((c) => expr[c] ?? 'NULL').join(', ')} FROM mc_obs`);
      const sourceCols = storeColumns('sources').map((c) => c.name);
      const sourceExpr: Record<string, string> = {
        id: 'source',
        citation: `${quoteLiteral(`Imported from ${basename(file)}`)}`,
        publisher: `'unknown (user import)'`,
        notes: `${quoteLiteral('Created by metrocoop data import: the file named this source id and the store had no row for it.')}`,
        dataset: d,
      };
      await con.run(
        `INSERT INTO sources (${sourceCols.map((c) => `"${c}"`).join(', ')}) SELECT ${sourceCols.map((c) => sourceExpr[c] ?? 'NULL').join(', ')}
       FROM (SELECT DISTINCT source FROM mc_obs WHERE source NOT IN (SELECT id FROM sources))`,
      );
      await con.run(`DELETE FROM datasets WHERE name = ${d}`);
      await con.run(
        `INSERT INTO datasets (name, kind, content_hash, loaded_at, note) VALUES (${d}, 'import', NULL, now()::TIMESTAMP, ${quoteLiteral(`${basename(file)} (${report.format})`)})`,
      );
      options.onProgress?.('inserted', { rows: report.observations });
      await dropTemps(con);
      options.onProgress?.('done', { rows: report.observations });
      return { report, dataset, imported: report.observations };
    }),
  );
}

/** Rows and load time of a dataset, or null when the store has no such dataset. */
async function datasetSummary(con: Store['connection'], dataset: string): Promise<{ rows: number; loadedAt: string | null } | null> {
  const reader = await con.runAndReadAll(
    `SELECT (SELECT count(*) FROM observations WHERE dataset = $1)::BIGINT AS n, (SELECT max(loaded_at)::VARCHAR FROM datasets WHERE name = $1) AS at,
       (SELECT count(*) FROM datasets WHERE name = $1)::BIGINT AS d`,
    [dataset],
  );
  const row = reader.getRowObjectsJS()[0] as { n: bigint; at: string | null; d: bigint } | undefined;
  if (row === undefined || (Number(row.n) === 0 && Number(row.d) === 0)) return null;
  return { rows: Number(row.n), loadedAt: row.at };
}

/** The default dataset name of a file: its base name without extension. */
export function datasetNameOf(file: string): string {
  const base = basename(file, extname(file))
    .replace(/[^A-Za-z0-9_.:/-]+/g, '_')
    .replace(/^[^A-Za-z0-9]+/, '');
  return base === '' ? 'import' : base;
}

function checkOptions(fn: string, options: ImportOptions): void {
  const bad = (option: string, value: unknown, expected: string) =>
    new InvalidInputError(importMessages.invalidOption(fn, option, value, expected), { option, value }, 'INVALID_OPTION');
  if (options.format !== undefined && !importFormats.includes(options.format))
    throw new InvalidInputError(importMessages.unknownFormat(fn, options.format), { format: options.format }, 'INVALID_OPTION');
  if (options.regionPrefix !== undefined && !['CN', 'JP', 'US'].includes(options.regionPrefix)) throw bad('regionPrefix', options.regionPrefix, 'CN, JP or US');
  if (options.year !== undefined && !(Number.isInteger(options.year) && options.year >= 1900 && options.year <= 2100))
    throw bad('year', options.year, 'an integer between 1900 and 2100');
  if (options.earliestYear !== undefined && !(Number.isInteger(options.earliestYear) && options.earliestYear >= 1900 && options.earliestYear <= 2100))
    throw bad('earliestYear', options.earliestYear, 'an integer between 1900 and 2100');
  if (options.sumTolerance !== undefined && !(options.sumTolerance >= 0 && options.sumTolerance <= 1))
    throw bad('sumTolerance', options.sumTolerance, 'a number in [0, 1]');
  if (options.memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(options.memoryLimit))
    throw bad('memoryLimit', options.memoryLimit, 'a size such as 512MB or 2GB');
  if (options.maxIssuesPerCode !== undefined && !(Number.isInteger(options.maxIssuesPerCode) && options.maxIssuesPerCode >= 1))
    throw bad('maxIssuesPerCode', options.maxIssuesPerCode, 'a positive integer');
  for (const key of ['indicator', 'source', 'classification'] as const) {
    const v = options[key];
    if (v !== undefined && !idPattern.test(v)) throw bad(key, v, 'an id of letters, digits and - _ . : / without spaces');
  }
}

async function industryNames(store: Store): Promise<IndustryName[]> {
  const rows = await store.rows('SELECT DISTINCT classification, code, name_zh, name_en, name_local FROM industries');
  const byKey = new Map<string, { classification: string; code: string; names: string[] }>();
  const add = (classification: string, code: string, name: string | null) => {
    const key = `${classification}\u0000${code}`;
    let entry = byKey.get(key);
    if (entry === undefined) byKey.set(key, (entry = { classification, code, names: [] }));
    if (name !== null && name !== '') entry.names.push(name);
  };
  for (const r of rows) {
    const c = String(r.classification);
    const code = String(r.code);
    for (const n of [r.name_zh, r.name_en, r.name_local]) add(c, code, n === null || n === undefined ? null : String(n));
  }
  for (const [c, code, name] of builtInIndustryNames) add(c, code, name);
  return [...byKey.values()];
}

/** Drop every temp table and view of an import (`mc_*`), views first. */
async function dropTemps(con: Store['connection']): Promise<void> {
  const reader = await con.runAndReadAll(
    `SELECT table_name AS name, table_type AS type FROM information_schema.tables
     WHERE table_catalog = 'temp' AND table_name LIKE 'mc\\_%' ESCAPE '\\' ORDER BY table_type DESC, table_name`,
  );
  for (const row of reader.getRowObjectsJS() as { name: string; type: string }[]) {
    await con.run(`DROP ${row.type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS temp.main.${quoteIdentifier(row.name)}`);
  }
}

/** Stage + validate inside the caller's transaction; leaves `mc_obs` for the insert when `cleanup` is false. */
async function analyse(store: Store, con: Store['connection'], file: string, options: ImportOptions, cleanup = true): Promise<ValidationReport> {
  const report = new ReportBuilder(file, options.maxIssuesPerCode ?? defaultImportOptions.maxIssuesPerCode);
  const tables = await store.rows(`SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'observations'`);
  if (Number(tables[0]?.n ?? 0) === 0) throw new InvalidInputError(importMessages.noSchema('importFile'), undefined, 'STORE_NO_SCHEMA');
  let format: ImportFormat = options.format ?? 'canonical-csv';
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    report.add('FILE_NOT_READABLE', null, null, file, 'a readable file');
    return report.build({ format: options.format ?? 'unknown', encoding: null, rows: 0, observations: 0, skippedRows: 0 });
  }
  format = options.format ?? detectFormat(file);
  const tempDir = mkdtempSync(join(tmpdir(), 'metrocoop-import-'));
  try {
    await dropTemps(con);
    const ctx: StageContext = {
      con,
      file,
      tempDir,
      report,
      stated: {
        year: options.year ?? null,
        indicator: options.indicator ?? null,
        unit: options.unit ?? null,
        source: options.source ?? null,
        classification: options.classification ?? null,
        regionPrefix: options.regionPrefix ?? null,
        sheet: options.sheet ?? null,
      },
      // Only the wide layouts map column headers to industries by name.
      industries: format === 'wide-csv' || format === 'xlsx-yearbook' ? await industryNames(store) : [],
    };
    options.onProgress?.('read', {});
    let staged: Staged | null;
    switch (format) {
      case 'canonical-csv':
        staged = await stageCanonicalCsv(ctx, file);
        break;
      case 'wide-csv':
        staged = await stageWideCsv(ctx, file);
        break;
      case 'xlsx-yearbook':
        staged = await stageXlsxYearbook(ctx, file);
        break;
      case 'parquet':
        staged = await stageParquet(ctx, file);
        break;
      case 'json':
        staged = await stageJson(ctx, file);
        break;
      case 'cbp-county':
        staged = await stageCbpCounty(ctx, file, file);
        break;
      case 'qcew-csv':
        staged = await stageQcewCsv(ctx, file);
        break;
    }
    if (staged === null) return report.build({ format, encoding: null, rows: 0, observations: 0, skippedRows: 0 });
    if (staged.stagedAt === undefined) await stageFromRaw(con, 'mc_raw', { row: '_row', col: '_col' });
    options.onProgress?.('validate', {});
    const d = staged.detected ?? {};
    const result = await runRules(
      con,
      report,
      {
        year: options.year ?? d.year ?? null,
        indicator: options.indicator ?? d.indicator ?? null,
        unit: options.unit ?? d.unit ?? null,
        source: options.source ?? d.source ?? null,
        classification: options.classification ?? d.classification ?? null,
        regionPrefix: options.regionPrefix ?? d.regionPrefix ?? null,
        sumTolerance: options.sumTolerance ?? defaultImportOptions.sumTolerance,
        columns: staged.columns,
        markers: staged.markers ?? [],
        skipUnknownRegions: options.skipUnknownRegions === true,
        earliestYear: options.earliestYear ?? null,
      },
      staged.stagedAt === undefined ? { row: '_row', col: '_col', offset: 0 } : { row: null, col: null, offset: staged.stagedAt.offset },
    );
    // A file without a single observation (a header only, or only empty cells) is an error: an import never
    // replaces a dataset with nothing.
    if (result.observations === 0) report.add('NO_ROWS', null, null, null, 'at least one row with a value (or a withheld marker)');
    return report.build({
      format,
      encoding: staged.encoding,
      rows: result.rows,
      observations: result.observations,
      skippedRows: staged.skippedRows + result.gaps,
    });
  } finally {
    if (cleanup) await dropTemps(con).catch(() => undefined);
    // mc_raw views may read files in tempDir; mc_stage is a table, so the folder can go once it is filled.
    rmSync(tempDir, { recursive: true, force: true });
  }
}
