/**
 * The canonical long CSV: one observation per row, columns
 * `region,year,indicator,industry,classification,value,unit,source` (any order; industry and classification empty
 * for totals), optionally `vintage, vintage_date, withheld, break_in_series, estimated, note`. UTF-8 or GBK. Read by
 * DuckDB's CSV reader straight into the one staging table (validation/rules.ts `stageSelectSql`: fields trimmed
 * and parsed once, no intermediate copy, no JS per row), so a 10-million-row file loads in seconds.
 * Row numbers: the header is row 1, the first record row 2 (a record spanning lines counts once).
 */
import { describe, type StageContext, type Staged, stageLong, withTextCsv } from './stage.ts';

export async function stageCanonicalCsv(ctx: StageContext, path: string): Promise<Staged | null> {
  // The header is sniffed (DESCRIBE reads a sample), then the whole file is read once into mc_stage; both run
  // inside withTextCsv so a CSV error is a PARSE_ERROR and a late invalid UTF-8 byte retries as GBK.
  const loaded = await withTextCsv(ctx, path, ',', async (read) => {
    const { names, types } = await describe(ctx.con, read);
    return stageLong(ctx, read, names, types);
  });
  if (loaded === null || loaded.result === null) return null;
  return { columns: loaded.result, skippedRows: 0, encoding: loaded.encoding, stagedAt: { offset: 2 } };
}
