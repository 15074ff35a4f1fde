/**
 * Shannon entropy of each region's industry mix (diversity).
 *
 * Reference: Shannon C.E. (1948) Bell System Technical Journal 27; Theil H. (1967) Economics and Information
 * Theory; Frenken K., van Oort F., Verburg T. (2007) Regional Studies 41(5). Conventions: EconGeo `entropy`
 * (log2, rounded to 3 dp there — not here).
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _eachRegionWithTotal, assertMatrix, checkChoice, readOptions } from './internal.ts';

/** Logarithm base of the entropy measures. */
export type EntropyLog = 'log2' | 'ln';

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /** `"log2"` (default; bits, EconGeo) or `"ln"` (nats; Theil's natural-log entropy). */
  readonly log?: EntropyLog;
}

/** Defaults of {@link EntropyOptions}. */
export const defaultEntropyOptions = { log: 'log2' } as const satisfies EntropyOptions;

/** `−Σ_i s_ri log s_ri` per region (0·log 0 = 0) into `out`; zero-total rows flagged in `absent`. */
function _entropy(values: Float64Array, nR: number, nI: number, rowTotals: Float64Array, log: EntropyLog, out: Float64Array, absent: Uint8Array): void {
  const lg = log === 'log2' ? Math.log2 : Math.log;
  _eachRegionWithTotal(nR, rowTotals, out, absent, (r, t) => {
    const base = r * nI;
    let sum = 0;
    for (let i = 0; i < nI; i++) {
      const v = values[base + i] as number;
      if (v === 0) continue;
      const s = v / t;
      sum -= s * lg(s);
    }
    // A single industry gives −1·log 1 = −0; report +0.
    return sum === 0 ? 0 : sum;
  });
}

/**
 * Entropy (diversity) per region.
 *
 * Formula: `E_r = −Σ_i s_ri log2 s_ri` with `0·log 0 = 0`, no epsilon, no rounding; `"ln"` uses the natural log.
 *
 * Range and meaning: `[0, log n]` for `n` industries; 0 = all activity in one industry, `log n` = spread evenly.
 * Higher = more diversified. For the split into related and unrelated variety see {@link variety}.
 *
 * Edge cases: a single industry gives 0; a zero-total region kept by `zeroTotals: "keep"` is absent.
 *
 * Reference: Shannon (1948); Frenken et al. (2007). Agrees with EconGeo `entropy` (which rounds to 3 dp).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * entropy(m).values; // Float64Array [0.8112…, 0.6500…]
 * ```
 */
export function entropy(matrix: RegionIndustryMatrix, options?: EntropyOptions): LabelledVector {
  const fn = 'entropy';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const log = checkChoice(fn, 'log', opts.log ?? defaultEntropyOptions.log, ['log2', 'ln'] as const);
  const nR = matrix.regionCount;
  const out = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  _entropy(matrix.values, nR, matrix.industryCount, matrix.regionTotals(), log, out, absent);
  return labelledVector(matrix.regions, out, absent);
}
