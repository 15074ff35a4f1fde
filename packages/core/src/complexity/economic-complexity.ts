/**
 * Economic complexity: ECI of regions and PCI of industries from the second eigenvector of the industry–industry
 * transition matrix `M̃ = (B/u)ᵀ(B/k)` (`M̃_ij = Σ_r B_ri B_rj / (u_i k_r)`).
 *
 * References: Hidalgo, C.A. and Hausmann, R. (2009) PNAS 106(26): 10570–10575; Hausmann, R., Hidalgo, C.A. et al.
 * (2014) The Atlas of Economic Complexity, MIT Press (eigenvector form); py-ecomplexity 0.5.2 `calc_eci_pci`
 * (sign by corr(kc, diversity), z-scores by the mean and population sd of kc); EconGeo 2.1 `kci`/`tci`
 * (`v/Σv`). Conventions and the differences between the two: docs/decisions/0001-complexity-conventions.md.
 *
 * Method: M̃ is similar to the symmetric `S = D_u^{-1/2} Bᵀ D_k^{-1} B D_u^{-1/2}` (M̃ = D_u^{-1/2} S D_u^{1/2}),
 * whose top eigenpair is known exactly (λ = 1, ∝ √u). The second eigenvector w of S gives `kp = D_u^{-1/2} w`.
 * Small problems are solved exactly (Jacobi on the dense S); large ones by Lanczos on the never-formed operator
 * (two sparse products with B per step), deflated against √u.
 */

