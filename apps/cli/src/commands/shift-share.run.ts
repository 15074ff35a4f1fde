/** The work of `metrocoop shift-share` (loaded only when the command runs). */
import { writeFileSync } from 'node:fs';
import { dunnShiftShare, estebanMarquillasShiftShare, gerfinShiftShare, type LabelledVector, vectorToArray } from '@metrocoop/core/measures';
import { readLongCsv } from '@metrocoop/data/measures';
import type { CliContext } from '../context.ts';
import type { ShiftShareCommandOptions } from './shift-share.ts';

export async function runShiftShare(ctx: CliContext, o: ShiftShareCommandOptions): Promise<void> {
  const read = (file: string) =>
    readLongCsv(file, { regionColumn: o.regionColumn, industryColumn: o.industryColumn, valueColumn: o.valueColumn, zeroTotals: 'keep' });
  const t1 = read(o.from);
  const t2 = read(o.to);
  const options = { zeroBase: o.zeroBase };
  const result =
    o.method === 'dunn'
      ? dunnShiftShare(t1, t2, options)
      : o.method === 'esteban'
        ? estebanMarquillasShiftShare(t1, t2, options)
        : gerfinShiftShare(t1, t2, options);
  const components = result.components as Record<string, LabelledVector>;
  let text: string;
  if (o.format === 'csv') {
    const names = Object.keys(components);
    const lines = [`region,${names.join(',')}`];
    result.regions.forEach((region, r) => {
      lines.push([region, ...names.map((n) => vectorToArray(components[n] as LabelledVector)[r] ?? '')].join(','));
    });
    text = `${lines.join('\n')}\n`;
  } else {
    const doc: Record<string, unknown> = {
      regions: result.regions,
      method: result.method,
      components: Object.fromEntries(Object.entries(components).map(([name, v]) => [name, vectorToArray(v)])),
    };
    if (result.excluded.length > 0) doc.excluded = result.excluded;
    text = `${JSON.stringify(doc)}\n`;
  }
  if (o.out === undefined) ctx.out(text);
  else writeFileSync(o.out, text);
}
