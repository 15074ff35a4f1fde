/** Check per-region vectors and square region matrices against a region list; internal to src/spatial/. */
import { InvalidInputError } from '../errors/metro-error.ts';
import type { LabelledMatrix, LabelledVector } from '../matrix/labelled.ts';
import { spatialMessages } from './messages.ts';

/** A finite, non-negative vector with one value per region (plain array or labelled in the same order). */
export function regionVector(fn: string, what: string, v: LabelledVector | Float64Array | readonly number[], regions: readonly string[]): Float64Array {
  const n = regions.length;
  let values: ArrayLike<number>;
  if (v instanceof Float64Array || Array.isArray(v)) values = v as ArrayLike<number>;
  else {
    const lv = v as LabelledVector;
    for (let k = 0; k < n; k++) {
      if (lv.labels[k] !== regions[k])
        throw new InvalidInputError(spatialMessages.labelMismatch(fn, what, regions[k] as string), { region: regions[k] }, 'LABEL_MISMATCH');
      if (lv.absent?.[k] === 1)
        throw new InvalidInputError(spatialMessages.notFinite(fn, what, JSON.stringify(regions[k]), Number.NaN), { region: regions[k] }, 'NOT_FINITE');
    }
    values = lv.values;
  }
  if (values.length !== n) throw new InvalidInputError(spatialMessages.shape(fn, what, values.length, n), undefined, 'SHAPE_MISMATCH');
  const out = Float64Array.from(values);
  for (let k = 0; k < n; k++) {
    const x = out[k] as number;
    if (!Number.isFinite(x))
      throw new InvalidInputError(spatialMessages.notFinite(fn, what, JSON.stringify(regions[k]), x), { region: regions[k] }, 'NOT_FINITE');
    if (x < 0) throw new InvalidInputError(spatialMessages.negative(fn, what, JSON.stringify(regions[k]), x), { region: regions[k] }, 'NEGATIVE_VALUE');
  }
  return out;
}

/** A square region × region matrix with `regions` as rows and columns (same order); absent cells allowed. */
export function regionMatrix(fn: string, what: string, m: LabelledMatrix, regions: readonly string[]): void {
  const n = regions.length;
  if (m.values.length !== n * n || m.rows.length !== n || m.columns.length !== n)
    throw new InvalidInputError(spatialMessages.shape(fn, what, m.values.length, n * n), undefined, 'SHAPE_MISMATCH');
  for (let k = 0; k < n; k++) {
    if (m.rows[k] !== regions[k] || m.columns[k] !== regions[k])
      throw new InvalidInputError(spatialMessages.labelMismatch(fn, what, regions[k] as string), { region: regions[k] }, 'LABEL_MISMATCH');
  }
  const values = m.values;
  const absent = m.absent;
  for (let c = 0; c < n * n; c++) {
    const x = values[c] as number;
    // One cheap test in the hot loop; the message is built only on failure.
    if (x >= 0 && x < Number.POSITIVE_INFINITY) continue;
    if (absent !== undefined && absent[c] === 1) continue;
    const where = `(${regions[Math.floor(c / n)]}, ${regions[c % n]})`;
    if (!Number.isFinite(x)) throw new InvalidInputError(spatialMessages.notFinite(fn, what, where, x), { index: c }, 'NOT_FINITE');
    throw new InvalidInputError(spatialMessages.negative(fn, what, where, x), { index: c }, 'NEGATIVE_VALUE');
  }
}