import { InvalidInputError } from '../errors/metro-error.ts';
import { lanczosLargest } from '../linalg/eigen-lanczos.ts';
import { jacobiInPlace } from '../linalg/eigen-symmetric.ts';
import { labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { NotedVector } from '../relatedness/absence-note.ts';
import {
  assertMatrix,
  checkChoice,
  checkInteger,
  checkNumber,
  type PresenceData,
  type PresenceInputOptions,
  presenceData,
  presenceKey,
  readOptions,
} from '../relatedness/internal.ts';
import { memoOn } from '../util/memo.ts';
import { type ActiveSet, activeSet, type ComponentsPolicy, maskedCorrelation, maskedMoments, maskedRanks } from './active.ts';
import { complexityMessages as msg } from './messages.ts';
import { _reflections } from './method-of-reflections.ts';

/** Options of {@link economicComplexity}, {@link economicComplexityIndex} and {@link productComplexityIndex}. */
export interface EconomicComplexityOptions extends PresenceInputOptions {
  /**
   * `"zScore"` (default, py-ecomplexity): `ECI = (kc − mean kc)/sd kc`, `PCI = (kp − mean kc)/sd kc` (population
   * sd), sign so that corr(kc, diversity) > 0. `"sum"` (EconGeo `kci`/`tci`): `kc/Σkc` and `kp/Σkp`, then EconGeo's
   * sign rules (kci flipped if it correlates negatively with the 20th reflection, tci flipped if its Spearman
   * correlation with ubiquity is positive). EconGeo also rounds M̃ to 4 dp first; we do not.
   */
  readonly normalization?: 'zScore' | 'sum';
  /**
   * A disconnected presence network (blocks of regions and industries with no presence in common) has the
   * eigenvalue 1 more than once, and the "second eigenvector" would only tell the blocks apart. `"error"`
   * (default) refuses such input; `"largest"` computes within the largest block and reports the rest as absent.
   */
  readonly components?: ComponentsPolicy;
  /**
   * `"auto"` (default): exact below 150 active industries, Lanczos from there. `"exact"`: Jacobi on the dense
   * symmetric matrix (O(n³)). `"lanczos"`: Krylov iteration with full reorthogonalisation.
   */
  readonly solver?: 'auto' | 'exact' | 'lanczos';
  /** Lanczos residual tolerance relative to the top eigenvalue (1). Default 1e-12; range (0, 1). */
  readonly tolerance?: number;
  /** Lanczos iteration limit (Krylov dimension). Default 1000; an integer ≥ 1. */
  readonly maxIterations?: number;
}

/** Defaults of {@link EconomicComplexityOptions}. */
export const defaultEconomicComplexityOptions = {
  normalization: 'zScore',
  components: 'error',
  solver: 'auto',
  tolerance: 1e-12,
  maxIterations: 1000,
  threshold: 1,
} as const satisfies EconomicComplexityOptions;

/** Size from which `solver: "auto"` switches from Jacobi to Lanczos. */
const exactLimit = 150;

/** Result of {@link economicComplexity}. */
export interface EconomicComplexityResult {
  /** ECI per region (absent: diversity 0, or outside the block used). */
  readonly eci: NotedVector;
  /** PCI per industry (absent: ubiquity 0, or outside the block used). */
  readonly pci: NotedVector;
  /** The second eigenvalue λ₂ of M̃ (the first is 1). */
  readonly eigenvalue: number;
  /**
   * λ₃ (exact solver) or the Lanczos estimate of it; `undefined` with two industries. A gap λ₂ − λ₃ near 0 means
   * the ECI ordering is fragile (the second eigenvector is nearly not unique).
   */
  readonly nextEigenvalue: number | undefined;
  /** Which solver ran. */
  readonly solver: 'exact' | 'lanczos';
  /** Lanczos steps (0 for the exact solver). */
  readonly iterations: number;
}

/** Internal core shared with COI/COG: oriented raw kp and kc (py-ecomplexity's sign), and the active set. */
export interface ComplexityCore {
  readonly data: PresenceData;
  readonly active: ActiveSet;
  /** Oriented kp (unit-norm eigenvector of S mapped by D_u^{-1/2}); 0 outside the active set. */
  readonly kp: Float64Array;
  /** kc = (B/k)·kp; 0 outside the active set. */
  readonly kc: Float64Array;
  readonly eigenvalue: number;
  readonly nextEigenvalue: number | undefined;
  readonly solver: 'exact' | 'lanczos';
  readonly iterations: number;
}

interface CoreOptions {
  readonly components: ComponentsPolicy;
  readonly solver: 'auto' | 'exact' | 'lanczos';
  readonly tolerance: number;
  readonly maxIterations: number;
}

export function readCoreOptions(fn: string, o: Partial<EconomicComplexityOptions>): CoreOptions {
  return {
    components: checkChoice(fn, 'components', o.components ?? defaultEconomicComplexityOptions.components, ['error', 'largest'] as const),
    solver: checkChoice(fn, 'solver', o.solver ?? defaultEconomicComplexityOptions.solver, ['auto', 'exact', 'lanczos'] as const),
    tolerance: checkNumber(fn, 'tolerance', o.tolerance ?? defaultEconomicComplexityOptions.tolerance, (x) => x > 0 && x < 1, 'a number in (0, 1)'),
    maxIterations: checkInteger(fn, 'maxIterations', o.maxIterations ?? defaultEconomicComplexityOptions.maxIterations, 1),
  };
}

/** Second eigenvector of M̃ on the active set, oriented so that corr(kc, k) > 0. */
export function _complexityCore(fn: string, matrix: RegionIndustryMatrix, options: PresenceInputOptions, core: CoreOptions): ComplexityCore {
  // Shared (read-only) by ECI/PCI and COI/COG on the same matrix: one eigen-solve for all of them.
  const key = `complexity|${presenceKey(options)}|${core.components}|${core.solver}|${core.tolerance}|${core.maxIterations}`;
  return memoOn(matrix, key, () => computeComplexityCore(fn, matrix, options, core));
}

function computeComplexityCore(fn: string, matrix: RegionIndustryMatrix, options: PresenceInputOptions, core: CoreOptions): ComplexityCore {
  return _complexityCoreFrom(fn, matrix, presenceData(fn, matrix, options), core);
}

/** {@link _complexityCore} from a given B (not cached). */
export function _complexityCoreFrom(fn: string, matrix: RegionIndustryMatrix, data: PresenceData, core: CoreOptions): ComplexityCore {
  const active = activeSet(fn, matrix, data, core.components);
  const { nR, nI, rowStart, cols, k, u } = data;
  // Compact numbering of the active industries.
  const slot = new Int32Array(nI).fill(-1);
  const members: number[] = [];
  for (let i = 0; i < nI; i++) if (active.industry[i] === 1) slot[i] = members.push(i) - 1;
  const n = members.length;
  const invSqrtU = new Float64Array(n);
  const perron = new Float64Array(n);
  let norm = 0;
  for (let a = 0; a < n; a++) {
    const ua = u[members[a] as number] as number;
    invSqrtU[a] = 1 / Math.sqrt(ua);
    perron[a] = Math.sqrt(ua);
    norm += ua;
  }
  norm = Math.sqrt(norm);
  for (let a = 0; a < n; a++) perron[a] = (perron[a] as number) / norm;

  const solver = core.solver === 'auto' ? (n < exactLimit ? 'exact' : 'lanczos') : core.solver;
  let w: Float64Array;
  let eigenvalue: number;
  let nextEigenvalue: number | undefined;
  let iterations = 0;
  if (solver === 'exact') {
    const s = new Float64Array(n * n);
    for (let r = 0; r < nR; r++) {
      if (active.region[r] !== 1) continue;
      const inv = 1 / (k[r] as number);
      const start = rowStart[r] as number;
      const end = rowStart[r + 1] as number;
      for (let p = start; p < end; p++) {
        const a = slot[cols[p] as number] as number;
        for (let q = start; q < end; q++) {
          const at = a * n + (slot[cols[q] as number] as number);
          s[at] = (s[at] as number) + inv;
        }
      }
    }
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) s[a * n + b] = (s[a * n + b] as number) * (invSqrtU[a] as number) * (invSqrtU[b] as number);
    const eig = jacobiInPlace(s, n, 1e-15, 100, fn);
    // Connected (guaranteed by activeSet): λ₁ = 1 is simple, so the second row is the second eigenvector.
    eigenvalue = eig.values[1] as number;
    nextEigenvalue = n > 2 ? eig.values[2] : undefined;
    w = eig.vectors.slice(n, 2 * n);
  } else {
    // B's rows over the active regions, industries in compact numbering (the active set is closed under B: an
    // active region holds only active industries), so a product needs no test and no second lookup per entry.
    const slotCols = new Int32Array(cols.length);
    for (let p = 0; p < cols.length; p++) slotCols[p] = slot[cols[p] as number] as number;
    const rows: number[] = [];
    for (let r = 0; r < nR; r++) if (active.region[r] === 1) rows.push(r);
    const y = new Float64Array(n);
    const operator = {
      size: n,
      apply(x: Float64Array, out: Float64Array): void {
        // out = D_u^{-1/2} Bᵀ D_k^{-1} B D_u^{-1/2} x, with B restricted to the active set (closed under B).
        for (let a = 0; a < n; a++) y[a] = (x[a] as number) * (invSqrtU[a] as number);
        out.fill(0);
        for (let q = 0; q < rows.length; q++) {
          const r = rows[q] as number;
          const start = rowStart[r] as number;
          const end = rowStart[r + 1] as number;
          let z = 0;
          for (let p = start; p < end; p++) z += y[slotCols[p] as number] as number;
          z /= k[r] as number;
          for (let p = start; p < end; p++) {
            const a = slotCols[p] as number;
            out[a] = (out[a] as number) + z;
          }
        }
        for (let a = 0; a < n; a++) out[a] = (out[a] as number) * (invSqrtU[a] as number);
      },
    };
    const result = lanczosLargest(operator, { deflate: [perron], tolerance: core.tolerance, maxIterations: core.maxIterations });
    eigenvalue = result.values[0] as number;
    nextEigenvalue = result.nextValue;
    iterations = result.iterations;
    w = result.vectors[0] as Float64Array;
  }
  const kp = new Float64Array(nI);
  for (let a = 0; a < n; a++) kp[members[a] as number] = (w[a] as number) * (invSqrtU[a] as number);
  const kc = new Float64Array(nR);
  for (let r = 0; r < nR; r++) {
    if (active.region[r] !== 1) continue;
    let sum = 0;
    for (let p = rowStart[r] as number; p < (rowStart[r + 1] as number); p++) sum += kp[cols[p] as number] as number;
    kc[r] = sum / (k[r] as number);
  }
  // Orientation (py-ecomplexity): corr(kc, k) > 0. Fallbacks when that correlation is 0 or undefined (all
  // diversities equal): complex industries are the less ubiquitous ones; then the first non-zero kc positive.
  let sign = Math.sign(maskedCorrelation(kc, k, active.region));
  if (sign === 0) sign = -Math.sign(maskedCorrelation(kp, u, active.industry));
  if (sign === 0) {
    for (let r = 0; r < nR && sign === 0; r++) if (active.region[r] === 1 && Math.abs(kc[r] as number) > 1e-12) sign = Math.sign(kc[r] as number);
  }
  if (sign < 0) {
    for (let r = 0; r < nR; r++) kc[r] = -(kc[r] as number);
    for (let i = 0; i < nI; i++) kp[i] = -(kp[i] as number);
  }
  return { data, active, kp, kc, eigenvalue, nextEigenvalue, solver, iterations };
}

