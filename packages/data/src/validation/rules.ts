/**
 * The validation rules, run as set-based SQL over the staged rows (DuckDB), so that a 10-million-row file is
 * checked in a few passes without JS objects per row. Input: the temp relation `mc_raw` (every field as text,
 * `_row` = the row a user sees, `_col` = the source column of the value). Output: the temp table `mc_obs` (typed,
 * normalised, gaps removed) and the issues in a {@link ReportBuilder}.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { idPattern, vintageKinds } from '../model/schemas.ts';
import { quoteLiteral } from '../store/ddl.ts';
import { indicatorUnits, signedUnits, unitConversions, withheldMarkers } from '../import/units.ts';
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
}

/** Counts found by the rules. */
export interface RuleResult {
  /** Records staged (`mc_raw`). */
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
async function createLookups(con: DuckDBConnection, options: RuleOptions): Promise<void> {
  const prefix = options.regionPrefix;
  const scope = prefix === null ? 'TRUE' : `(id = ${lit(prefix)} OR id LIKE ${lit(`${prefix}-%`)})`;
  const strip = (x: string) => `regexp_replace(lower(trim(${x})), '(特别行政区|自治区|自治州|市|省|区|县|都|府|県|道)$', '')`;
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_ids AS SELECT DISTINCT id FROM regions`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_names AS
    WITH n AS (
      SELECT id, ${strip('name_zh')} AS name FROM regions WHERE name_zh IS NOT NULL AND ${scope}
      UNION SELECT id, ${strip('name_en')} FROM regions WHERE name_en IS NOT NULL AND ${scope}
      UNION SELECT id, ${strip('name_local')} FROM regions WHERE name_local IS NOT NULL AND ${scope})
    SELECT name, min(id) AS id FROM n WHERE name <> '' GROUP BY name HAVING count(DISTINCT id) = 1`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_classifications AS SELECT DISTINCT id FROM classifications`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_industries AS SELECT DISTINCT classification, code, (parent IS NULL OR parent = '') AS top FROM industries`);
  const units = unitConversions.map(([o, c, f]) => `(${lit(o.toLowerCase())}, ${lit(c)}, ${f}::DOUBLE)`);
  const canon = [...new Set(unitConversions.map(([, c]) => c))].map((c) => `(${lit(c.toLowerCase())}, ${lit(c)}, 1::DOUBLE)`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_units AS SELECT DISTINCT * FROM (VALUES ${[...units, ...canon].join(', ')}) t(original, canonical, factor)`);
  const allowed = Object.entries(indicatorUnits).flatMap(([ind, us]) => us.map((u) => `(${lit(ind)}, ${lit(u)})`));
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_indicator_units AS SELECT * FROM (VALUES ${allowed.join(', ')}) t(indicator, unit)`);
}

