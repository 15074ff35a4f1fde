/**
 * JSON files in the canonical long layout: an array of objects (or newline-delimited objects) with the keys of the
 * canonical CSV (`region, year, indicator, industry, classification, value, unit, source`, optional `vintage`,
 * `withheld`, …); values may be numbers or strings (a withheld marker such as "(D)"). Read by DuckDB's built-in
 * JSON reader. Row numbers are record numbers from 1.
 */
import { quoteLiteral } from '../store/ddl.ts';
import { describe, firstLine, type StageContext, type Staged, stageLong } from './stage.ts';

export async function stageJson(ctx: StageContext, path: string): Promise<Staged | null> {
  try {
    await ctx.con.run(`CREATE OR REPLACE TEMP TABLE mc_src AS SELECT * FROM read_json(${quoteLiteral(path)}, format = 'auto', sample_size = -1)`);
  } catch (error) {
    ctx.report.add('PARSE_ERROR', null, null, firstLine(error), 'a JSON array of objects, or one JSON object per line');
    return null;
  }
  const { names, types } = await describe(ctx.con, 'mc_src');
  const columns = await stageLong(ctx, 'mc_src', names, types);
  if (columns === null) return null;
  return { columns, skippedRows: 0, encoding: 'utf-8', stagedAt: { offset: 1 } };
}
