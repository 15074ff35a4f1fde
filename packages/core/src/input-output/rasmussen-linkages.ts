/**
 * Rasmussen (1956) linkage indices: power of dispersion (backward) from the Leontief inverse and sensitivity of
 * dispersion (forward), by default from the Ghosh inverse (Beyers 1976; Jones 1976), normalised so the mean is 1.
 *
 * Reference: Rasmussen P.N. (1956) Studies in Inter-Sectoral Relations; Miller & Blair (2009) §12.2.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { allocationCoefficientsOf, productiveInverse, technicalCoefficientsOf } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';
import { inputOutputMessages } from './messages.ts';

/** Options of {@link rasmussenLinkages}. */
export interface RasmussenOptions {
  /**
   * Forward linkage basis: `"ghosh"` (default; row sums of `(I − B)⁻¹`, the supply-side reading recommended by
   * Miller & Blair) or `"leontief"` (row sums of `(I − A)⁻¹`, Rasmussen's original sensitivity of dispersion).
   */
  readonly forward?: 'ghosh' | 'leontief';
}

/** Defaults of {@link RasmussenOptions}. */
export const defaultRasmussenOptions = { forward: 'ghosh' } as const satisfies Required<RasmussenOptions>;

/** Sector type by its two normalised linkages (threshold 1). */
export type LinkageClass = 'key' | 'backward' | 'forward' | 'weak';

/** Result of {@link rasmussenLinkages}. */
export interface RasmussenLinkages {
  /** `BL_l = (1/n) Σ_k L_kl / ((1/n²) Σ L)`; mean 1; > 1 = above-average pull on suppliers. */
  readonly backward: LabelledVector;
  /** `FL_k = (1/n) Σ_l G_kl / ((1/n²) Σ G)`; mean 1; > 1 = above-average push to buyers. */
  readonly forward: LabelledVector;
  /** Per sector: `"key"` (both > 1), `"backward"` (only BL > 1), `"forward"` (only FL > 1), `"weak"`. */
  readonly classes: readonly LinkageClass[];
}

/**
 * Normalised backward and forward linkages and the key-sector classification of every sector.
 *
 * Throws `INVALID_OPTION`, `NOT_PRODUCTIVE`.
 *
 * @example
 * const { backward, forward, classes } = rasmussenLinkages(table);
 */
export function rasmussenLinkages(table: InputOutputTable, options: RasmussenOptions = {}): RasmussenLinkages {
  const fn = 'rasmussenLinkages';
  const basis = options.forward ?? defaultRasmussenOptions.forward;
  if (basis !== 'ghosh' && basis !== 'leontief')
    throw new InvalidInputError(inputOutputMessages.invalidOption(fn, 'forward', basis, '"ghosh" or "leontief"'), undefined, 'INVALID_OPTION');
  const n = table.size;
  const l = productiveInverse(fn, technicalCoefficientsOf(table), n);
  const g = basis === 'ghosh' ? productiveInverse(fn, allocationCoefficientsOf(table), n) : l;
  const backward = normalised(columnSums(l, n), n);
  const forward = normalised(rowSums(g, n), n);
  const classes: LinkageClass[] = [];
  for (let k = 0; k < n; k++) {
    const b = (backward[k] as number) > 1;
    const f = (forward[k] as number) > 1;
    classes.push(b && f ? 'key' : b ? 'backward' : f ? 'forward' : 'weak');
  }
  return { backward: labelledVector(table.sectors, backward), forward: labelledVector(table.sectors, forward), classes };
}

function columnSums(m: Float64Array, n: number): Float64Array {
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) for (let c = 0; c < n; c++) s[c] = (s[c] as number) + (m[k * n + c] as number);
  return s;
}

function rowSums(m: Float64Array, n: number): Float64Array {
  const s = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let t = 0;
    for (let c = 0; c < n; c++) t += m[k * n + c] as number;
    s[k] = t;
  }
  return s;
}

/** `(s_k / n) / (Σ s / n²)` = `n s_k / Σ s`; Σ s ≥ n > 0 for an inverse of I − M with M ≥ 0. */
function normalised(s: Float64Array, n: number): Float64Array {
  let total = 0;
  for (const v of s) total += v;
  return Float64Array.from(s, (v) => (n * v) / total);
}
