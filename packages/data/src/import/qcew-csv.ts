/**
 * BLS Quarterly Census of Employment and Wages, annual-averages CSV as published (single file or by area/industry
 * slices): `area_fips, own_code, industry_code, agglvl_code, size_code, year, qtr, disclosure_code, …,
 * annual_avg_emplvl, …`. Kept: private ownership (`own_code = 5`), annual rows (`qtr = A`), the area total
 * (`industry_code = 10` at agglvl 11/41/51/71) and NAICS sectors (agglvl 14/44/54/74, codes as published:
 * `31-33`, `44-45`, `48-49`); other rows are skipped. Areas: `US000` → `US`, `SS000` → `US-SS`, county `SSCCC` →
 * `US-SSCCC`, MSA `C3562` → `US-CBSA-35620`; unknown-county (`SS999`) and CSA rows are skipped. Indicator
 * `employees` (annual average employment), unit persons, classification NAICS-2017; `disclosure_code = N` → withheld.
 * Industry `99` (unclassified) is not a NAICS sector: its rows get the indicator `employees_unclassified` with no
 * classification or industry, apart from the sectors (as CBP's `99----`). A statewide file (every county of a
 * state) imports as it is: the store holds every state and county (FIPS 2019). Headers and fields re-quoted by a
 * spreadsheet are read as in cbp-county.ts.
 */
import { bareColumnName, bareFieldSql, unclassifiedIndicator } from './cbp-county.ts';
import { describe, lit, loadTextCsv, rowNumberSql, type StageContext, type Staged } from './stage.ts';

export async function stageQcewCsv(ctx: StageContext, path: string): Promise<Staged | null> {
  const encoding = await loadTextCsv(ctx, path, 'mc_src', ',');
  if (encoding === null) return null;
  const { names } = await describe(ctx.con, 'mc_src');
  const rowSql = await rowNumberSql(ctx.con, 'mc_src', 2);
  const col = new Map<string, string>();
  for (const n of names) if (!col.has(bareColumnName(n))) col.set(bareColumnName(n), n);
  let ok = true;
  for (const need of ['area_fips', 'own_code', 'industry_code', 'agglvl_code', 'year', 'annual_avg_emplvl']) {
    if (!col.has(need)) {
      const hint = need === 'annual_avg_emplvl' ? 'an annual-averages QCEW file (column annual_avg_emplvl)' : `the QCEW column ${need}`;
      ctx.report.add('MISSING_COLUMN', null, need, null, `${hint}; columns found: ${names.join(', ')}`);
      ok = false;
    }
  }
  if (!ok) return null;
  const c = (name: string) => (col.has(name) ? bareFieldSql(col.get(name) as string) : 'NULL::VARCHAR');
  const industry = c('industry_code');
  const area = c('area_fips');
  await ctx.con.run(`CREATE OR REPLACE TEMP VIEW mc_raw AS
    SELECT ${rowSql} AS _row, ${lit(col.get('annual_avg_emplvl') as string)} AS _col,
      CASE WHEN ${area} = 'US000' THEN 'US'
           WHEN ${area} LIKE 'C%' THEN 'US-CBSA-' || substr(${area}, 2) || '0'
           WHEN right(${area}, 3) = '000' THEN 'US-' || left(${area}, 2)
           ELSE 'US-' || ${area} END AS region,
      ${c('year')} AS year, CASE WHEN ${industry} = '99' THEN ${lit(unclassifiedIndicator)} END AS indicator,
      CASE WHEN ${industry} IN ('10', '99') THEN NULL ELSE 'NAICS-2017' END AS classification,
      CASE WHEN ${industry} IN ('10', '99') THEN NULL ELSE ${industry} END AS industry,
      CASE WHEN ${c('disclosure_code')} = 'N' THEN 'N' ELSE ${c('annual_avg_emplvl')} END AS value,
      NULL::VARCHAR AS unit, NULL::VARCHAR AS source, NULL::VARCHAR AS vintage, NULL::VARCHAR AS vintage_date,
      NULL::VARCHAR AS withheld, NULL::VARCHAR AS break_in_series, NULL::VARCHAR AS estimated,
      CASE WHEN ${industry} = '99' THEN 'BLS QCEW: annual average employment, private ownership, NAICS 99 unclassified (not a sector)'
           ELSE 'BLS QCEW: annual average employment, private ownership' END AS note
    FROM mc_src
    WHERE ${c('own_code')} = '5' AND coalesce(${c('qtr')}, 'A') = 'A'
      AND ((${c('agglvl_code')} IN ('11', '41', '51', '71') AND ${c('industry_code')} = '10') OR ${c('agglvl_code')} IN ('14', '44', '54', '74'))
      AND right(${area}, 3) <> '999' AND ${area} NOT LIKE 'CS%'`);
  const counts = (
    await ctx.con.runAndReadAll(`SELECT (SELECT count(*) FROM mc_src)::BIGINT AS a, (SELECT count(*) FROM mc_raw)::BIGINT AS b`)
  ).getRowObjectsJS()[0] as { a: bigint; b: bigint };
  return {
    columns: {
      region: col.get('area_fips') as string,
      year: col.get('year') as string,
      industry: col.get('industry_code') as string,
      value: col.get('annual_avg_emplvl') as string,
    },
    skippedRows: Number(counts.a - counts.b),
    encoding,
    detected: { indicator: 'employees', unit: 'persons', classification: 'NAICS-2017', regionPrefix: 'US', source: 'bls-qcew' },
  };
}
