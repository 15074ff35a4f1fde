/**
 * Urban flow intensity (城市流强度) `F_i = N_i · E_i`: a city's outward-serving function E_i (employment above
 * what its own size needs, in sectors where LQ > 1) times its functional efficiency N_i (GDP per employee).
 *
 * Reference: 朱英明, 于念文 (2002) "沪宁杭城市密集区城市流研究", 城市规划汇刊 2002(1); methods.md M8.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';
import { spatialMessages } from './messages.ts';
import { regionVector } from './region-vector.ts';

/** Options of {@link urbanFlowIntensity}. */
export interface UrbanFlowOptions {
  /**
   * Industries whose excess employment counts as outward function (usually the service sectors). Default: all.
   * LQs and totals always use every industry of the matrix.
   */
  readonly sectors?: readonly string[];
}

/** Result of {@link urbanFlowIntensity}. */
export interface UrbanFlowIntensity {
  /** `E_ik = L_ik − L_i L_k / L` where `LQ_ik > 1`, else 0 (only for `sectors`; other columns 0). */
  readonly outwardByIndustry: LabelledMatrix;
  /** Outward function `E_i = Σ_k E_ik` (persons). */
  readonly outward: LabelledVector;
  /** Functional efficiency `N_i = GDP_i / L_i` (GDP per employee). */
  readonly efficiency: LabelledVector;
  /** Urban flow intensity `F_i = N_i E_i` (GDP units). */
  readonly intensity: LabelledVector;
  /** Flow tendency `K_i = F_i / GDP_i` (城市流倾向度) = `E_i / L_i`. */
  readonly tendency: LabelledVector;
}

/**
 * Urban flow intensity of every region from an employment matrix and GDP (following `employment.regions`, as a
 * plain array or a labelled vector in the same order).
 *
 * Throws `InvalidInputError`: `SHAPE_MISMATCH`, `LABEL_MISMATCH`, `NOT_FINITE`, `NEGATIVE_VALUE`, `NON_POSITIVE`
 * (a region with GDP 0 or employment 0), `UNKNOWN_LABEL` (a sector not in the matrix).
 *
 * @example
 * urbanFlowIntensity(jobs, gdp, { sectors: ['G', 'I', 'J', 'L', 'M'] }).intensity;
 */
export function urbanFlowIntensity(
  employment: RegionIndustryMatrix,
  gdp: LabelledVector | Float64Array | readonly number[],
  options: UrbanFlowOptions = {},
): UrbanFlowIntensity {
  const fn = 'urbanFlowIntensity';
  const regions = employment.regions;
  const industries = employment.industries;
  const nR = regions.length;
  const nI = industries.length;
  const y = regionVector(fn, 'gdp', gdp, regions);
  const counted = new Uint8Array(nI);
  if (options.sectors === undefined) counted.fill(1);
  else {
    for (const s of options.sectors) {
      const k = industries.indexOf(s);
      if (k < 0) throw new InvalidInputError(spatialMessages.unknownIndustry(fn, s), { industry: s }, 'UNKNOWN_LABEL');
      counted[k] = 1;
    }
  }
  const lq = _ownLocationQuotient(fn, employment);
  const lr = employment.regionTotals();
  const li = employment.industryTotals();
  const l = employment.total();
  const byIndustry = new Float64Array(nR * nI);
  const outward = new Float64Array(nR);
  const efficiency = new Float64Array(nR);
  const intensity = new Float64Array(nR);
  const tendency = new Float64Array(nR);
  for (let r = 0; r < nR; r++) {
    const lrr = lr[r] as number;
    if (!(lrr > 0))
      throw new InvalidInputError(spatialMessages.nonPositive(fn, 'employment', regions[r] as string, lrr), { region: regions[r] }, 'NON_POSITIVE');
    if (!((y[r] as number) > 0))
      throw new InvalidInputError(spatialMessages.nonPositive(fn, 'gdp', regions[r] as string, y[r] as number), { region: regions[r] }, 'NON_POSITIVE');
    let e = 0;
    for (let k = 0; k < nI; k++) {
      const c = r * nI + k;
      if (counted[k] === 0 || !((lq[c] as number) > 1)) continue;
      const excess = (employment.values[c] as number) - (lrr * (li[k] as number)) / l;
      byIndustry[c] = excess;
      e += excess;
    }
    outward[r] = e;
    efficiency[r] = (y[r] as number) / lrr;
    intensity[r] = e * (efficiency[r] as number);
    tendency[r] = (intensity[r] as number) / (y[r] as number);
  }
  const v = (x: Float64Array) => labelledVector(regions, x);
  return {
    outwardByIndustry: labelledMatrix(regions, industries, byIndustry),
    outward: v(outward),
    efficiency: v(efficiency),
    intensity: v(intensity),
    tendency: v(tendency),
  };
}
