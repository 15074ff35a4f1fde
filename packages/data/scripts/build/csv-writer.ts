/**
 * Shared writers of the embedded dataset (packages/data/dataset/<table>/<part>.csv and geometries/<part>.geojson),
 * used by every part's builder (cn, jp, us, common).
 *
 * CSV conventions (the dataset contract): UTF-8, header row = the schema's keys in schema order converted to
 * snake_case, RFC 4180 quoting (a cell is quoted when it holds `,` `"` CR or LF, or starts/ends with a space; quotes
 * doubled), `\n` line ends with a final newline, empty cell = null, booleans `true`/`false`, arrays joined with `|`.
 * Every row is validated with the schema before anything is written; the first bad row throws an
 * {@link InvalidInputError} naming the file and the row index, and no file is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidInputError } from '@metrocoop/core';
import type { z } from 'zod';
import { buildMessages } from './messages.ts';

/** Any zod object schema (the tables of src/model/schemas.ts). */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** `nameZh` → `name_zh`, `valueOriginal` → `value_original`, `areaKm2` → `area_km2`. */
export function toSnakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

function shapeKeys(schema: ObjectSchema, file: string): string[] {
  const shape = (schema as { shape?: unknown }).shape;
  if (shape === null || typeof shape !== 'object') {
    throw new InvalidInputError(buildMessages.notAnObjectSchema('writeTableCsv', file));
  }
  return Object.keys(shape);
}

/** The CSV header of a schema: its keys in order, snake_case. */
export function csvHeader(schema: ObjectSchema): string[] {
  return shapeKeys(schema, '(header)').map(toSnakeCase);
}

const needsQuotes = /[",\r\n]|^\s|\s$/;

/** One field, RFC 4180 quoted when needed. */
export function quoteCsvField(text: string): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Text of one cell: null/undefined → empty, booleans `true`/`false`, finite numbers as JavaScript prints them
 * (shortest round-trip form), arrays `|`-joined. Returns an error reason instead of text when a value cannot be
 * written without loss (a `|` inside an array element, a non-finite number, an object).
 */
function cellText(value: unknown): { text: string } | { why: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { why: 'numbers must be finite; write a gap as null' };
    return { text: String(value) };
  }
  if (typeof value === 'string') return { text: value };
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const inner = cellText(item);
      if ('why' in inner) return inner;
      if (inner.text.includes('|')) return { why: 'array elements must not contain "|" (the CSV array separator)' };
      parts.push(inner.text);
    }
    return { text: parts.join('|') };
  }
  return { why: 'only strings, numbers, booleans, null and arrays of them can be written' };
}

/** Format the issues of a failed parse in one line: `path: message; …`. */
function issuesText(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
}

/**
 * Build the CSV text of a table without writing it (header + one line per row). Throws like {@link writeTableCsv}.
 *
 * @param file - the file name used in error messages.
 */
export function tableCsvText<S extends ObjectSchema>(file: string, schema: S, rows: readonly z.input<S>[]): string {
  const keys = shapeKeys(schema, file);
  const lines: string[] = [keys.map((k) => quoteCsvField(toSnakeCase(k))).join(',')];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Record<string, unknown>;
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new InvalidInputError(buildMessages.invalidRow('writeTableCsv', file, index, row, issuesText(parsed.error)), {
        file,
        row: index,
        issues: parsed.error.issues,
      });
    }
    const extra = Object.keys(row).filter((k) => !keys.includes(k));
    if (extra.length > 0) {
      throw new InvalidInputError(buildMessages.invalidRow('writeTableCsv', file, index, row, `unknown keys ${extra.join(', ')}`), { file, row: index, extra });
    }
    const cells: string[] = [];
    for (const key of keys) {
      const cell = cellText(row[key]);
      if ('why' in cell) {
        throw new InvalidInputError(buildMessages.unencodableCell('writeTableCsv', file, index, toSnakeCase(key), row[key], cell.why), {
          file,
          row: index,
          column: toSnakeCase(key),
        });
      }
      cells.push(quoteCsvField(cell.text));
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Validate every row with `schema` and write `path` as CSV (creating its folder). Rows are written in the order
 * given: sort them by the table's key first so a rebuild is byte-identical.
 *
 * @throws {InvalidInputError} `INVALID_INPUT` naming the file and row when a row does not match the schema, has a
 *   key the schema lacks, or holds a value that cannot be written (non-finite number, `|` inside an array element).
 * @example writeTableCsv('dataset/regions/cn.csv', regionSchema, regions)
 */
export function writeTableCsv<S extends ObjectSchema>(path: string, schema: S, rows: readonly z.input<S>[]): void {
  const text = tableCsvText(path, schema, rows);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
}

/** A GeoJSON FeatureCollection as the dataset stores it. */
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: readonly {
    type: 'Feature';
    properties: Record<string, unknown> | null;
    geometry: { type: string; coordinates: unknown } | null;
  }[];
}

/** Options of {@link writeGeoJson}. */
export interface WriteGeoJsonOptions {
  /** Round every coordinate to this many decimals (the contract allows 5 ≈ 1 m). Default: no rounding. */
  decimals?: number;
}

function roundCoordinates(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return Math.round(value * factor) / factor;
  if (Array.isArray(value)) return value.map((v) => roundCoordinates(v, factor));
  return value;
}

/**
 * Write a FeatureCollection as GeoJSON (creating the folder): one feature per line so diffs stay readable,
 * coordinates optionally rounded; nothing else changed.
 *
 * @throws {InvalidInputError} when the value is not a FeatureCollection.
 */
export function writeGeoJson(path: string, featureCollection: FeatureCollection, options: WriteGeoJsonOptions = {}): void {
  if (featureCollection?.type !== 'FeatureCollection' || !Array.isArray(featureCollection.features)) {
    throw new InvalidInputError(buildMessages.notFeatureCollection('writeGeoJson', path, (featureCollection as { type?: unknown } | null)?.type));
  }
  const factor = options.decimals === undefined ? undefined : 10 ** options.decimals;
  const lines = featureCollection.features.map((f) =>
    JSON.stringify(
      factor === undefined || f.geometry === null ? f : { ...f, geometry: { ...f.geometry, coordinates: roundCoordinates(f.geometry.coordinates, factor) } },
    ),
  );
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, 'utf8');
}
