/**
 * The validation rules, run as set-based SQL over the staged rows (DuckDB), so that a 10-million-row file is
 * checked in a few passes without JS objects per row. Input: the temp table `mc_stage` — the ONE copy of the
 * import's rows, each field trimmed and parsed once ({@link stageSelectSql}); a format reads its file straight
 * into it (canonical CSV, JSON, Parquet) or through the temp relation `mc_raw` (every field as text, `_row` = the
 * row a user sees, `_col` = the source column of the value). Output: the issues in a {@link ReportBuilder} and the
 * temp view `mc_obs` (typed, normalised, gaps removed) that the insert reads.
 */

import type { DuckDBConnection } from '@duckdb/node-api';
import { type RawField, rawFields } from '../import/raw-csv.ts';
import { indicatorUnits, signedUnits, unitConversions, withheldMarkers } from '../import/units.ts';
import { idPattern, vintageKinds } from '../model/schemas.ts';
import { quoteLiteral } from '../store/ddl.ts';
import { restoreCellSql } from '../store/safe-cell.ts';
import type { ReportBuilder, ValidationCode } from './report.ts';

/** Options of the rules (resolved by the importer). */
export interface RuleOptions {
  /** Defaults for empty fields. */
  readonly year: number | null;
  readonly indicator: string | null;
  readonly unit: string | null;
  readonly source: string | null;
  /** The classification the file is stated to use (rows with industry and no classification get it). */
  readonly classification: string | null;
  /** Country prefix for bare numeric region codes and for name lookup: `CN`, `JP`, `US`. */
  readonly regionPrefix: string | null;
  /**
   * Relative tolerance of section sums against a stated total (default 0.005 = 0.5%). Sections above the total
   * are always checked; below it only when the row has as many sections as the fullest row of its table (a row
   * with an empty section cell has a gap and may fall short). Rows with a withheld section are not checked.
   */
  readonly sumTolerance: number;
  /** Source column label of each field, for issues (e.g. `{ region: '地区' }`); default the field name. */
  readonly columns: Readonly<Partial<Record<string, string>>>;
  /** Extra withheld markers of the format. */
  readonly markers: readonly string[];
  /**
   * Rows of regions the store does not know are left out (one SKIPPED_REGION warning per region, with its rows)
   * instead of failing the file (one UNKNOWN_REGION error per region). Default false.
   */
  readonly skipUnknownRegions?: boolean;
  /**
   * Years before this are warned (IMPLAUSIBLE_YEAR) for every region; when null, years before 1949 are warned for
   * Chinese regions only (the People's Republic's statistics start then).
   */
  readonly earliestYear?: number | null;
  /** Years after this are warned (IMPLAUSIBLE_YEAR); default the current calendar year (UTC). */
  readonly currentYear?: number;
}

/** Counts found by the rules. */
export interface RuleResult {
  /** Records staged (`mc_stage`, gaps included). */
  readonly rows: number;
  /** Records without a value (gaps: absent, not imported). */
  readonly gaps: number;
  /** Observations in `mc_obs`. */
  readonly observations: number;
}

const lit = (value: string | null): string => (value === null ? 'NULL' : quoteLiteral(value));
const list = (values: readonly string[]): string => values.map(quoteLiteral).join(', ');
/** DuckDB's RE2 flavour of the model's id pattern. */
const idRegex = idPattern.source.replace(/^\^/, '').replace(/\$$/, '');

