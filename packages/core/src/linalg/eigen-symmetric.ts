/**
 * All eigenpairs of a small dense symmetric matrix by the cyclic Jacobi method.
 *
 * Reference: Golub, G.H. and Van Loan, C.F. (2013) Matrix Computations, 4th ed., §8.5 (cyclic Jacobi, with the
 * stable rotation of Rutishauser). Jacobi is slower than tridiagonal QR for large n but simple, accurate to a few
 * ulps in every eigenpair (Demmel and Veselić 1992) and ample for the sizes it is used for here (n ≲ 200: the
 * exact branch of the complexity solver and the tridiagonal matrices of Lanczos).
 */
import { ConvergenceError, InvalidInputError } from '../errors/metro-error.ts';
import { eigenMessages } from './eigen-messages.ts';

/** Options of {@link symmetricEigen}. */
export interface SymmetricEigenOptions {
  /**
   * Stop when the off-diagonal Frobenius norm is at most `tolerance` × the Frobenius norm of the matrix.
   * Default 1e-15; range (0, 1).
   */
  readonly tolerance?: number;
  /** Maximum number of full sweeps over the off-diagonal entries. Default 100; a positive integer. */
  readonly maxSweeps?: number;
}

/** Defaults of {@link SymmetricEigenOptions}. */
export const defaultSymmetricEigenOptions = { tolerance: 1e-15, maxSweeps: 100 } as const satisfies Required<SymmetricEigenOptions>;

/** Eigenvalues in descending order and the matching unit eigenvectors. */
export interface SymmetricEigenResult {
  /** Eigenvalues, largest first. */
  readonly values: Float64Array;
  /** Eigenvectors, row-major `n × n`: row `k` is the unit eigenvector of `values[k]`. */
  readonly vectors: Float64Array;
  /** Number of sweeps used. */
  readonly sweeps: number;
}

/**
 * Eigen-decomposition of a dense symmetric `n × n` matrix (row-major). Only the upper triangle is read; the
 * input is not mutated.
 *
 * @throws InvalidInputError when the shape is wrong or a value is not finite.
 * @throws ConvergenceError when `maxSweeps` sweeps do not reach the tolerance (does not happen for finite input
 * in practice: Jacobi converges quadratically).
 * @example
 * const { values } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2); // values = [3, 1]
 */
export function symmetricEigen(matrix: Float64Array, n: number, options: SymmetricEigenOptions = {}): SymmetricEigenResult {
  const fn = 'symmetricEigen';
  const tolerance = options.tolerance ?? defaultSymmetricEigenOptions.tolerance;
  const maxSweeps = options.maxSweeps ?? defaultSymmetricEigenOptions.maxSweeps;
  if (!Number.isInteger(n) || n < 0 || matrix.length !== n * n) {
    throw new InvalidInputError(eigenMessages.shape(fn, matrix.length, n), undefined, 'SHAPE_MISMATCH');
  }
  if (!(tolerance > 0 && tolerance < 1))
    throw new InvalidInputError(eigenMessages.option(fn, 'tolerance', tolerance, 'a number in (0, 1)'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(maxSweeps) || maxSweeps < 1)
    throw new InvalidInputError(eigenMessages.option(fn, 'maxSweeps', maxSweeps, 'a positive integer'), undefined, 'INVALID_OPTION');
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = matrix[i * n + j] as number;
      if (!Number.isFinite(v)) throw new InvalidInputError(eigenMessages.notFinite(fn, i, j, v), { row: i, column: j }, 'NOT_FINITE');
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  const { values, vectors, sweeps } = jacobiInPlace(a, n, tolerance, maxSweeps, fn);
  return { values, vectors, sweeps };
}

/**
 * Jacobi on an owned, symmetric, finite matrix `a` (destroyed). Internal entry point for callers that already
 * validated their input (Lanczos's tridiagonal matrix, the complexity solver).
 */
export function jacobiInPlace(a: Float64Array, n: number, tolerance: number, maxSweeps: number, fn: string): SymmetricEigenResult {
  // v holds eigenvectors as columns while rotating; transposed to rows at the end.
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let total = 0;
  for (let k = 0; k < n * n; k++) total += (a[k] as number) * (a[k] as number);
  const threshold = tolerance * Math.sqrt(total);
  let sweeps = 0;
  let off = offNorm(a, n);
  while (off > threshold) {
    if (sweeps >= maxSweeps) {
      throw new ConvergenceError(eigenMessages.noConvergence(fn, sweeps, off, threshold), { sweeps, residual: off });
    }
    sweeps++;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        // Rutishauser's stable rotation: t = sign(θ) / (|θ| + √(θ² + 1)), θ = (a_qq − a_pp) / (2 a_pq).
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        const tau = s / (1 + c);
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = a[r * n + p] as number;
          const arq = a[r * n + q] as number;
          const np = arp - s * (arq + tau * arp);
          const nq = arq + s * (arp - tau * arq);
          a[r * n + p] = np;
          a[p * n + r] = np;
          a[r * n + q] = nq;
          a[q * n + r] = nq;
        }
        for (let r = 0; r < n; r++) {
          const vrp = v[r * n + p] as number;
          const vrq = v[r * n + q] as number;
          v[r * n + p] = vrp - s * (vrq + tau * vrp);
          v[r * n + q] = vrq + s * (vrp - tau * vrq);
        }
      }
    }
    off = offNorm(a, n);
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => (a[y * n + y] as number) - (a[x * n + x] as number));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const col = order[k] as number;
    values[k] = a[col * n + col] as number;
    for (let r = 0; r < n; r++) vectors[k * n + r] = v[r * n + col] as number;
  }
  return { values, vectors, sweeps };
}

function offNorm(a: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j] as number;
      sum += 2 * x * x;
    }
  }
  return Math.sqrt(sum);
}
