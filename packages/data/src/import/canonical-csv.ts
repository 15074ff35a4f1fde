/**
 * The canonical long CSV: one observation per row, columns
 * `region,year,indicator,industry,classification,value,unit,source` (any order; industry and classification empty
 * for totals), optionally `vintage, vintage_date, withheld, break_in_series, estimated, note`. UTF-8 or GBK. Read by
 * DuckDB's CSV reader straight into a temp table — no JS per row — so a 10-million-row file loads in seconds.
 * Row numbers: the header is row 1, the first record row 2 (a record spanning lines counts once).
 */
import { describe, loadTextCsv, rowNumberSql, type StageContext, type Staged, stageLong } from './stage.ts';

export async function stageCanonicalCsv(ctx: StageContext, path: string): Promise<Staged | null> {
  const encoding = await loadTextCsv(ctx, path, 'mc_src', ',');
  if (encoding === null) return null;
  const { names, types } = await describe(ctx.con, 'mc_src');
  const columns = await stageLong(ctx, 'mc_src', names, types, rowNumberSql('mc_src', 2));
  if (columns === null) return null;
  return { columns, skippedRows: 0, encoding };
}
