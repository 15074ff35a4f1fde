/**
 * Eigenvector of a small dense (not necessarily symmetric) matrix for the real eigenvalue nearest a shift, by
 * shifted inverse iteration.
 *
 * Reference: Golub and Van Loan (2013) Matrix Computations, 4th ed., §7.6.1 (inverse iteration); Wilkinson, J.H.
 * (1965) The Algebraic Eigenvalue Problem. Used to reproduce peers that decompose a perturbed, non-symmetric
 * matrix (EconGeo rounds M̃ to 4 dp), where the symmetric similarity no longer holds. The LU factorisation with
 * partial pivoting is private to this file so that it has no dependency on the dense kernels.
 */
import { ConvergenceError, InvalidInputError } from '../errors/metro-error.ts';
import { eigenMessages } from './eigen-messages.ts';

/** Options of {@link inverseIteration}. */
export interface InverseIterationOptions {
  /** Stop when the Rayleigh-quotient residual ‖A x − μ x‖ ≤ tolerance × ‖A‖_∞. Default 1e-13; range (0, 1). */
  readonly tolerance?: number;
  /** Iteration limit. Default 100; an integer ≥ 1. */
  readonly maxIterations?: number;
}

/** Defaults of {@link InverseIterationOptions}. */
export const defaultInverseIterationOptions = { tolerance: 1e-13, maxIterations: 100 } as const satisfies Required<InverseIterationOptions>;

/** Result of {@link inverseIteration}. */
export interface InverseIterationResult {
  /** The eigenvalue (Rayleigh quotient at convergence). */
  readonly value: number;
  /** Unit eigenvector (2-norm), sign such that its largest-magnitude entry is positive. */
  readonly vector: Float64Array;
  readonly iterations: number;
}

/**
 * Eigenpair of the dense row-major `n × n` matrix nearest `shift`.
 *
 * @throws InvalidInputError for a bad shape or non-finite values; when `shift` is exactly an eigenvalue (a zero
 * pivot) — move it slightly.
 * @throws ConvergenceError when the residual does not fall below the tolerance (e.g. a complex pair nearest the shift).
 * @example
 * inverseIteration(new Float64Array([2, 1, 0, 3]), 2, 2.9).value; // ≈ 3
 */
export function inverseIteration(matrix: Float64Array, n: number, shift: number, options: InverseIterationOptions = {}): InverseIterationResult {
  const fn = 'inverseIteration';
  const tolerance = options.tolerance ?? defaultInverseIterationOptions.tolerance;
  const maxIterations = options.maxIterations ?? defaultInverseIterationOptions.maxIterations;
  if (!Number.isInteger(n) || n < 1 || matrix.length !== n * n)
    throw new InvalidInputError(eigenMessages.shape(fn, matrix.length, n), undefined, 'SHAPE_MISMATCH');
  if (!(tolerance > 0 && tolerance < 1))
    throw new InvalidInputError(eigenMessages.option(fn, 'tolerance', tolerance, 'a number in (0, 1)'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new InvalidInputError(eigenMessages.option(fn, 'maxIterations', maxIterations, 'a positive integer'), undefined, 'INVALID_OPTION');
  let normInf = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) {
      const v = matrix[i * n + j] as number;
      if (!Number.isFinite(v)) throw new InvalidInputError(eigenMessages.notFinite(fn, i, j, v), { row: i, column: j }, 'NOT_FINITE');
      row += Math.abs(v);
    }
    normInf = Math.max(normInf, row);
  }
  // LU of A − σI with partial pivoting (Doolittle, in place).
  const lu = new Float64Array(matrix);
  for (let i = 0; i < n; i++) lu[i * n + i] = (lu[i * n + i] as number) - shift;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(lu[r * n + c] as number) > Math.abs(lu[p * n + c] as number)) p = r;
    if (lu[p * n + c] === 0) throw new InvalidInputError(eigenMessages.singularShift(fn, shift), { shift }, 'SINGULAR');
    if (p !== c) {
      for (let j = 0; j < n; j++) {
        const t = lu[c * n + j] as number;
        lu[c * n + j] = lu[p * n + j] as number;
        lu[p * n + j] = t;
      }
      const t = perm[c] as number;
      perm[c] = perm[p] as number;
      perm[p] = t;
    }
    const pivot = lu[c * n + c] as number;
    for (let r = c + 1; r < n; r++) {
      const f = (lu[r * n + c] as number) / pivot;
      lu[r * n + c] = f;
      if (f !== 0) for (let j = c + 1; j < n; j++) lu[r * n + j] = (lu[r * n + j] as number) - f * (lu[c * n + j] as number);
    }
  }
  // Fixed pseudo-random start (golden-ratio sequence): a constant start can be an exact eigenvector of the wrong
  // eigenvalue (e.g. of every row-stochastic matrix), from which inverse iteration never leaves.
  let x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 0.5 + (((i + 1) * 0.6180339887498949) % 1);
  const ax = new Float64Array(n);
  let value = shift;
  for (let it = 1; it <= maxIterations; it++) {
    // Solve (A − σI) y = x.
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = x[perm[i] as number] as number;
      for (let j = 0; j < i; j++) s -= (lu[i * n + j] as number) * (y[j] as number);
      y[i] = s;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i] as number;
      for (let j = i + 1; j < n; j++) s -= (lu[i * n + j] as number) * (y[j] as number);
      y[i] = s / (lu[i * n + i] as number);
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (y[i] as number) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) y[i] = (y[i] as number) / norm;
    x = y;
    let num = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (matrix[i * n + j] as number) * (x[j] as number);
      ax[i] = s;
      num += s * (x[i] as number);
    }
    value = num;
    let residual = 0;
    for (let i = 0; i < n; i++) residual += ((ax[i] as number) - value * (x[i] as number)) ** 2;
    residual = Math.sqrt(residual);
    if (residual <= tolerance * Math.max(normInf, 1e-300)) {
      let big = 0;
      for (let i = 1; i < n; i++) if (Math.abs(x[i] as number) > Math.abs(x[big] as number)) big = i;
      if ((x[big] as number) < 0) for (let i = 0; i < n; i++) x[i] = -(x[i] as number);
      return { value, vector: x, iterations: it };
    }
    if (it === maxIterations) throw new ConvergenceError(eigenMessages.noConvergence(fn, it, residual, tolerance * normInf), { iterations: it, residual });
  }
  throw new ConvergenceError(eigenMessages.noConvergence(fn, maxIterations, Infinity, tolerance), { iterations: maxIterations });
}