async function all(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await con.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number => Number(v ?? 0);

/** Lookup tables of the store the rules join against (distinct over datasets). */
async function createLookups(con: DuckDBConnection): Promise<void> {
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_ids AS SELECT DISTINCT id FROM regions`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_classifications AS SELECT DISTINCT id FROM classifications`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_industries AS SELECT DISTINCT classification, code, (parent IS NULL OR parent = '') AS top FROM industries`);
  const units = unitConversions.map(([o, c, f]) => `(${lit(o.toLowerCase())}, ${lit(c)}, ${f}::DOUBLE)`);
  const canon = [...new Set(unitConversions.map(([, c]) => c))].map((c) => `(${lit(c.toLowerCase())}, ${lit(c)}, 1::DOUBLE)`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_units AS SELECT DISTINCT * FROM (VALUES ${[...units, ...canon].join(', ')}) t(original, canonical, factor)`);
  const allowed = Object.entries(indicatorUnits).flatMap(([ind, us]) => us.map((u) => `(${lit(ind)}, ${lit(u)})`));
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_indicator_units AS SELECT * FROM (VALUES ${allowed.join(', ')}) t(indicator, unit)`);
}

/**
 * The region-name lookups, restricted to the names a file uses that are not region ids (most files use ids: then
 * nothing is built). Names resolve in two passes: the whole name (承德县 is the county, 承德市 the city), then the
 * name without its suffix (承德 is ambiguous between them: the higher level wins, a province over its district, a
 * city over its county). A name still shared by several regions (府中市 in Tokyo and Hiroshima) resolves to none —
 * every region with the name takes part, so the restriction changes no answer.
 */
async function createNameLookups(con: DuckDBConnection, options: RuleOptions, wanted: string): Promise<void> {
  const prefix = options.regionPrefix;
  const scope = prefix === null ? 'TRUE' : `(id = ${lit(prefix)} OR id LIKE ${lit(`${prefix}-%`)})`;
  const strip = (x: string) => `regexp_replace(lower(trim(${x})), '(特别行政区|自治区|自治州|市|省|区|县|都|府|県|道)$', '')`;
  const rank = `CASE level WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'prefecture' THEN 1 WHEN 'state' THEN 1
    WHEN 'city' THEN 2 WHEN 'msa' THEN 2 WHEN 'municipality' THEN 2 ELSE 3 END`;
  const named = `SELECT id, ${rank} AS rank, name_zh AS fullname FROM regions WHERE name_zh IS NOT NULL AND ${scope}
      UNION SELECT id, ${rank}, name_en FROM regions WHERE name_en IS NOT NULL AND ${scope}
      UNION SELECT id, ${rank}, name_local FROM regions WHERE name_local IS NOT NULL AND ${scope}`;
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_wanted AS SELECT DISTINCT lower(trim(raw)) AS exact, ${strip('raw')} AS stripped FROM (${wanted})`);
  const relevant = `SELECT * FROM (${named}) WHERE lower(trim(fullname)) IN (SELECT exact FROM mc_wanted) OR ${strip('fullname')} IN (SELECT stripped FROM mc_wanted)`;
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_exact AS
    WITH n AS (SELECT DISTINCT id, lower(trim(fullname)) AS name FROM (${relevant}))
    SELECT name, min(id) AS id FROM n WHERE name <> '' GROUP BY name HAVING count(DISTINCT id) = 1`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_names AS
    WITH n AS (SELECT DISTINCT id, rank, ${strip('fullname')} AS name FROM (${relevant})),
      top AS (SELECT name, min(rank) AS rank FROM n WHERE name <> '' GROUP BY name)
    SELECT n.name, min(n.id) AS id FROM n JOIN top ON top.name = n.name AND top.rank = n.rank GROUP BY n.name HAVING count(DISTINCT n.id) = 1`);
}

/**
 * A field staged as text: trimmed of spaces (only when it has some: `trim` on every cell is the costliest part
 * of staging) and empty → NULL.
 */
const norm = (x: string): string => `nullif(CASE WHEN starts_with(${x}, ' ') OR ends_with(${x}, ' ') THEN trim(${x}) ELSE ${x} END, '')`;

/** How {@link stageSelectSql} finds a record's row and value column. */
export interface StageRows {
  /** SQL of the user-visible row in the source, or null: rows are positions in file order (`rowid`). */
  readonly row: string | null;
  /** SQL of the source column of the value (wide layouts), or null. */
  readonly col: string | null;
}

/**
 * The one materialisation of an import: `CREATE TEMP TABLE mc_stage AS` this SELECT over `source`, whose fields
 * (`fields[f]` = SQL over the source, or absent) are trimmed, emptied to NULL, and parsed ONCE (`year_int`,
 * `number`). Every rule and the final insert read this table through the view `mc_obs` ({@link runRules}).
 * Records without a value are kept (so row positions stay file positions) and skipped by the view.
 */
export function stageSelectSql(source: string, fields: Readonly<Partial<Record<RawField, string>>>, rows: StageRows): string {
  const f = (name: RawField) => {
    const e = fields[name];
    return e === undefined ? 'NULL::VARCHAR' : norm(e);
  };
  const lower = (name: RawField) => (fields[name] === undefined ? 'NULL::VARCHAR' : `lower(${f(name)})`);
  const keys = [...(rows.row === null ? [] : [`(${rows.row})::BIGINT AS _row`]), ...(rows.col === null ? [] : [`(${rows.col})::VARCHAR AS _col`])];
  return `SELECT *, TRY_CAST(year_txt AS INTEGER) AS year_int, TRY_CAST(replace(value_raw, ',', '') AS DOUBLE) AS number FROM (
    SELECT ${[...keys, `${f('region')} AS region_raw`, `${f('year')} AS year_txt`, `${f('indicator')} AS indicator_txt`, `${f('industry')} AS industry`, `${f('classification')} AS classification_txt`, `${f('value')} AS value_raw`, `${f('unit')} AS unit_txt`, `${f('source')} AS source_txt`, `${restoreCellSql(f('vintage'))} AS vintage_raw`, `${f('vintage_date')} AS vintage_date`, `${lower('withheld')} AS withheld_raw`, `${lower('break_in_series')} AS break_raw`, `${lower('estimated')} AS estimated_raw`, `${restoreCellSql(f('note'))} AS note`].join(',\n      ')}
    FROM ${source})`;
}

