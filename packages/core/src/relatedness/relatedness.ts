/**
 * Relatedness between industries from their co-occurrence, normalised by one of EconGeo's four methods.
 *
 * References: van Eck, N.J. and Waltman, L. (2009) How to normalize cooccurrence data?, JASIST 60(8): 1635–1651
 * (association strength, cosine, Jaccard); Steijn, M.P.A. (2017) Improvement on the association strength,
 * Utrecht University working paper (probability index); EconGeo 2.1 `relatedness` on the zero-diagonal
 * co-occurrence matrix.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkChoice, coOccurrenceCounts, type PresenceInputOptions, presenceData, readOptions } from './internal.ts';

/** EconGeo's normalisations. */
export type RelatednessMethod = 'prob' | 'association' | 'cosine' | 'jaccard';

/** Options of {@link relatedness}. */
export interface RelatednessOptions extends PresenceInputOptions {
  /**
   * With `C` the zero-diagonal co-occurrence, `s_i = Σ_j C_ij`, `T = Σ_i s_i`:
   * `"prob"` (default, EconGeo's default) `C_ij / ((s_i s_j / 2)(1/(T − s_i) + 1/(T − s_j)))`;
   * `"association"` `C_ij T / (s_i s_j)`; `"cosine"` `C_ij / √(s_i s_j)`; `"jaccard"` `C_ij / (s_i + s_j − C_ij)`.
   */
  readonly method?: RelatednessMethod;
}

/** Defaults of {@link RelatednessOptions}. */
export const defaultRelatednessOptions = { method: 'prob', threshold: 1 } as const satisfies RelatednessOptions;

/** Relatedness from co-occurrence counts (diagonal ignored), in place; 0 on the diagonal and where `C_ij = 0`. */
export function _relatednessFromCounts(c: Float64Array, nI: number, method: RelatednessMethod): Float64Array {
  for (let i = 0; i < nI; i++) c[i * nI + i] = 0;
  const s = new Float64Array(nI);
  let total = 0;
  for (let i = 0; i < nI; i++) {
    let sum = 0;
    for (let j = 0; j < nI; j++) sum += c[i * nI + j] as number;
    s[i] = sum;
    total += sum;
  }
  for (let i = 0; i < nI; i++) {
    const si = s[i] as number;
    for (let j = 0; j < nI; j++) {
      const at = i * nI + j;
      const cij = c[at] as number;
      // C_ij > 0 implies s_i, s_j ≥ C_ij > 0 and T − s_i ≥ s_i > 0, so every denominator below is positive.
      if (cij === 0) continue;
      const sj = s[j] as number;
      if (method === 'prob') c[at] = cij / (((si / total) * (sj / (total - si)) + (sj / total) * (si / (total - sj))) * (total / 2));
      else if (method === 'association') c[at] = cij / total / ((si / total) * (sj / total));
      else if (method === 'cosine') c[at] = cij / Math.sqrt(si * sj);
      else c[at] = cij / (si + sj - cij);
    }
  }
  return c;
}

/**
 * Relatedness of every pair of industries (industry × industry, zero diagonal, symmetric).
 *
 * Range: association and prob ≥ 0 with 1 = co-occurring as often as chance predicts (> 1 related); cosine and
 * Jaccard in [0, 1]. Pairs that never co-occur get 0 (EconGeo turns its 0/0 into 0 the same way).
 * @example
 * relatedness(matrix, { method: 'association' }).values;
 */
export function relatedness(matrix: RegionIndustryMatrix, options?: RelatednessOptions): LabelledMatrix {
  const fn = 'relatedness';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const method = checkChoice(fn, 'method', o.method ?? defaultRelatednessOptions.method, ['prob', 'association', 'cosine', 'jaccard'] as const);
  const data = presenceData(fn, matrix, o);
  return labelledMatrix(matrix.industries, matrix.industries, _relatednessFromCounts(coOccurrenceCounts(data), data.nI, method));
}
