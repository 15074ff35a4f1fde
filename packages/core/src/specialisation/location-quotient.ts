/**
 * Location quotient (LQ, 区位熵; Balassa's RCA on exports).
 *
 * Reference: Isard W. (1960) Methods of Regional Analysis, MIT Press; Balassa B. (1965) The Manchester School
 * 33(2). Conventions: docs/spec/measures.md ("Specialisation and concentration"); EconGeo `location_quotient`,
 * REAT `locq` (ratio) and REAT `locq(…, "a")`-style additive difference.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkChoice, industryReference, type ReferenceTotals, readOptions } from './internal.ts';
import { specialisationMessages as msg } from './messages.ts';

/** Options of {@link locationQuotient}. */
export interface LocationQuotientOptions {
  /**
   * `"ratio"` (default): `(x_ri/x_r)/(x_i/x)`, range [0, ∞), 1 = same share as the reference.
   * `"additive"`: `s_ri − s_i` (REAT's additive variant), range (−1, 1), 0 = same share as the reference.
   */
  readonly variant?: 'ratio' | 'additive';
  /**
   * Reference totals for `x_i` and `x`. Default: the matrix itself (the metro area is its own reference).
   * Another {@link RegionIndustryMatrix} (e.g. the national table) contributes its industry totals and its grand
   * total (which may include industries not in this matrix); a {@link LabelledVector} over industries gives
   * `x_i` directly and its sum is `x`. Every industry of the matrix must be present in the reference.
   */
  readonly reference?: ReferenceTotals;
}

/** Defaults of {@link LocationQuotientOptions} (`reference` defaults to the matrix itself). */
export const defaultLocationQuotientOptions = { variant: 'ratio' } as const satisfies LocationQuotientOptions;

/**
 * Ratio LQ into `out` (length nR·nI). `x_ri = 0` gives 0 (also in a zero-total row). Returns the index of a cell
 * with `x_ri > 0` but a zero reference total (the LQ would be infinite), or -1.
 */
export function _locationQuotient(
  values: Float64Array,
  nR: number,
  nI: number,
  rowTotals: Float64Array,
  refTotals: Float64Array,
  refTotal: number,
  out: Float64Array,
): number {
  const refShare = new Float64Array(nI);
  let zeroShares = 0;
  for (let i = 0; i < nI; i++) {
    refShare[i] = (refTotals[i] as number) / refTotal;
    if (refShare[i] === 0) zeroShares++;
  }
  // No branch per cell (most cells of real tables are 0, at random places, which a branch mispredicts): 0 / x = 0.
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    const xr = rowTotals[r] as number;
    if (xr === 0) {
      out.fill(0, base, base + nI);
      continue;
    }
    for (let i = 0; i < nI; i++) out[base + i] = (values[base + i] as number) / xr / (refShare[i] as number);
  }
  // An industry with a zero reference share: its cells are 0 (0/0 above), unless a region has it — an error.
  if (zeroShares > 0) {
    for (let i = 0; i < nI; i++) {
      if (refShare[i] !== 0) continue;
      for (let r = 0; r < nR; r++) {
        const k = r * nI + i;
        if ((values[k] as number) > 0 && (rowTotals[r] as number) > 0) return k;
        out[k] = 0;
      }
    }
  }
  return -1;
}

/**
 * Ratio LQ of `matrix` against `refTotals`/`refTotal` into `out`, throwing `ZERO_REFERENCE` (in the name of `fn`)
 * where a cell with `x_ri > 0` meets a zero reference total.
 */
export function _checkedLocationQuotient(fn: string, matrix: RegionIndustryMatrix, refTotals: Float64Array, refTotal: number, out: Float64Array): void {
  const nI = matrix.industryCount;
  const bad = _locationQuotient(matrix.values, matrix.regionCount, nI, matrix.regionTotals(), refTotals, refTotal, out);
  if (bad >= 0) {
    const label = matrix.industries[bad % nI] as string;
    throw new InvalidInputError(msg.zeroWeight(fn, 'the reference total', label, matrix.values[bad] as number), { industry: label }, 'ZERO_REFERENCE');
  }
}

/**
 * Ratio LQ of every cell with the matrix as its own reference (the metro area against itself), row-major, as a
 * new array — the LQ every other topic builds on (presence, Gini of LQ, gradient, urban flow, cooperation,
 * relatedness). 0 where `x_ri = 0`, also in a zero-total region. A cell with `x_ri > 0` always has `x_i > 0`, so
 * the only failure is an industry share that underflows to 0 (`ZERO_REFERENCE`, in the name of `fn`).
 */
