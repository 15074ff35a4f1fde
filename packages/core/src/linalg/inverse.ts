/**
 * The inverse of a square matrix through LU with partial pivoting: solve `A·X = I`.
 *
 * Reference: Golub & Van Loan (2013) §3.4.9. Cost about `2 n³` flops; used for the Leontief and Ghosh inverses.
 */
import { checkSquare, type LuOptions, luDecomposeUnchecked } from './lu.ts';
import { luSolve } from './solve.ts';

/**
 * `A⁻¹` of a row-major n × n matrix, as a new row-major array. The input is not mutated.
 *
 * Throws `InvalidInputError` with code `SHAPE_MISMATCH`, `NOT_FINITE` or `SINGULAR`.
 *
 * @example
 * invertMatrix(new Float64Array([2, 0, 0, 4]), 2); // [0.5, 0, 0, 0.25]
 */
export function invertMatrix(a: Float64Array, n: number, options: LuOptions = {}): Float64Array {
  const fn = 'invertMatrix';
  checkSquare(fn, a, n);
  return invertUnchecked(fn, a, n, options.tolerance);
}

/** {@link invertMatrix} without input checks; internal. */
export function invertUnchecked(fn: string, a: Float64Array, n: number, tolerance?: number): Float64Array {
  const identity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) identity[i * n + i] = 1;
  return luSolve(luDecomposeUnchecked(fn, a, n, tolerance), identity);
}
