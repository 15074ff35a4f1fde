/**
 * Specialisation coefficient (Hoover coefficient of specialisation) of each region: half the Krugman index.
 *
 * Reference: Hoover E.M. (1936) Review of Economics and Statistics 18(4). Conventions: EconGeo `spec_coeff`,
 * REAT `hoover` of a region's industry vector against the area's.
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, readOptions } from './internal.ts';
import { _krugmanSpecialization } from './krugman-specialization.ts';

/** Options of {@link specializationCoefficient} (none yet; reserved so the signature stays stable). */
export type SpecializationCoefficientOptions = Record<string, never>;

/** Defaults of {@link SpecializationCoefficientOptions}. */
export const defaultSpecializationCoefficientOptions = {} as const satisfies SpecializationCoefficientOptions;

/**
 * Specialisation coefficient per region.
 *
 * Formula: `SC_r = ½ Σ_i |s_ri − s_i|`, `s_ri = x_ri/x_r`, `s_i = x_i/x` (the area includes region r).
 *
 * Range and meaning: `[0, 1)`; the share of the region's activity that would have to move between industries
 * for its mix to equal the area's. 0 = same mix as the area.
 *
 * Edge cases: a single region gives 0; a zero-total region kept by `zeroTotals: "keep"` is absent.
 *
 * Reference: Hoover (1936). Agrees with EconGeo `spec_coeff` and REAT `hoover` (per region).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * specializationCoefficient(m).values; // Float64Array [0.35, 0.2333…]
 * ```
 */
export function specializationCoefficient(matrix: RegionIndustryMatrix, options?: SpecializationCoefficientOptions): LabelledVector {
  const fn = 'specializationCoefficient';
  assertMatrix(fn, matrix);
  readOptions(fn, options);
  const nR = matrix.regionCount;
  const out = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  _krugmanSpecialization(matrix.values, nR, matrix.industryCount, matrix.regionTotals(), matrix.industryTotals(), 'area', out, absent);
  for (let r = 0; r < nR; r++) out[r] = (out[r] as number) / 2;
  return labelledVector(matrix.regions, out, absent);
}
