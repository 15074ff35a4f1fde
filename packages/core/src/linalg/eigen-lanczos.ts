/**
 * Largest eigenpairs of a symmetric linear operator by the Lanczos method with full reorthogonalisation and
 * explicit deflation against known eigenvectors.
 *
 * References: Lanczos, C. (1950) J. Res. Nat. Bur. Standards 45(4); Golub and Van Loan (2013) Matrix Computations,
 * 4th ed., §10.1–10.3 (Ritz pairs, residual bound ‖A y − θ y‖ = β_m |s_m|). Full reorthogonalisation (twice,
 * "twice is enough", Parlett 1998) keeps the basis orthogonal so that no ghost eigenvalues appear; the cost,
 * O(m² n) for m steps, is small next to the operator for the sizes of this project. The operator is only ever
 * applied, never formed, so a sparse presence matrix stays sparse.
 */
import { ConvergenceError, InvalidInputError } from '../errors/metro-error.ts';
import { eigenMessages } from './eigen-messages.ts';

/** A symmetric linear operator `x ↦ A x` on vectors of length `size`. */
export interface SymmetricOperator {
  /** Dimension n. */
  readonly size: number;
  /** Write `A x` into `out` (same length; `out` and `x` never alias). Must not keep references to either. */
  apply(x: Float64Array, out: Float64Array): void;
}

/** Options of {@link lanczosLargest}. */
export interface LanczosOptions {
  /** How many of the largest eigenpairs (after deflation) to return. Default 1; 1 ≤ count ≤ n − deflated. */
  readonly count?: number;
  /**
   * Orthonormal vectors spanning a known invariant subspace to project out (e.g. the Perron vector). Default none.
   * The result is then the largest eigenpairs of A restricted to their orthogonal complement.
   */
  readonly deflate?: readonly Float64Array[];
  /**
   * Convergence: every returned Ritz pair has residual ‖A y − θ y‖ ≤ tolerance × max(1, |θ_max|). Default 1e-12;
   * range (0, 1).
   */
  readonly tolerance?: number;
  /** Maximum Krylov dimension (operator applications). Default 1000; a positive integer. */
  readonly maxIterations?: number;
}

/** Defaults of {@link LanczosOptions}. */
export const defaultLanczosOptions = { count: 1, tolerance: 1e-12, maxIterations: 1000 } as const;

/** Result of {@link lanczosLargest}. */
export interface LanczosResult {
  /** The `count` largest eigenvalues, largest first. */
  readonly values: Float64Array;
  /** Their unit eigenvectors (orthogonal to the deflation vectors). */
  readonly vectors: readonly Float64Array[];
  /** The next Ritz value below the returned ones (an estimate of the following eigenvalue), if any. */
  readonly nextValue: number | undefined;
  /** Krylov dimension reached. */
  readonly iterations: number;
  /** Largest residual norm of the returned pairs. */
  readonly residual: number;
}

/**
 * Largest `count` eigenpairs of a symmetric operator (orthogonal to `deflate`).
 *
 * When the Krylov space becomes invariant (the residual vector vanishes) or spans the whole deflated space, the
 * Ritz pairs are exact eigenpairs and the method stops. Start vector: fixed pseudo-random (deterministic results).
 *
 * @throws InvalidInputError for bad options or a space too small for `count`.
 * @throws ConvergenceError when `maxIterations` steps do not reach the tolerance.
 * @example
 * const op = { size: 3, apply: (x, out) => { out[0] = 2 * x[0]; out[1] = x[1]; out[2] = 3 * x[2]; } };
 * lanczosLargest(op).values; // Float64Array [3]
 */
