/**
 * Pairwise kernels over regions' industry-share vectors: `Σ_i s_pi s_qi` (dot products, for cosine similarity)
 * and `Σ_i min(s_pi, s_qi)` (for Krugman dissimilarity, since `Σ|a − b| = Σa + Σb − 2 Σ min(a, b)` for
 * non-negative a, b).
 *
 * Why this shape: a dense R × R × I loop costs 4.5 G steps at 3,000 × 500. Only industries both regions have
 * contribute, so we walk each industry's list of regions with a positive share (a CSC layout: column pointers,
 * region indices ascending, shares) and accumulate over the pairs of that list, which is work proportional to
 * Σ_i nnz_i² / 2 (≈ 0.16 of dense at 40% density). Rows of the output are filled one block of regions at a
 * time so the block stays in cache while every industry list streams through it; only the upper triangle is
 * accumulated, then mirrored with a tiled transpose.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';

/** Regions with a positive share, per industry, region indices ascending (CSC of the share matrix). */
export interface ShareColumns {
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
  readonly share: Float64Array;
  /** `Σ_i s_ri` per region (1 up to rounding; 0 for a zero-total row). */
  readonly rowShareSum: Float64Array;
  /** `Σ_i s_ri²` per region. */
  readonly rowShareSq: Float64Array;
  /** 1 = the region's total is 0 (it has no shares). */
  readonly zeroRows: Uint8Array;
}

/** Build the {@link ShareColumns} of a row-major region × industry matrix. */
export function _shareColumns(values: Float64Array, nR: number, nI: number, rowTotals: Float64Array): ShareColumns {
  const colPtr = new Int32Array(nI + 1);
  for (let r = 0; r < nR; r++) {
    if (rowTotals[r] === 0) continue;
    const base = r * nI;
    for (let i = 0; i < nI; i++) if ((values[base + i] as number) > 0) colPtr[i + 1] = (colPtr[i + 1] as number) + 1;
  }
  for (let i = 0; i < nI; i++) colPtr[i + 1] = (colPtr[i + 1] as number) + (colPtr[i] as number);
  const nnz = colPtr[nI] as number;
  const rowIdx = new Int32Array(nnz);
  const share = new Float64Array(nnz);
  const fill = colPtr.slice(0, nI);
  const rowShareSum = new Float64Array(nR);
  const rowShareSq = new Float64Array(nR);
  const zeroRows = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) {
    const t = rowTotals[r] as number;
    if (t === 0) {
      zeroRows[r] = 1;
      continue;
    }
    const base = r * nI;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < nI; i++) {
      const v = values[base + i] as number;
      if (v > 0) {
        const s = v / t;
        const at = fill[i] as number;
        rowIdx[at] = r;
        share[at] = s;
        fill[i] = at + 1;
        sum += s;
        sq += s * s;
      }
    }
    rowShareSum[r] = sum;
    rowShareSq[r] = sq;
  }
  return { colPtr, rowIdx, share, rowShareSum, rowShareSq, zeroRows };
}

/**
 * Rows of output accumulated per block (64 rows × 3,000 regions × 8 bytes ≈ 1.5 MB, about L2 size). On the large
 * bench size (2-core EPYC, loaded machine) 32–256 rows were within noise of each other (≈ 0.42–0.6 s per kernel)
 * and 8 rows was 3–4× slower, because each industry list is then re-streamed for too few rows.
 */
const pairwiseBlockRows = 64;

/** Index one past the last entry of column list `[k, end)` whose region is below `limit`. */
function blockEnd(rowIdx: Int32Array, k: number, end: number, limit: number): number {
  let stop = k;
  while (stop < end && (rowIdx[stop] as number) < limit) stop++;
  return stop;
}

/**
 * Upper triangle (`q > p`) of `out[p·nR + q] += Σ_i s_pi s_qi`. `out` must be zero-filled, length nR².
 *
 * Four list entries (four rows p) are taken at a time so that each later entry of the list is loaded once for
 * four updates (register blocking); this halves the time of the one-row loop.
 */
