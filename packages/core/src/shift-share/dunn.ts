/**
 * Classic shift-share decomposition (Dunn 1960), as in REAT's `shift`.
 *
 * Reference: Dunn E.S. (1960) "A statistical and analytical technique for regional analysis", Papers and
 * Proceedings of the Regional Science Association 6, 97–112. Totals are the sum over every region in the input.
 */
import { type LabelledMatrix, type LabelledVector, labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { type ExcludedCell, prepareShiftShare, type ShiftShareOptions, shiftShareBasics } from './prepare.ts';

/** Result of {@link dunnShiftShare}: per-region components and per-cell ones. */
export interface DunnShiftShare {
  readonly method: 'dunn';
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly components: {
    /** `e_r2 − e_r1`. */
    readonly growth: LabelledVector;
    /** `e_r1 (e2/e1) − e_r1`: the change had the region grown at the area's rate. */
    readonly nationalShare: LabelledVector;
    /** `Σ_i e_ri1 g_i − e_r1 (e2/e1)`: effect of starting with fast- or slow-growing industries. */
    readonly industryMix: LabelledVector;
    /** `Σ_i e_ri1 (g_ri − g_i)`: the region's own (competitive) performance. */
    readonly regionalShare: LabelledVector;
    /** `industryMix + regionalShare`. */
    readonly netTotalShift: LabelledVector;
  };
  /** The same components per (region, industry) cell; each row sums to the region's component. */
  readonly cells: {
    readonly nationalShare: LabelledMatrix;
    readonly industryMix: LabelledMatrix;
    readonly regionalShare: LabelledMatrix;
  };
  /** Cells left out by `zeroBase: "exclude"` (empty otherwise). */
  readonly excluded: readonly ExcludedCell[];
}

/**
 * Dunn's shift-share of every region between two periods. With growth factors `G = e2/e1`, `g_i = e_i2/e_i1`,
 * `g_ri = e_ri2/e_ri1`: growth = national share + industry mix + regional share, exactly.
 *
 * Both matrices must have the same region and industry labels (any order; results follow `t1`). Throws
 * `InvalidInputError`: `LABEL_MISMATCH`, `ZERO_BASE_CELL` (default policy), `ZERO_TOTAL`, `INVALID_OPTION`.
 *
 * @example
 * const r = dunnShiftShare(t1, t2);
 * r.components.regionalShare.values; // competitive shift per region
 */
export function dunnShiftShare(t1: RegionIndustryMatrix, t2: RegionIndustryMatrix, options: ShiftShareOptions = {}): DunnShiftShare {
  const p = prepareShiftShare('dunnShiftShare', t1, t2, options);
  const nR = p.regions.length;
  const nI = p.industries.length;
  const { G, g, expected, growth, nationalShare: national, industryMix: mix } = shiftShareBasics(p);
  const regional = new Float64Array(nR);
  const net = new Float64Array(nR);
  const cNational = new Float64Array(nR * nI);
  const cMix = new Float64Array(nR * nI);
  const cRegional = new Float64Array(nR * nI);
  for (let r = 0; r < nR; r++) {
    for (let i = 0; i < nI; i++) {
      const k = r * nI + i;
      const a = p.e1[k] as number;
      const gi = g[i] as number;
      cNational[k] = a * (G - 1);
      cMix[k] = a * (gi - G);
      cRegional[k] = (p.e2[k] as number) - a * gi;
    }
    regional[r] = (p.regionLater[r] as number) - (expected[r] as number);
    net[r] = (mix[r] as number) + (regional[r] as number);
  }
  const v = (x: Float64Array) => labelledVector(p.regions, x);
  const m = (x: Float64Array) => labelledMatrix(p.regions, p.industries, x);
  return {
    method: 'dunn',
    regions: p.regions,
    industries: p.industries,
    components: { growth: v(growth), nationalShare: v(national), industryMix: v(mix), regionalShare: v(regional), netTotalShift: v(net) },
    cells: { nationalShare: m(cNational), industryMix: m(cMix), regionalShare: m(cRegional) },
    excluded: p.excluded,
  };
}