/** Throw unless kc varies: sd(kc) must exceed rounding level relative to the scale of kp. */
export function checkVariation(fn: string, core: ComplexityCore, sd: number): void {
  const { sd: sdKp, mean: meanKp } = maskedMoments(core.kp, core.active.industry);
  const scale = Math.sqrt(sdKp * sdKp + meanKp * meanKp);
  if (!(sd > 1e-10 * scale)) throw new InvalidInputError(msg.noVariation(fn, 'kc (the regions’ complexity)'), undefined, 'DEGENERATE');
}

/**
 * ECI and PCI together (one eigen-solve).
 *
 * ECI ranks regions by the sophistication of what they hold: above 0 = more complex than the average region (in
 * sd units, default normalisation). PCI ranks industries on the same scale: high = held by few, diverse regions.
 * Regions of diversity 0 and industries of ubiquity 0 are absent, with a note each (never NaN).
 *
 * @throws InvalidInputError for bad options; `DISCONNECTED` for a disconnected presence network (unless
 * `components: "largest"`); `DEGENERATE` with fewer than 2 active regions or industries, or when every region has
 * the same structure (kc constant); with `"sum"`, when Σv = 0.
 * @throws ConvergenceError when Lanczos does not reach `tolerance` in `maxIterations`.
 * @example
 * const { eci, pci } = economicComplexity(matrix); // py-ecomplexity's eci/pci
 * economicComplexity(matrix, { normalization: 'sum' }).eci; // EconGeo's kci (without its 4-dp rounding)
 */
