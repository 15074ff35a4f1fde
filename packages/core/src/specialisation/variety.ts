/**
 * Related and unrelated variety: the entropy of a region's mix split into a between-group part (unrelated
 * variety) and a weighted within-group part (related variety), given a map of industries to broader groups
 * (e.g. 4-digit classes to 2-digit divisions).
 *
 * Reference: Frenken K., van Oort F., Verburg T. (2007) "Related variety, unrelated variety and regional economic
 * growth", Regional Studies 41(5).
 */
import { InvalidInputError, NotFoundError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { EntropyLog } from './entropy.ts';
import { _eachRegionWithTotal, assertMatrix, checkChoice, readOptions } from './internal.ts';
import { specialisationMessages as msg } from './messages.ts';

/** Options of {@link variety}. */
export interface VarietyOptions {
  /** Group of every industry of the matrix (industry id → group id). Required. */
  readonly groups: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** `"log2"` (default, as Frenken et al.) or `"ln"`. */
  readonly log?: EntropyLog;
}

/** Defaults of {@link VarietyOptions} (`groups` has no default). */
export const defaultVarietyOptions = { log: 'log2' } as const satisfies Partial<VarietyOptions>;

/** The three vectors of {@link variety}, all over regions. */
export interface VarietyResult {
  /** Total entropy `E_r` (equals `unrelated + related`). */
  readonly entropy: LabelledVector;
  /** Unrelated variety `UV_r = −Σ_g P_g log P_g` (entropy between groups). */
  readonly unrelated: LabelledVector;
  /** Related variety `RV_r = Σ_g P_g H_g`, `H_g = −Σ_{i∈g} (s_i/P_g) log(s_i/P_g)`. */
  readonly related: LabelledVector;
}

/**
 * Related and unrelated variety per region.
 *
 * Formula: `P_g = Σ_{i∈g} s_ri`; `UV_r = −Σ_g P_g log2 P_g`; `RV_r = Σ_g P_g H_g` with
 * `H_g = −Σ_{i∈g} (s_ri/P_g) log2(s_ri/P_g)`; `UV_r + RV_r = E_r` (the entropy).
 *
 * Range and meaning: `UV ∈ [0, log G]` for G groups — diversity across unrelated sectors (a portfolio that
 * spreads risk); `RV ∈ [0, log n]` — diversity inside groups (related industries that can learn from each
 * other, associated with employment growth in Frenken et al.).
 *
 * Edge cases: groups with `P_g = 0` contribute nothing (0·log 0 = 0). A zero-total region kept by
 * `zeroTotals: "keep"` is absent in all three vectors. An industry without a group is a `NotFoundError`
 * (`MISSING_GROUP`); a group id that is not a non-empty string is `INVALID_OPTION`.
 *
 * Reference: Frenken, van Oort & Verburg (2007).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A'], ['a1', 'a2', 'b1'], [[25, 25, 50]]);
 * const v = variety(m, { groups: { a1: 'a', a2: 'a', b1: 'b' } });
 * v.unrelated.values; // Float64Array [1]   (two groups of ½)
 * v.related.values;   // Float64Array [0.5] (½ × one bit inside group a)
 * ```
 */
export function variety(matrix: RegionIndustryMatrix, options: VarietyOptions): VarietyResult {
  const fn = 'variety';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const log = checkChoice(fn, 'log', opts.log ?? defaultVarietyOptions.log, ['log2', 'ln'] as const);
  const groups = opts.groups;
  if (groups === undefined || groups === null || typeof groups !== 'object') {
    throw new InvalidInputError(msg.notAnObject(fn, 'options.groups', groups), undefined, 'INVALID_OPTION');
  }
  const lookup = (industry: string): unknown =>
    groups instanceof Map ? groups.get(industry) : Object.hasOwn(groups, industry) ? (groups as Record<string, string>)[industry] : undefined;
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const groupOf = new Int32Array(nI);
  const groupIndex = new Map<string, number>();
  for (let i = 0; i < nI; i++) {
    const industry = matrix.industries[i] as string;
    const g = lookup(industry);
    if (g === undefined) throw new NotFoundError(msg.missingGroup(fn, industry), { industry }, 'MISSING_GROUP');
    if (typeof g !== 'string' || g === '') throw new InvalidInputError(msg.badGroup(fn, industry, g), { industry }, 'INVALID_OPTION');
    let k = groupIndex.get(g);
    if (k === undefined) groupIndex.set(g, (k = groupIndex.size));
    groupOf[i] = k;
  }
  const nG = groupIndex.size;
  const lg = log === 'log2' ? Math.log2 : Math.log;
  const total = new Float64Array(nR);
  const unrelated = new Float64Array(nR);
  const related = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  const groupShare = new Float64Array(nG);
  const rowTotals = matrix.regionTotals();
  _eachRegionWithTotal(nR, rowTotals, total, absent, (r, t) => {
    const base = r * nI;
    groupShare.fill(0);
    for (let i = 0; i < nI; i++) groupShare[groupOf[i] as number] = (groupShare[groupOf[i] as number] as number) + (matrix.values[base + i] as number) / t;
    let uv = 0;
    for (let g = 0; g < nG; g++) {
      const p = groupShare[g] as number;
      if (p > 0) uv -= p * lg(p);
    }
    // RV = Σ_g P_g H_g = −Σ_i s_i log(s_i / P_g(i)).
    let rv = 0;
    let e = 0;
    for (let i = 0; i < nI; i++) {
      const v = matrix.values[base + i] as number;
      if (v === 0) continue;
      const s = v / t;
      rv -= s * lg(s / (groupShare[groupOf[i] as number] as number));
      e -= s * lg(s);
    }
    unrelated[r] = uv === 0 ? 0 : uv;
    related[r] = rv === 0 ? 0 : rv;
    return e === 0 ? 0 : e;
  });
  return {
    entropy: labelledVector(matrix.regions, total, absent),
    unrelated: labelledVector(matrix.regions, unrelated, absent),
    related: labelledVector(matrix.regions, related, absent),
  };
}
