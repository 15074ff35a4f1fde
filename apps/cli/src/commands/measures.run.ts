/** The work of `metrocoop measures` (loaded only when the command runs). */
import { InvalidInputError, parseMeasureList, parseMeasuresOptions } from '@metrocoop/core/measures';
import {
  callbackSink,
  computeMeasuresInParallel,
  fileSink,
  readLongCsv,
  writeMeasuresCsv,
  writeMeasuresJson,
  writeMeasuresParquet,
} from '@metrocoop/data/measures';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { type MeasuresCommandOptions, messages } from './measures.ts';

export async function runMeasures(ctx: CliContext, o: MeasuresCommandOptions): Promise<void> {
  const names = parseMeasureList(o.measures);
  const measureOptions = parseMeasuresOptions(o.option);
  if (o.format === 'parquet' && o.out === undefined) {
    throw new InvalidInputError(messages.parquetNeedsOut, undefined, 'USAGE');
  }
  const t0 = performance.now();
  const matrix = readLongCsv(o.input, {
    regionColumn: o.regionColumn,
    industryColumn: o.industryColumn,
    valueColumn: o.valueColumn,
    duplicates: o.duplicates,
    zeroTotals: o.zeroTotals,
  });
  const t1 = performance.now();
  const { results, notes } = await computeMeasuresInParallel(matrix, names, measureOptions);
  const t2 = performance.now();
  if (o.format === 'parquet') await writeMeasuresParquet(o.out as string, results);
  else {
    const sink = o.out === undefined ? callbackSink(ctx.out) : fileSink(o.out);
    if (o.format === 'csv') await writeMeasuresCsv(sink, results);
    else await writeMeasuresJson(sink, matrix, results, notes);
  }
  const t3 = performance.now();
  if (o.timing) ctx.err(pick(messages.timing(t1 - t0, t2 - t1, t3 - t2, matrix.regionCount, matrix.industryCount), ctx.lang));
}
