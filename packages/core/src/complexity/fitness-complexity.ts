/**
 * Fitness–complexity: a non-linear alternative to ECI/PCI in which an industry's complexity is bounded by the
 * least fit regions that hold it.
 *
 * Reference: Tacchella, A., Cristelli, M., Caldarelli, G., Gabrielli, A. and Pietronero, L. (2012) A new metrics
 * for countries' fitness and products' complexity, Scientific Reports 2: 723. Iteration (both from 1):
 * `F̃_r = Σ_i B_ri Q_i`, `Q̃_i = 1 / Σ_r B_ri (1/F_r)`, then `F = F̃/mean F̃`, `Q = Q̃/mean Q̃`.
 * On non-nested matrices some fitnesses tend to 0 slowly (Pugliese et al. 2016, Physica A 462), so the stopping
 * rule is on the change between iterations and the limit is explicit.
 */
import { ConvergenceError } from '../errors/metro-error.ts';
import { labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { NotedVector } from '../relatedness/absence-note.ts';
import { assertMatrix, checkChoice, checkInteger, checkNumber, type PresenceInputOptions, presenceData, readOptions } from '../relatedness/internal.ts';
import { activeSet, type ComponentsPolicy } from './active.ts';
import { complexityMessages as msg } from './messages.ts';

/** Options of {@link fitnessComplexity}. */
export interface FitnessComplexityOptions extends PresenceInputOptions {
  /**
   * Stop when no fitness or complexity (each normalised to mean 1) changes by more than this between iterations.
   * Default 1e-6; range (0, 1). Where values tend to 0 the change shrinks only like 1/n², so much smaller
   * tolerances need many iterations.
   */
  readonly tolerance?: number;
  /** Iteration limit. Default 10000; an integer ≥ 1. */
  readonly maxIterations?: number;
  /** Disconnected presence network: `"error"` (default) or compute within the `"largest"` block. */
  readonly components?: ComponentsPolicy;
}

/** Defaults of {@link FitnessComplexityOptions}. */
export const defaultFitnessComplexityOptions = {
  tolerance: 1e-6,
  maxIterations: 10000,
  components: 'error',
  threshold: 1,
} as const satisfies FitnessComplexityOptions;

/** Result of {@link fitnessComplexity}. */
export interface FitnessComplexityResult {
  /** Fitness F per region (mean 1 over the regions that have one). */
  readonly fitness: NotedVector;
  /** Complexity Q per industry (mean 1 over the industries that have one). */
  readonly complexity: NotedVector;
  /** Iterations used. */
  readonly iterations: number;
}

/**
 * Fitness of regions and complexity of industries (Tacchella et al. 2012).
 *
 * Fitness ≥ 0 with mean 1: a diversified region that also holds complex industries is fit. Complexity ≥ 0 with
 * mean 1: an industry held by unfit regions is simple (its complexity is dominated by the weakest holder).
 * Regions of diversity 0 and industries of ubiquity 0 are absent.
 *
 * @throws ConvergenceError when `maxIterations` iterations do not bring the change below `tolerance`.
 * @example
 * fitnessComplexity(matrix).fitness.values;
 */
export function fitnessComplexity(matrix: RegionIndustryMatrix, options?: FitnessComplexityOptions): FitnessComplexityResult {
  const fn = 'fitnessComplexity';
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const tolerance = checkNumber(fn, 'tolerance', o.tolerance ?? defaultFitnessComplexityOptions.tolerance, (x) => x > 0 && x < 1, 'a number in (0, 1)');
  const maxIterations = checkInteger(fn, 'maxIterations', o.maxIterations ?? defaultFitnessComplexityOptions.maxIterations, 1);
  const components = checkChoice(fn, 'components', o.components ?? defaultFitnessComplexityOptions.components, ['error', 'largest'] as const);
  const data = presenceData(fn, matrix, o);
  const active = activeSet(fn, matrix, data, components, 1);
  const { nR, nI, rowStart, cols } = data;
  let f = new Float64Array(nR);
  let q = new Float64Array(nI);
  for (let r = 0; r < nR; r++) if (active.region[r] === 1) f[r] = 1;
  for (let i = 0; i < nI; i++) if (active.industry[i] === 1) q[i] = 1;
  let change = Infinity;
  let iterations = 0;
  while (change > tolerance) {
    if (iterations >= maxIterations) {
      throw new ConvergenceError(msg.noConvergence(fn, iterations, change, tolerance), { iterations, residual: change });
    }
    iterations++;
    const nf = new Float64Array(nR);
    const inv = new Float64Array(nI);
    for (let r = 0; r < nR; r++) {
      if (active.region[r] !== 1) continue;
      let sum = 0;
      const invF = 1 / (f[r] as number); // F_r may underflow to 0: 1/0 = ∞ and then Q = 1/∞ = 0, the limit value.
      for (let p = rowStart[r] as number; p < (rowStart[r + 1] as number); p++) {
        const i = cols[p] as number;
        sum += q[i] as number;
        inv[i] = (inv[i] as number) + invF;
      }
      nf[r] = sum;
    }
    const nq = new Float64Array(nI);
    let meanF = 0;
    let meanQ = 0;
    for (let r = 0; r < nR; r++) meanF += nf[r] as number;
    for (let i = 0; i < nI; i++) {
      if (active.industry[i] !== 1) continue;
      nq[i] = 1 / (inv[i] as number);
      meanQ += nq[i] as number;
    }
    meanF /= active.regionCount;
    meanQ /= active.industryCount;
    change = 0;
    for (let r = 0; r < nR; r++) {
      if (active.region[r] !== 1) continue;
      nf[r] = (nf[r] as number) / meanF;
      change = Math.max(change, Math.abs((nf[r] as number) - (f[r] as number)));
    }
    for (let i = 0; i < nI; i++) {
      if (active.industry[i] !== 1) continue;
      nq[i] = (nq[i] as number) / meanQ;
      change = Math.max(change, Math.abs((nq[i] as number) - (q[i] as number)));
    }
    f = nf;
    q = nq;
  }
  const absentR = new Uint8Array(nR);
  const absentI = new Uint8Array(nI);
  for (let r = 0; r < nR; r++) absentR[r] = 1 - (active.region[r] as number);
  for (let i = 0; i < nI; i++) absentI[i] = 1 - (active.industry[i] as number);
  return {
    fitness: { ...labelledVector(matrix.regions, f, absentR), notes: active.notes.filter((x) => x.axis === 'region') },
    complexity: { ...labelledVector(matrix.industries, q, absentI), notes: active.notes.filter((x) => x.axis === 'industry') },
    iterations,
  };
}
