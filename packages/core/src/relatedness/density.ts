/**
 * Density: how much of what surrounds an industry in the product space a region already holds.
 *
 * Reference: Hidalgo et al. (2007) Science 317(5837); py-ecomplexity 0.5.2 `calc_density`
 * (`density = M · φ / Σ_j φ_j·`, own industry included through φ_ii = 1). EconGeo's ×100 variant that excludes
 * the own industry is `relatednessDensity`.
 */

import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';
import { memoOn } from '../util/memo.ts';
import {
  assertMatrix,
  checkChoice,
  coOccurrenceCounts,
  type PresenceData,
  type PresenceInputOptions,
  presenceData,
  presenceKey,
  presenceTimes,
  readOptions,
} from './internal.ts';
import { _continuousProximity, _discreteProximity, type ProximityForm } from './proximity.ts';

/** Options of {@link density}. */
export interface DensityOptions extends PresenceInputOptions {
  /**
   * Which proximity weights the neighbours: `"minimum"` (default), `"conditional"` or `"continuous"` (see
   * `proximity`). With `"continuous"` the region's LQs replace its 0/1 presence as weights (py-ecomplexity
   * `continuous=True`), so values are no longer bounded by 1.
   */
  readonly proximity?: ProximityForm;
}

/** Defaults of {@link DensityOptions}. */
export const defaultDensityOptions = { proximity: 'minimum', threshold: 1 } as const satisfies DensityOptions;

/** Everything density, COI and COG share: B, φ, and the density matrix. */
export interface DensityParts {
  readonly data: PresenceData;
  /** Proximity, row-major I × I. */
  readonly phi: Float64Array;
  /** Density, row-major R × I. */
  readonly density: Float64Array;
}

/** Compute B, φ and `w_ri = Σ_j a_rj φ_ji / Σ_j φ_ji` (a = B, or the LQ for the continuous form). */
export function _densityParts(fn: string, matrix: RegionIndustryMatrix, form: ProximityForm, options: PresenceInputOptions): DensityParts {
  // Shared (read-only) by density, COI and COG on the same matrix; public results copy it.
  return memoOn(matrix, `density|${form}|${presenceKey(options)}`, () => computeDensityParts(fn, matrix, form, options));
}

function computeDensityParts(fn: string, matrix: RegionIndustryMatrix, form: ProximityForm, options: PresenceInputOptions): DensityParts {
  return _densityPartsFrom(fn, matrix, presenceData(fn, matrix, options), form);
}

/** {@link _densityParts} from a given B (not cached). */
export function _densityPartsFrom(fn: string, matrix: RegionIndustryMatrix, data: PresenceData, form: ProximityForm): DensityParts {
  const { nR, nI } = data;
  let phi: Float64Array;
  let numerator: Float64Array;
  if (form === 'continuous') {
    const lq = _ownLocationQuotient(fn, matrix);
    phi = _continuousProximity(fn, lq, nR, nI, matrix.industries);
    numerator = new Float64Array(nR * nI);
    for (let r = 0; r < nR; r++) {
      const base = r * nI;
      for (let j = 0; j < nI; j++) {
        const a = lq[base + j] as number;
        if (a === 0) continue;
        const row = j * nI;
        for (let i = 0; i < nI; i++) numerator[base + i] = (numerator[base + i] as number) + a * (phi[row + i] as number);
      }
    }
  } else {
    phi = _discreteProximity(coOccurrenceCounts(data), data.u, nI, form);
    numerator = presenceTimes(data, phi, nI);
  }
  return { data, phi, density: _divideByColumnSums(phi, numerator, nR, nI) };
}

/** `numerator_ri / Σ_j φ_ji` in place (the last step of density; the numerator is B·φ, or LQ·φ). */
export function _divideByColumnSums(phi: Float64Array, numerator: Float64Array, nR: number, nI: number): Float64Array {
  const colSum = new Float64Array(nI);
  for (let j = 0; j < nI; j++) {
    const row = j * nI;
    for (let i = 0; i < nI; i++) colSum[i] = (colSum[i] as number) + (phi[row + i] as number);
  }
  // Σ_j φ_ji ≥ φ_ii = 1 > 0 in every form, so the division is always defined.
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    for (let i = 0; i < nI; i++) numerator[base + i] = (numerator[base + i] as number) / (colSum[i] as number);
  }
  return numerator;
}

/**
 * Density `w_ri = Σ_j B_rj φ_ji / Σ_j φ_ji` of every region × industry cell (own industry included).
 *
 * Range [0, 1] for the discrete forms: 1 when the region holds every industry proximate to i, 0 when it holds none.
 * Reading: the share of i's neighbourhood already present — high density predicts entry into i (Hidalgo et al.
 * 2007). Continuous form: LQ-weighted, ≥ 0, unbounded.
 * @example
 * density(matrix).values; // py-ecomplexity's `density` column, region × industry
 */
export function density(matrix: RegionIndustryMatrix, options?: DensityOptions): LabelledMatrix {
  const fn = 'density';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const form = checkChoice(fn, 'proximity', o.proximity ?? defaultDensityOptions.proximity, ['minimum', 'conditional', 'continuous'] as const);
  return labelledMatrix(matrix.regions, matrix.industries, _densityParts(fn, matrix, form, o).density.slice());
}