export function _pairwiseDot(cols: ShareColumns, nR: number, nI: number, out: Float64Array, blockRows = pairwiseBlockRows): void {
  const { colPtr, rowIdx, share } = cols;
  const cursor = colPtr.slice(0, nI);
  for (let b0 = 0; b0 < nR; b0 += blockRows) {
    const b1 = Math.min(nR, b0 + blockRows);
    for (let i = 0; i < nI; i++) {
      const end = colPtr[i + 1] as number;
      let k = cursor[i] as number;
      const stop = blockEnd(rowIdx, k, end, b1);
      for (; k + 4 <= stop; k += 4) {
        const r0 = (rowIdx[k] as number) * nR;
        const r1 = (rowIdx[k + 1] as number) * nR;
        const r2 = (rowIdx[k + 2] as number) * nR;
        const r3 = (rowIdx[k + 3] as number) * nR;
        const v0 = share[k] as number;
        const v1 = share[k + 1] as number;
        const v2 = share[k + 2] as number;
        const v3 = share[k + 3] as number;
        // Pairs inside the group of four.
        let q = rowIdx[k + 1] as number;
        let s = share[k + 1] as number;
        out[r0 + q] = (out[r0 + q] as number) + v0 * s;
        q = rowIdx[k + 2] as number;
        s = share[k + 2] as number;
        out[r0 + q] = (out[r0 + q] as number) + v0 * s;
        out[r1 + q] = (out[r1 + q] as number) + v1 * s;
        q = rowIdx[k + 3] as number;
        s = share[k + 3] as number;
        out[r0 + q] = (out[r0 + q] as number) + v0 * s;
        out[r1 + q] = (out[r1 + q] as number) + v1 * s;
        out[r2 + q] = (out[r2 + q] as number) + v2 * s;
        // Every later entry, once for the four rows.
        for (let k2 = k + 4; k2 < end; k2++) {
          const c = rowIdx[k2] as number;
          const x = share[k2] as number;
          out[r0 + c] = (out[r0 + c] as number) + v0 * x;
          out[r1 + c] = (out[r1 + c] as number) + v1 * x;
          out[r2 + c] = (out[r2 + c] as number) + v2 * x;
          out[r3 + c] = (out[r3 + c] as number) + v3 * x;
        }
      }
      for (; k < stop; k++) {
        const r0 = (rowIdx[k] as number) * nR;
        const v0 = share[k] as number;
        for (let k2 = k + 1; k2 < end; k2++) {
          const at = r0 + (rowIdx[k2] as number);
          out[at] = (out[at] as number) + v0 * (share[k2] as number);
        }
      }
      cursor[i] = stop;
    }
  }
}

/**
 * Upper triangle (`q > p`) of `out[p·nR + q] += 2 Σ_i min(s_pi, s_qi)` — note the factor 2: each term is
 * accumulated as `a + b − |a − b|` (= 2 min(a, b)), which has no data-dependent branch; a `<` comparison on
 * random shares mispredicts and was twice as slow. `out` must be zero-filled, length nR². Blocked like
 * {@link _pairwiseDot}.
 */
