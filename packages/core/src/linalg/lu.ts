/**
 * LU decomposition with partial (row) pivoting, `P·A = L·U`, on a row-major `Float64Array`.
 *
 * Reference: Golub G.H., Van Loan C.F. (2013) Matrix Computations, 4th ed., §3.4 (Gaussian elimination with
 * partial pivoting). Right-looking k-i-j elimination so the inner loop runs over contiguous memory.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { linalgMessages } from './dense-messages.ts';

/** The factors of `P·A = L·U`, packed: `L` (unit diagonal, not stored) below the diagonal, `U` on and above. */
export interface LuDecomposition {
  /** Order of the matrix. */
  readonly n: number;
  /** Packed factors, row-major n × n. */
  readonly lu: Float64Array;
  /** Row `i` of `P·A` is row `pivot[i]` of `A`. */
  readonly pivot: Int32Array;
  /** +1 or −1: the sign of the permutation (det A = sign · Π U_ii). */
  readonly sign: number;
}

/** Options of {@link luDecompose}. */
export interface LuOptions {
  /**
   * Relative singularity threshold: a pivot with `|p| ≤ tolerance · max|A|` counts as zero and the matrix as
   * singular. Default `n · 2⁻⁵²` (machine epsilon times the order); must be ≥ 0.
   */
  readonly tolerance?: number;
}

/** Check that `a` is a finite square n × n row-major matrix; internal. */
export function checkSquare(fn: string, a: Float64Array, n: number): void {
  if (!Number.isInteger(n) || n < 0 || a.length !== n * n) throw new InvalidInputError(linalgMessages.notSquare(fn, a.length, n), { n }, 'SHAPE_MISMATCH');
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k] as number)) throw new InvalidInputError(linalgMessages.notFinite(fn, 'matrix', k), { index: k }, 'NOT_FINITE');
  }
}

/**
 * Factorise a square matrix: `P·A = L·U` with partial pivoting. The input is copied, never mutated.
 *
 * Cost `⅔ n³` flops. Throws `InvalidInputError` (`SHAPE_MISMATCH`, `NOT_FINITE`) on bad input and
 * (`SINGULAR`) when a pivot is zero relative to the largest entry.
 *
 * @example
 * const f = luDecompose(new Float64Array([4, 3, 6, 3]), 2); // f.pivot = [1, 0]
 */
export function luDecompose(a: Float64Array, n: number, options: LuOptions = {}): LuDecomposition {
  const fn = 'luDecompose';
  checkSquare(fn, a, n);
  return luDecomposeUnchecked(fn, a, n, options.tolerance);
}

/** {@link luDecompose} without input checks (callers have validated); internal. */
export function luDecomposeUnchecked(fn: string, a: Float64Array, n: number, tolerance?: number): LuDecomposition {
  const lu = Float64Array.from(a);
  const pivot = new Int32Array(n);
  for (let i = 0; i < n; i++) pivot[i] = i;
  let scale = 0;
  for (let k = 0; k < lu.length; k++) scale = Math.max(scale, Math.abs(lu[k] as number));
  const threshold = (tolerance ?? n * 2 ** -52) * scale;
  let sign = 1;
  for (let k = 0; k < n; k++) {
    // Pivot: the largest magnitude in column k at or below the diagonal.
    let p = k;
    let best = Math.abs(lu[k * n + k] as number);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k] as number);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > threshold) || best === 0) throw new InvalidInputError(linalgMessages.singular(fn, k), { column: k }, 'SINGULAR');
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const t = lu[rk + j] as number;
        lu[rk + j] = lu[rp + j] as number;
        lu[rp + j] = t;
      }
      const t = pivot[k] as number;
      pivot[k] = pivot[p] as number;
      pivot[p] = t;
      sign = -sign;
    }
    const rk = k * n;
    const diag = lu[rk + k] as number;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = (lu[ri + k] as number) / diag;
      lu[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < n; j++) lu[ri + j] = (lu[ri + j] as number) - l * (lu[rk + j] as number);
    }
  }
  return { n, lu, pivot, sign };
}

/** The determinant from an LU decomposition: `sign · Π U_ii`. */
export function luDeterminant(f: LuDecomposition): number {
  let det = f.sign;
  for (let i = 0; i < f.n; i++) det *= f.lu[i * f.n + i] as number;
  return det;
}
