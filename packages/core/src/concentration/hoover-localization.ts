/**
 * Hoover coefficient of localisation of each industry: how differently the industry is spread over the regions
 * compared with a reference distribution (total activity, a uniform spread, or population).
 *
 * Reference: Hoover E.M. (1936) "The measurement of industrial localization", Review of Economics and Statistics
 * 18(4). Conventions: REAT `hoover` (fraction, vs region totals), EconGeo `hoover_index` (percent, rounded to
 * 2 dp — we never round).
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkChoice, type RegionReference, readOptions, regionWeights } from '../specialisation/internal.ts';

/** Options of {@link hooverLocalization}. */
export interface HooverLocalizationOptions {
  /**
   * Reference distribution over regions: `"regionTotals"` (default; `x_r/x`, total activity), `"uniform"`
   * (`1/R`, every region alike), or a {@link LabelledVector} over regions (e.g. population; every region present,
   * values ≥ 0, positive sum; extra labels ignored).
   */
  readonly reference?: RegionReference;
  /** `"fraction"` (default, [0, 1)) or `"percent"` (×100, EconGeo's scale). Never rounded. */
  readonly scale?: 'fraction' | 'percent';
}

/** Defaults of {@link HooverLocalizationOptions}. */
export const defaultHooverLocalizationOptions = { reference: 'regionTotals', scale: 'fraction' } as const satisfies HooverLocalizationOptions;

/** `½ Σ_r |x_ri/x_i − w_r/Σw|` per industry into `out`; zero-total industries flagged in `absent`. */
function _hooverLocalization(
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
  out.fill(0);
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    const w = (weights[r] as number) / wSum;
    for (let i = 0; i < nI; i++) {
      const t = colTotals[i] as number;
      if (t === 0) continue;
      out[i] = (out[i] as number) + Math.abs((values[base + i] as number) / t - w);
    }
  }
  for (let i = 0; i < nI; i++) {
    if (colTotals[i] === 0) {
      absent[i] = 1;
      out[i] = 0;
    } else out[i] = (out[i] as number) / 2;
  }
}

/**
 * Hoover localisation coefficient per industry.
 *
 * Formula: `HL_i = ½ Σ_r |x_ri/x_i − p_r/Σp|` with `p_r = x_r` (default), `1`, or a population.
 *
 * Range and meaning: `[0, 1)`; 0 = the industry is spread exactly like the reference (total activity by
 * default), towards 1 = concentrated in regions that hold little of the reference. It is the share of the
 * industry that would have to relocate to match the reference. `"percent"` multiplies by 100.
 *
 * Edge cases: a single region or a single industry (with `"regionTotals"`) gives 0. An industry with total 0
 * kept by `zeroTotals: "keep"` is absent. A reference vector missing a region is a `NotFoundError`; one with a
 * negative or non-finite value, or a zero sum, is an `InvalidInputError`.
 *
 * Reference: Hoover (1936). Agrees with REAT `hoover` (fraction) and EconGeo `hoover_index` (percent; EconGeo
 * rounds to 2 dp).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * hooverLocalization(m).values; // Float64Array [0.35, 0.2333…]
 * ```
 */
export function hooverLocalization(matrix: RegionIndustryMatrix, options?: HooverLocalizationOptions): LabelledVector {
  const fn = 'hooverLocalization';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const weights = regionWeights(fn, matrix, opts.reference ?? defaultHooverLocalizationOptions.reference);
  const scale = checkChoice(fn, 'scale', opts.scale ?? defaultHooverLocalizationOptions.scale, ['fraction', 'percent'] as const);
  const nI = matrix.industryCount;
  const out = new Float64Array(nI);
  const absent = new Uint8Array(nI);
  _hooverLocalization(matrix.values, matrix.regionCount, nI, matrix.industryTotals(), weights, out, absent);
  if (scale === 'percent') for (let i = 0; i < nI; i++) out[i] = (out[i] as number) * 100;
  return labelledVector(matrix.industries, out, absent);
}
