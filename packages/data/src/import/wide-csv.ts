/**
 * The wide CSV: one row per region (and year), one column per industry — the layout of most yearbook tables
 * saved as CSV. Key columns are recognised by header (`region`/`地区`, `year`/`年份`, `indicator`/`指标`,
 * `unit`/`单位`, `source`/`来源`, `classification`, `note`); the region column defaults to the first column;
 * every other column is an industry (code, `code name`, or name — see industry-headers.ts) or the total
 * (`合计`, `Total`). UTF-8 or GBK/GB18030, delimiter detected. Reshaped by DuckDB's UNPIVOT (empty cells are
 * gaps and produce no row). Row numbers: header = row 1; the value's column is reported.
 */
import { quoteIdentifier } from '../store/ddl.ts';
import { keyField, mapIndustryHeaders } from './industry-headers.ts';
import type { RawField } from './raw-csv.ts';
import { describe, lit, loadTextCsv, rowNumberSql, type StageContext, type Staged } from './stage.ts';

export async function stageWideCsv(ctx: StageContext, path: string): Promise<Staged | null> {
  const encoding = await loadTextCsv(ctx, path, 'mc_src', null);
  if (encoding === null) return null;
  const { names } = await describe(ctx.con, 'mc_src');
  const rowSql = await rowNumberSql(ctx.con, 'mc_src', 2);
  const keys = new Map<RawField, string>();
  const industryColumns: string[] = [];
  for (const name of names) {
    const field = keyField(name);
    if (field !== undefined && !keys.has(field)) keys.set(field, name);
    else industryColumns.push(name);
  }
  if (!keys.has('region')) {
    const first = names[0];
    if (first !== undefined) {
      keys.set('region', first);
      industryColumns.splice(industryColumns.indexOf(first), 1);
    }
  }
  if (industryColumns.length === 0) {
    ctx.report.add('MISSING_COLUMN', null, null, null, `at least one industry or total column besides the key columns; columns found: ${names.join(', ')}`);
    return null;
  }
  const { classification, mappings } = mapIndustryHeaders(industryColumns, ctx.industries, ctx.stated.classification);
  const headerRows = mappings.map((m) => `(${lit(m.header)}, ${lit(m.industry)}, ${m.industry === null ? 'NULL::VARCHAR' : lit(classification)})`);
  // Typed: a table whose headers map to no industry would otherwise get INTEGER columns from the NULL literals.
  await ctx.con.run(
    `CREATE OR REPLACE TEMP TABLE mc_headers AS SELECT header::VARCHAR AS header, industry::VARCHAR AS industry, classification::VARCHAR AS classification
     FROM (VALUES ${headerRows.join(', ')}) t(header, industry, classification)`,
  );
  const key = (f: RawField) => (keys.has(f) ? `CAST(u.${quoteIdentifier(keys.get(f) as string)} AS VARCHAR)` : 'NULL::VARCHAR');
  const keyList = [...keys.values()].map(quoteIdentifier).join(', ');
  await ctx.con.run(`CREATE OR REPLACE TEMP VIEW mc_raw AS
    SELECT u._row, u._col, ${key('region')} AS region, ${key('year')} AS year, ${key('indicator')} AS indicator,
      CASE WHEN h.industry IS NULL THEN NULL ELSE coalesce(${key('classification')}, h.classification) END AS classification, h.industry AS industry, u.value AS value,
      ${key('unit')} AS unit, ${key('source')} AS source, NULL::VARCHAR AS vintage, NULL::VARCHAR AS vintage_date,
      NULL::VARCHAR AS withheld, NULL::VARCHAR AS break_in_series, NULL::VARCHAR AS estimated, ${key('note')} AS note
    FROM (UNPIVOT (SELECT ${rowSql} AS _row, ${keyList}, ${industryColumns.map((c) => `CAST(${quoteIdentifier(c)} AS VARCHAR) AS ${quoteIdentifier(c)}`).join(', ')} FROM mc_src)
          ON ${industryColumns.map(quoteIdentifier).join(', ')} INTO NAME _col VALUE value) u
    JOIN mc_headers h ON h.header = u._col`);
  const columns: Partial<Record<RawField, string>> = {};
  for (const [f, name] of keys) columns[f] = name;
  columns.industry = columns.industry ?? '(column header)';
  const detected = classification === null ? {} : { classification };
  return { columns, skippedRows: 0, encoding, detected };
}