export function _pairwiseMin2(cols: ShareColumns, nR: number, nI: number, out: Float64Array, blockRows = pairwiseBlockRows): void {
  const { colPtr, rowIdx, share } = cols;
  const cursor = colPtr.slice(0, nI);
  for (let b0 = 0; b0 < nR; b0 += blockRows) {
    const b1 = Math.min(nR, b0 + blockRows);
    for (let i = 0; i < nI; i++) {
      const end = colPtr[i + 1] as number;
      let k = cursor[i] as number;
      const stop = blockEnd(rowIdx, k, end, b1);
      for (; k + 4 <= stop; k += 4) {
        const r0 = (rowIdx[k] as number) * nR;
        const r1 = (rowIdx[k + 1] as number) * nR;
        const r2 = (rowIdx[k + 2] as number) * nR;
        const r3 = (rowIdx[k + 3] as number) * nR;
        const v0 = share[k] as number;
        const v1 = share[k + 1] as number;
        const v2 = share[k + 2] as number;
        const v3 = share[k + 3] as number;
        let q = rowIdx[k + 1] as number;
        let s = share[k + 1] as number;
        out[r0 + q] = (out[r0 + q] as number) + (v0 + s - Math.abs(v0 - s));
        q = rowIdx[k + 2] as number;
        s = share[k + 2] as number;
        out[r0 + q] = (out[r0 + q] as number) + (v0 + s - Math.abs(v0 - s));
        out[r1 + q] = (out[r1 + q] as number) + (v1 + s - Math.abs(v1 - s));
        q = rowIdx[k + 3] as number;
        s = share[k + 3] as number;
        out[r0 + q] = (out[r0 + q] as number) + (v0 + s - Math.abs(v0 - s));
        out[r1 + q] = (out[r1 + q] as number) + (v1 + s - Math.abs(v1 - s));
        out[r2 + q] = (out[r2 + q] as number) + (v2 + s - Math.abs(v2 - s));
        for (let k2 = k + 4; k2 < end; k2++) {
          const c = rowIdx[k2] as number;
          const x = share[k2] as number;
          out[r0 + c] = (out[r0 + c] as number) + (v0 + x - Math.abs(v0 - x));
          out[r1 + c] = (out[r1 + c] as number) + (v1 + x - Math.abs(v1 - x));
          out[r2 + c] = (out[r2 + c] as number) + (v2 + x - Math.abs(v2 - x));
          out[r3 + c] = (out[r3 + c] as number) + (v3 + x - Math.abs(v3 - x));
        }
      }
      for (; k < stop; k++) {
        const r0 = (rowIdx[k] as number) * nR;
        const v0 = share[k] as number;
        for (let k2 = k + 1; k2 < end; k2++) {
          const at = r0 + (rowIdx[k2] as number);
          const x = share[k2] as number;
          out[at] = (out[at] as number) + (v0 + x - Math.abs(v0 - x));
        }
      }
      cursor[i] = stop;
    }
  }
}

/**
 * Both kernels in one pass: upper triangles of `dot[p·nR + q] += Σ_i s_pi s_qi` and `min2[p·nR + q] += 2 Σ_i
 * min(s_pi, s_qi)`. Walking the industry lists once for both saves the index and share loads of a second walk, and
 * eight list entries are taken at a time (each later entry loaded once for sixteen updates). At 3,000 × 500 this
 * took 0.9–1.4 s against 1.25–1.4 s for the two separate kernels (noisy 2-vCPU machine); 128 rows per block were
 * faster than 64 here. Both outputs zero-filled, length nR². Every cell receives its terms in industry order, as in
 * the separate kernels, so the results are the same to the bit.
 */
export function _pairwiseDotAndMin2(cols: ShareColumns, nR: number, nI: number, dot: Float64Array, min2: Float64Array, blockRows = 128): void {
  const { colPtr, rowIdx, share } = cols;
  const cursor = colPtr.slice(0, nI);
  for (let b0 = 0; b0 < nR; b0 += blockRows) {
    const b1 = Math.min(nR, b0 + blockRows);
    for (let i = 0; i < nI; i++) {
      const end = colPtr[i + 1] as number;
      let k = cursor[i] as number;
      const stop = blockEnd(rowIdx, k, end, b1);
      for (; k + 8 <= stop; k += 8) {
        const r0 = (rowIdx[k] as number) * nR;
        const r1 = (rowIdx[k + 1] as number) * nR;
        const r2 = (rowIdx[k + 2] as number) * nR;
        const r3 = (rowIdx[k + 3] as number) * nR;
        const r4 = (rowIdx[k + 4] as number) * nR;
        const r5 = (rowIdx[k + 5] as number) * nR;
        const r6 = (rowIdx[k + 6] as number) * nR;
        const r7 = (rowIdx[k + 7] as number) * nR;
        const v0 = share[k] as number;
        const v1 = share[k + 1] as number;
        const v2 = share[k + 2] as number;
        const v3 = share[k + 3] as number;
        const v4 = share[k + 4] as number;
        const v5 = share[k + 5] as number;
        const v6 = share[k + 6] as number;
        const v7 = share[k + 7] as number;
        // Pairs inside the group of eight.
        for (let a = 0; a < 7; a++) {
          const ra = (rowIdx[k + a] as number) * nR;
          const va = share[k + a] as number;
          for (let b = a + 1; b < 8; b++) {
            const at = ra + (rowIdx[k + b] as number);
            const x = share[k + b] as number;
            dot[at] = (dot[at] as number) + va * x;
            min2[at] = (min2[at] as number) + (va + x - Math.abs(va - x));
          }
        }
        // Every later entry, once for the eight rows.
        for (let k2 = k + 8; k2 < end; k2++) {
          const c = rowIdx[k2] as number;
          const x = share[k2] as number;
          dot[r0 + c] = (dot[r0 + c] as number) + v0 * x;
          dot[r1 + c] = (dot[r1 + c] as number) + v1 * x;
          dot[r2 + c] = (dot[r2 + c] as number) + v2 * x;
          dot[r3 + c] = (dot[r3 + c] as number) + v3 * x;
          dot[r4 + c] = (dot[r4 + c] as number) + v4 * x;
          dot[r5 + c] = (dot[r5 + c] as number) + v5 * x;
          dot[r6 + c] = (dot[r6 + c] as number) + v6 * x;
          dot[r7 + c] = (dot[r7 + c] as number) + v7 * x;
          min2[r0 + c] = (min2[r0 + c] as number) + (v0 + x - Math.abs(v0 - x));
          min2[r1 + c] = (min2[r1 + c] as number) + (v1 + x - Math.abs(v1 - x));
          min2[r2 + c] = (min2[r2 + c] as number) + (v2 + x - Math.abs(v2 - x));
          min2[r3 + c] = (min2[r3 + c] as number) + (v3 + x - Math.abs(v3 - x));
          min2[r4 + c] = (min2[r4 + c] as number) + (v4 + x - Math.abs(v4 - x));
          min2[r5 + c] = (min2[r5 + c] as number) + (v5 + x - Math.abs(v5 - x));
          min2[r6 + c] = (min2[r6 + c] as number) + (v6 + x - Math.abs(v6 - x));
          min2[r7 + c] = (min2[r7 + c] as number) + (v7 + x - Math.abs(v7 - x));
        }
      }
      for (; k < stop; k++) {
        const r0 = (rowIdx[k] as number) * nR;
        const v0 = share[k] as number;
        for (let k2 = k + 1; k2 < end; k2++) {
          const at = r0 + (rowIdx[k2] as number);
          const x = share[k2] as number;
          dot[at] = (dot[at] as number) + v0 * x;
          min2[at] = (min2[at] as number) + (v0 + x - Math.abs(v0 - x));
        }
      }
      cursor[i] = stop;
    }
  }
}