export function lanczosLargest(operator: SymmetricOperator, options: LanczosOptions = {}): LanczosResult {
  const fn = 'lanczosLargest';
  const n = operator.size;
  const count = options.count ?? defaultLanczosOptions.count;
  const deflate = options.deflate ?? [];
  const tolerance = options.tolerance ?? defaultLanczosOptions.tolerance;
  const maxIterations = options.maxIterations ?? defaultLanczosOptions.maxIterations;
  if (!(tolerance > 0 && tolerance < 1))
    throw new InvalidInputError(eigenMessages.option(fn, 'tolerance', tolerance, 'a number in (0, 1)'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(maxIterations) || maxIterations < 1)
    throw new InvalidInputError(eigenMessages.option(fn, 'maxIterations', maxIterations, 'a positive integer'), undefined, 'INVALID_OPTION');
  const available = n - deflate.length;
  if (!Number.isInteger(count) || count < 1 || count > available)
    throw new InvalidInputError(eigenMessages.tooFew(fn, count, Math.max(available, 0)), undefined, 'INVALID_OPTION');
  if (maxIterations < count)
    throw new InvalidInputError(eigenMessages.option(fn, 'maxIterations', maxIterations, `an integer ≥ count (${count})`), undefined, 'INVALID_OPTION');
  for (const d of deflate) {
    if (d.length !== n)
      throw new InvalidInputError(eigenMessages.option(fn, 'deflate', `a vector of length ${d.length}`, `vectors of length ${n}`), undefined, 'SHAPE_MISMATCH');
  }
  const maxDim = Math.min(available, maxIterations);
  const basis = new Float64Array(maxDim * n);
  const alpha = new Float64Array(maxDim);
  const beta = new Float64Array(maxDim);
  const w = new Float64Array(n);
  const q = new Float64Array(n);

  // Deterministic start: a fixed pseudo-random vector, projected off the deflation space.
  let seed = 0x9e3779b9;
  for (let k = 0; k < n; k++) {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    q[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  }
  orthogonalise(q, deflate, basis, 0, n);
  orthogonalise(q, deflate, basis, 0, n);
  let norm = Math.sqrt(dot(q, q));
  if (norm === 0) {
    // The pseudo-random start lay in the deflation space (only possible for tiny n): try unit vectors.
    for (let e = 0; e < n && norm === 0; e++) {
      q.fill(0);
      q[e] = 1;
      orthogonalise(q, deflate, basis, 0, n);
      orthogonalise(q, deflate, basis, 0, n);
      norm = Math.sqrt(dot(q, q));
    }
  }
  for (let k = 0; k < n; k++) basis[k] = (q[k] as number) / norm;

  let m = 0; // number of basis vectors whose α is known
  let nextCheck = count;
  let last: Ritz | undefined;
  for (;;) {
    const qm = basis.subarray(m * n, (m + 1) * n);
    operator.apply(qm, w);
    const a = dot(qm, w);
    alpha[m] = a;
    for (let k = 0; k < n; k++) w[k] = (w[k] as number) - a * (qm[k] as number);
    if (m > 0) {
      const b = beta[m - 1] as number;
      const prev = basis.subarray((m - 1) * n, m * n);
      for (let k = 0; k < n; k++) w[k] = (w[k] as number) - b * (prev[k] as number);
    }
    orthogonalise(w, deflate, basis, m + 1, n);
    orthogonalise(w, deflate, basis, m + 1, n);
    const b = Math.sqrt(dot(w, w));
    beta[m] = b;
    m++;
    const scale = Math.max(1, Math.abs(alpha[0] as number), ...(last ? [Math.abs(last.values[0] as number)] : []));
    const invariant = b <= 1e-14 * scale;
    const full = m === maxDim;
    if (invariant && m < count) {
      // The start vector spanned an invariant subspace smaller than the number of pairs asked for.
      throw new ConvergenceError(eigenMessages.noConvergence(fn, m, 0, tolerance), { iterations: m, residual: 0 });
    }
    if (m >= nextCheck || invariant || full) {
      last = ritz(alpha, beta, m, count);
      const bound = Math.max(1, Math.abs(last.values[0] as number));
      const exact = invariant || m === available;
      if (exact || last.residual <= tolerance * bound) {
        const vectors: Float64Array[] = [];
        for (let c = 0; c < count; c++) {
          const y = new Float64Array(n);
          const s = last.vectors.subarray(c * m, (c + 1) * m);
          for (let j = 0; j < m; j++) {
            const sj = s[j] as number;
            if (sj === 0) continue;
            const qj = basis.subarray(j * n, (j + 1) * n);
            for (let k = 0; k < n; k++) y[k] = (y[k] as number) + sj * (qj[k] as number);
          }
          const yn = Math.sqrt(dot(y, y));
          for (let k = 0; k < n; k++) y[k] = (y[k] as number) / yn;
          vectors.push(y);
        }
        return { values: last.values.slice(0, count), vectors, nextValue: last.next, iterations: m, residual: exact ? 0 : last.residual };
      }
      if (full) {
        throw new ConvergenceError(eigenMessages.noConvergence(fn, m, last.residual, tolerance * bound), { iterations: m, residual: last.residual });
      }
      // Ritz pairs cost O(m) each, so check often: after ~10% more steps.
      nextCheck = m + Math.max(1, Math.ceil(m / 10));
    }
    const next = basis.subarray(m * n, (m + 1) * n);
    for (let k = 0; k < n; k++) next[k] = (w[k] as number) / b;
  }
}

interface Ritz {
  readonly values: Float64Array;
  /** Row c (length m): coefficients of the c-th Ritz vector in the Lanczos basis. */
  readonly vectors: Float64Array;
  readonly next: number | undefined;
  readonly residual: number;
}

/**
 * The `count` largest Ritz pairs of the m × m tridiagonal T (α on the diagonal, β off it) and the next Ritz value.
 * Eigenvalues by Sturm-sequence bisection (O(m) per step), eigenvectors by two steps of inverse iteration on the
 * shifted tridiagonal (O(m)), orthogonalised within the set — O(m·count) per call instead of the O(m³) of a full
 * decomposition, so convergence can be checked often. Residual of pair c: β_{m−1} |s_c[m−1]|.
 */
function ritz(alpha: Float64Array, beta: Float64Array, m: number, count: number): Ritz {
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < m; j++) {
    const r = (j > 0 ? Math.abs(beta[j - 1] as number) : 0) + (j + 1 < m ? Math.abs(beta[j] as number) : 0);
    lo = Math.min(lo, (alpha[j] as number) - r);
    hi = Math.max(hi, (alpha[j] as number) + r);
  }
  const scale = Math.max(Math.abs(lo), Math.abs(hi), Number.MIN_VALUE);
  const tiny = Number.EPSILON * scale;
  // Number of eigenvalues of T below x (Sturm sequence of the LDLᵀ pivots).
  const below = (x: number): number => {
    let n = 0;
    let q = 1;
    for (let j = 0; j < m; j++) {
      const b2 = j > 0 ? (beta[j - 1] as number) ** 2 : 0;
      q = (alpha[j] as number) - x - (j > 0 ? b2 / q : 0);
      if (q === 0) q = -tiny;
      if (q < 0) n++;
    }
    return n;
  };
  const wanted = Math.min(m, count + 1);
  const values = new Float64Array(wanted);
  for (let c = 0; c < wanted; c++) {
    // The c-th largest eigenvalue is the smallest x with below(x) ≥ m − c.
    let a = lo - tiny;
    let b = hi + tiny;
    for (let it = 0; it < 200 && b - a > 2 * tiny; it++) {
      const mid = 0.5 * (a + b);
      if (below(mid) >= m - c) b = mid;
      else a = mid;
    }
    values[c] = 0.5 * (a + b);
  }
  const vectors = new Float64Array(count * m);
  const d = new Float64Array(m);
  const u = new Float64Array(m);
  const x = new Float64Array(m);
  for (let c = 0; c < count; c++) {
    // Shift just off the eigenvalue so that the factorisation exists; the solve then amplifies its eigenvector.
    const theta = (values[c] as number) + 4 * tiny;
    for (let j = 0; j < m; j++) x[j] = 1 + ((j * 0.6180339887498949) % 1);
    for (let step = 0; step < 3; step++) {
      // LU of T − θI without pivoting (zero pivots replaced by a tiny one), then forward and back substitution.
      for (let j = 0; j < m; j++) {
        let pivot = (alpha[j] as number) - theta - (j > 0 ? (beta[j - 1] as number) * (u[j - 1] as number) : 0);
        if (Math.abs(pivot) < tiny) pivot = pivot < 0 ? -tiny : tiny;
        d[j] = pivot;
        u[j] = j + 1 < m ? (beta[j] as number) / pivot : 0;
        x[j] = ((x[j] as number) - (j > 0 ? (beta[j - 1] as number) * (x[j - 1] as number) : 0)) / pivot;
      }
      for (let j = m - 2; j >= 0; j--) x[j] = (x[j] as number) - (u[j] as number) * (x[j + 1] as number);
      // Against the pairs already found (clustered eigenvalues), then normalise.
      for (let e = 0; e < c; e++) {
        let proj = 0;
        for (let j = 0; j < m; j++) proj += (x[j] as number) * (vectors[e * m + j] as number);
        for (let j = 0; j < m; j++) x[j] = (x[j] as number) - proj * (vectors[e * m + j] as number);
      }
      let norm = 0;
      for (let j = 0; j < m; j++) norm += (x[j] as number) ** 2;
      norm = Math.sqrt(norm);
      for (let j = 0; j < m; j++) x[j] = (x[j] as number) / norm;
    }
    vectors.set(x, c * m);
  }
  const bm = beta[m - 1] as number;
  let residual = 0;
  for (let c = 0; c < count; c++) residual = Math.max(residual, Math.abs(bm * (vectors[c * m + m - 1] as number)));
  return { values, vectors, next: m > count ? values[count] : undefined, residual };
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += (x[k] as number) * (y[k] as number);
  return s;
}

/** Classical Gram–Schmidt of `w` against the deflation vectors and the first `m` basis rows. */
function orthogonalise(w: Float64Array, deflate: readonly Float64Array[], basis: Float64Array, m: number, n: number): void {
  for (const d of deflate) {
    const c = dot(w, d);
    for (let k = 0; k < n; k++) w[k] = (w[k] as number) - c * (d[k] as number);
  }
  for (let j = 0; j < m; j++) {
    const qj = basis.subarray(j * n, (j + 1) * n);
    const c = dot(w, qj);
    for (let k = 0; k < n; k++) w[k] = (w[k] as number) - c * (qj[k] as number);
  }
}
