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
import { type LocalizedText, pick } from '../i18n.ts';
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
  const { results, notes } = await computeMeasuresInParallel(matrix, names, measureOptions).catch((error: unknown) => {
    throw disconnectedInCliTerms(error);
  });
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

/**
 * The complexity measures (eci, pci, coi, cog) on a presence network that falls apart into blocks — typical of a
 * small table with a high `threshold` — said with the command's own options.
 */
function disconnectedInCliTerms(error: unknown): unknown {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'DISCONNECTED') return error;
  const blocks = Number((error as { details?: { components?: unknown } }).details?.components) || 2;
  const text: LocalizedText = {
    en: `measures: at this presence threshold the regions and industries fall apart into ${blocks} groups that share no industry, so eci, pci, coi and cog cannot rank them on one scale. Add --option components=largest to rank within the largest group, lower --option threshold (default 1), or add regions.`,
    zh: `measures：在此存在性阈值下，地区与产业分裂为 ${blocks} 个互不共享产业的组，eci、pci、coi、cog 无法在同一尺度上排序。请加 --option components=largest 在最大组内排序，或调低 --option threshold（默认 1），或增加地区。`,
  };
  return new InvalidInputError(text, { components: blocks }, 'DISCONNECTED');
}
