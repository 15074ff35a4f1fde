/**
 * Internal helpers shared by the specialisation, concentration and similarity measures: input and option checks,
 * share vectors, and the alignment of reference vectors to the matrix's labels. Not part of the public surface.
 */

import { coreMessages } from '../errors/messages.ts';
import { InvalidInputError, NotFoundError } from '../errors/metro-error.ts';
import type { LabelledVector } from '../matrix/labelled.ts';
import { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { specialisationMessages as msg } from './messages.ts';

/** Throw unless `matrix` is a {@link RegionIndustryMatrix}. */
export function assertMatrix(fn: string, matrix: unknown): asserts matrix is RegionIndustryMatrix {
  if (!(matrix instanceof RegionIndustryMatrix)) throw new InvalidInputError(msg.notAMatrix(fn, matrix), undefined, 'INVALID_INPUT');
}

/** Throw unless `options` is an object (or undefined); returns it as a partial record. */
export function readOptions<T extends object>(fn: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidInputError(msg.notAnObject(fn, 'options', options), undefined, 'INVALID_OPTION');
  }
  return options;
}

/** Throw unless `value` is one of `allowed`. */
export function checkChoice<T extends string>(fn: string, option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(coreMessages.invalidOption(fn, option, value, allowed.map((a) => `"${a}"`).join(', ')), { option }, 'INVALID_OPTION');
  }
  return value as T;
}

/** Throw unless `value` is a boolean. */
export function checkBoolean(fn: string, option: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InvalidInputError(coreMessages.invalidOption(fn, option, value, 'true or false'), { option }, 'INVALID_OPTION');
  return value;
}

/** Throw unless `value` is a finite number ≥ 0. */
export function checkNonNegative(fn: string, option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidInputError(coreMessages.invalidOption(fn, option, value, 'a finite number ≥ 0'), { option }, 'INVALID_OPTION');
  }
  return value;
}

/** True when `value` looks like a {@link LabelledVector}. */
function isLabelledVector(value: unknown): value is LabelledVector {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { labels?: unknown; values?: unknown };
  return Array.isArray(v.labels) && v.values instanceof Float64Array;
}

/**
 * Align a labelled vector to `labels`: every label must be present, every value finite and ≥ 0, absent entries
 * refused. Extra labels are ignored. Returns the aligned values.
 */
export function alignVector(fn: string, what: string, kind: string, vector: unknown, labels: readonly string[]): Float64Array {
  if (!isLabelledVector(vector))
    throw new InvalidInputError(
      coreMessages.invalidOption(fn, what, vector, 'a LabelledVector { labels, values: Float64Array }'),
      { option: what },
      'INVALID_OPTION',
    );
  if (vector.values.length !== vector.labels.length) {
    throw new InvalidInputError(coreMessages.shapeMismatch(fn, `${what}.values`, vector.values.length, vector.labels.length), undefined, 'SHAPE_MISMATCH');
  }
  const index = new Map<string, number>();
  vector.labels.forEach((label, k) => index.set(label, k));
  const out = new Float64Array(labels.length);
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k] as string;
    const at = index.get(label);
    if (at === undefined || vector.absent?.[at] === 1) throw new NotFoundError(msg.missingLabel(fn, what, kind, label), { label }, 'UNKNOWN_LABEL');
    const v = vector.values[at] as number;
    if (!Number.isFinite(v) || v < 0) throw new InvalidInputError(msg.badWeight(fn, what, label, v), { label }, 'INVALID_WEIGHT');
    out[k] = v;
  }
  return out;
}

/** Sum of the present, finite values of a labelled vector (each checked ≥ 0). */
function vectorTotal(fn: string, what: string, vector: LabelledVector): number {
  let total = 0;
  for (let k = 0; k < vector.values.length; k++) {
    if (vector.absent?.[k] === 1) continue;
    const v = vector.values[k] as number;
    if (!Number.isFinite(v) || v < 0)
      throw new InvalidInputError(msg.badWeight(fn, what, vector.labels[k] as string, v), { label: vector.labels[k] }, 'INVALID_WEIGHT');
    total += v;
  }
  return total;
}