/** Copy the upper triangle of a square row-major matrix onto its lower triangle, in cache-sized tiles. */
export function _mirrorUpper(out: Float64Array, n: number, tile = 64): void {
  for (let a0 = 0; a0 < n; a0 += tile) {
    const a1 = Math.min(n, a0 + tile);
    for (let c0 = a0; c0 < n; c0 += tile) {
      const c1 = Math.min(n, c0 + tile);
      for (let p = a0; p < a1; p++) {
        const rowP = p * n;
        for (let q = Math.max(c0, p + 1); q < c1; q++) out[q * n + p] = out[rowP + q] as number;
      }
    }
  }
}

/**
 * Finish a pairwise region × region measure whose upper triangle is filled: mirror it, then mark the rows and
 * columns of zero-total regions in `absent` (a length-0 mask when there are none — nothing to mark).
 */
export function _mirrorAndMask(out: Float64Array, nR: number, zeroRows: Uint8Array, absent: Uint8Array): void {
  _mirrorUpper(out, nR);
  if (absent.length === 0) return;
  for (let p = 0; p < nR; p++) {
    if (zeroRows[p] === 0) continue;
    absent.fill(1, p * nR, (p + 1) * nR);
    for (let q = 0; q < nR; q++) absent[q * nR + p] = 1;
  }
}

/**
 * The labelled R × R result of a pairwise measure: `compute(values, nR, nI, rowTotals, out, absent)` fills `out`
 * and `absent`; the R × R mask is only allocated (and scanned) when a zero-total region exists.
 */
export function pairwiseResult(
  matrix: RegionIndustryMatrix,
  compute: (values: Float64Array, nR: number, nI: number, rowTotals: Float64Array, out: Float64Array, absent: Uint8Array) => void,
): LabelledMatrix {
  const nR = matrix.regionCount;
  const out = new Float64Array(nR * nR);
  const totals = matrix.regionTotals();
  const absent = totals.includes(0) ? new Uint8Array(nR * nR) : new Uint8Array(0);
  compute(matrix.values, nR, matrix.industryCount, totals, out, absent);
  return labelledMatrix(matrix.regions, matrix.regions, out, absent.length > 0 ? absent : undefined);
}
