/**
 * Diversity and ubiquity: how many industries a region holds, and in how many regions an industry is held.
 *
 * Reference: Hidalgo, C.A. and Hausmann, R. (2009) The building blocks of economic complexity, PNAS 106(26)
 * (`k_c,0`, `k_p,0`); EconGeo `diversity`/`ubiquity`; py-ecomplexity `diversity`/`ubiquity`.
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkChoice, type PresenceInputOptions, presenceData, readOptions } from './internal.ts';

/** Options of {@link diversity} and {@link ubiquity}. */
export interface DiversityOptions extends PresenceInputOptions {
  /**
   * What is counted: `"presence"` (default) cells with `LQ ≥ threshold` (or of the given presence matrix);
   * `"values"` cells with a non-zero raw value (EconGeo's functions applied to a raw count matrix).
   */
  readonly from?: 'presence' | 'values';
}

/** Defaults of {@link DiversityOptions}. */
export const defaultDiversityOptions = { from: 'presence', threshold: 1 } as const satisfies DiversityOptions;

function counts(fn: string, matrix: RegionIndustryMatrix, options: DiversityOptions | undefined, axis: 'region' | 'industry'): LabelledVector {
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const from = checkChoice(fn, 'from', o.from ?? defaultDiversityOptions.from, ['presence', 'values'] as const);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  if (from === 'presence') {
    const data = presenceData(fn, matrix, o);
    return axis === 'region' ? labelledVector(matrix.regions, data.k.slice()) : labelledVector(matrix.industries, data.u.slice());
  }
  const out = new Float64Array(axis === 'region' ? nR : nI);
  const v = matrix.values;
  for (let r = 0; r < nR; r++) {
    for (let i = 0; i < nI; i++) {
      if ((v[r * nI + i] as number) > 0) {
        const at = axis === 'region' ? r : i;
        out[at] = (out[at] as number) + 1;
      }
    }
  }
  return labelledVector(axis === 'region' ? matrix.regions : matrix.industries, out);
}

/**
 * Diversity `k_r = Σ_i B_ri`: the number of industries region r holds (LQ ≥ t by default).
 *
 * Range 0 … number of industries. A region of diversity 0 has no ECI (see `economicComplexityIndex`).
 * @example
 * diversity(matrix).values; // Float64Array of k_r, in matrix.regions order
 */
export function diversity(matrix: RegionIndustryMatrix, options?: DiversityOptions): LabelledVector {
  return counts('diversity', matrix, options, 'region');
}

/**
 * Ubiquity `u_i = Σ_r B_ri`: the number of regions that hold industry i (LQ ≥ t by default).
 *
 * Range 0 … number of regions. Low ubiquity marks rare capabilities; an industry of ubiquity 0 has no PCI.
 * @example
 * ubiquity(matrix, { threshold: 1.25 }).values;
 */
export function ubiquity(matrix: RegionIndustryMatrix, options?: DiversityOptions): LabelledVector {
  return counts('ubiquity', matrix, options, 'industry');
}