/** Reference industry totals `x_i` and grand total `x` (the denominator `x_i/x` of the LQ). */
export interface IndustryReference {
  readonly totals: Float64Array;
  readonly total: number;
}

/** Reference totals accepted by LQ-based measures: another matrix (its industry totals) or an industry vector. */
export type ReferenceTotals = RegionIndustryMatrix | LabelledVector;

/**
 * Resolve the reference totals: the matrix's own industry totals, another matrix's industry totals (its grand
 * total includes industries absent here), or a vector over industries (its sum is the grand total).
 */
export function industryReference(fn: string, matrix: RegionIndustryMatrix, reference: ReferenceTotals | undefined): IndustryReference {
  if (reference === undefined) return { totals: matrix.industryTotals(), total: matrix.total() };
  if (reference instanceof RegionIndustryMatrix) {
    const own = reference.industryTotals();
    const totals = alignVector(fn, 'options.reference', 'industry', { labels: reference.industries, values: own }, matrix.industries);
    return { totals, total: reference.total() };
  }
  const totals = alignVector(fn, 'options.reference', 'industry', reference, matrix.industries);
  const total = vectorTotal(fn, 'options.reference', reference);
  if (total === 0) throw new InvalidInputError(msg.zeroSum(fn, 'options.reference'), undefined, 'ZERO_TOTAL');
  return { totals, total };
}

/** Row shares `s_ri = x_ri / x_r` (0 in a zero-total row) and a mask of zero-total rows. */
export function _regionShares(values: Float64Array, nR: number, nI: number, rowTotals: Float64Array): { shares: Float64Array; zeroRows: Uint8Array } {
  const shares = new Float64Array(nR * nI);
  const zeroRows = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) {
    const t = rowTotals[r] as number;
    if (t === 0) {
      zeroRows[r] = 1;
      continue;
    }
    const base = r * nI;
    for (let i = 0; i < nI; i++) shares[base + i] = (values[base + i] as number) / t;
  }
  return { shares, zeroRows };
}

/**
 * The loop every per-region mix measure shares (entropy, Herfindahl, Hachman, variety): `out[r] = value(r, x_r)`
 * for each region with a positive total; a zero-total region (kept by `zeroTotals: "keep"`) has no shares, so it
 * is flagged in `absent` and `value` is not called.
 */
export function _eachRegionWithTotal(
  nR: number,
  rowTotals: Float64Array,
  out: Float64Array,
  absent: Uint8Array,
  value: (r: number, total: number) => number,
): void {
  for (let r = 0; r < nR; r++) {
    const t = rowTotals[r] as number;
    if (t === 0) absent[r] = 1;
    else out[r] = value(r, t);
  }
}

/** Regional weights for concentration measures: the region totals, uniform `1`, or a population vector. */
export type RegionReference = 'regionTotals' | 'uniform' | LabelledVector;

/** Resolve a {@link RegionReference} to weights `p_r` (not normalised) with a positive sum. */
export function regionWeights(fn: string, matrix: RegionIndustryMatrix, reference: unknown): Float64Array {
  if (reference === 'regionTotals') return matrix.regionTotals();
  if (reference === 'uniform') return new Float64Array(matrix.regionCount).fill(1);
  if (typeof reference === 'string' || !isLabelledVector(reference)) {
    throw new InvalidInputError(
      coreMessages.invalidOption(fn, 'reference', reference, '"regionTotals", "uniform" or a LabelledVector over regions'),
      { option: 'reference' },
      'INVALID_OPTION',
    );
  }
  const weights = alignVector(fn, 'options.reference', 'region', reference, matrix.regions);
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum === 0) throw new InvalidInputError(msg.zeroSum(fn, 'options.reference'), undefined, 'ZERO_TOTAL');
  return weights;
}
