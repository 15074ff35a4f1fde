/**
 * Krugman specialisation index of each region: how far its industry mix is from a reference mix.
 *
 * Reference: Krugman P. (1991) Geography and Trade, MIT Press; Midelfart-Knarvik K.H. et al. (2000) EC Economic
 * Papers 142. Conventions: EconGeo `krugman_index` (default), REAT `krugman.spec2` (mean of the others).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _regionShares, assertMatrix, checkChoice, readOptions } from './internal.ts';
import { specialisationMessages as msg } from './messages.ts';

/** The reference mix a region is compared with. */
export type KrugmanReference = 'area' | 'restOfArea' | 'meanOfOthers';

/** Options of {@link krugmanSpecialization}. */
export interface KrugmanSpecializationOptions {
  /**
   * `"area"` (default): the whole area's mix `s_i = x_i/x`, region r included (EconGeo `krugman_index`).
   * `"restOfArea"`: the rest of the area `(x_i − x_ri)/(x − x_r)`.
   * `"meanOfOthers"`: the unweighted mean of the other regions' shares (REAT `krugman.spec2`); zero-total
   * regions kept by `zeroTotals: "keep"` are left out of the mean.
   */
  readonly reference?: KrugmanReference;
}

/** Defaults of {@link KrugmanSpecializationOptions}. */
export const defaultKrugmanSpecializationOptions = { reference: 'area' } as const satisfies KrugmanSpecializationOptions;

/**
 * `Σ_i |s_ri − ref_ri|` into `out` for every region; `absent[r] = 1` where the region (or its reference) has no
 * shares. `ref` per region is chosen by `reference`.
 */
export function _krugmanSpecialization(
  values: Float64Array,
  nR: number,
  nI: number,
  rowTotals: Float64Array,
  colTotals: Float64Array,
  reference: KrugmanReference,
  out: Float64Array,
  absent: Uint8Array,
): void {
  const { shares, zeroRows } = _regionShares(values, nR, nI, rowTotals);
  let total = 0;
  let live = 0;
  for (let r = 0; r < nR; r++) {
    total += rowTotals[r] as number;
    if (zeroRows[r] === 0) live++;
  }
  // Sum of the non-zero regions' shares, for the mean of the others.
  const shareSum = new Float64Array(nI);
  if (reference === 'meanOfOthers') {
    for (let r = 0; r < nR; r++) {
      if (zeroRows[r] === 1) continue;
      const base = r * nI;
      for (let i = 0; i < nI; i++) shareSum[i] = (shareSum[i] as number) + (shares[base + i] as number);
    }
  }
  for (let r = 0; r < nR; r++) {
    if (zeroRows[r] === 1) {
      absent[r] = 1;
      continue;
    }
    const base = r * nI;
    const xr = rowTotals[r] as number;
    let sum = 0;
    if (reference === 'area') {
      for (let i = 0; i < nI; i++) sum += Math.abs((shares[base + i] as number) - (colTotals[i] as number) / total);
    } else if (reference === 'restOfArea') {
      const rest = total - xr;
      if (rest === 0) {
        absent[r] = 1;
        continue;
      }
      for (let i = 0; i < nI; i++) {
        const v = values[base + i] as number;
        sum += Math.abs((shares[base + i] as number) - ((colTotals[i] as number) - v) / rest);
      }
    } else {
      const others = live - 1;
      if (others === 0) {
        absent[r] = 1;
        continue;
      }
      for (let i = 0; i < nI; i++) {
        const s = shares[base + i] as number;
        sum += Math.abs(s - ((shareSum[i] as number) - s) / others);
      }
    }
    out[r] = sum;
  }
}

/**
 * Krugman specialisation index per region.
 *
 * Formula: `K_r = Σ_i |s_ri − s_i|` with `s_ri = x_ri/x_r`, `s_i = x_i/x` (default); the reference may instead
 * be the rest of the area or the unweighted mean of the other regions' shares.
 *
 * Range and meaning: `[0, 2]`; 0 = the region's mix equals the reference mix, 2 = no industry in common with it.
 * Higher = more specialised. Values depend on the industry classification level: compare like with like.
 *
 * Edge cases: a single region has `K = 0` under `"area"`; `"restOfArea"` and `"meanOfOthers"` need ≥ 2 regions
 * (`InvalidInputError`, `TOO_FEW_REGIONS`). A zero-total region kept by `zeroTotals: "keep"` is absent, and so
 * is a region whose reference is empty (all other regions zero).
 *
 * Reference: Krugman (1991). Agrees with EconGeo `krugman_index` (`"area"`) and REAT `krugman.spec2`
 * (`"meanOfOthers"`).
 *
 * @example
 * ```ts
 * const m = RegionIndustryMatrix.fromWide(['A', 'B'], ['x', 'y'], [[30, 10], [10, 50]]);
 * krugmanSpecialization(m).values; // Float64Array [0.7, 0.4666…]
 * ```
 */
export function krugmanSpecialization(matrix: RegionIndustryMatrix, options?: KrugmanSpecializationOptions): LabelledVector {
  const fn = 'krugmanSpecialization';
  assertMatrix(fn, matrix);
  const opts = readOptions(fn, options);
  const reference = checkChoice(fn, 'reference', opts.reference ?? defaultKrugmanSpecializationOptions.reference, [
    'area',
    'restOfArea',
    'meanOfOthers',
  ] as const);
  const nR = matrix.regionCount;
  if (reference !== 'area' && nR < 2) throw new InvalidInputError(msg.tooFewRegions(fn, `reference "${reference}"`, nR), undefined, 'TOO_FEW_REGIONS');
  const out = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  _krugmanSpecialization(matrix.values, nR, matrix.industryCount, matrix.regionTotals(), matrix.industryTotals(), reference, out, absent);
  return labelledVector(matrix.regions, out, absent);
}