export function economicComplexity(matrix: RegionIndustryMatrix, options?: EconomicComplexityOptions): EconomicComplexityResult {
  return run('economicComplexity', matrix, options);
}

function run(fn: string, matrix: RegionIndustryMatrix, options: EconomicComplexityOptions | undefined): EconomicComplexityResult {
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const normalization = checkChoice(fn, 'normalization', o.normalization ?? defaultEconomicComplexityOptions.normalization, ['zScore', 'sum'] as const);
  return _economicComplexityFrom(fn, matrix, _complexityCore(fn, matrix, o, readCoreOptions(fn, o)), normalization);
}

/** ECI and PCI from a computed core (shared with COI/COG by `computeMeasures`). */
export function _economicComplexityFrom(
  fn: string,
  matrix: RegionIndustryMatrix,
  core: ComplexityCore,
  normalization: 'zScore' | 'sum',
): EconomicComplexityResult {
  const { data, active, kc, kp } = core;
  const { nR, nI } = data;
  const eci = new Float64Array(nR);
  const pci = new Float64Array(nI);
  if (normalization === 'zScore') {
    const { mean, sd } = maskedMoments(kc, active.region);
    checkVariation(fn, core, sd);
    for (let r = 0; r < nR; r++) if (active.region[r] === 1) eci[r] = ((kc[r] as number) - mean) / sd;
    for (let i = 0; i < nI; i++) if (active.industry[i] === 1) pci[i] = ((kp[i] as number) - mean) / sd;
  } else {
    checkVariation(fn, core, maskedMoments(kc, active.region).sd);
    sumNormalise(fn, kc, active.region, eci, 'region');
    sumNormalise(fn, kp, active.industry, pci, 'industry');
    // EconGeo's orientation: kci agrees with the 20th reflection of regions; tci disagrees with ubiquity (Spearman).
    const reflection = _reflections(data, active, 20, 'zScore');
    if ('kc' in reflection && maskedCorrelation(eci, reflection.kc, active.region) < 0) for (let r = 0; r < nR; r++) eci[r] = -(eci[r] as number);
    const spearman = maskedCorrelation(maskedRanks(pci, active.industry), maskedRanks(data.u, active.industry), active.industry);
    if (spearman > 0) for (let i = 0; i < nI; i++) pci[i] = -(pci[i] as number);
  }
  const absentR = new Uint8Array(nR);
  const absentI = new Uint8Array(nI);
  for (let r = 0; r < nR; r++) absentR[r] = 1 - (active.region[r] as number);
  for (let i = 0; i < nI; i++) absentI[i] = 1 - (active.industry[i] as number);
  return {
    eci: { ...labelledVector(matrix.regions, eci, absentR), notes: active.notes.filter((x) => x.axis === 'region') },
    pci: { ...labelledVector(matrix.industries, pci, absentI), notes: active.notes.filter((x) => x.axis === 'industry') },
    eigenvalue: core.eigenvalue,
    nextEigenvalue: core.nextEigenvalue,
    solver: core.solver,
    iterations: core.iterations,
  };
}

