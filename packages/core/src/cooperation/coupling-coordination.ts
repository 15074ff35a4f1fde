/**
 * Coupling coordination degree (耦合协调度) of J subsystems with scores `U_j ∈ [0, 1]`:
 * coupling `C = J·(Π U_j)^(1/J) / Σ U_j` (for two: `2√(U₁U₂)/(U₁ + U₂)`), development `T = Σ w_j U_j`,
 * coordination `D = √(C·T)`, each in [0, 1].
 *
 * References: methods.md M13; 廖重斌 (1999) "环境与经济协调发展的定量评判及其分类体系", 热带地理 19(2) (class bands vary by study).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { cooperationMessages } from './messages.ts';

/** Coordination classes by D, from low to high. */
export const coordinationClasses = ['disordered', 'near-disordered', 'barely-coordinated', 'moderately-coordinated', 'highly-coordinated'] as const;
/** A coordination class. */
export type CoordinationClass = (typeof coordinationClasses)[number];

/** Input of {@link couplingCoordination}: one score vector per subsystem, each following `labels`. */
export interface CouplingInput {
  readonly labels: readonly string[];
  readonly subsystems: readonly (Float64Array | readonly number[])[];
}

/** Options of {@link couplingCoordination}. */
export interface CouplingOptions {
  /** Weights `w_j` of T, ≥ 0, summing to 1. Default equal weights `1/J`. */
  readonly weights?: readonly number[];
  /** Upper bounds of the first four classes of D, increasing. Default `[0.4, 0.5, 0.6, 0.8]` (methods.md M13). */
  readonly bands?: readonly [number, number, number, number];
  /** Every score of a unit is 0 (C undefined): `"error"` (default) or `"zero"` (C = T = D = 0). */
  readonly zeroScores?: 'error' | 'zero';
}

/** Defaults of {@link CouplingOptions} (`weights` default to `1/J`). */
export const defaultCouplingOptions = { bands: [0.4, 0.5, 0.6, 0.8], zeroScores: 'error' } as const;

/** Result of {@link couplingCoordination}. */
export interface CouplingCoordination {
  readonly coupling: LabelledVector;
  readonly development: LabelledVector;
  readonly coordination: LabelledVector;
  /** Class of D per unit: D < b₀ disordered, < b₁ near-disordered, < b₂ barely, < b₃ moderately, else highly. */
  readonly classes: readonly CoordinationClass[];
}

/**
 * Coupling, development and coordination degrees of every unit (city, pair, year).
 *
 * Throws `InvalidInputError` `SHAPE_MISMATCH`, `OUT_OF_RANGE` (a score outside [0, 1]), `ZERO_SCORES`
 * (default policy), `INVALID_OPTION` (fewer than two subsystems, bad weights or bands).
 *
 * @example
 * couplingCoordination({ labels: ['SH'], subsystems: [[0.8], [0.6]] }).coordination.values[0]; // ≈ 0.832
 */
export function couplingCoordination(input: CouplingInput, options: CouplingOptions = {}): CouplingCoordination {
  const fn = 'couplingCoordination';
  const J = input.subsystems.length;
  if (J < 2) throw new InvalidInputError(cooperationMessages.invalidOption(fn, 'subsystems', J, 'at least two subsystems'), undefined, 'INVALID_OPTION');
  const weights = options.weights ?? new Array<number>(J).fill(1 / J);
  const wSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length !== J || weights.some((w) => !(w >= 0)) || Math.abs(wSum - 1) > 1e-9) {
    throw new InvalidInputError(
      cooperationMessages.invalidOption(fn, 'weights', weights, `${J} non-negative numbers summing to 1`),
      undefined,
      'INVALID_OPTION',
    );
  }
  const bands = options.bands ?? defaultCouplingOptions.bands;
  if (bands.length !== 4 || bands.some((b, k) => !(b >= 0 && b <= 1) || (k > 0 && b <= (bands[k - 1] as number)))) {
    throw new InvalidInputError(cooperationMessages.invalidOption(fn, 'bands', bands, 'four increasing numbers in [0, 1]'), undefined, 'INVALID_OPTION');
  }
  const policy = options.zeroScores ?? defaultCouplingOptions.zeroScores;
  if (policy !== 'error' && policy !== 'zero')
    throw new InvalidInputError(cooperationMessages.invalidOption(fn, 'zeroScores', policy, '"error" or "zero"'), undefined, 'INVALID_OPTION');
  const labels = input.labels;
  const n = labels.length;
  input.subsystems.forEach((s, j) => {
    if (s.length !== n) throw new InvalidInputError(cooperationMessages.shape(fn, `subsystem ${j}`, s.length, n), undefined, 'SHAPE_MISMATCH');
    for (let i = 0; i < n; i++) {
      const u = s[i] as number;
      if (!(u >= 0 && u <= 1))
        throw new InvalidInputError(cooperationMessages.scoreRange(fn, j, labels[i] as string, u), { subsystem: j, label: labels[i] }, 'OUT_OF_RANGE');
    }
  });
  const c = new Float64Array(n);
  const t = new Float64Array(n);
  const d = new Float64Array(n);
  const classes: CoordinationClass[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let logProduct = 0;
    let anyZero = false;
    let dev = 0;
    for (let j = 0; j < J; j++) {
      const u = (input.subsystems[j] as ArrayLike<number>)[i] as number;
      sum += u;
      dev += (weights[j] as number) * u;
      if (u === 0) anyZero = true;
      else logProduct += Math.log(u);
    }
    if (sum === 0 && policy === 'error')
      throw new InvalidInputError(cooperationMessages.zeroScores(fn, labels[i] as string), { label: labels[i] }, 'ZERO_SCORES');
    // Geometric mean through logs avoids underflow of the product with many subsystems.
    const coupling = sum === 0 || anyZero ? 0 : Math.min(1, (J * Math.exp(logProduct / J)) / sum);
    c[i] = coupling;
    t[i] = dev;
    d[i] = Math.sqrt(coupling * dev);
    const di = d[i] as number;
    const band = bands.findIndex((b) => di < b);
    classes.push(coordinationClasses[band < 0 ? 4 : band] as CoordinationClass);
  }
  return { coupling: labelledVector(labels, c), development: labelledVector(labels, t), coordination: labelledVector(labels, d), classes };
}