/** Create `mc_stage` from a relation with the raw fields of raw-csv.ts (`mc_raw` of the JS-parsed formats). */
export async function stageFromRaw(con: DuckDBConnection, relation: string, rows: StageRows): Promise<void> {
  const fields: Partial<Record<RawField, string>> = {};
  for (const field of rawFields) fields[field] = field;
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_stage AS ${stageSelectSql(relation, fields, rows)}`);
}

/** Up to this many distinct values, a lookup is inlined in the SQL (CASE / IN list) instead of joined. */
const inlineLimit = 64;

/** `expr IN (<set>)` for the values of a one-column query: FALSE when empty, a literal list when small. */
async function inSet(con: DuckDBConnection, expr: string, table: string, sql: string): Promise<string> {
  await con.run(`CREATE OR REPLACE TEMP TABLE ${table} AS ${sql}`);
  const rows = await all(con, `SELECT v FROM ${table} LIMIT ${inlineLimit + 1}`);
  if (rows.length === 0) return 'FALSE';
  if (rows.length <= inlineLimit) return `coalesce(${expr} IN (${rows.map((r) => lit(text(r.v))).join(', ')}), false)`;
  return `coalesce(${expr} IN (SELECT v FROM ${table}), false)`;
}

/**
 * A per-row lookup of `expr` through a small map (`raw` → columns): a CASE when it has few entries, else a join.
 * Returns the SQL of each mapped column (the join, if any, is added to `joins`).
 */
async function mapLookup(
  con: DuckDBConnection,
  table: string,
  expr: string,
  columns: readonly { name: string; otherwise: string; type: string }[],
  joins: string[],
): Promise<Record<string, string>> {
  const n = num((await all(con, `SELECT count(*)::BIGINT AS n FROM ${table}`))[0]?.n);
  const out: Record<string, string> = {};
  if (n > inlineLimit) {
    joins.push(`LEFT JOIN ${table} ON ${table}.raw = ${expr}`);
    for (const c of columns) out[c.name] = `coalesce(${table}.${c.name}, ${c.otherwise})`;
    return out;
  }
  const rows = await all(con, `SELECT * FROM ${table}`);
  for (const c of columns) {
    const branches = rows
      .filter((r) => r[c.name] !== null && r[c.name] !== undefined)
      .map((r) => {
        const v = r[c.name];
        return `WHEN ${lit(text(r.raw))} THEN ${typeof v === 'number' ? `${v}::${c.type}` : lit(text(v))}`;
      });
    out[c.name] = branches.length === 0 ? c.otherwise : `CASE ${expr} ${branches.join(' ')} ELSE ${c.otherwise} END`;
  }
  return out;
}

/**
 * Validate the staged rows (`mc_stage`, see {@link stageSelectSql}) and define the view `mc_obs` the insert reads
 * (typed, normalised, defaults applied, gaps removed). Every per-row rule is counted in ONE pass; lookups
 * (regions, units, ids, classifications, industries) are resolved once per distinct value; only the rules that
 * fired are listed, up to the per-code cap. Nothing here builds a JS array of rows.
 */
export async function runRules(
  con: DuckDBConnection,
  report: ReportBuilder,
  options: RuleOptions,
  rows: StageRows & { readonly offset: number },
): Promise<RuleResult> {
  await createLookups(con);
  const strip = (x: string) => `regexp_replace(lower(${x}), '(特别行政区|自治区|自治州|市|省|区|县|都|府|県|道)$', '')`;
  const markers = list([...withheldMarkers, ...options.markers]);
  const prefix = options.regionPrefix;
  const rowCount = num((await all(con, 'SELECT count(*)::BIGINT AS n FROM mc_stage'))[0]?.n);
  let rowSql = '_row';
  if (rows.row === null) {
    // Rows of a table created in a transaction get rowids from a large base, in insertion (= file) order.
    const base = (await all(con, 'SELECT coalesce(min(rowid), 0)::BIGINT AS b FROM mc_stage'))[0]?.b;
    rowSql = `(mc_stage.rowid - ${String(base ?? 0)}::BIGINT + ${rows.offset})`;
  }
  // Region ids, bare codes and names are resolved once per distinct value (a few hundred), not per row; the name
  // lookups only for the values that are not ids.
  await createNameLookups(
    con,
    options,
    `SELECT DISTINCT region_raw AS raw FROM mc_stage WHERE region_raw IS NOT NULL AND region_raw NOT IN (SELECT id FROM mc_region_ids)`,
  );
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_map AS
    WITH d AS (SELECT DISTINCT region_raw AS raw FROM mc_stage WHERE region_raw IS NOT NULL)
    SELECT d.raw, coalesce(rid.id, ${prefix === null ? '' : `CASE WHEN regexp_full_match(d.raw, '[0-9]+') THEN ${lit(prefix)} || '-' || d.raw END, `}rx.id, rn.id, d.raw) AS region
    FROM d LEFT JOIN mc_region_ids rid ON rid.id = d.raw LEFT JOIN mc_region_exact rx ON rx.name = lower(trim(d.raw))
      LEFT JOIN mc_region_names rn ON rn.name = ${strip('d.raw')}`);
  await con.run('DELETE FROM mc_region_map WHERE region = raw');
  const skipRegions = await unknownRegions(con, report, options, rowSql);
  const unitExpr = `coalesce(unit_txt, ${lit(options.unit)})`;
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_unit_map AS
    WITH d AS (SELECT DISTINCT ${unitExpr} AS raw FROM mc_stage WHERE ${unitExpr} IS NOT NULL)
    SELECT d.raw, u.canonical, u.factor FROM d JOIN mc_units u ON u.original = lower(d.raw)`);
  const joins: string[] = [];
  const region = await mapLookup(con, 'mc_region_map', 'region_raw', [{ name: 'region', otherwise: 'region_raw', type: 'VARCHAR' }], joins);
  const unit = await mapLookup(
    con,
    'mc_unit_map',
    unitExpr,
    [
      { name: 'canonical', otherwise: 'NULL::VARCHAR', type: 'VARCHAR' },
      { name: 'factor', otherwise: 'NULL::DOUBLE', type: 'DOUBLE' },
    ],
    joins,
  );
  const yearDefault = options.year === null ? 'NULL::INTEGER' : `${options.year}::INTEGER`;
  await con.run(`CREATE OR REPLACE TEMP VIEW mc_obs AS
    SELECT ${rowSql} AS _row, ${rows.col === null ? 'NULL::VARCHAR' : '_col'} AS _col,
      region_raw, ${region.region} AS region,
      coalesce(year_txt, ${lit(options.year === null ? null : String(options.year))}) AS year_raw,
      CASE WHEN year_txt IS NULL THEN ${yearDefault} ELSE year_int END AS year,
      coalesce(indicator_txt, ${lit(options.indicator)}) AS indicator,
      industry,
      coalesce(classification_txt, CASE WHEN industry IS NOT NULL THEN ${lit(options.classification)} END) AS classification,
      value_raw, number,
      ${unitExpr} AS unit_original,
      coalesce(source_txt, ${lit(options.source)}) AS source,
      vintage_raw, vintage_date, withheld_raw, break_raw, estimated_raw, note,
      (value_raw IN (${markers}) OR coalesce(withheld_raw = 'true', false)) AS withheld,
      ${unit.canonical} AS unit,
      ${unit.factor} AS factor
    FROM mc_stage ${joins.join(' ')}
    WHERE (value_raw IS NOT NULL OR withheld_raw = 'true')${skipRegions}`);

  // ONE aggregation per series (region, indicator, classification, industry, source) gives the distinct keys
  // every set-valued rule tests (ids, classifications, industries; indicators × the file's units for the unit
  // rule, a superset of the pairs present, which is enough since the rule is then applied per row), the series
  // with a repeated year or a year gap (only those can hold duplicate keys or missing years: only their rows are
  // examined exactly), and the units of each series. Distinct years are counted with a 201-bit set per series
  // (bitstring_agg), not a DISTINCT hash table.
  const inRange = 'year BETWEEN 1900 AND 2100';
  const seriesKey = ['region', 'indicator', 'classification', 'industry', 'source'];
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_series AS
    SELECT ${seriesKey.join(', ')}, count(*) FILTER (WHERE ${inRange}) AS n, bit_count(bitstring_agg(year, 1900, 2100) FILTER (WHERE ${inRange})) AS d,
      min(year) FILTER (WHERE ${inRange}) AS lo, max(year) FILTER (WHERE ${inRange}) AS hi, min(unit) AS umin, max(unit) AS umax
    FROM mc_obs GROUP BY ALL`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_keys AS
    SELECT DISTINCT i.indicator, u.unit, NULL::VARCHAR AS source, NULL::VARCHAR AS classification, NULL::VARCHAR AS industry
      FROM (SELECT DISTINCT indicator FROM mc_series) i, (SELECT DISTINCT canonical AS unit FROM mc_unit_map) u
    UNION ALL SELECT DISTINCT NULL, NULL, source, NULL, NULL FROM mc_series
    UNION ALL SELECT DISTINCT NULL, NULL, NULL, classification, industry FROM mc_series`);
  const badId = (field: string) =>
    inSet(
      con,
      field,
      `mc_bad_${field}`,
      `SELECT DISTINCT ${field} AS v FROM mc_keys WHERE ${field} IS NOT NULL AND NOT regexp_full_match(${field}, ${lit(idRegex)})`,
    );
  const badIndicator = await badId('indicator');
  const badSource = await badId('source');
  const badClassification = await badId('classification');
  const unknownClassification = await inSet(
    con,
    'classification',
    'mc_bad_classifications',
    `SELECT DISTINCT classification AS v FROM mc_keys
      WHERE classification IS NOT NULL AND regexp_full_match(classification, ${lit(idRegex)}) AND classification NOT IN (SELECT id FROM mc_classifications)`,
  );
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_bad_units AS
    SELECT DISTINCT indicator, unit FROM mc_keys o
    WHERE unit IS NOT NULL AND indicator IN (SELECT indicator FROM mc_indicator_units)
      AND NOT EXISTS (SELECT 1 FROM mc_indicator_units i WHERE i.indicator = o.indicator AND i.unit = o.unit)`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_bad_industries AS
    SELECT DISTINCT classification, industry FROM mc_keys o
    WHERE industry IS NOT NULL AND classification IN (SELECT id FROM mc_classifications)
      AND NOT EXISTS (SELECT 1 FROM mc_industries i WHERE i.classification = o.classification AND i.code = o.industry)`);
  const pairs = async (table: string, a: string, b: string) =>
    num((await all(con, `SELECT count(*)::BIGINT AS n FROM ${table}`))[0]?.n) === 0
      ? 'FALSE'
      : `coalesce((${a}, ${b}) IN (SELECT (${a}, ${b}) FROM ${table}), false)`;
  const unitMismatch = await pairs('mc_bad_units', 'indicator', 'unit');
  const unknownIndustry = await pairs('mc_bad_industries', 'classification', 'industry');

  const col = (field: string) => lit(options.columns[field] ?? field);
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  const earliest = options.earliestYear ?? null;
  const implausibleYear = `year BETWEEN 1900 AND 2100 AND (year > ${currentYear} OR ${
    earliest === null ? "(year < 1949 AND (region = 'CN' OR starts_with(region, 'CN-')))" : `year < ${earliest}`
  })`;
  const earliestText =
    earliest === null ? 'a year from 1949 for a Chinese region (or --earliest-year for historical data)' : `a year from ${earliest} (--earliest-year)`;
  const valueCol = `coalesce(_col, ${col('value')})`;
  const vintages = list(vintageKinds);
  const bools = `('true', 'false')`;
  const signed = list(signedUnits);
  const stated = options.classification;
  interface RowRule {
    readonly code: ValidationCode;
    readonly where: string;
    readonly column: string;
    readonly value: string;
    readonly expected: string;
  }
  const rowRules: RowRule[] = [
    { code: 'MISSING_FIELD', where: 'region_raw IS NULL', column: col('region'), value: 'NULL', expected: 'a region id (e.g. CN-130100) or a region name' },
    { code: 'MISSING_FIELD', where: 'year_raw IS NULL', column: col('year'), value: 'NULL', expected: 'a year (or the --year option)' },
    {
      code: 'MISSING_FIELD',
      where: 'indicator IS NULL',
      column: col('indicator'),
      value: 'NULL',
      expected: 'an indicator id such as gdp or employees (or --indicator)',
    },
    {
      code: 'MISSING_FIELD',
      where: 'unit_original IS NULL',
      column: col('unit'),
      value: 'NULL',
      expected: 'a unit such as 万人, 亿元, persons or CNY (or --unit)',
    },
    { code: 'MISSING_FIELD', where: 'source IS NULL', column: col('source'), value: 'NULL', expected: 'a source id (or --source)' },
    {
      code: 'INVALID_YEAR',
      where: 'year_raw IS NOT NULL AND (year IS NULL OR year NOT BETWEEN 1900 AND 2100)',
      column: col('year'),
      value: 'year_raw',
      expected: 'an integer year between 1900 and 2100',
    },
    {
      code: 'INVALID_ID',
      where: badIndicator,
      column: col('indicator'),
      value: 'indicator',
      expected: 'an id of letters, digits and - _ . : / without spaces',
    },
    { code: 'INVALID_ID', where: badSource, column: col('source'), value: 'source', expected: 'an id of letters, digits and - _ . : / without spaces' },
    {
      code: 'INVALID_ID',
      where: badClassification,
      column: col('classification'),
      value: 'classification',
      expected: 'an id of letters, digits and - _ . : / without spaces',
    },
    {
      code: 'INVALID_VALUE',
      where: `vintage_raw IS NOT NULL AND vintage_raw NOT IN (${vintages})`,
      column: col('vintage'),
      value: 'vintage_raw',
      expected: `one of ${vintageKinds.join(', ')}`,
    },
    {
      code: 'INVALID_VALUE',
      where: `withheld_raw IS NOT NULL AND withheld_raw NOT IN ${bools}`,
      column: col('withheld'),
      value: 'withheld_raw',
      expected: 'true or false',
    },
    {
      code: 'INVALID_VALUE',
      where: `break_raw IS NOT NULL AND break_raw NOT IN ${bools}`,
      column: col('break_in_series'),
      value: 'break_raw',
      expected: 'true or false',
    },
    {
      code: 'INVALID_VALUE',
      where: `estimated_raw IS NOT NULL AND estimated_raw NOT IN ${bools}`,
      column: col('estimated'),
      value: 'estimated_raw',
      expected: 'true or false',
    },
    {
      code: 'NON_NUMERIC',
      where: 'NOT withheld AND value_raw IS NOT NULL AND (number IS NULL OR NOT isfinite(number))',
      column: valueCol,
      value: 'value_raw',
      expected: 'a finite number, or a withheld marker such as D, (D), S, N, … or -',
    },
    {
      code: 'NEGATIVE_VALUE',
      where: `NOT withheld AND number < 0 AND coalesce(unit NOT IN (${signed}), true)`,
      column: valueCol,
      value: 'value_raw',
      expected: 'a non-negative value (counts and amounts cannot be negative)',
    },
    {
      code: 'OUT_OF_RANGE',
      where: 'NOT withheld AND isfinite(number) AND factor IS NOT NULL AND NOT isfinite(number * factor)',
      column: valueCol,
      value: 'value_raw',
      expected: `'a value that stays finite in ' || unit || ' after ×' || CASE WHEN factor = trunc(factor) THEN factor::HUGEINT::VARCHAR ELSE factor::VARCHAR END
        || ' (at most about ' || format('{:.3g}', 1.7976931348623157e308 / factor) || ' ' || unit_original || ')'`,
    },
    {
      code: 'IMPLAUSIBLE_YEAR',
      where: implausibleYear,
      column: col('year'),
      value: 'year_raw',
      expected: `CASE WHEN year > ${currentYear} THEN ${lit(`a year no later than ${currentYear} (the current year)`)} ELSE ${lit(earliestText)} END`,
    },
    { code: 'WITHHELD', where: 'withheld', column: valueCol, value: 'value_raw', expected: 'a published value; imported as withheld = true with no value' },
    {
      code: 'UNKNOWN_UNIT',
      where: 'unit_original IS NOT NULL AND unit IS NULL',
      column: col('unit'),
      value: 'unit_original',
      expected: 'a known unit such as persons, 万人, CNY, 亿元, 万元, JPY, million JPY, USD, thousand USD, km2, percent',
    },
    {
      code: 'UNIT_MISMATCH',
      where: unitMismatch,
      column: col('unit'),
      value: 'unit_original',
      expected: `'a unit of ' || (SELECT string_agg(DISTINCT unit, ' or ' ORDER BY unit) FROM mc_indicator_units i WHERE i.indicator = mc_obs.indicator) || ' for ' || indicator`,
    },
    {
      code: 'CLASSIFICATION_MISMATCH',
      where: `(industry IS NOT NULL AND classification IS NULL) OR (industry IS NULL AND classification IS NOT NULL)${stated === null ? '' : ` OR (classification IS NOT NULL AND classification <> ${lit(stated)})`}`,
      column: `CASE WHEN industry IS NOT NULL AND classification IS NULL THEN ${col('classification')} WHEN industry IS NULL AND classification IS NOT NULL THEN ${col('industry')} ELSE ${col('classification')} END`,
      value: `coalesce(classification, industry)`,
      expected: `CASE WHEN industry IS NOT NULL AND classification IS NULL THEN 'a classification for industry ' || industry || ' (or --classification)' WHEN industry IS NULL AND classification IS NOT NULL THEN 'an industry code with classification ' || classification || ' (empty classification for totals)' ELSE ${lit(`classification ${stated ?? ''} as stated`)} END`,
    },
    {
      code: 'UNKNOWN_CLASSIFICATION',
      where: unknownClassification,
      column: col('classification'),
      value: 'classification',
      expected: `'a classification id of the store (e.g. GBT4754-2017, NAICS-2017)'`,
    },
    {
      code: 'UNKNOWN_INDUSTRY',
      where: unknownIndustry,
      column: `coalesce(_col, ${col('industry')})`,
      value: 'industry',
      expected: `'an industry code of ' || classification`,
    },
  ];
  // ONE pass counts every row rule (constant-FALSE rules cost nothing), the observations and the stated totals
  // (section sums are only checked when there are totals); listing queries run only for rules that fired.
  const countSql = rowRules.map((r, k) => `count(*) FILTER (WHERE ${r.where})::BIGINT AS c${k}`).join(',\n  ');
  const counts =
    (
      await all(
        con,
        `SELECT count(*)::BIGINT AS n, ${countSql},
          count(*) FILTER (WHERE industry IS NULL AND classification IS NULL AND NOT withheld AND number IS NOT NULL AND factor IS NOT NULL)::BIGINT AS totals
        FROM mc_obs`,
      )
    )[0] ?? {};
  const observations = num(counts.n);
  const expectedSql = (e: string) => (e.startsWith("'") || e.startsWith('CASE') ? e : lit(e));
  for (let k = 0; k < rowRules.length; k++) {
    const rule = rowRules[k] as RowRule;
    const n = num(counts[`c${k}`]);
    if (n === 0) continue;
    const listedRows = await all(
      con,
      `SELECT _row::BIGINT AS row, ${rule.column} AS col, ${rule.value}::VARCHAR AS value, ${expectedSql(rule.expected)} AS expected
       FROM mc_obs WHERE ${rule.where} ORDER BY _row, col LIMIT ${report.cap + 1}`,
    );
    let listed = 0;
    for (const row of listedRows) {
      if (!report.wants(rule.code)) break;
      report.add(rule.code, num(row.row), text(row.col), text(row.value), text(row.expected));
      listed++;
    }
    report.countOmitted(rule.code, n - listed);
  }

  const screen =
    (
      await all(
        con,
        `SELECT (SELECT count(*) FROM mc_series WHERE n <> d OR d <> hi - lo + 1)::BIGINT AS gaps,
          (SELECT count(*) FROM (SELECT 1 FROM mc_series GROUP BY region, indicator, classification, industry HAVING min(umin) <> max(umax)))::BIGINT AS mixed`,
      )
    )[0] ?? {};
  if (num(screen.gaps) > 0) {
    await con.run(`CREATE OR REPLACE TEMP TABLE mc_flagged AS
      SELECT o.* FROM mc_obs o JOIN (SELECT ${seriesKey.join(', ')} FROM mc_series WHERE n <> d OR d <> hi - lo + 1) f
        ON ${seriesKey.map((k) => `o.${k} IS NOT DISTINCT FROM f.${k}`).join(' AND ')}
      WHERE o.${inRange}`);
    await duplicateKeys(con, report, options);
  }
  if (num(screen.mixed) > 0) await mixedUnits(con, report, options);
  if (num(counts.totals) > 0) await sectionSums(con, report, options);
  if (num(screen.gaps) > 0) await missingYears(con, report, options);
  await con.run('DROP TABLE IF EXISTS mc_series');
  return { rows: rowCount, gaps: rowCount - observations, observations };
}

/** Rows listed in the one issue of an unknown region (all are counted). */
const regionRowsListed = 20;

/**
 * The UNKNOWN_REGION rule, ONE issue per region (not per row): the file's region values that resolve to no region
 * of the store (by id, bare code with the country prefix, or unique name), each with its row count and first rows.
 * An error; with `skipUnknownRegions` a SKIPPED_REGION warning instead, and the returned SQL condition (to AND onto
 * the observations' WHERE) leaves those rows out. Creates `mc_bad_regions` (`v` = the raw value).
 */
async function unknownRegions(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions, rowSql: string): Promise<string> {
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_bad_regions AS
    SELECT d.raw AS v FROM (SELECT DISTINCT region_raw AS raw FROM mc_stage WHERE region_raw IS NOT NULL) d
      LEFT JOIN mc_region_map m ON m.raw = d.raw WHERE coalesce(m.region, d.raw) NOT IN (SELECT id FROM mc_region_ids)`);
  if (num((await all(con, 'SELECT count(*)::BIGINT AS n FROM mc_bad_regions'))[0]?.n) === 0) return '';
  const skip = options.skipUnknownRegions === true;
  const code: ValidationCode = skip ? 'SKIPPED_REGION' : 'UNKNOWN_REGION';
  const groups = `SELECT region_raw AS v, count(*)::BIGINT AS n, min(${rowSql})::BIGINT AS first,
      list(${rowSql}::BIGINT ORDER BY ${rowSql})[1:${regionRowsListed}] AS rows
    FROM mc_stage WHERE (value_raw IS NOT NULL OR withheld_raw = 'true') AND region_raw IN (SELECT v FROM mc_bad_regions)
    GROUP BY region_raw`;
  const total = num((await all(con, `SELECT count(*)::BIGINT AS n FROM (${groups})`))[0]?.n);
  const listed = await all(con, `${groups} ORDER BY first LIMIT ${report.cap}`);
  const column = options.columns.region ?? 'region';
  for (const g of listed) {
    const n = num(g.n);
    const rows = (g.rows as unknown[]).map(num);
    const where = `${n} row${n === 1 ? '' : 's'}: ${rows.join(', ')}${n > rows.length ? ', …' : ''}`;
    report.add(
      code,
      num(g.first),
      column,
      text(g.v),
      skip
        ? `a region of the store; skipped (--skip-unknown-regions), not imported — ${where}`
        : `a region id of the store (e.g. CN-130100, JP-13101, US-36061) or a unique region name — ${where}; --skip-unknown-regions imports the other rows`,
    );
  }
  report.countOmitted(code, total - listed.length);
  return skip ? ' AND coalesce(region_raw NOT IN (SELECT v FROM mc_bad_regions), true)' : '';
}

