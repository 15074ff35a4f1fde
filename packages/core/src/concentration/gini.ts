/**
 * Gini coefficient of a set of values (an industry's values over regions by default), or of location quotients.
 *
 * Reference: Gini C. (1912) Variabilità e mutabilità; for regional use Krugman P. (1991) Geography and Trade.
 * Conventions: EconGeo `gini`, REAT `gini` (values), REAT `gini.conc` (LQs per industry) and `gini.spec` (LQs
 * per region).
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkChoice, readOptions } from '../specialisation/internal.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';

/** Options of {@link gini}. */
export interface GiniOptions {
  /** `"values"` (default): the raw values `x_ri`; `"lq"`: the location quotients `LQ_ri` (REAT `gini.conc`/`gini.spec`). */
  readonly of?: 'values' | 'lq';
  /**
   * `"industry"` (default): one Gini per industry over its regions (concentration); `"region"`: one per region
   * over its industries (specialisation; with `of: "lq"` this is REAT `gini.spec`).
   */
  readonly per?: 'industry' | 'region';
}

/** Defaults of {@link GiniOptions}. */
export const defaultGiniOptions = { of: 'values', per: 'industry' } as const satisfies GiniOptions;

/** Plain Gini of `v` (sorted in place): `1 − (1/n) Σ_k (ν_k + ν_{k−1})`, ν cumulative shares. `sum` > 0. */
function _giniSorted(v: Float64Array, sum: number): number {
  v.sort();
  const n = v.length;
  let prev = 0;
  let cum = 0;
  let acc = 0;
  for (let k = 0; k < n; k++) {
    cum += (v[k] as number) / sum;
    acc += cum + prev;
    prev = cum;
  }
  const g = 1 - acc / n;
  // Equal values can leave −1e-17 from rounding; the Gini is never negative.
  return Math.max(0, g);
}

/**
 * Gini coefficient per industry (or per region).
 *
 * Formula: sort the n values ascending, `ν_k` = cumulative share of the k smallest; `G = 1 − (1/n) Σ_k
 * (ν_k + ν_{k−1})`. Per industry, n is the number of regions and the values are `x_ri` (or `LQ_ri`).
 *
 * Range and meaning: `[0, 1 − 1/n]`; 0 = equal values everywhere, `1 − 1/n` = everything in one place. Unlike
 * {@link hooverGini} it ignores region size: a big region holding much of an industry counts as concentration.
 *
 * Edge cases: one value gives 0; a vector summing to 0 (an industry or region with total 0 kept by
 * `zeroTotals: "keep"`) is absent. Zero-total regions kept by `"keep"` take part as zeros.
 *
 * Reference: Gini (1912). Agrees with EconGeo `gini` (which rounds to 3 dp), REAT `gini`, REAT `gini.conc`
 * (`of: "lq"`) and REAT `gini.spec` (`of: "lq", per: "region"`).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * gini(m).values; // Float64Array [0.25, 0.3333…]
 * ```
 */
export function gini(matrix: RegionIndustryMatrix, options?: GiniOptions): LabelledVector {
  const fn = 'gini';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const of = checkChoice(fn, 'of', opts.of ?? defaultGiniOptions.of, ['values', 'lq'] as const);
  const per = checkChoice(fn, 'per', opts.per ?? defaultGiniOptions.per, ['industry', 'region'] as const);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  let source = matrix.values;
  if (of === 'lq') {
    source = _ownLocationQuotient(fn, matrix);
  }
  const nOut = per === 'industry' ? nI : nR;
  const n = per === 'industry' ? nR : nI;
  const out = new Float64Array(nOut);
  const absent = new Uint8Array(nOut);
  const buf = new Float64Array(n);
  for (let k = 0; k < nOut; k++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const v = per === 'industry' ? (source[j * nI + k] as number) : (source[k * nI + j] as number);
      buf[j] = v;
      sum += v;
    }
    if (sum === 0) {
      absent[k] = 1;
      continue;
    }
    out[k] = _giniSorted(buf, sum);
  }
  return labelledVector(per === 'industry' ? matrix.industries : matrix.regions, out, absent);
}
