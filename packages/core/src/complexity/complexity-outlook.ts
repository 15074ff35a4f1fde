/**
 * Complexity outlook: how many complex, nearby industries a region does not yet hold (COI), and how much a new
 * industry would add to it (COG).
 *
 * References: Hausmann, R., Hidalgo, C.A. et al. (2014) The Atlas of Economic Complexity, MIT Press (complexity
 * outlook, "opportunity value" and "strategic value"); py-ecomplexity 0.5.2 `calc_coi_cog` (the definitions
 * reproduced here, including its use of the raw oriented eigenvector kp and the division of COG by sd(kc)).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { NotedMatrix, NotedVector } from '../relatedness/absence-note.ts';
import { _densityParts } from '../relatedness/density.ts';
import { assertMatrix, checkChoice, presenceTimes, readOptions } from '../relatedness/internal.ts';
import type { ProximityForm } from '../relatedness/proximity.ts';
import { maskedMoments } from './active.ts';
import {
  _complexityCore,
  type ComplexityCore,
  checkVariation,
  defaultEconomicComplexityOptions,
  type EconomicComplexityOptions,
  readCoreOptions,
} from './economic-complexity.ts';
import { complexityMessages as msg } from './messages.ts';

/** Options of {@link complexityOutlook}. */
export interface ComplexityOutlookOptions extends Omit<EconomicComplexityOptions, 'normalization'> {
  /** Proximity used for density and COG: `"minimum"` (default), `"conditional"` or `"continuous"` (see `proximity`). */
  readonly proximity?: ProximityForm;
}

/** Defaults of {@link ComplexityOutlookOptions}. */
export const defaultComplexityOutlookOptions = {
  proximity: 'minimum',
  components: defaultEconomicComplexityOptions.components,
  solver: defaultEconomicComplexityOptions.solver,
  tolerance: defaultEconomicComplexityOptions.tolerance,
  maxIterations: defaultEconomicComplexityOptions.maxIterations,
  threshold: 1,
} as const satisfies ComplexityOutlookOptions;

/** Result of {@link complexityOutlook}. */
export interface ComplexityOutlookResult {
  /** COI per region, z-scored over the regions that have one. */
  readonly coi: NotedVector;
  /** COG per region × industry (0 where the region already holds the industry). */
  readonly cog: NotedMatrix;
}

function run(fn: string, matrix: RegionIndustryMatrix, options: ComplexityOutlookOptions | undefined): ComplexityOutlookResult {
  assertMatrix(fn, matrix);
  const o = readOptions(fn, options);
  const form = checkChoice(fn, 'proximity', o.proximity ?? defaultComplexityOutlookOptions.proximity, ['minimum', 'conditional', 'continuous'] as const);
  const core = _complexityCore(fn, matrix, o, readCoreOptions(fn, o));
  const sdKc = _outlookSpread(fn, core);
  const { phi, density } = _densityParts(fn, matrix, form, o);
  const coi = _outlookIndex(fn, core, density);
  const { weights, colTotal } = _outlookWeights(core, phi);
  return _outlookResult(matrix, core, coi, _outlookGain(core, presenceTimes(core.data, weights, core.data.nI), colTotal, sdKc));
}

/** sd(kc) over the active regions, checked (COG is divided by it). */
export function _outlookSpread(fn: string, core: ComplexityCore): number {
  const { sd: sdKc } = maskedMoments(core.kc, core.active.region);
  checkVariation(fn, core, sdKc);
  return sdKc;
}

/** COI_r = Σ_i w_ri (1 − B_ri) kp_i, then z-scored over the active regions. */
export function _outlookIndex(fn: string, core: ComplexityCore, density: Float64Array): Float64Array {
  const { data, active, kp } = core;
  const { nR, nI, bytes } = data;
  const coi = new Float64Array(nR);
  for (let r = 0; r < nR; r++) {
    if (active.region[r] !== 1) continue;
    const base = r * nI;
    let sum = 0;
    for (let i = 0; i < nI; i++) if (bytes[base + i] === 0) sum += (density[base + i] as number) * (kp[i] as number);
    coi[r] = sum;
  }
  const { mean, sd } = maskedMoments(coi, active.region);
  if (!(sd > 0)) throw new InvalidInputError(msg.noVariation(fn, 'COI'), undefined, 'DEGENERATE');
  for (let r = 0; r < nR; r++) if (active.region[r] === 1) coi[r] = ((coi[r] as number) - mean) / sd;
  return coi;
}