export function _ownLocationQuotient(fn: string, matrix: RegionIndustryMatrix): Float64Array {
  const out = new Float64Array(matrix.regionCount * matrix.industryCount);
  _checkedLocationQuotient(fn, matrix, matrix.industryTotals(), matrix.total(), out);
  return out;
}

/**
 * `bytes_ri = 1[LQ_ri ≥ t]` with the matrix as its own reference, without an R × I matrix of LQs (12 MB at 3,000 ×
 * 500, whose first touch alone costs ≈ 30 ms): each LQ is the same expression as in {@link _locationQuotient}, so
 * the bytes equal `_ownLocationQuotient(…) ≥ t` bit for bit, and a zero reference share fails on the same cell.
 */
export function _ownPresenceBytes(fn: string, matrix: RegionIndustryMatrix, t: number, bytes: Uint8Array): void {
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const values = matrix.values;
  const rowTotals = matrix.regionTotals();
  const refTotals = matrix.industryTotals();
  const refTotal = matrix.total();
  const refShare = new Float64Array(nI);
  let zeroShares = 0;
  for (let i = 0; i < nI; i++) {
    refShare[i] = (refTotals[i] as number) / refTotal;
    if (refShare[i] === 0) zeroShares++;
  }
  // The check of _locationQuotient, in its order (industry by industry, then region).
  if (zeroShares > 0) {
    for (let i = 0; i < nI; i++) {
      if (refShare[i] !== 0) continue;
      for (let r = 0; r < nR; r++) {
        const k = r * nI + i;
        if ((values[k] as number) > 0 && (rowTotals[r] as number) > 0) {
          const label = matrix.industries[i] as string;
          throw new InvalidInputError(msg.zeroWeight(fn, 'the reference total', label, values[k] as number), { industry: label }, 'ZERO_REFERENCE');
        }
      }
    }
  }
  const zero = 0 >= t ? 1 : 0;
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    const xr = rowTotals[r] as number;
    if (xr === 0) {
      bytes.fill(zero, base, base + nI);
      continue;
    }
    for (let i = 0; i < nI; i++) bytes[base + i] = (values[base + i] as number) / xr / (refShare[i] as number) >= t ? 1 : 0;
  }
  // Cells of an industry with a zero reference share have LQ 0 (0/0 above).
  if (zeroShares > 0) for (let i = 0; i < nI; i++) if (refShare[i] === 0) for (let r = 0; r < nR; r++) bytes[r * nI + i] = zero;
}

/**
 * Location quotient of every region × industry cell.
 *
 * Formula: `LQ_ri = (x_ri / x_r) / (x_i / x)`; additive variant `s_ri − s_i`.
 *
 * Range and meaning: `[0, ∞)`; 1 = region r holds industry i in the same proportion as the reference, > 1 =
 * over-represented ("specialised", basic sector), < 1 = under-represented. With the matrix as its own
 * reference, the `x_r`-weighted mean of LQ over regions is 1 for every industry.
 *
 * Edge cases: `x_ri = 0` gives 0 (spec convention), also in a zero-total region kept by `zeroTotals: "keep"`;
 * in the additive variant a zero-total region has no shares and its row is absent. A reference total of 0 for
 * an industry the region has is an `InvalidInputError` (`ZERO_REFERENCE`); a reference missing an industry is a
 * `NotFoundError` (`UNKNOWN_LABEL`); a bad option is `INVALID_OPTION`.
 *
 * Reference: Isard (1960); Balassa (1965). Agrees with EconGeo `location_quotient` and REAT `locq`.
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * locationQuotient(m).values; // Float64Array [1.875, 0.41666…, 0.41666…, 1.38888…]
 * ```
 */
export function locationQuotient(matrix: RegionIndustryMatrix, options?: LocationQuotientOptions): LabelledMatrix {
  const fn = 'locationQuotient';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const variant = checkChoice(fn, 'variant', opts.variant ?? defaultLocationQuotientOptions.variant, ['ratio', 'additive'] as const);
  const ref = industryReference(fn, matrix, opts.reference);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const out = new Float64Array(nR * nI);
  if (variant === 'ratio') {
    _checkedLocationQuotient(fn, matrix, ref.totals, ref.total, out);
    return labelledMatrix(matrix.regions, matrix.industries, out);
  }
  const absent = new Uint8Array(nR * nI);
  const rowTotals = matrix.regionTotals();
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    const xr = rowTotals[r] as number;
    if (xr === 0) {
      absent.fill(1, base, base + nI);
      continue;
    }
    for (let i = 0; i < nI; i++) out[base + i] = (matrix.values[base + i] as number) / xr - (ref.totals[i] as number) / ref.total;
  }
  return labelledMatrix(matrix.regions, matrix.industries, out, absent);
}
