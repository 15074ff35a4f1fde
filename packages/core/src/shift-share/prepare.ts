/**
 * Shared preparation of a two-period shift-share: align period 2 to period 1's labels, apply the zero-base
 * policy, and compute the totals every decomposition needs. Internal to src/shift-share/.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { shiftShareMessages } from './messages.ts';

/** How cells whose base-period value is 0 (and later value positive) are treated. */
export type ZeroBasePolicy = 'error' | 'exclude';

/** Options shared by the shift-share functions. */
export interface ShiftShareOptions {
  /**
   * A cell with base value 0 and a positive later value has no growth rate. `"error"` (default) throws
   * `InvalidInputError` with code `ZERO_BASE_CELL`; `"exclude"` sets the cell to 0 in both periods (it then
   * contributes to no component and no total) and lists it in `excluded`. Cells that are 0 in both periods are
   * inert under either policy and are not listed.
   */
  readonly zeroBase?: ZeroBasePolicy;
}

/** Defaults of {@link ShiftShareOptions}. */
export const defaultShiftShareOptions = { zeroBase: 'error' } as const satisfies Required<ShiftShareOptions>;

/** A cell left out by `zeroBase: "exclude"`. */
export interface ExcludedCell {
  readonly region: string;
  readonly industry: string;
  /** Its value in the later period (the change that no component accounts for). */
  readonly later: number;
}

/** Aligned, policy-applied data of one step; internal. */
export interface PreparedShiftShare {
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  /** Base and later values, row-major regions × industries (excluded cells set to 0). */
  readonly e1: Float64Array;
  readonly e2: Float64Array;
  readonly regionBase: Float64Array;
  readonly regionLater: Float64Array;
  readonly industryBase: Float64Array;
  readonly industryLater: Float64Array;
  readonly totalBase: number;
  readonly totalLater: number;
  readonly excluded: readonly ExcludedCell[];
}

/** Align and check two periods; internal. */
export function prepareShiftShare(fn: string, t1: RegionIndustryMatrix, t2: RegionIndustryMatrix, options: ShiftShareOptions): PreparedShiftShare {
  const zeroBase = options.zeroBase ?? defaultShiftShareOptions.zeroBase;
  if (zeroBase !== 'error' && zeroBase !== 'exclude') {
    throw new InvalidInputError(shiftShareMessages.invalidOption(fn, 'zeroBase', zeroBase, '"error" or "exclude"'), undefined, 'INVALID_OPTION');
  }
  const regions = t1.regions;
  const industries = t1.industries;
  const nR = regions.length;
  const nI = industries.length;
  const rowOf = alignment(fn, 'region', regions, t2.regions);
  const colOf = alignment(fn, 'industry', industries, t2.industries);
  const e1 = Float64Array.from(t1.values);
  const e2 = new Float64Array(nR * nI);
  const n2 = t2.industryCount;
  for (let r = 0; r < nR; r++) {
    const src = (rowOf[r] as number) * n2;
    for (let i = 0; i < nI; i++) e2[r * nI + i] = t2.values[src + (colOf[i] as number)] as number;
  }
  const excluded: ExcludedCell[] = [];
  for (let k = 0; k < e1.length; k++) {
    if (e1[k] === 0 && (e2[k] as number) > 0) {
      const region = regions[Math.floor(k / nI)] as string;
      const industry = industries[k % nI] as string;
      if (zeroBase === 'error') {
        throw new InvalidInputError(shiftShareMessages.zeroBaseCell(fn, region, industry, e2[k] as number), { region, industry }, 'ZERO_BASE_CELL');
      }
      excluded.push({ region, industry, later: e2[k] as number });
      e2[k] = 0;
    }
  }
  const regionBase = new Float64Array(nR);
  const regionLater = new Float64Array(nR);
  const industryBase = new Float64Array(nI);
  const industryLater = new Float64Array(nI);
  let totalBase = 0;
  let totalLater = 0;
  for (let r = 0; r < nR; r++) {
    for (let i = 0; i < nI; i++) {
      const a = e1[r * nI + i] as number;
      const b = e2[r * nI + i] as number;
      regionBase[r] = (regionBase[r] as number) + a;
      regionLater[r] = (regionLater[r] as number) + b;
      industryBase[i] = (industryBase[i] as number) + a;
      industryLater[i] = (industryLater[i] as number) + b;
      totalBase += a;
      totalLater += b;
    }
  }
  if (!(totalBase > 0)) throw new InvalidInputError(shiftShareMessages.zeroTotal(fn), undefined, 'ZERO_TOTAL');
  return { regions, industries, e1, e2, regionBase, regionLater, industryBase, industryLater, totalBase, totalLater, excluded };
}

