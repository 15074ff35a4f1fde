/**
 * Specialisation: the LQ matrix with the metro as reference (M1), each unit's advantage industries — traded
 * industries with LQ ≥ `advantageLq` ("strong" at ≥ `strongLq`); local-serving ones above the threshold are listed
 * apart (`local`) and unclassified codes never (./traded.ts) —, Krugman specialisation versus the rest of the metro
 * (M2, range 0–2) and its change over the available years.
 */
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { krugmanSpecialization } from '../specialisation/krugman-specialization.ts';
import { locationQuotient } from '../specialisation/location-quotient.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { TradedMapping } from './traded.ts';
import type { SpecialisationPart } from './types.ts';

/** Krugman specialisation of each region versus the rest of the area (0 for a region whose reference is empty). */
function krugmanVector(matrix: RegionIndustryMatrix): number[] {
  if (matrix.regionCount < 2) return matrix.regions.map(() => 0);
  const k = krugmanSpecialization(matrix, { reference: 'restOfArea' });
  return Array.from(k.values, (v, r) => (k.absent?.[r] === 1 ? 0 : v));
}

/** LQ matrix as nested rows. */
function lqRows(matrix: RegionIndustryMatrix, lq: Float64Array): number[][] {
  const nI = matrix.industryCount;
  return matrix.regions.map((_, r) => Array.from(lq.subarray(r * nI, r * nI + nI)));
}

/** Advantage industries per unit among the industries `keep` accepts, ordered by LQ descending then code. */
function advantageSets(matrix: RegionIndustryMatrix, lq: readonly (readonly number[])[], threshold: number, keep: (i: number) => boolean): string[][] {
  return matrix.regions.map((_, r) => {
    const row = lq[r] as readonly number[];
    return matrix.industries
      .map((code, i) => ({ code, i, v: row[i] as number }))
      .filter((x) => x.v >= threshold && keep(x.i))
      .sort((a, b) => b.v - a.v || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((x) => x.code);
  });
}

export function specialisationPart(
  matrix: RegionIndustryMatrix,
  earlier: readonly { readonly year: number; readonly matrix: RegionIndustryMatrix }[],
  year: number,
  traded: TradedMapping,
  options: Required<MetroAnalysisOptions>,
  lqValues: Float64Array = locationQuotient(matrix).values,
): SpecialisationPart {
  const lq = lqRows(matrix, lqValues);
  const isTraded = (i: number) => traded.kind[i] === 'traded';
  const adv = advantageSets(matrix, lq, options.advantageLq, isTraded);
  const strong = advantageSets(matrix, lq, options.strongLq, isTraded);
  const local = advantageSets(matrix, lq, options.advantageLq, (i) => traded.kind[i] === 'local');
  const trend = [...earlier, { year, matrix }]
    .sort((a, b) => a.year - b.year)
    .map((e) => ({ year: e.year, units: [...e.matrix.regions], krugman: krugmanVector(e.matrix) }));
  return {
    reference: 'metro',
    lq,
    advantage: matrix.regions.map((unit, r) => ({ unit, industries: adv[r] as string[], strong: strong[r] as string[], local: local[r] as string[] })),
    krugman: krugmanVector(matrix),
    trend,
  };
}
