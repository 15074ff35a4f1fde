/**
 * Krugman dissimilarity and structural similarity of every pair of regions, together, in one walk over the data.
 *
 * Same definitions, conventions and results as {@link krugmanDissimilarity} and {@link structuralSimilarity}
 * (bit for bit); use this when both are wanted — the `measures` contract and the cooperation analysis do — since
 * the fused kernel saves about a fifth of the two separate computations on large inputs.
 *
 * Reference: Krugman, P. (1991) Geography and Trade, MIT Press; UNIDO structural similarity coefficient.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, checkBoolean, readOptions } from '../specialisation/internal.ts';
import { _finishKrugmanDissimilarity, defaultKrugmanDissimilarityOptions, type KrugmanDissimilarityOptions } from './krugman-dissimilarity.ts';
import { _pairwiseDotAndMin2, _shareColumns } from './pairwise-kernel.ts';
import { _finishStructuralSimilarity } from './structural-similarity.ts';

/** Options of {@link pairwiseStructure}: those of {@link krugmanDissimilarity}. */
export type PairwiseStructureOptions = KrugmanDissimilarityOptions;

/** Both region × region matrices. */
export interface PairwiseStructure {
  /** Krugman dissimilarity `Σ_i |s_pi − s_qi|` (or half of it with `halved`). */
  readonly dissimilarity: LabelledMatrix;
  /** Structural similarity (cosine of the industry mixes). */
  readonly similarity: LabelledMatrix;
}

/**
 * Krugman dissimilarity and structural similarity of every pair of regions at once.
 * @throws InvalidInputError as the two functions do.
 * @example
 * const { dissimilarity, similarity } = pairwiseStructure(matrix);
 */
export function pairwiseStructure(matrix: RegionIndustryMatrix, options?: PairwiseStructureOptions): PairwiseStructure {
  const fn = 'pairwiseStructure';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const halved = checkBoolean(fn, 'halved', opts.halved ?? defaultKrugmanDissimilarityOptions.halved);
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const totals = matrix.regionTotals();
  const cols = _shareColumns(matrix.values, nR, nI, totals);
  const dot = new Float64Array(nR * nR);
  const min2 = new Float64Array(nR * nR);
  _pairwiseDotAndMin2(cols, nR, nI, dot, min2);
  const masked = totals.includes(0);
  const absentD = masked ? new Uint8Array(nR * nR) : new Uint8Array(0);
  const absentS = masked ? new Uint8Array(nR * nR) : new Uint8Array(0);
  _finishKrugmanDissimilarity(cols, nR, halved, min2, absentD);
  _finishStructuralSimilarity(cols, nR, dot, absentS);
  return {
    dissimilarity: labelledMatrix(matrix.regions, matrix.regions, min2, masked ? absentD : undefined),
    similarity: labelledMatrix(matrix.regions, matrix.regions, dot, masked ? absentS : undefined),
  };
}
