/**
 * Co-occurrence `C = BᵀB`: in how many regions two industries are both present.
 *
 * Reference: Hidalgo et al. (2007) Science 317(5837); EconGeo `co_occurrence` (zero diagonal). Computed from
 * bit-packed presence columns (Uint32 words per industry, popcount of the AND), O(I² R / 32).
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkChoice, coOccurrenceCounts, type PresenceInputOptions, presenceData, readOptions } from './internal.ts';

/** Options of {@link coOccurrence}. */
export interface CoOccurrenceOptions extends PresenceInputOptions {
  /** Diagonal: `"ubiquity"` (default) `C_ii = u_i`; `"zero"` `C_ii = 0` (EconGeo's `co_occurrence`). */
  readonly diagonal?: 'ubiquity' | 'zero';
}

/** Defaults of {@link CoOccurrenceOptions}. */
export const defaultCoOccurrenceOptions = { diagonal: 'ubiquity', threshold: 1 } as const satisfies CoOccurrenceOptions;

/**
 * Industry × industry co-occurrence counts `C_ij = Σ_r B_ri B_rj`, symmetric, integers in [0, R].
 *
 * @example
 * coOccurrence(matrix, { diagonal: 'zero' }); // EconGeo's co_occurrence(location_quotient(mat, binary = TRUE))
 */
export function coOccurrence(matrix: RegionIndustryMatrix, options?: CoOccurrenceOptions): LabelledMatrix {
  const fn = 'coOccurrence';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const diagonal = checkChoice(fn, 'diagonal', o.diagonal ?? defaultCoOccurrenceOptions.diagonal, ['ubiquity', 'zero'] as const);
  const data = presenceData(fn, matrix, o);
  const c = coOccurrenceCounts(data);
  if (diagonal === 'zero') for (let i = 0; i < data.nI; i++) c[i * data.nI + i] = 0;
  return labelledMatrix(matrix.industries, matrix.industries, c);
}
