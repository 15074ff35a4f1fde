/**
 * Solve `A·X = B` for one or several right-hand sides through an LU decomposition with partial pivoting.
 *
 * Reference: Golub & Van Loan (2013) §3.1 (triangular systems), §3.4. `B` is row-major n × k so the forward and
 * back substitutions update whole contiguous rows.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { linalgMessages } from './dense-messages.ts';
import { checkSquare, type LuDecomposition, type LuOptions, luDecomposeUnchecked } from './lu.ts';

/**
 * Solve with an existing factorisation: `b` is row-major n × k (k = `b.length / n`); returns a new array.
 * Throws `InvalidInputError` (`SHAPE_MISMATCH`) when `b.length` is not a multiple of n.
 */
export function luSolve(f: LuDecomposition, b: Float64Array): Float64Array {
  const fn = 'luSolve';
  const n = f.n;
  if (n === 0 ? b.length !== 0 : b.length % n !== 0)
    throw new InvalidInputError(linalgMessages.badShape(fn, 'right-hand side', b.length, n), undefined, 'SHAPE_MISMATCH');
  const k = n === 0 ? 0 : b.length / n;
  const x = new Float64Array(b.length);
  // Apply the row permutation.
  for (let i = 0; i < n; i++) x.set(b.subarray((f.pivot[i] as number) * k, (f.pivot[i] as number) * k + k), i * k);
  const lu = f.lu;
  // Forward substitution with unit-diagonal L.
  for (let i = 1; i < n; i++) {
    const ri = i * k;
    for (let j = 0; j < i; j++) {
      const l = lu[i * n + j] as number;
      if (l === 0) continue;
      const rj = j * k;
      for (let c = 0; c < k; c++) x[ri + c] = (x[ri + c] as number) - l * (x[rj + c] as number);
    }
  }
  // Back substitution with U.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * k;
    for (let j = i + 1; j < n; j++) {
      const u = lu[i * n + j] as number;
      if (u === 0) continue;
      const rj = j * k;
      for (let c = 0; c < k; c++) x[ri + c] = (x[ri + c] as number) - u * (x[rj + c] as number);
    }
    const d = lu[i * n + i] as number;
    for (let c = 0; c < k; c++) x[ri + c] = (x[ri + c] as number) / d;
  }
  return x;
}

/**
 * Solve `A·X = B`: `a` is row-major n × n, `b` row-major n × k (a vector when k = 1). Inputs are not mutated.
 *
 * Throws `InvalidInputError` with code `SHAPE_MISMATCH`, `NOT_FINITE` or `SINGULAR`.
 *
 * @example
 * solveLinearSystem(new Float64Array([2, 0, 0, 4]), 2, new Float64Array([2, 8])); // [1, 2]
 */
export function solveLinearSystem(a: Float64Array, n: number, b: Float64Array, options: LuOptions = {}): Float64Array {
  const fn = 'solveLinearSystem';
  checkSquare(fn, a, n);
  for (let k = 0; k < b.length; k++) {
    if (!Number.isFinite(b[k] as number)) throw new InvalidInputError(linalgMessages.notFinite(fn, 'right-hand side', k), { index: k }, 'NOT_FINITE');
  }
  return luSolve(luDecomposeUnchecked(fn, a, n, options.tolerance), b);
}
