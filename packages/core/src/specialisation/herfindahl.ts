/**
 * Herfindahl(–Hirschman) index of each region's industry mix.
 *
 * Reference: Hirschman A.O. (1964) American Economic Review 54(5); Herfindahl O.C. (1950) thesis, Columbia.
 * Conventions: EconGeo `herfindahl`, REAT `herf` (with `norm` for the normalised variant).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _eachRegionWithTotal, assertMatrix, checkBoolean, readOptions } from './internal.ts';
import { specialisationMessages as msg } from './messages.ts';

/** Options of {@link herfindahl}. */
export interface HerfindahlOptions {
  /**
   * `false` (default): `H = Σ_i s_ri²`, range `[1/n, 1]`. `true`: `(H − 1/n)/(1 − 1/n)`, range `[0, 1]`, where
   * `n` is the number of industries of the matrix (REAT `herf(…, norm = TRUE)`).
   */
  readonly normalized?: boolean;
}

/** Defaults of {@link HerfindahlOptions}. */
export const defaultHerfindahlOptions = { normalized: false } as const satisfies HerfindahlOptions;

/** `Σ_i s_ri²` per region into `out`; zero-total rows flagged in `absent`. */
function _herfindahl(values: Float64Array, nR: number, nI: number, rowTotals: Float64Array, out: Float64Array, absent: Uint8Array): void {
  _eachRegionWithTotal(nR, rowTotals, out, absent, (r, t) => {
    const base = r * nI;
    let sum = 0;
    for (let i = 0; i < nI; i++) {
      const s = (values[base + i] as number) / t;
      sum += s * s;
    }
    return sum;
  });
}

/**
 * Herfindahl index per region.
 *
 * Formula: `H_r = Σ_i s_ri²`, `s_ri = x_ri/x_r`; normalised `(H_r − 1/n)/(1 − 1/n)`.
 *
 * Range and meaning: `[1/n, 1]` (normalised `[0, 1]`); 1 = all activity in one industry, `1/n` = spread evenly
 * over the `n` industries. `1/H` is the "equivalent number" of equally sized industries.
 *
 * Edge cases: a single industry gives `H = 1`; the normalised variant needs ≥ 2 industries
 * (`InvalidInputError`, `TOO_FEW_INDUSTRIES`). A zero-total region kept by `zeroTotals: "keep"` is absent.
 *
 * Reference: Hirschman (1964). Agrees with EconGeo `herfindahl` and REAT `herf`.
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * herfindahl(m).values; // Float64Array [0.625, 0.7222…]
 * ```
 */
export function herfindahl(matrix: RegionIndustryMatrix, options?: HerfindahlOptions): LabelledVector {
  const fn = 'herfindahl';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const normalized = checkBoolean(fn, 'normalized', opts.normalized ?? defaultHerfindahlOptions.normalized);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  if (normalized && nI < 2) throw new InvalidInputError(msg.tooFewIndustries(fn, 'normalized: true', nI), undefined, 'TOO_FEW_INDUSTRIES');
  const out = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  _herfindahl(matrix.values, nR, nI, matrix.regionTotals(), out, absent);
  if (normalized) {
    const floor = 1 / nI;
    for (let r = 0; r < nR; r++) if (absent[r] === 0) out[r] = ((out[r] as number) - floor) / (1 - floor);
  }
  return labelledVector(matrix.regions, out, absent);
}
