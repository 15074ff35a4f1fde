/**
 * Loading a dataset folder (the embedded dataset packages/data/dataset, or one in its layout) into the store.
 *
 * Layout: `<dir>/<table>/*.csv` (one folder per model table; header = the model's snake_case columns in schema
 * order, checked before loading) and `<dir>/geometries/*.geojson` (FeatureCollections with properties
 * `{region, source}`). Every CSV part of a table is read at once by DuckDB's CSV reader with explicit column
 * types; `|`-joined lists are split in SQL; empty cells are null.
 *
 * The whole load is ONE transaction: the dataset's old rows are deleted from every table and the new ones
 * inserted, the content hash is written to `meta` (`dataset_hash`) and to the `datasets` registry. A failure at any
 * point rolls everything back, so a stale store is either replaced completely or left as it was. A store whose
 * hash matches the files is not reloaded; a cheap signature of the files (path, size, mtime) avoids re-reading
 * them when nothing changed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { MetroError } from '@metrocoop/core';
import type { TableName } from '../model/schemas.ts';
import { type ColumnSpec, defaultDatasetName, modelColumns, quoteIdentifier, quoteLiteral, tableNames } from './ddl.ts';
import { storeMessages } from './messages.ts';
import type { Store } from './store.ts';

/** Bump when the way files are turned into rows changes, so existing stores reload. */
export const loaderVersion = 1;

/**
 * The embedded dataset folder (packages/data/dataset), found through the package's own manifest so that the same
 * code finds it from the TypeScript sources and from a compiled bundle anywhere in the workspace.
 */
export const embeddedDatasetDir: string = join(dirname(createRequire(import.meta.url).resolve('@metrocoop/data/package.json')), 'dataset');

/** A progress event of a dataset load. */
export interface LoadProgress {
  /** `start` (before the transaction), `table` (one table loaded), `done` (committed). */
  readonly phase: 'start' | 'table' | 'done';
  /** The table just loaded (phase `table`). */
  readonly table?: string;
  /** Rows inserted into that table (phase `table`), or in all (phase `done`). */
  readonly rows?: number;
  /** Tables loaded so far and in all. */
  readonly index: number;
  readonly total: number;
}

/** Options of {@link loadDataset} and {@link ensureDefaultDataset}. */
export interface LoadDatasetOptions {
  /** The dataset folder. Default: {@link embeddedDatasetDir} (or env `METROCOOP_DATASET_DIR`). */
  readonly dir?: string;
  /** Dataset name the rows are tagged with. Default `default`. */
  readonly dataset?: string;
  /** Called on progress (the CLI prints it on stderr). */
  readonly onProgress?: (event: LoadProgress) => void;
  /** Reload even when the hash matches. Default `false`. */
  readonly force?: boolean;
  /** Test hook: called after each table is inserted, inside the transaction (a throw rolls everything back). */
  readonly afterTable?: (table: string) => void | Promise<void>;
}

/** What a load did. */
export interface LoadResult {
  readonly dataset: string;
  /** Whether rows were (re)loaded; `false` when the store was up to date. */
  readonly loaded: boolean;
  readonly hash: string;
  /** Rows per table (only when loaded). */
  readonly rows: Readonly<Record<string, number>>;
}

/** The files of a dataset folder. */
export interface DatasetFiles {
  readonly dir: string;
  /** CSV parts per table, sorted. */
  readonly tables: ReadonlyMap<TableName, readonly string[]>;
  /** GeoJSON files, sorted. */
  readonly geometries: readonly string[];
}

/** The dataset folder to use: the option, else env `METROCOOP_DATASET_DIR`, else the embedded dataset. */
export function datasetDir(dir?: string): string {
  return resolve(dir ?? process.env.METROCOOP_DATASET_DIR ?? embeddedDatasetDir);
}

const sorted = (files: string[]): string[] => files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** List the table CSV parts and GeoJSON files of a dataset folder. */
export function datasetFiles(dir: string): DatasetFiles {
  const tables = new Map<TableName, readonly string[]>();
  for (const table of tableNames) {
    if (table === 'geometries') continue;
    const folder = join(dir, table);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    const files = sorted(
      readdirSync(folder)
        .filter((f) => f.endsWith('.csv'))
        .map((f) => join(folder, f)),
    );
    if (files.length > 0) tables.set(table, files);
  }
  const geoFolder = join(dir, 'geometries');
  const geometries =
    existsSync(geoFolder) && statSync(geoFolder).isDirectory()
      ? sorted(
          readdirSync(geoFolder)
            .filter((f) => f.endsWith('.geojson'))
            .map((f) => join(geoFolder, f)),
        )
      : [];
  return { dir, tables, geometries };
}

