/**
 * Hoover-Gini (Lorenz-curve concentration of an industry against a reference distribution over regions) and
 * the locational Gini (half of it).
 *
 * Reference: Krugman P. (1991) Geography and Trade, MIT Press (locational Gini); Hoover E.M. (1936) Review of
 * Economics and Statistics 18(4). Conventions: EconGeo `hoover_gini` (unrounded here) and `locational_gini`.
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, type RegionReference, readOptions, regionWeights } from '../specialisation/internal.ts';

/** Options of {@link hooverGini} and {@link locationalGini}. */
export interface HooverGiniOptions {
  /**
   * Reference distribution over regions: `"regionTotals"` (default; `p_r = x_r`, EconGeo's `pop = rowSums`),
   * `"uniform"`, or a {@link LabelledVector} over regions (e.g. population).
   */
  readonly reference?: RegionReference;
}

/** Defaults of {@link HooverGiniOptions}. */
export const defaultHooverGiniOptions = { reference: 'regionTotals' } as const satisfies HooverGiniOptions;

/**
 * Lorenz-area Gini per industry into `out`: regions ordered by `x_ri/p_r` ascending (a region with `p_r = 0` and
 * activity sorts last; one without activity contributes nothing), `G = 1 − Σ_k (P_k − P_{k−1})(C_k + C_{k−1})`.
 * Zero-total industries flagged in `absent`.
 */
function _hooverGini(
  values: Float64Array,
  nR: number,
  nI: number,
  colTotals: Float64Array,
  weights: Float64Array,
  out: Float64Array,
  absent: Uint8Array,
): void {
  let wSum = 0;
  for (let r = 0; r < nR; r++) wSum += weights[r] as number;
  const ratio = new Float64Array(nR);
  const order = new Uint32Array(nR);
  const column = new Float64Array(nR);
  for (let i = 0; i < nI; i++) {
    const t = colTotals[i] as number;
    if (t === 0) {
      absent[i] = 1;
      out[i] = 0;
      continue;
    }
    // Regions without the industry have ratio 0 and come first; they raise P but add no area (C stays 0), so
    // only the regions with x_ri > 0 need sorting.
    let n = 0;
    let prevP = 0;
    for (let r = 0; r < nR; r++) {
      const v = values[r * nI + i] as number;
      if (v === 0) {
        prevP += (weights[r] as number) / wSum;
        continue;
      }
      const p = weights[r] as number;
      column[r] = v;
      ratio[r] = p === 0 ? Number.POSITIVE_INFINITY : v / p;
      order[n++] = r;
    }
    const live = order.subarray(0, n);
    live.sort((a, b) => (ratio[a] as number) - (ratio[b] as number) || a - b);
    let prevC = 0;
    let area = 0;
    for (let k = 0; k < n; k++) {
      const r = live[k] as number;
      const P = prevP + (weights[r] as number) / wSum;
      const C = prevC + (column[r] as number) / t;
      area += (P - prevP) * (C + prevC);
      prevP = P;
      prevC = C;
    }
    out[i] = 1 - area;
  }
}

/**
 * Hoover-Gini per industry: twice the area between the diagonal and the Lorenz curve of the industry's regional
 * shares against the reference shares.
 *
 * Formula: order regions by `x_ri/p_r` ascending; `P_k`, `C_k` the cumulative reference and industry shares;
 * `HG_i = 1 − Σ_k (P_k − P_{k−1})(C_k + C_{k−1})`, `p = x_r` by default.
 *
 * Range and meaning: `[0, 1)`; 0 = the industry is distributed like the reference, towards 1 = concentrated in
 * few regions relative to the reference. Common reading (locational Gini, ½ of this): < 0.3 dispersed,
 * 0.3–0.5 moderate, > 0.5 highly localised — conventions, not thresholds of a test.
 *
 * Edge cases: a single region gives 0. Ties in `x_ri/p_r` do not change the value. An industry with total 0
 * kept by `zeroTotals: "keep"` is absent. Reference vector problems as in {@link hooverLocalization}.
 *
 * Reference: Hoover (1936); Krugman (1991). Agrees with EconGeo `hoover_gini` (which rounds to 3 dp).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * hooverGini(m).values; // Float64Array [0.35, 0.2333…]
 * ```
 */
export function hooverGini(matrix: RegionIndustryMatrix, options?: HooverGiniOptions): LabelledVector {
  const { out, absent } = checkedHooverGini('hooverGini', matrix, options);
  return labelledVector(matrix.industries, out, absent);
}

/** Validate the input and options of `fn` and compute the Hoover–Gini per industry (shared with locationalGini). */
function checkedHooverGini(fn: string, matrix: RegionIndustryMatrix, options: HooverGiniOptions | undefined): { out: Float64Array; absent: Uint8Array } {
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const weights = regionWeights(fn, matrix, opts.reference ?? defaultHooverGiniOptions.reference);
  const nI = matrix.industryCount;
  const out = new Float64Array(nI);
  const absent = new Uint8Array(nI);
  _hooverGini(matrix.values, matrix.regionCount, nI, matrix.industryTotals(), weights, out, absent);
  return { out, absent };
}

/**
 * Locational Gini per industry (Krugman 1991): half the {@link hooverGini}.
 *
 * Formula: `LG_i = ½ HG_i`.
 *
 * Range and meaning: `[0, ½)`; 0 = distributed like total activity, higher = more localised.
 *
 * Edge cases: as {@link hooverGini}.
 *
 * Reference: Krugman (1991). Agrees with EconGeo `locational_gini` (unrounded).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * locationalGini(m).values; // Float64Array [0.175, 0.1166…]
 * ```
 */
export function locationalGini(matrix: RegionIndustryMatrix, options?: HooverGiniOptions): LabelledVector {
  const { out, absent } = checkedHooverGini('locationalGini', matrix, options);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / 2;
  return labelledVector(matrix.industries, out, absent);
}
