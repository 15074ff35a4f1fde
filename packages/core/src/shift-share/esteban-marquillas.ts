/**
 * Esteban-Marquillas (1972) shift-share: the regional share split with homothetic employment into a
 * competitive effect and an allocation effect, as in REAT's `shift` (method "Esteban").
 *
 * Reference: Esteban-Marquillas J.M. (1972) "A reinterpretation of shift-share analysis", Regional and Urban
 * Economics 2(3), 249–255.
 */
import { type LabelledMatrix, type LabelledVector, labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { type ExcludedCell, prepareShiftShare, type ShiftShareOptions, shiftShareBasics } from './prepare.ts';

/** Result of {@link estebanMarquillasShiftShare}. */
export interface EstebanMarquillasShiftShare {
  readonly method: 'esteban-marquillas';
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly components: {
    /** `e_r2 − e_r1`. */
    readonly growth: LabelledVector;
    /** `e_r1 (e2/e1) − e_r1`. */
    readonly nationalShare: LabelledVector;
    /** `Σ_i e_ri1 g_i − e_r1 (e2/e1)`. */
    readonly industryMix: LabelledVector;
    /** Competitive effect on homothetic employment `Σ_i h_ri (g_ri − g_i)`, `h_ri = e_r1 e_i1 / e1`. */
    readonly regionalShare: LabelledVector;
    /** `Σ_i (e_ri1 − h_ri)(g_ri − g_i)`: > 0 when the region is specialised where it is competitive. */
    readonly allocationEffect: LabelledVector;
  };
  /** Per-cell homothetic employment `h_ri`, competitive effect and allocation effect. */
  readonly cells: {
    readonly homothetic: LabelledMatrix;
    readonly regionalShare: LabelledMatrix;
    readonly allocationEffect: LabelledMatrix;
  };
  /** Cells left out by `zeroBase: "exclude"`. */
  readonly excluded: readonly ExcludedCell[];
}

/**
 * Esteban-Marquillas shift-share of every region between two periods; growth = national share + industry mix
 * + regional share + allocation effect, exactly.
 *
 * Errors as {@link dunnShiftShare}. A cell with base 0 that stays 0 is inert (its `g_ri` is never read).
 *
 * @example
 * estebanMarquillasShiftShare(t1, t2).components.allocationEffect;
 */
export function estebanMarquillasShiftShare(t1: RegionIndustryMatrix, t2: RegionIndustryMatrix, options: ShiftShareOptions = {}): EstebanMarquillasShiftShare {
  const p = prepareShiftShare('estebanMarquillasShiftShare', t1, t2, options);
  const nR = p.regions.length;
  const nI = p.industries.length;
  const { g, growth, nationalShare: national, industryMix: mix } = shiftShareBasics(p);
  const competitive = new Float64Array(nR);
  const allocation = new Float64Array(nR);
  const cH = new Float64Array(nR * nI);
  const cComp = new Float64Array(nR * nI);
  const cAlloc = new Float64Array(nR * nI);
  for (let r = 0; r < nR; r++) {
    const base = p.regionBase[r] as number;
    let comp = 0;
    let alloc = 0;
    for (let i = 0; i < nI; i++) {
      const k = r * nI + i;
      const a = p.e1[k] as number;
      const gi = g[i] as number;
      const h = (base * (p.industryBase[i] as number)) / p.totalBase;
      cH[k] = h;
      // a = 0 ⇒ the cell is 0 in both periods (zero-base policy): its differential growth is taken as 0.
      const diff = a > 0 ? (p.e2[k] as number) / a - gi : 0;
      cComp[k] = h * diff;
      cAlloc[k] = (a - h) * diff;
      comp += h * diff;
      alloc += (a - h) * diff;
    }
    competitive[r] = comp;
    allocation[r] = alloc;
  }
  const v = (x: Float64Array) => labelledVector(p.regions, x);
  const m = (x: Float64Array) => labelledMatrix(p.regions, p.industries, x);
  return {
    method: 'esteban-marquillas',
    regions: p.regions,
    industries: p.industries,
    components: { growth: v(growth), nationalShare: v(national), industryMix: v(mix), regionalShare: v(competitive), allocationEffect: v(allocation) },
    cells: { homothetic: m(cH), regionalShare: m(cComp), allocationEffect: m(cAlloc) },
    excluded: p.excluded,
  };
}
