/**
 * Multiplicative shift-share after Gerfin (1964), as in REAT's `shift` (method "Gerfin").
 *
 * Reference: Gerfin H. (1964) "Gesamtwirtschaftliches Wachstum und regionale Entwicklung", Kyklos 17(4),
 * 565–593. Factors instead of differences: net = mix × regional.
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { type ExcludedCell, prepareShiftShare, type ShiftShareOptions, shiftShareBasics } from './prepare.ts';

/** Result of {@link gerfinShiftShare}. Regions whose base total is 0 (possible after exclusion) are absent. */
export interface GerfinShiftShare {
  readonly method: 'gerfin';
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly components: {
    /** `(Σ_i e_ri1 g_i / e_r1) / (e2/e1)`: > 1 when the region's mix favours fast-growing industries. */
    readonly industryMix: LabelledVector;
    /** `(e_r2/e_r1) / (Σ_i e_ri1 g_i / e_r1)`: > 1 when the region beats its industries' area-wide growth. */
    readonly regionalShare: LabelledVector;
    /** `(e_r2/e_r1) / (e2/e1)` = mix × regional: > 1 when the region grew faster than the area. */
    readonly netTotalShift: LabelledVector;
  };
  readonly excluded: readonly ExcludedCell[];
}

/**
 * Gerfin's multiplicative shift-share. A region with base total 0 (only after `zeroBase: "exclude"`) and a region
 * whose expected level `Σ_i e_ri1 g_i` is 0 get absent values (no factor exists), marked in `absent`.
 * Other errors as {@link dunnShiftShare}; the area's later total must be positive.
 *
 * @example
 * gerfinShiftShare(t1, t2).components.netTotalShift; // 1.02 = grew 2 % faster than the area
 */
export function gerfinShiftShare(t1: RegionIndustryMatrix, t2: RegionIndustryMatrix, options: ShiftShareOptions = {}): GerfinShiftShare {
  const p = prepareShiftShare('gerfinShiftShare', t1, t2, options);
  const nR = p.regions.length;
  const { G, expected: expectedLevel } = shiftShareBasics(p);
  const mix = new Float64Array(nR);
  const regional = new Float64Array(nR);
  const net = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) {
    const base = p.regionBase[r] as number;
    const expected = expectedLevel[r] as number;
    if (!(base > 0) || !(expected > 0) || !(G > 0)) {
      absent[r] = 1;
      continue;
    }
    const own = (p.regionLater[r] as number) / base;
    mix[r] = expected / base / G;
    regional[r] = own / (expected / base);
    net[r] = own / G;
  }
  const v = (x: Float64Array) => labelledVector(p.regions, x, absent);
  return {
    method: 'gerfin',
    regions: p.regions,
    industries: p.industries,
    components: { industryMix: v(mix), regionalShare: v(regional), netTotalShift: v(net) },
    excluded: p.excluded,
  };
}
