/**
 * Presence (binary RCA, `M_cp`): whether a region holds an industry at or above a threshold of the LQ and/or
 * of the per-capita RPOP test.
 *
 * Reference: Hidalgo C., Klinger B., Barabási A.-L., Hausmann R. (2007) Science 317(5837); py-ecomplexity
 * `presence_test` ("rca", "rpop", "both"); EconGeo `location_quotient(…, binary = TRUE)`.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { alignVector, assertMatrix, checkChoice, checkNonNegative, industryReference, type ReferenceTotals, readOptions } from './internal.ts';
import { _checkedLocationQuotient } from './location-quotient.ts';
import { specialisationMessages as msg } from './messages.ts';

/** Options of {@link presence}. */
export interface PresenceOptions {
  /** LQ threshold `t`: present when `LQ_ri ≥ t`. Default 1; any finite number ≥ 0. */
  readonly threshold?: number;
  /**
   * Which test decides: `"lq"` (default) the location quotient; `"rpop"` the per-capita test
   * `(x_ri/pop_r)/(x_i/Σ_r pop_r) ≥ rpopThreshold`; `"both"` present when either test passes (py-ecomplexity's
   * `presence_test="both"` adds the two binary matrices; we clip the sum to 1).
   */
  readonly test?: 'lq' | 'rpop' | 'both';
  /** RPOP threshold. Default 1; any finite number ≥ 0. */
  readonly rpopThreshold?: number;
  /** Population per region (a vector over region labels; every region present, values ≥ 0). Needed by "rpop"/"both". */
  readonly population?: LabelledVector;
  /** Reference totals for the LQ test, as in {@link locationQuotient}. Default: the matrix itself. */
  readonly reference?: ReferenceTotals;
}

/** Defaults of {@link PresenceOptions}. */
export const defaultPresenceOptions = { threshold: 1, test: 'lq', rpopThreshold: 1 } as const satisfies PresenceOptions;

/**
 * RPOP `(x_ri/pop_r)/(x_i/Σpop)` into `out`; 0 where `x_ri = 0`. Returns the index of a cell with `x_ri > 0` in a
 * region of zero population (an infinite ratio), or -1.
 */
function _rpop(values: Float64Array, nR: number, nI: number, population: Float64Array, colTotals: Float64Array, out: Float64Array): number {
  let popTotal = 0;
  for (let r = 0; r < nR; r++) popTotal += population[r] as number;
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    const pop = population[r] as number;
    for (let i = 0; i < nI; i++) {
      const v = values[base + i] as number;
      if (v === 0) {
        out[base + i] = 0;
        continue;
      }
      if (pop === 0) return base + i;
      out[base + i] = v / pop / ((colTotals[i] as number) / popTotal);
    }
  }
  return -1;
}

/**
 * Binary presence matrix `B_ri ∈ {0, 1}` (regions × industries).
 *
 * Formula: `B_ri = 1[LQ_ri ≥ t]` (default `t = 1`); RPOP test `1[(x_ri/pop_r)/(x_i/Σpop) ≥ t_pop]`;
 * `"both"`: `1[LQ ≥ t or RPOP ≥ t_pop]`.
 *
 * Range and meaning: 1 = the region is "present" (has a revealed advantage) in the industry. Row sums are
 * diversity `k_r`, column sums ubiquity `u_i`.
 *
 * Edge cases: `x_ri = 0` is never present when `t > 0`; with `t = 0` every cell is present. A zero-total region
 * kept by `zeroTotals: "keep"` has LQ 0 everywhere. A region with population 0 but activity is an
 * `InvalidInputError` (`ZERO_POPULATION`); a missing population is `MISSING_POPULATION`; a population vector
 * without a region is a `NotFoundError`.
 *
 * Reference: Hidalgo et al. (2007); py-ecomplexity (`rca_mcp_threshold`, `rpop_mcp_threshold`). Agrees with
 * EconGeo `location_quotient(binary = TRUE)`.
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * presence(m).values; // Float64Array [1, 0, 0, 1]
 * ```
 */
export function presence(matrix: RegionIndustryMatrix, options?: PresenceOptions): LabelledMatrix {
  const fn = 'presence';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const threshold = checkNonNegative(fn, 'threshold', opts.threshold ?? defaultPresenceOptions.threshold);
  const test = checkChoice(fn, 'test', opts.test ?? defaultPresenceOptions.test, ['lq', 'rpop', 'both'] as const);
  const rpopThreshold = checkNonNegative(fn, 'rpopThreshold', opts.rpopThreshold ?? defaultPresenceOptions.rpopThreshold);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const out = new Float64Array(nR * nI);
  if (test === 'lq' || test === 'both') {
    const ref = industryReference(fn, matrix, opts.reference);
    const lq = new Float64Array(nR * nI);
    _checkedLocationQuotient(fn, matrix, ref.totals, ref.total, lq);
    for (let k = 0; k < lq.length; k++) if ((lq[k] as number) >= threshold) out[k] = 1;
  }
  if (test === 'rpop' || test === 'both') {
    if (opts.population === undefined) throw new InvalidInputError(msg.needsPopulation(fn, test), undefined, 'MISSING_POPULATION');
    const population = alignVector(fn, 'options.population', 'region', opts.population, matrix.regions);
    const rpop = new Float64Array(nR * nI);
    let popTotal = 0;
    for (const p of population) popTotal += p;
    if (popTotal === 0) throw new InvalidInputError(msg.zeroSum(fn, 'options.population'), undefined, 'ZERO_POPULATION');
    const bad = _rpop(matrix.values, nR, nI, population, matrix.industryTotals(), rpop);
    if (bad >= 0) {
      const label = matrix.regions[Math.floor(bad / nI)] as string;
      throw new InvalidInputError(msg.zeroWeight(fn, 'options.population', label, 0), { region: label }, 'ZERO_POPULATION');
    }
    for (let k = 0; k < rpop.length; k++) if ((rpop[k] as number) >= rpopThreshold) out[k] = 1;
  }
  return labelledMatrix(matrix.regions, matrix.industries, out);
}
