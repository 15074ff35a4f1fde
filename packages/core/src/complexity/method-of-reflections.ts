/**
 * Method of reflections: iterated averages of diversity and ubiquity over the presence network.
 *
 * References: Hidalgo, C.A. and Hausmann, R. (2009) The building blocks of economic complexity, PNAS 106(26):
 * 10570–10575 (`k_c,N = (1/k_c,0) Σ_p M_cp k_p,N−1`, `k_p,N = (1/k_p,0) Σ_c M_cp k_c,N−1`); EconGeo 2.1 `morc`/`mort`
 * (which rescale to 0–100 from step 3 on). The even reflections of regions converge, after removing the constant
 * Perron component, to the ECI ordering (up to sign); see `economicComplexityIndex`.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { NotedVector } from '../relatedness/absence-note.ts';
import { assertMatrix, checkChoice, checkInteger, type PresenceData, type PresenceInputOptions, presenceData, readOptions } from '../relatedness/internal.ts';
import { type ActiveSet, activeSet, type ComponentsPolicy, maskedMoments } from './active.ts';
import { complexityMessages as msg } from './messages.ts';

/** Rescaling of each reflection. */
export type ReflectionRescale = 'none' | 'minMax' | 'zScore';

/** Options of {@link methodOfReflections}. */
export interface ReflectionsOptions extends PresenceInputOptions {
  /** Number of reflections N. Default 20 (EconGeo's default); an integer ≥ 0 (0 gives diversity and ubiquity). */
  readonly steps?: number;
  /**
   * `"none"` (default): the raw averages (they converge to a constant, so late steps differ only in far digits);
   * `"minMax"`: `100 (x − min)/(max − min)` (EconGeo `morc`/`mort` for steps ≥ 3); `"zScore"`: `(x − mean)/sd`.
   * Rescaling is affine, so applying it at every step (as done here, for numerical range) equals applying it once
   * at the end.
   */
  readonly rescale?: ReflectionRescale;
  /** Disconnected presence network: `"error"` (default) or rank within the `"largest"` block. */
  readonly components?: ComponentsPolicy;
}

/** Defaults of {@link ReflectionsOptions}. */
export const defaultReflectionsOptions = { steps: 20, rescale: 'none', components: 'error', threshold: 1 } as const satisfies ReflectionsOptions;

/** Result of {@link methodOfReflections}. */
export interface ReflectionsResult {
  /** `k_r,N` per region (absent: diversity 0 or outside the block used). */
  readonly regions: NotedVector;
  /** `k_i,N` per industry (absent: ubiquity 0 or outside the block used). */
  readonly industries: NotedVector;
}

function rescaleInPlace(v: Float64Array, mask: Uint8Array, how: ReflectionRescale): boolean {
  if (how === 'none') return true;
  if (how === 'zScore') {
    const { mean, sd } = maskedMoments(v, mask);
    if (!(sd > 0)) return false;
    for (let k = 0; k < v.length; k++) if (mask[k] === 1) v[k] = ((v[k] as number) - mean) / sd;
    return true;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < v.length; k++) {
    if (mask[k] === 1) {
      min = Math.min(min, v[k] as number);
      max = Math.max(max, v[k] as number);
    }
  }
  if (!(max > min)) return false;
  for (let k = 0; k < v.length; k++) if (mask[k] === 1) v[k] = (((v[k] as number) - min) / (max - min)) * 100;
  return true;
}

/** Reflections on the active set; returns the failing step when a rescaled reflection turned constant. */
export function _reflections(
  data: PresenceData,
  active: ActiveSet,
  steps: number,
  rescale: ReflectionRescale,
): { kc: Float64Array; kp: Float64Array } | { constantAt: number } {
  const { nR, nI, rowStart, cols, k, u } = data;
  let kc = new Float64Array(nR);
  let kp = new Float64Array(nI);
  for (let r = 0; r < nR; r++) if (active.region[r] === 1) kc[r] = k[r] as number;
  for (let i = 0; i < nI; i++) if (active.industry[i] === 1) kp[i] = u[i] as number;
  for (let s = 1; s <= steps; s++) {
    const nc = new Float64Array(nR);
    const np = new Float64Array(nI);
    for (let r = 0; r < nR; r++) {
      if (active.region[r] !== 1) continue;
      let sum = 0;
      const kcr = kc[r] as number;
      for (let p = rowStart[r] as number; p < (rowStart[r + 1] as number); p++) {
        const i = cols[p] as number;
        sum += kp[i] as number;
        np[i] = (np[i] as number) + kcr;
      }
      nc[r] = sum / (k[r] as number);
    }
    for (let i = 0; i < nI; i++) if (active.industry[i] === 1) np[i] = (np[i] as number) / (u[i] as number);
    kc = nc;
    kp = np;
    if (!rescaleInPlace(kc, active.region, rescale) || !rescaleInPlace(kp, active.industry, rescale)) return { constantAt: s };
  }
  return { kc, kp };
}

/**
 * The N-th reflection of every region and industry.
 *
 * Step 0 is diversity `k_r` and ubiquity `u_i`; step 1 the average ubiquity of a region's industries (low = the
 * region does rare things) and the average diversity of an industry's regions; step 2 the average diversity of
 * regions with similar industries, and so on. Regions of diversity 0 and industries of ubiquity 0 are absent.
 *
 * @throws InvalidInputError for bad options, a disconnected network (unless `components: "largest"`), or when a
 * rescaled reflection becomes constant (every region alike).
 * @example
 * methodOfReflections(matrix, { steps: 20, rescale: 'minMax' }).regions; // EconGeo morc(mat, steps = 20)
 */
export function methodOfReflections(matrix: RegionIndustryMatrix, options?: ReflectionsOptions): ReflectionsResult {
  const fn = 'methodOfReflections';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const steps = checkInteger(fn, 'steps', o.steps ?? defaultReflectionsOptions.steps, 0);
  const rescale = checkChoice(fn, 'rescale', o.rescale ?? defaultReflectionsOptions.rescale, ['none', 'minMax', 'zScore'] as const);
  const components = checkChoice(fn, 'components', o.components ?? defaultReflectionsOptions.components, ['error', 'largest'] as const);
  const data = presenceData(fn, matrix, o);
  const active = activeSet(fn, matrix, data, components, 1);
  const out = _reflections(data, active, steps, rescale);
  if ('constantAt' in out) throw new InvalidInputError(msg.constantReflection(fn, out.constantAt), { step: out.constantAt }, 'DEGENERATE');
  const absentR = new Uint8Array(data.nR);
  const absentI = new Uint8Array(data.nI);
  for (let r = 0; r < data.nR; r++) absentR[r] = 1 - (active.region[r] as number);
  for (let i = 0; i < data.nI; i++) absentI[i] = 1 - (active.industry[i] as number);
  const regionNotes = active.notes.filter((n) => n.axis === 'region');
  const industryNotes = active.notes.filter((n) => n.axis === 'industry');
  return {
    regions: { ...labelledVector(matrix.regions, out.kc, absentR), notes: regionNotes },
    industries: { ...labelledVector(matrix.industries, out.kp, absentI), notes: industryNotes },
  };
}
