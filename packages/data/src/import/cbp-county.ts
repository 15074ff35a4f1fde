/**
 * US Census County Business Patterns county files as published (`cbpYYco.txt` / `.csv`): columns `fipstate,
 * fipscty, naics, emp_nf, emp, qp1_nf, qp1, ap_nf, ap, est, …` (files before 2017 also `empflag`), any case.
 * Kept: the county total (`naics = "------"`, no industry) and NAICS sectors (`11----`, `31----` → `31-33`,
 * `44----` → `44-45`, `48----` → `48-49`); finer levels (`113///`, `1133//`, …) and statewide rows (`fipscty =
 * 999`) are skipped. Region `US-<fipstate><fipscty>`; indicator `employees` (mid-March employees), unit persons,
 * classification NAICS-2017 (state `--classification` for other vintages); the year comes from `--year` or the
 * file name (`cbp19co.txt` → 2019). Withheld employment — `empflag` set (a size class A–M, emp = 0) or `emp_nf`
 * `D`/`S`/`N` — is imported as withheld, never 0. NAICS `99----` (industries not classified) is not a sector: its
 * rows get the indicator `employees_unclassified` with no classification or industry (see {@link unclassifiedIndicator}).
 *
 * Spreadsheet re-quoting is read: a header or field wrapped in extra double or single quotes (`"""emp"""`,
 * `'emp'`), spaces around fields, an Excel text formula (`="01"`) and codes that lost their leading zeros (`1` for
 * `01`) give the same rows as the file as published.
 */
import { basename } from 'node:path';
import { quoteIdentifier } from '../store/ddl.ts';
import { describe, lit, loadTextCsv, rowNumberSql, type StageContext, type Staged } from './stage.ts';

/**
 * The indicator of the "industries not classified" rows of CBP (`99----`) and QCEW (`99`): NAICS 99 is not a
 * sector, so those rows are kept apart from the sector rows (no classification or industry; never summed with
 * the sectors, never taken for a sector in an analysis), under their own indicator.
 */
export const unclassifiedIndicator = 'employees_unclassified';

/**
 * A column name as a spreadsheet may have re-quoted it (`"emp"`, `'emp'`, ` emp `, `="emp"`) → `emp` (lower case).
 */
export function bareColumnName(name: string): string {
  let n = name.trim();
  for (let k = 0; k < 4; k++) n = n.replace(/^=/, '').replace(/^["'\s]+|["'\s]+$/g, '');
  return n.toLowerCase();
}

/** SQL of a text field without the quotes, spaces and `=` a spreadsheet may have added around it. */
export function bareFieldSql(column: string): string {
  const strip = `' "''' || chr(9)`;
  const trimmed = `trim(${quoteIdentifier(column)}, ${strip})`;
  return `trim(CASE WHEN starts_with(${trimmed}, '=') THEN substr(${trimmed}, 2) ELSE ${trimmed} END, ${strip})`;
}

/** The year in a CBP file name (`cbp19co.txt` → 2019, `cbp98co` → 1998), or null. */
export function cbpYearFromName(file: string): number | null {
  const m = /cbp(\d{2})co/i.exec(basename(file));
  if (m === null) return null;
  const yy = Number(m[1]);
  return yy >= 86 ? 1900 + yy : 2000 + yy;
}

export async function stageCbpCounty(ctx: StageContext, path: string, file: string): Promise<Staged | null> {
  const encoding = await loadTextCsv(ctx, path, 'mc_src', ',');
  if (encoding === null) return null;
  const { names } = await describe(ctx.con, 'mc_src');
  const rowSql = await rowNumberSql(ctx.con, 'mc_src', 2);
  const col = new Map<string, string>();
  for (const n of names) if (!col.has(bareColumnName(n))) col.set(bareColumnName(n), n);
  let ok = true;
  for (const need of ['fipstate', 'fipscty', 'naics', 'emp']) {
    if (!col.has(need)) {
      ctx.report.add('MISSING_COLUMN', null, need, null, `the CBP county column ${need}; columns found: ${names.join(', ')}`);
      ok = false;
    }
  }
  if (!ok) return null;
  const c = (name: string) => (col.has(name) ? bareFieldSql(col.get(name) as string) : 'NULL::VARCHAR');
  const naics = c('naics');
  const year = ctx.stated.year ?? cbpYearFromName(file);
  const withheldFlag = `CASE WHEN coalesce(${c('empflag')}, '') <> '' THEN 'D' WHEN ${c('emp_nf')} IN ('D', 'S', 'N') THEN ${c('emp_nf')} END`;
  await ctx.con.run(`CREATE OR REPLACE TEMP VIEW mc_raw AS
    SELECT ${rowSql} AS _row, ${lit(col.get('emp') as string)} AS _col,
      'US-' || lpad(${c('fipstate')}, 2, '0') || lpad(${c('fipscty')}, 3, '0') AS region,
      NULL::VARCHAR AS year, CASE WHEN ${naics} = '99----' THEN ${lit(unclassifiedIndicator)} END AS indicator,
      CASE WHEN ${naics} IN ('------', '99----') THEN NULL ELSE 'NAICS-2017' END AS classification,
      CASE WHEN ${naics} IN ('------', '99----') THEN NULL
           WHEN left(${naics}, 2) = '31' THEN '31-33' WHEN left(${naics}, 2) = '44' THEN '44-45'
           WHEN left(${naics}, 2) = '48' THEN '48-49' ELSE left(${naics}, 2) END AS industry,
      coalesce(${withheldFlag}, ${c('emp')}) AS value,
      NULL::VARCHAR AS unit, NULL::VARCHAR AS source, NULL::VARCHAR AS vintage, NULL::VARCHAR AS vintage_date,
      NULL::VARCHAR AS withheld, NULL::VARCHAR AS break_in_series, NULL::VARCHAR AS estimated,
      CASE WHEN ${naics} = '99----' THEN 'County Business Patterns: paid employees in the pay period including March 12, NAICS 99 industries not classified (not a sector)'
           ELSE 'County Business Patterns: paid employees in the pay period including March 12' END AS note
    FROM mc_src
    WHERE (${naics} = '------' OR regexp_full_match(${naics}, '[0-9]{2}-{4}')) AND ${c('fipscty')} <> '999'`);
  const counts = (
    await ctx.con.runAndReadAll(`SELECT (SELECT count(*) FROM mc_src)::BIGINT AS a, (SELECT count(*) FROM mc_raw)::BIGINT AS b`)
  ).getRowObjectsJS()[0] as { a: bigint; b: bigint };
  const detected: Record<string, string | number> = { indicator: 'employees', unit: 'persons', classification: 'NAICS-2017', regionPrefix: 'US' };
  if (year !== null) {
    detected.year = year;
    detected.source = `census-cbp-${year}`;
  }
  return {
    columns: { region: 'fipstate+fipscty', industry: col.get('naics') as string, value: col.get('emp') as string, year: 'file name' },
    skippedRows: Number(counts.a - counts.b),
    encoding,
    detected,
  };
}