/**
 * COG's weights `W_ji = φ_ji kp_j / Σ_l φ_jl` and their column totals 1ᵀW: COG_ri = (1 − B_ri) Σ_j (1 − B_rj) W_ji,
 * and (1 − B)W = 1ᵀW − BW keeps B sparse.
 */
export function _outlookWeights(core: ComplexityCore, phi: Float64Array): { weights: Float64Array; colTotal: Float64Array } {
  const { kp } = core;
  const nI = core.data.nI;
  const weights = new Float64Array(nI * nI);
  for (let j = 0; j < nI; j++) {
    const row = j * nI;
    let rowSum = 0;
    for (let l = 0; l < nI; l++) rowSum += phi[row + l] as number;
    const f = (kp[j] as number) / rowSum;
    if (f === 0) continue;
    for (let i = 0; i < nI; i++) weights[row + i] = (phi[row + i] as number) * f;
  }
  const colTotal = new Float64Array(nI);
  for (let j = 0; j < nI; j++) for (let i = 0; i < nI; i++) colTotal[i] = (colTotal[i] as number) + (weights[j * nI + i] as number);
  return { weights, colTotal };
}

/**
 * COG from `held` = B·W, in place: `(1ᵀW − BW)_ri / sd(kc)` where the region lacks the industry, 0 where it holds
 * it or where either is outside the active set (those absent).
 */
export function _outlookGain(core: ComplexityCore, held: Float64Array, colTotal: Float64Array, sdKc: number): { cog: Float64Array; absent: Uint8Array } {
  const { data, active } = core;
  const { nR, nI, bytes } = data;
  const cog = held;
  const absent = new Uint8Array(nR * nI);
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    for (let i = 0; i < nI; i++) {
      if (active.region[r] !== 1 || active.industry[i] !== 1) {
        absent[base + i] = 1;
        cog[base + i] = 0;
      } else if (bytes[base + i] === 0) cog[base + i] = ((colTotal[i] as number) - (held[base + i] as number)) / sdKc;
      else cog[base + i] = 0;
    }
  }
  return { cog, absent };
}

/** The labelled COI and COG with their notes. */
export function _outlookResult(
  matrix: RegionIndustryMatrix,
  core: ComplexityCore,
  coi: Float64Array,
  gain: { cog: Float64Array; absent: Uint8Array },
): ComplexityOutlookResult {
  const { active } = core;
  const nR = core.data.nR;
  const absentR = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) absentR[r] = 1 - (active.region[r] as number);
  return {
    coi: { ...labelledVector(matrix.regions, coi, absentR), notes: active.notes.filter((x) => x.axis === 'region') },
    cog: { ...labelledMatrix(matrix.regions, matrix.industries, gain.cog, gain.absent), notes: active.notes },
  };
}

/**
 * COI and COG together (one eigen-solve, one density).
 *
 * COI (complexity outlook index) of region r: `Σ_i w_ri (1 − B_ri) kp_i` z-scored — high when many complex
 * industries are close to what r already holds. COG (complexity outlook gain) of (r, i):
 * `(1 − B_ri) Σ_j (1 − B_rj) (φ_ji / Σ_l φ_jl) kp_j / sd(kc)` — how much entering i would bring r closer to the
 * complex industries it lacks. Regions/industries without ECI/PCI are absent, with notes.
 *
 * @throws as `economicComplexity`; `DEGENERATE` when COI does not vary.
 * @example
 * const { coi, cog } = complexityOutlook(matrix); // py-ecomplexity's coi and cog
 */
export function complexityOutlook(matrix: RegionIndustryMatrix, options?: ComplexityOutlookOptions): ComplexityOutlookResult {
  return run('complexityOutlook', matrix, options);
}

/**
 * Complexity outlook index (COI) of every region; see {@link complexityOutlook}.
 * @example
 * complexityOutlookIndex(matrix).values; // z-scores
 */
export function complexityOutlookIndex(matrix: RegionIndustryMatrix, options?: ComplexityOutlookOptions): NotedVector {
  return run('complexityOutlookIndex', matrix, options).coi;
}

/**
 * Complexity outlook gain (COG) of every region × industry; see {@link complexityOutlook}.
 * @example
 * complexityOutlookGain(matrix).values; // row-major region × industry
 */
export function complexityOutlookGain(matrix: RegionIndustryMatrix, options?: ComplexityOutlookOptions): NotedMatrix {
  return run('complexityOutlookGain', matrix, options).cog;
}