function sumNormalise(fn: string, v: Float64Array, mask: Uint8Array, out: Float64Array, what: string): void {
  let sum = 0;
  let abs = 0;
  for (let k = 0; k < v.length; k++) {
    if (mask[k] === 1) {
      sum += v[k] as number;
      abs += Math.abs(v[k] as number);
    }
  }
  if (!(Math.abs(sum) > 1e-10 * abs))
    throw new InvalidInputError(msg.zeroSum(fn, what === 'region' ? 'region (kc)' : 'industry (kp)'), undefined, 'DEGENERATE');
  for (let k = 0; k < v.length; k++) if (mask[k] === 1) out[k] = (v[k] as number) / sum;
}

/**
 * Economic complexity index (ECI) of every region. See {@link economicComplexity} for the definition, options and
 * errors; this returns its `eci`.
 * @example
 * economicComplexityIndex(matrix).values; // z-scores: mean 0, population sd 1 over the regions that have one
 */
export function economicComplexityIndex(matrix: RegionIndustryMatrix, options?: EconomicComplexityOptions): NotedVector {
  return run('economicComplexityIndex', matrix, options).eci;
}

/**
 * Product (industry) complexity index (PCI) of every industry. See {@link economicComplexity}; this returns its
 * `pci` (on the ECI's scale in the default normalisation).
 * @example
 * productComplexityIndex(matrix, { normalization: 'sum' }).values; // EconGeo's tci (unrounded)
 */
export function productComplexityIndex(matrix: RegionIndustryMatrix, options?: EconomicComplexityOptions): NotedVector {
  return run('productComplexityIndex', matrix, options).pci;
}
