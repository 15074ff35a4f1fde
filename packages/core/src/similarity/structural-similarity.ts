/**
 * Structural similarity coefficient (UNIDO 产业结构相似系数): the cosine of two regions' industry-share vectors.
 *
 * Reference: UNIDO (1979) recommendation (attributed); 陈建军 (2004) 中国工业经济 2004(2). See methods.md M3.
 */
import type { LabelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { assertMatrix, readOptions } from '../specialisation/internal.ts';
import { _mirrorAndMask, _pairwiseDot, _shareColumns, pairwiseResult, type ShareColumns } from './pairwise-kernel.ts';

/** Options of {@link structuralSimilarity} (none yet; reserved so the signature stays stable). */
export type StructuralSimilarityOptions = Record<string, never>;

/** Defaults of {@link StructuralSimilarityOptions}. */
export const defaultStructuralSimilarityOptions = {} as const satisfies StructuralSimilarityOptions;

/**
 * Full symmetric R × R cosine similarity into `out` (length nR², zero-filled); `absent` marks rows and columns
 * of zero-total regions (pass a length-0 mask when there are none).
 */
function _structuralSimilarity(values: Float64Array, nR: number, nI: number, rowTotals: Float64Array, out: Float64Array, absent: Uint8Array): void {
  const cols = _shareColumns(values, nR, nI, rowTotals);
  _pairwiseDot(cols, nR, nI, out);
  _finishStructuralSimilarity(cols, nR, out, absent);
}

/** Turn the kernel's upper triangle of dot products into cosines, then mirror and mask (shared with the fused path). */
export function _finishStructuralSimilarity(cols: ShareColumns, nR: number, out: Float64Array, absent: Uint8Array): void {
  const norm = new Float64Array(nR);
  for (let p = 0; p < nR; p++) norm[p] = Math.sqrt(cols.rowShareSq[p] as number);
  const zero = cols.zeroRows;
  for (let p = 0; p < nR; p++) {
    const row = p * nR;
    out[row + p] = zero[p] === 1 ? 0 : 1;
    const np = norm[p] as number;
    for (let q = p + 1; q < nR; q++) {
      if (zero[p] === 1 || zero[q] === 1) {
        out[row + q] = 0;
        continue;
      }
      const c = (out[row + q] as number) / (np * (norm[q] as number));
      out[row + q] = Math.min(1, c);
    }
  }
  _mirrorAndMask(out, nR, zero, absent);
}

/**
 * Structural similarity of every pair of regions (region × region matrix).
 *
 * Formula: `S_pq = Σ_i s_pi s_qi / √(Σ_i s_pi² · Σ_i s_qi²)`, `s_pi = x_pi/x_p` (the cosine; the same on raw
 * values since it is scale-free).
 *
 * Range and meaning: `[0, 1]`, symmetric, 1 on the diagonal. 1 = identical structure, 0 = no industry in
 * common. In Chinese 同构 studies `S ≥ 0.9` reads as high similarity (serious 同构), 0.8–0.9 relatively high,
 * < 0.5 low — conventions. Dominated by the largest sectors: use a fine classification and read it next to
 * {@link krugmanDissimilarity}.
 *
 * Edge cases: a single region gives `[[1]]`. A zero-total region kept by `zeroTotals: "keep"` has no structure:
 * its row and column are absent (the diagonal too).
 *
 * Performance: as {@link krugmanDissimilarity} (sparse pair walk over industry columns).
 *
 * Reference: UNIDO (1979); 陈建军 (2004).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * structuralSimilarity(m).values; // Float64Array [1, 0.4961…, 0.4961…, 1]
 * ```
 */
export function structuralSimilarity(matrix: RegionIndustryMatrix, options?: StructuralSimilarityOptions): LabelledMatrix {
  const fn = 'structuralSimilarity';
  assertMatrix(fn, matrix);
  readOptions(fn, options);
  return pairwiseResult(matrix, _structuralSimilarity);
}