/** Build `mc_obs` from `mc_raw` and collect every issue into `report`. */
export async function runRules(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<RuleResult> {
  await createLookups(con, options);
  const strip = (x: string) => `regexp_replace(lower(${x}), '(特别行政区|自治区|自治州|市|省|区|县|都|府|県|道)$', '')`;
  const markers = list([...withheldMarkers, ...options.markers]);
  const prefix = options.regionPrefix;
  const t = (f: string) => `nullif(trim(${f}), '')`;
  // Region ids, bare codes and names are resolved once per distinct value (a few hundred), not per row.
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_region_map AS
    WITH d AS (SELECT DISTINCT nullif(trim(region), '') AS raw FROM mc_raw)
    SELECT d.raw, coalesce(rid.id, ${prefix === null ? '' : `CASE WHEN regexp_full_match(d.raw, '[0-9]+') THEN ${lit(prefix)} || '-' || d.raw END, `}rn.id, d.raw) AS region
    FROM d LEFT JOIN mc_region_ids rid ON rid.id = d.raw LEFT JOIN mc_region_names rn ON rn.name = ${strip('d.raw')}
    WHERE d.raw IS NOT NULL`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_obs AS
    WITH r AS (
      SELECT _row, _col,
        ${t('region')} AS region_raw,
        coalesce(${t('year')}, ${lit(options.year === null ? null : String(options.year))}) AS year_raw,
        coalesce(${t('indicator')}, ${lit(options.indicator)}) AS indicator,
        ${t('industry')} AS industry,
        coalesce(${t('classification')}, CASE WHEN ${t('industry')} IS NOT NULL THEN ${lit(options.classification)} END) AS classification,
        ${t('value')} AS value_raw,
        coalesce(${t('unit')}, ${lit(options.unit)}) AS unit_original,
        coalesce(${t('source')}, ${lit(options.source)}) AS source,
        ${t('vintage')} AS vintage_raw,
        ${t('vintage_date')} AS vintage_date,
        lower(${t('withheld')}) AS withheld_raw,
        lower(${t('break_in_series')}) AS break_raw,
        lower(${t('estimated')}) AS estimated_raw,
        ${t('note')} AS note
      FROM mc_raw
      WHERE ${t('value')} IS NOT NULL OR lower(${t('withheld')}) = 'true')
    SELECT r.*,
      coalesce(rm.region, region_raw) AS region,
      TRY_CAST(year_raw AS INTEGER) AS year,
      (value_raw IN (${markers}) OR coalesce(withheld_raw = 'true', false)) AS withheld,
      TRY_CAST(replace(value_raw, ',', '') AS DOUBLE) AS number,
      u.canonical AS unit,
      u.factor AS factor
    FROM r
    LEFT JOIN mc_region_map rm ON rm.raw = r.region_raw
    LEFT JOIN mc_units u ON u.original = lower(r.unit_original)`);

  // Ids and (indicator, unit) pairs are checked once per distinct value; the row rules then join small tables.
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_bad_ids AS
    SELECT * FROM (SELECT DISTINCT 'indicator' AS field, indicator AS v FROM mc_obs UNION ALL SELECT DISTINCT 'source', source FROM mc_obs
      UNION ALL SELECT DISTINCT 'classification', classification FROM mc_obs)
    WHERE v IS NOT NULL AND NOT regexp_full_match(v, ${lit(idRegex)})`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_bad_units AS
    SELECT DISTINCT indicator, unit FROM mc_obs o
    WHERE unit IS NOT NULL AND indicator IN (SELECT indicator FROM mc_indicator_units)
      AND NOT EXISTS (SELECT 1 FROM mc_indicator_units i WHERE i.indicator = o.indicator AND i.unit = o.unit)`);
  const col = (field: string) => lit(options.columns[field] ?? field);
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
    { code: 'MISSING_FIELD', where: 'indicator IS NULL', column: col('indicator'), value: 'NULL', expected: 'an indicator id such as gdp or employees (or --indicator)' },
    { code: 'MISSING_FIELD', where: 'unit_original IS NULL', column: col('unit'), value: 'NULL', expected: 'a unit such as 万人, 亿元, persons or CNY (or --unit)' },
    { code: 'MISSING_FIELD', where: 'source IS NULL', column: col('source'), value: 'NULL', expected: 'a source id (or --source)' },
    { code: 'INVALID_YEAR', where: 'year_raw IS NOT NULL AND (year IS NULL OR year NOT BETWEEN 1900 AND 2100)', column: col('year'), value: 'year_raw', expected: 'an integer year between 1900 and 2100' },
    { code: 'INVALID_ID', where: `indicator IN (SELECT v FROM mc_bad_ids WHERE field = 'indicator')`, column: col('indicator'), value: 'indicator', expected: 'an id of letters, digits and - _ . : / without spaces' },
    { code: 'INVALID_ID', where: `source IN (SELECT v FROM mc_bad_ids WHERE field = 'source')`, column: col('source'), value: 'source', expected: 'an id of letters, digits and - _ . : / without spaces' },
    { code: 'INVALID_ID', where: `classification IN (SELECT v FROM mc_bad_ids WHERE field = 'classification')`, column: col('classification'), value: 'classification', expected: 'an id of letters, digits and - _ . : / without spaces' },
    { code: 'INVALID_VALUE', where: `vintage_raw IS NOT NULL AND vintage_raw NOT IN (${vintages})`, column: col('vintage'), value: 'vintage_raw', expected: `one of ${vintageKinds.join(', ')}` },
    { code: 'INVALID_VALUE', where: `withheld_raw IS NOT NULL AND withheld_raw NOT IN ${bools}`, column: col('withheld'), value: 'withheld_raw', expected: 'true or false' },
    { code: 'INVALID_VALUE', where: `break_raw IS NOT NULL AND break_raw NOT IN ${bools}`, column: col('break_in_series'), value: 'break_raw', expected: 'true or false' },
    { code: 'INVALID_VALUE', where: `estimated_raw IS NOT NULL AND estimated_raw NOT IN ${bools}`, column: col('estimated'), value: 'estimated_raw', expected: 'true or false' },
    { code: 'NON_NUMERIC', where: 'NOT withheld AND value_raw IS NOT NULL AND (number IS NULL OR NOT isfinite(number))', column: valueCol, value: 'value_raw', expected: 'a finite number, or a withheld marker such as D, (D), S, N, … or -' },
    { code: 'NEGATIVE_VALUE', where: `NOT withheld AND number < 0 AND coalesce(unit NOT IN (${signed}), true)`, column: valueCol, value: 'value_raw', expected: 'a non-negative value (counts and amounts cannot be negative)' },
    { code: 'WITHHELD', where: 'withheld', column: valueCol, value: 'value_raw', expected: 'a published value; imported as withheld = true with no value' },
    { code: 'UNKNOWN_UNIT', where: 'unit_original IS NOT NULL AND unit IS NULL', column: col('unit'), value: 'unit_original', expected: 'a known unit such as persons, 万人, CNY, 亿元, 万元, JPY, million JPY, USD, thousand USD, km2, percent' },
    {
      code: 'UNIT_MISMATCH',
      where: `(indicator, unit) IN (SELECT (indicator, unit) FROM mc_bad_units)`,
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
    { code: 'UNKNOWN_REGION', where: 'region IS NOT NULL AND region NOT IN (SELECT id FROM mc_region_ids)', column: col('region'), value: 'region_raw', expected: `${lit('a region id of the store (e.g. CN-130100, JP-13101, US-36061) or a unique region name')}` },
    {
      code: 'UNKNOWN_CLASSIFICATION',
      where: `classification IS NOT NULL AND regexp_full_match(classification, ${lit(idRegex)}) AND classification NOT IN (SELECT id FROM mc_classifications)`,
      column: col('classification'),
      value: 'classification',
      expected: `'a classification id of the store (e.g. GBT4754-2017, NAICS-2017)'`,
    },
    {
      code: 'UNKNOWN_INDUSTRY',
      where: `industry IS NOT NULL AND classification IN (SELECT id FROM mc_classifications) AND (classification, industry) NOT IN (SELECT (classification, code) FROM mc_industries)`,
      column: `coalesce(_col, ${col('industry')})`,
      value: 'industry',
      expected: `'an industry code of ' || classification`,
    },
  ];
  // One pass counts every row rule; listing queries run only for rules that fired.
  const countSql = rowRules.map((r, k) => `count(*) FILTER (WHERE ${r.where})::BIGINT AS c${k}`).join(',\n  ');
  const counts = (await all(con, `SELECT count(*)::BIGINT AS n, ${countSql} FROM mc_obs`))[0] ?? {};
  const observations = num(counts.n);
  const expectedSql = (e: string) => (e.startsWith("'") || e.startsWith('CASE') ? e : lit(e));
  for (let k = 0; k < rowRules.length; k++) {
    const rule = rowRules[k] as RowRule;
    const n = num(counts[`c${k}`]);
    if (n === 0) continue;
    const rows = await all(
      con,
      `SELECT _row::BIGINT AS row, ${rule.column} AS col, ${rule.value}::VARCHAR AS value, ${expectedSql(rule.expected)} AS expected
       FROM mc_obs WHERE ${rule.where} ORDER BY _row, col LIMIT 100000`,
    );
    let listed = 0;
    for (const row of rows) {
      if (!report.wants(rule.code)) break;
      report.add(rule.code, num(row.row), text(row.col), text(row.value), text(row.expected));
      listed++;
    }
    report.countOmitted(rule.code, n - listed);
  }

  // One aggregation per series (hashed key) finds the series with a repeated year or a year gap: only those can
  // hold duplicate keys or missing years, and only their rows are examined exactly (a hash collision can only add
  // series to examine, never hide one).
  const seriesHash = 'hash(region, indicator, classification, industry, source)';
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_series AS
    SELECT ${seriesHash} AS h FROM mc_obs WHERE year BETWEEN 1900 AND 2100
    GROUP BY h HAVING count(*) <> count(DISTINCT year) OR count(DISTINCT year) <> max(year) - min(year) + 1`);
  await con.run(`CREATE OR REPLACE TEMP TABLE mc_flagged AS
    SELECT * FROM mc_obs WHERE year BETWEEN 1900 AND 2100 AND ${seriesHash} IN (SELECT h FROM mc_series)`);
  await duplicateKeys(con, report, options);
  await mixedUnits(con, report, options);
  await sectionSums(con, report, options);
  await missingYears(con, report, options);
  const raw = (await all(con, 'SELECT count(*)::BIGINT AS n FROM mc_raw'))[0];
  const rows = num(raw?.n);
  return { rows, gaps: rows - observations, observations };
}

const keyText = `concat_ws(' | ', region, year_raw, indicator, coalesce(classification, '(total)'), coalesce(industry, '(total)'), source)`;

async function duplicateKeys(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  const groups = `SELECT ${keyText} AS key, list(_row ORDER BY _row) AS rows, list(_col ORDER BY _row) AS cols, count(*) AS n
    FROM mc_flagged GROUP BY region, year_raw, indicator, classification, industry, source HAVING count(*) > 1`;
  const total = num((await all(con, `SELECT coalesce(sum(n - 1), 0)::BIGINT AS n FROM (${groups})`))[0]?.n);
  if (total === 0) return;
  const rows = await all(con, `${groups} ORDER BY rows[1] LIMIT 1000`);
  let listed = 0;
  for (const row of rows) {
    const at = (row.rows as unknown[]).map(num);
    const cols = row.cols as unknown[];
    for (let k = 1; k < at.length && report.wants('DUPLICATE_KEY'); k++) {
      report.add('DUPLICATE_KEY', at[k] as number, text(cols[k]) ?? options.columns.region ?? 'region', text(row.key), `one row per key (region | year | indicator | classification | industry | source); first at row ${at[0]}`);
      listed++;
    }
  }
  report.countOmitted('DUPLICATE_KEY', total - listed);
}

async function mixedUnits(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  // Cheap screen on a hashed series key; the exact query runs only when some series mixes units.
  const screen = await all(con, `SELECT count(*)::BIGINT AS n FROM (SELECT hash(region, indicator, classification, industry) AS h
    FROM mc_obs WHERE unit IS NOT NULL GROUP BY h HAVING min(unit) <> max(unit))`);
  if (num(screen[0]?.n) === 0) return;
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
    report.add('MIXED_UNITS', num(row.row), options.columns.unit ?? 'unit', text(row.value), `${text(row.first_unit)}, the unit of the series since row ${num(row.first_row)}`);
    listed++;
  }
  report.countOmitted('MIXED_UNITS', total - listed);
}

const fmt = (x: number): string => String(Number(x.toPrecision(12)));

async function sectionSums(con: DuckDBConnection, report: ReportBuilder, options: RuleOptions): Promise<void> {
  const tol = options.sumTolerance;
  const sql = `WITH t AS (
      SELECT region, year, indicator, source, _row, _col, value_raw, number * factor AS value, factor
      FROM mc_obs WHERE industry IS NULL AND classification IS NULL AND NOT withheld AND number IS NOT NULL AND factor IS NOT NULL),
    s AS (
      SELECT o.region, o.year, o.indicator, o.source, o.classification, sum(o.number * o.factor) AS total, count(*) AS n,
        bool_or(o.withheld OR o.number IS NULL OR o.factor IS NULL) AS incomplete
      FROM mc_obs o JOIN mc_industries i ON i.classification = o.classification AND i.code = o.industry AND i.top
      GROUP BY o.region, o.year, o.indicator, o.source, o.classification),
    -- A group with fewer sections than the fullest group of its table has gaps: its sum may only fall short.
    m AS (SELECT indicator, source, classification, max(n) AS full_n FROM s GROUP BY ALL)
    SELECT t._row::BIGINT AS row, t._col AS col, t.value_raw AS value, s.total / t.factor AS sum_original, s.n::BIGINT AS n, s.classification
    FROM t JOIN s ON t.region = s.region AND t.year = s.year AND t.indicator = s.indicator AND t.source = s.source
      JOIN m ON m.indicator = s.indicator AND m.source = s.source AND m.classification = s.classification
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
    const series = [text(row.region), text(row.indicator), text(row.classification) ?? '(total)', text(row.industry) ?? '(total)', text(row.source)].join(' | ');
    report.add('MISSING_YEAR', null, options.columns.year ?? 'year', String(num(row.year)), `a row for every year ${num(row.lo)}–${num(row.hi)} of the series ${series}`);
    listed++;
  }
  report.countOmitted('MISSING_YEAR', total - listed);
}