/** Industry growth factors `g_i = e_i2 / e_i1` (1 for an inert industry whose base total is 0); internal. */
function industryGrowthFactors(p: PreparedShiftShare): Float64Array {
  const g = new Float64Array(p.industries.length);
  for (let i = 0; i < g.length; i++) {
    const base = p.industryBase[i] as number;
    // base 0 ⇒ every cell is 0 in both periods after the zero-base policy, so the factor multiplies only zeros.
    g[i] = base > 0 ? (p.industryLater[i] as number) / base : 1;
  }
  return g;
}

/** What every decomposition derives from the prepared periods, per region; internal. */
export interface ShiftShareBasics {
  /** Area growth factor `G = e2/e1`. */
  readonly G: number;
  /** Industry growth factors `g_i` ({@link industryGrowthFactors}). */
  readonly g: Float64Array;
  /** Expected later level `Σ_i e_ri1 g_i` (the region's base mix at the industries' area-wide growth). */
  readonly expected: Float64Array;
  /** `e_r2 − e_r1`. */
  readonly growth: Float64Array;
  /** `e_r1 G − e_r1`. */
  readonly nationalShare: Float64Array;
  /** `Σ_i e_ri1 g_i − e_r1 G`. */
  readonly industryMix: Float64Array;
}

/** Growth, national share and industry mix per region, shared by Dunn, Esteban-Marquillas and Gerfin; internal. */
export function shiftShareBasics(p: PreparedShiftShare): ShiftShareBasics {
  const nR = p.regions.length;
  const nI = p.industries.length;
  const G = p.totalLater / p.totalBase;
  const g = industryGrowthFactors(p);
  const expected = new Float64Array(nR);
  const growth = new Float64Array(nR);
  const nationalShare = new Float64Array(nR);
  const industryMix = new Float64Array(nR);
  for (let r = 0; r < nR; r++) {
    let e = 0;
    for (let i = 0; i < nI; i++) e += (p.e1[r * nI + i] as number) * (g[i] as number);
    const base = p.regionBase[r] as number;
    expected[r] = e;
    growth[r] = (p.regionLater[r] as number) - base;
    nationalShare[r] = base * G - base;
    industryMix[r] = e - base * G;
  }
  return { G, g, expected, growth, nationalShare, industryMix };
}

function alignment(fn: string, kind: string, first: readonly string[], second: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  second.forEach((label, k) => index.set(label, k));
  const out = new Int32Array(first.length);
  for (let k = 0; k < first.length; k++) {
    const j = index.get(first[k] as string);
    if (j === undefined)
      throw new InvalidInputError(shiftShareMessages.labelMismatch(fn, kind, first[k] as string, 'the later period'), { label: first[k] }, 'LABEL_MISMATCH');
    out[k] = j;
  }
  if (second.length !== first.length) {
    const known = new Set(first);
    const extra = second.find((label) => !known.has(label)) as string;
    throw new InvalidInputError(shiftShareMessages.labelMismatch(fn, kind, extra, 'the base period'), { label: extra }, 'LABEL_MISMATCH');
  }
  return out;
}
