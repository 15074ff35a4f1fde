/**
 * Hachman index of each region: how closely its industry mix resembles the reference economy's.
 *
 * Reference: the index is attributed to Frank Hachman (Bureau of Economic and Business Research, University of
 * Utah); the implementation follows EconGeo `hachman` (Balland 2017, Papers in Evolutionary Economic Geography
 * 17.09) — see methods.md M14.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _eachRegionWithTotal, assertMatrix, industryReference, type ReferenceTotals, readOptions } from './internal.ts';
import { specialisationMessages as msg } from './messages.ts';

/** Options of {@link hachman}. */
export interface HachmanOptions {
  /** Reference totals, as in {@link locationQuotient}. Default: the matrix itself. */
  readonly reference?: ReferenceTotals;
}

/** Defaults of {@link HachmanOptions} (`reference` defaults to the matrix itself). */
export const defaultHachmanOptions = {} as const satisfies HachmanOptions;

/**
 * Hachman index per region.
 *
 * Formula: `HI_r = 1 / Σ_i s_ri · LQ_ri` = `1 / Σ_i s_ri² / s_i` with `s_ri = x_ri/x_r`, `s_i = x_i/x`.
 *
 * Range and meaning: `(0, 1]`; 1 = the region's mix equals the reference mix (a "miniature" of the area),
 * towards 0 = concentrated in industries the reference barely has. Read it as similarity to the reference
 * economy (a diversification measure relative to the reference, unlike entropy).
 *
 * Edge cases: a single region or a single industry gives 1 (against its own totals). A zero-total region kept by
 * `zeroTotals: "keep"` is absent. A reference total of 0 for an industry the region has is an
 * `InvalidInputError` (`ZERO_REFERENCE`).
 *
 * Reference: Hachman (attributed); Balland (2017). Agrees with EconGeo `hachman`.
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * hachman(m).values; // Float64Array [0.6620…, 0.8150…]
 * ```
 */
export function hachman(matrix: RegionIndustryMatrix, options?: HachmanOptions): LabelledVector {
  const fn = 'hachman';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const ref = industryReference(fn, matrix, opts.reference);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const values = matrix.values;
  const rowTotals = matrix.regionTotals();
  const out = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  _eachRegionWithTotal(nR, rowTotals, out, absent, (r, t) => {
    const base = r * nI;
    let sum = 0;
    for (let i = 0; i < nI; i++) {
      const v = values[base + i] as number;
      if (v === 0) continue;
      const refShare = (ref.totals[i] as number) / ref.total;
      if (refShare === 0) {
        const label = matrix.industries[i] as string;
        throw new InvalidInputError(msg.zeroWeight(fn, 'the reference total', label, v), { industry: label }, 'ZERO_REFERENCE');
      }
      const s = v / t;
      sum += s * (s / refShare);
    }
    return 1 / sum;
  });
  return labelledVector(matrix.regions, out, absent);
}
