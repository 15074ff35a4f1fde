/**
 * Proximity φ between industries: how likely two industries are held by the same regions.
 *
 * References: Hidalgo, C.A., Klinger, B., Barabási, A.-L. and Hausmann, R. (2007) The product space conditions
 * the development of nations, Science 317(5837): 482–487 (minimum of conditional probabilities);
 * py-ecomplexity 0.5.2 `calc_discrete_proximity` (symmetric and asymmetric) and `calc_continuous_proximity`
 * (`(1 + corr(RCA_.i, RCA_.j))/2`). Conventions: docs/spec/measures.md ("Relatedness and complexity").
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';
import { assertMatrix, checkChoice, coOccurrenceCounts, type PresenceInputOptions, presenceData, readOptions } from './internal.ts';
import { relatednessMessages as msg } from './messages.ts';

/** The forms of proximity. */
export type ProximityForm = 'minimum' | 'conditional' | 'continuous';

/** Options of {@link proximity}. */
export interface ProximityOptions extends PresenceInputOptions {
  /**
   * `"minimum"` (default): `φ_ij = C_ij / max(u_i, u_j)`, the smaller of the two conditional probabilities,
   * symmetric. `"conditional"`: `φ_ij = C_ij / u_i = P(j | i)`, asymmetric (py-ecomplexity `asymmetric=True`).
   * `"continuous"`: `(1 + corr(LQ_.i, LQ_.j)) / 2` over regions (py-ecomplexity `continuous=True`), which uses
   * the LQ values themselves and ignores `threshold`/`presence`.
   */
  readonly form?: ProximityForm;
}

/** Defaults of {@link ProximityOptions}. */
export const defaultProximityOptions = { form: 'minimum', threshold: 1 } as const satisfies ProximityOptions;

/** φ from co-occurrence counts (diagonal `u_i`) in place: 0 where `C_ij = 0`, diagonal 1. */
export function _discreteProximity(c: Float64Array, u: Float64Array, nI: number, form: 'minimum' | 'conditional'): Float64Array {
  for (let i = 0; i < nI; i++) {
    const ui = u[i] as number;
    for (let j = 0; j < nI; j++) {
      const at = i * nI + j;
      const cij = c[at] as number;
      if (i === j) c[at] = 1;
      else if (cij !== 0) c[at] = cij / (form === 'minimum' ? Math.max(ui, u[j] as number) : ui);
    }
  }
  return c;
}

/**
 * `(1 + corr)/2` of the LQ columns (population moments; a shifted Gram matrix built from the non-zero LQs only,
 * so the cost is Σ_r nnz_r² rather than R·I²). Throws when a column is constant (its correlation is undefined).
 */
export function _continuousProximity(fn: string, lq: Float64Array, nR: number, nI: number, industries: readonly string[]): Float64Array {
  const mean = new Float64Array(nI);
  const g = new Float64Array(nI * nI);
  const idx = new Int32Array(nI);
  const val = new Float64Array(nI);
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    let m = 0;
    for (let i = 0; i < nI; i++) {
      const v = lq[base + i] as number;
      if (v !== 0) {
        idx[m] = i;
        val[m++] = v;
        mean[i] = (mean[i] as number) + v;
      }
    }
    for (let a = 0; a < m; a++) {
      const va = val[a] as number;
      const row = (idx[a] as number) * nI;
      for (let b = a; b < m; b++) g[row + (idx[b] as number)] = (g[row + (idx[b] as number)] as number) + va * (val[b] as number);
    }
  }
  const sd = new Float64Array(nI);
  for (let i = 0; i < nI; i++) {
    mean[i] = (mean[i] as number) / nR;
    const variance = (g[i * nI + i] as number) / nR - (mean[i] as number) ** 2;
    // Relative guard: a variance at rounding level of the mean square is a constant column.
    if (!(variance > 1e-14 * ((g[i * nI + i] as number) / nR))) {
      throw new InvalidInputError(msg.constantColumn(fn, industries[i] as string), { industry: industries[i] }, 'CONSTANT_COLUMN');
    }
    sd[i] = Math.sqrt(variance);
  }
  const phi = new Float64Array(nI * nI);
  for (let i = 0; i < nI; i++) {
    phi[i * nI + i] = 1;
    for (let j = i + 1; j < nI; j++) {
      const cov = (g[i * nI + j] as number) / nR - (mean[i] as number) * (mean[j] as number);
      let corr = cov / ((sd[i] as number) * (sd[j] as number));
      if (corr > 1) corr = 1;
      else if (corr < -1) corr = -1;
      const p = (1 + corr) / 2;
      phi[i * nI + j] = p;
      phi[j * nI + i] = p;
    }
  }
  return phi;
}

/** Validated proximity as a row-major array (shared with density, COI and COG). */
function _proximity(fn: string, matrix: RegionIndustryMatrix, form: ProximityForm, options: PresenceInputOptions): Float64Array {
  if (form === 'continuous') return _continuousProximity(fn, _ownLocationQuotient(fn, matrix), matrix.regionCount, matrix.industryCount, matrix.industries);
  const data = presenceData(fn, matrix, options);
  return _discreteProximity(coOccurrenceCounts(data), data.u, data.nI, form);
}

/**
 * Proximity between every pair of industries (industry × industry, diagonal 1).
 *
 * Range [0, 1]. Reading: φ_ij = 0.6 means that, of the regions holding the more widespread of i and j, 60 % also
 * hold the other — the two draw on similar capabilities. Pairs that never co-occur have φ = 0 (also when an
 * industry is held nowhere). Minimum and continuous forms are symmetric; the conditional form is not: row i
 * holds `P(j | i)`.
 *
 * @throws InvalidInputError for bad options; for `form: "continuous"` when an industry's LQ is constant.
 * @example
 * proximity(matrix).values;                       // Hidalgo et al. (2007), py-ecomplexity's default
 * proximity(matrix, { form: 'conditional' });     // P(j | i), py-ecomplexity asymmetric=True
 */
export function proximity(matrix: RegionIndustryMatrix, options?: ProximityOptions): LabelledMatrix {
  const fn = 'proximity';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const form = checkChoice(fn, 'form', o.form ?? defaultProximityOptions.form, ['minimum', 'conditional', 'continuous'] as const);
  return labelledMatrix(matrix.industries, matrix.industries, _proximity(fn, matrix, form, o));
}