const keyText = `concat_ws(' | ', region, year_raw, indicator, coalesce(classification, '(total)'), coalesce(industry, '(total)'), source, coalesce(vintage_raw, 'single'))`;

async function duplicateKeys(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  const groups = `SELECT ${keyText} AS key, list(_row ORDER BY _row) AS rows, list(_col ORDER BY _row) AS cols, count(*) AS n
    FROM mc_flagged GROUP BY region, year_raw, indicator, classification, industry, source, coalesce(vintage_raw, 'single') HAVING count(*) > 1`;
  const total = num((await all(con, `SELECT coalesce(sum(n - 1), 0)::BIGINT AS n FROM (${groups})`))[0]?.n);
  if (total === 0) return;
  const rows = await all(con, `${groups} ORDER BY rows[1] LIMIT 1000`);
  let listed = 0;
  for (const row of rows) {
    const at = (row.rows as unknown[]).map(num);
    const cols = row.cols as unknown[];
    for (let k = 1; k < at.length && report.wants('DUPLICATE_KEY'); k++) {
      report.add(
        'DUPLICATE_KEY',
        at[k] as number,
        text(cols[k]) ?? options.columns.region ?? 'region',
        text(row.key),
        `one row per key (region | year | indicator | classification | industry | source | vintage); first at row ${at[0]}`,
      );
      listed++;
    }
  }
  report.countOmitted('DUPLICATE_KEY', total - listed);
}

