/**
 * Parquet files in the canonical long layout (the columns of the canonical CSV, any types: numbers, text,
 * booleans), read by DuckDB's built-in Parquet reader. Row numbers are record numbers from 1.
 */
import { quoteLiteral } from '../store/ddl.ts';
import { describe, firstLine, type StageContext, type Staged, stageLong } from './stage.ts';

export async function stageParquet(ctx: StageContext, path: string): Promise<Staged | null> {
  try {
    await ctx.con.run(`CREATE OR REPLACE TEMP TABLE mc_src AS SELECT * FROM read_parquet(${quoteLiteral(path)})`);
  } catch (error) {
    ctx.report.add('PARSE_ERROR', null, null, firstLine(error), 'a Parquet file');
    return null;
  }
  const { names, types } = await describe(ctx.con, 'mc_src');
  const columns = await stageLong(ctx, 'mc_src', names, types);
  if (columns === null) return null;
  return { columns, skippedRows: 0, encoding: null, stagedAt: { offset: 1 } };
}