function allFiles(files: DatasetFiles): string[] {
  return sorted([...[...files.tables.values()].flat(), ...files.geometries]);
}

/** Cheap signature: relative path, size and mtime of every file (not a content check). */
function statSignature(files: DatasetFiles): string {
  const hash = createHash('sha256');
  hash.update(`loader ${loaderVersion}\n`);
  for (const file of allFiles(files)) {
    const s = statSync(file);
    hash.update(`${relative(files.dir, file).split(sep).join('/')}\t${s.size}\t${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** SHA-256 over the loader version and every file's relative path and bytes. */
export function datasetHash(files: DatasetFiles): string {
  const hash = createHash('sha256');
  hash.update(`loader ${loaderVersion}\n`);
  for (const file of allFiles(files)) {
    const rel = relative(files.dir, file).split(sep).join('/');
    const bytes = readFileSync(file);
    hash.update(`${rel}\t${bytes.length}\n`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The header cells of a CSV file (first line; BOM stripped; RFC 4180 quotes removed). */
function csvHeader(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    let text = buffer.subarray(0, n).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const end = text.search(/\r?\n/);
    const line = end < 0 ? text : text.slice(0, end);
    return line.split(',').map((cell) => (cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell));
  } finally {
    closeSync(fd);
  }
}

/** The column type read_csv is told for a model column (lists and JSON are read as text). */
function readType(column: ColumnSpec): string {
  return column.kind === 'scalar' ? column.type : 'VARCHAR';
}

/** The SQL expression turning the read column into the stored one. */
function convert(column: ColumnSpec): string {
  const c = quoteIdentifier(column.name);
  if (column.kind === 'list') {
    return `CASE WHEN ${c} IS NULL OR ${c} = '' THEN []::${column.type} ELSE string_split(${c}, '|')::${column.type} END`;
  }
  return c;
}

/** `INSERT … SELECT … FROM read_csv([...])` for one table. */
export function loadTableSql(table: TableName, files: readonly string[], dataset: string): string {
  const columns = modelColumns(table);
  const types = columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(readType(c))}`).join(', ');
  const list = `[${files.map((f) => quoteLiteral(f)).join(', ')}]`;
  const reader = `read_csv(${list}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${types}}, strict_mode = true, encoding = 'utf-8')`;
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  return `INSERT INTO ${quoteIdentifier(table)} (${names}, dataset) SELECT ${columns.map(convert).join(', ')}, ${quoteLiteral(dataset)} FROM ${reader}`;
}

/** The features of GeoJSON files as rows (region, geometry JSON text, source, geometry type). */
function geometryFeaturesSql(files: readonly string[]): string {
  const list = `[${files.map((f) => quoteLiteral(f)).join(', ')}]`;
  return `WITH doc AS (SELECT filename, content::JSON AS j FROM read_text(${list})),
    feature AS (SELECT filename, unnest(from_json(j -> '$.features', '["JSON"]')) AS f FROM doc)
    SELECT f ->> '$.properties.region' AS region, (f -> '$.geometry')::VARCHAR AS geometry, f ->> '$.properties.source' AS source,
           f ->> '$.geometry.type' AS kind, filename FROM feature`;
}

/** `INSERT … SELECT` of the features of GeoJSON files into `geometries`. */
export function loadGeometriesSql(files: readonly string[], dataset: string): string {
  return `INSERT INTO geometries (region, geometry, source, dataset) SELECT region, geometry, source, ${quoteLiteral(dataset)} FROM (${geometryFeaturesSql(files)})`;
}

/** Count of features that lack a region or source or are not (Multi)Polygons, and the first such file. */
function badGeometriesSql(files: readonly string[]): string {
  return `SELECT count(*), min(filename) FROM (${geometryFeaturesSql(files)}) WHERE region IS NULL OR source IS NULL OR geometry IS NULL OR kind IS NULL OR kind NOT IN ('Polygon', 'MultiPolygon')`;
}

/** Check the headers of every CSV part against the model (all problems at once). */
function checkHeaders(fn: string, files: DatasetFiles): void {
  for (const [table, parts] of files.tables) {
    const expected = modelColumns(table).map((c) => c.name);
    for (const file of parts) {
      const got = csvHeader(file);
      if (got.length !== expected.length || got.some((c, k) => c !== expected[k])) {
        throw new MetroError('DATASET_HEADER', storeMessages.datasetHeader(fn, file, got, expected), { file, got, expected });
      }
    }
  }
}

/**
 * Load a dataset folder into the store in one transaction (replacing that dataset's rows), unless the stored
 * hash already matches. The schema must exist ({@link Store.ensureSchema}).
 *
 * @throws {MetroError} `DATASET_MISSING` (no table files), `DATASET_HEADER` (a header differs from the model),
 *   `DATASET_LOAD_FAILED` (a value does not parse or breaks a NOT NULL column; DuckDB's message names the file
 *   and line), `GEOMETRY_INVALID`. The store is unchanged after any of them.
 */
export async function loadDataset(store: Store, options: LoadDatasetOptions = {}): Promise<LoadResult> {
  const fn = 'loadDataset';
  const dir = datasetDir(options.dir);
  const dataset = options.dataset ?? defaultDatasetName;
  const files = datasetFiles(dir);
  if (files.tables.size === 0) throw new MetroError('DATASET_MISSING', storeMessages.datasetMissing(fn, dir), { dir });
  const signature = statSignature(files);
  const hashKey = dataset === defaultDatasetName ? 'dataset_hash' : `dataset_hash:${dataset}`;
  const signatureKey = dataset === defaultDatasetName ? 'dataset_signature' : `dataset_signature:${dataset}`;
  const storedHash = await store.meta(hashKey);
  if (options.force !== true && storedHash !== undefined && (await store.meta(signatureKey)) === signature) {
    return { dataset, loaded: false, hash: storedHash, rows: {} };
  }
  const hash = datasetHash(files);
  if (options.force !== true && storedHash === hash) {
    if (!store.readOnly) await store.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ($1, $2)`, [signatureKey, signature]);
    return { dataset, loaded: false, hash, rows: {} };
  }
  checkHeaders(fn, files);
  const total = files.tables.size + (files.geometries.length > 0 ? 1 : 0);
  options.onProgress?.({ phase: 'start', index: 0, total });
  const rows: Record<string, number> = {};
  await store.transaction(async (con) => {
    for (const table of tableNames) await con.run(`DELETE FROM ${quoteIdentifier(table)} WHERE dataset = $1`, [dataset]);
    let index = 0;
    for (const table of tableNames) {
      const parts = files.tables.get(table);
      const isGeo = table === 'geometries';
      if (isGeo ? files.geometries.length === 0 : parts === undefined) continue;
      if (isGeo) {
        const reader = await con.runAndReadAll(badGeometriesSql(files.geometries));
        const [bad, file] = reader.getRows()[0] ?? [0, null];
        if (Number(bad) > 0) {
          throw new MetroError(
            'GEOMETRY_INVALID',
            storeMessages.geometryInvalid(fn, String(file), `${Number(bad)} feature(s) without region or source, or not a Polygon/MultiPolygon`),
            { file: String(file), count: Number(bad) },
          );
        }
      }
      try {
        const sql = isGeo ? loadGeometriesSql(files.geometries, dataset) : loadTableSql(table, parts as readonly string[], dataset);
        const result = await con.run(sql);
        rows[table] = Number(result.rowsChanged);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MetroError('DATASET_LOAD_FAILED', storeMessages.datasetLoadFailed(fn, table, reason), { table });
      }
      await options.afterTable?.(table);
      index++;
      options.onProgress?.({ phase: 'table', table, rows: rows[table] ?? 0, index, total });
    }
    await con.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ($1, $2), ($3, $4)`, [hashKey, hash, signatureKey, signature]);
    await con.run(`INSERT OR REPLACE INTO datasets (name, kind, content_hash, loaded_at, note) VALUES ($1, $2, $3, now(), $4)`, [
      dataset,
      dataset === defaultDatasetName ? 'embedded' : 'folder',
      hash,
      dir,
    ]);
  });
  const all = Object.values(rows).reduce((a, b) => a + b, 0);
  options.onProgress?.({ phase: 'done', rows: all, index: total, total });
  return { dataset, loaded: true, hash, rows };
}

/** {@link loadDataset} for the embedded dataset (tagged `default`). */
export function ensureDefaultDataset(store: Store, options: Omit<LoadDatasetOptions, 'dataset'> = {}): Promise<LoadResult> {
  return loadDataset(store, { ...options, dataset: defaultDatasetName });
}