async function mixedUnits(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  const sql = `WITH f AS (
      SELECT region, indicator, classification, industry, arg_min(unit, _row) AS first_unit, min(_row) AS first_row
      FROM mc_obs WHERE unit IS NOT NULL GROUP BY region, indicator, classification, industry HAVING min(unit) <> max(unit))
    SELECT o._row::BIGINT AS row, o.unit_original AS value, f.first_unit, f.first_row::BIGINT AS first_row
    FROM mc_obs o JOIN f ON o.region = f.region AND o.indicator = f.indicator
      AND o.classification IS NOT DISTINCT FROM f.classification AND o.industry IS NOT DISTINCT FROM f.industry
    WHERE o.unit <> f.first_unit`;
  const total = num((await all(con, `SELECT count(*)::BIGINT AS n FROM (${sql})`))[0]?.n);
  if (total === 0) return;
  const rows = await all(con, `${sql} ORDER BY o._row LIMIT 1000`);
  let listed = 0;
  for (const row of rows) {
    if (!report.wants('MIXED_UNITS')) break;
    report.add(
      'MIXED_UNITS',
      num(row.row),
      options.columns.unit ?? 'unit',
      text(row.value),
      `${text(row.first_unit)}, the unit of the series since row ${num(row.first_row)}`,
    );
    listed++;
  }
  report.countOmitted('MIXED_UNITS', total - listed);
}

const fmt = (x: number): string => String(Number(x.toPrecision(12)));

async function sectionSums(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  const tol = options.sumTolerance;
  const sql = `WITH t AS (
      SELECT region, year, indicator, source, vintage_raw, _row, _col, value_raw, number * factor AS value, factor
      FROM mc_obs WHERE industry IS NULL AND classification IS NULL AND NOT withheld AND number IS NOT NULL AND factor IS NOT NULL),
    s AS (
      SELECT o.region, o.year, o.indicator, o.source, o.vintage_raw, o.classification, sum(o.number * o.factor) AS total, count(*) AS n,
        bool_or(o.withheld OR o.number IS NULL OR o.factor IS NULL) AS incomplete
      FROM mc_obs o JOIN mc_industries i ON i.classification = o.classification AND i.code = o.industry AND i.top
      GROUP BY o.region, o.year, o.indicator, o.source, o.vintage_raw, o.classification),
    -- A group with fewer sections than its classification has (a file may publish only some sections, as the
    -- store's own tables do) may only fall short of the total: only a complete group is checked from below.
    m AS (SELECT classification, count(DISTINCT code) AS full_n FROM mc_industries WHERE top GROUP BY ALL)
    SELECT t._row::BIGINT AS row, t._col AS col, t.value_raw AS value, s.total / t.factor AS sum_original, s.n::BIGINT AS n, s.classification
    FROM t JOIN s ON t.region = s.region AND t.year = s.year AND t.indicator = s.indicator AND t.source = s.source
      AND t.vintage_raw IS NOT DISTINCT FROM s.vintage_raw
      JOIN m ON m.classification = s.classification
    WHERE NOT s.incomplete AND (s.total - t.value > ${tol} * abs(t.value) OR (s.n = m.full_n AND t.value - s.total > ${tol} * abs(t.value)))`;
  const total = num((await all(con, `SELECT count(*)::BIGINT AS n FROM (${sql})`))[0]?.n);
  if (total === 0) return;
  const rows = await all(con, `${sql} ORDER BY t._row, s.classification LIMIT 1000`);
  let listed = 0;
  for (const row of rows) {
    if (!report.wants('SUM_MISMATCH')) break;
    report.add(
      'SUM_MISMATCH',
      num(row.row),
      text(row.col) ?? options.columns.value ?? 'value',
      text(row.value),
      `the sum of its ${num(row.n)} ${text(row.classification)} sections, ${fmt(Number(row.sum_original))}, within ${fmt(tol * 100)}%`,
    );
    listed++;
  }
  report.countOmitted('SUM_MISMATCH', total - listed);
}

async function missingYears(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  const sql = `WITH present AS (
      SELECT DISTINCT region, indicator, classification, industry, source, year FROM mc_flagged),
    s AS (
      SELECT region, indicator, classification, industry, source, min(year) AS lo, max(year) AS hi FROM present
      GROUP BY ALL HAVING max(year) - min(year) + 1 > count(*)),
    want AS (SELECT region, indicator, classification, industry, source, unnest(range(lo, hi + 1))::INTEGER AS year FROM s),
    missing AS (SELECT * FROM want EXCEPT SELECT * FROM present)
    SELECT m.*, s.lo, s.hi FROM missing m JOIN s ON m.region = s.region AND m.indicator = s.indicator AND m.source = s.source
      AND m.classification IS NOT DISTINCT FROM s.classification AND m.industry IS NOT DISTINCT FROM s.industry`;
  const total = num((await all(con, `SELECT count(*)::BIGINT AS n FROM (${sql})`))[0]?.n);
  if (total === 0) return;
  const rows = await all(con, `${sql} ORDER BY region, indicator, classification NULLS FIRST, industry NULLS FIRST, source, year LIMIT 1000`);
  let listed = 0;
  for (const row of rows) {
    if (!report.wants('MISSING_YEAR')) break;
    const series = [text(row.region), text(row.indicator), text(row.classification) ?? '(total)', text(row.industry) ?? '(total)', text(row.source)].join(
      ' | ',
    );
    report.add(
      'MISSING_YEAR',
      null,
      options.columns.year ?? 'year',
      String(num(row.year)),
      `a row for every year ${num(row.lo)}–${num(row.hi)} of the series ${series}`,
    );
    listed++;
  }
  report.countOmitted('MISSING_YEAR', total - listed);
}
