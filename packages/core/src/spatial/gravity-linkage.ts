/**
 * Economic linkage strength by the gravity model (经济联系强度): `R_ij = √(P_i G_i)·√(P_j G_j) / D_ij^b`.
 *
 * References: Reilly W.J. (1931) The Law of Retail Gravitation; 王德忠, 庄仁兴 (1996) 地理科学 16(1); 孟德友, 陆玉麒
 * (2009) 地理科学进展. D is rail minutes where a timetable gives them, else km — per pair, and reported.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import { spatialMessages } from './messages.ts';
import { regionMatrix, regionVector } from './region-vector.ts';

/** Distance kinds, indexed by the codes in {@link GravityLinkage.distanceKind}. */
export const distanceKinds = ['km', 'rail-minutes'] as const;
/** A distance kind. */
export type DistanceKind = (typeof distanceKinds)[number];

/** What {@link gravityLinkage} takes. Vectors and matrices follow `regions` (same order). */
export interface GravityInput {
  readonly regions: readonly string[];
  /** Population `P_i` (e.g. 常住人口, ≥ 0). */
  readonly population: LabelledVector | Float64Array | readonly number[];
  /** Economic mass `G_i` (e.g. GDP, ≥ 0). */
  readonly gdp: LabelledVector | Float64Array | readonly number[];
  /** Distance in km for every pair (great-circle or road); > 0 off the diagonal; the diagonal is ignored. */
  readonly km: LabelledMatrix;
  /**
   * Rail travel time in minutes where known (absent cells = unknown, fall back to km). If both directions are
   * known their mean is used; if one is known it is used for both, so R stays symmetric.
   */
  readonly railMinutes?: LabelledMatrix;
}

/** Options of {@link gravityLinkage}. */
export interface GravityOptions {
  /** Distance-decay exponent b, ≥ 0. Default 2 (Newtonian form used in most Chinese studies). */
  readonly exponent?: number;
}

/** Defaults of {@link GravityOptions}. */
export const defaultGravityOptions = { exponent: 2 } as const satisfies Required<GravityOptions>;

/** Result of {@link gravityLinkage}. */
export interface GravityLinkage {
  /** `R_ij`, symmetric, 0 on the diagonal. Units mix P, G and D: compare only within one call. */
  readonly strength: LabelledMatrix;
  /** Total linkage `R_i = Σ_j R_ij`. */
  readonly total: LabelledVector;
  /** The distance used for each pair (0 on the diagonal). */
  readonly distance: LabelledMatrix;
  /** Per pair, row-major: index into {@link distanceKinds} (0 = km, 1 = rail minutes); 0 on the diagonal. */
  readonly distanceKind: Uint8Array;
  /** Number of unordered pairs measured in rail minutes. */
  readonly railPairs: number;
}

/**
 * Gravity linkage strength between every pair of regions. Mixing rail minutes and km in one matrix puts pairs on
 * different scales; the result says which was used so a caller can compare like with like.
 *
 * Throws `InvalidInputError`: `SHAPE_MISMATCH`, `LABEL_MISMATCH`, `NOT_FINITE`, `NEGATIVE_VALUE`,
 * `ZERO_DISTANCE` (a distinct pair at distance 0), `INVALID_OPTION` (exponent).
 *
 * @example
 * gravityLinkage({ regions, population, gdp, km: greatCircleDistanceMatrix(points) }).strength;
 */
export function gravityLinkage(input: GravityInput, options: GravityOptions = {}): GravityLinkage {
  const fn = 'gravityLinkage';
  const b = options.exponent ?? defaultGravityOptions.exponent;
  if (!(b >= 0 && Number.isFinite(b)))
    throw new InvalidInputError(spatialMessages.invalidOption(fn, 'exponent', b, 'a finite number ≥ 0'), undefined, 'INVALID_OPTION');
  const regions = input.regions;
  const n = regions.length;
  const p = regionVector(fn, 'population', input.population, regions);
  const g = regionVector(fn, 'gdp', input.gdp, regions);
  regionMatrix(fn, 'km', input.km, regions);
  if (input.railMinutes !== undefined) regionMatrix(fn, 'railMinutes', input.railMinutes, regions);
  const mass = new Float64Array(n);
  for (let i = 0; i < n; i++) mass[i] = Math.sqrt((p[i] as number) * (g[i] as number));
  const km = input.km.values;
  const kmAbsent = input.km.absent;
  const rail = input.railMinutes;
  const strength = new Float64Array(n * n);
  const distance = new Float64Array(n * n);
  const kind = new Uint8Array(n * n);
  const total = new Float64Array(n);
  let railPairs = 0;
  const railValues = rail?.values;
  const railAbsent = rail?.absent;
  // Tiles of 64 × 64 keep the transposed accesses (j, i) in cache; a plain double loop over i < j is ~10× slower
  // at 3,000 regions.
  const tile = 64;
  for (let ib = 0; ib < n; ib += tile) {
    const iEnd = Math.min(n, ib + tile);
    for (let jb = ib; jb < n; jb += tile) {
      const jEnd = Math.min(n, jb + tile);
      for (let i = ib; i < iEnd; i++) {
        const mi = mass[i] as number;
        for (let j = Math.max(jb, i + 1); j < jEnd; j++) {
          const ij = i * n + j;
          const ji = j * n + i;
          let d = -1;
          let k = 0;
          if (railValues !== undefined) {
            const a = railAbsent !== undefined && railAbsent[ij] === 1 ? -1 : (railValues[ij] as number);
            const c = railAbsent !== undefined && railAbsent[ji] === 1 ? -1 : (railValues[ji] as number);
            if (a >= 0 || c >= 0) {
              d = a >= 0 && c >= 0 ? (a + c) / 2 : Math.max(a, c);
              k = 1;
              railPairs++;
            }
          }
          if (k === 0) {
            const a = kmAbsent !== undefined && kmAbsent[ij] === 1 ? -1 : (km[ij] as number);
            const c = kmAbsent !== undefined && kmAbsent[ji] === 1 ? -1 : (km[ji] as number);
            d = a >= 0 && c >= 0 ? (a + c) / 2 : Math.max(a, c);
            if (d < 0)
              throw new InvalidInputError(
                spatialMessages.notFinite(fn, 'km', `(${regions[i]}, ${regions[j]})`, Number.NaN),
                { pair: [regions[i], regions[j]] },
                'NOT_FINITE',
              );
          }
          if (!(d > 0))
            throw new InvalidInputError(
              spatialMessages.zeroDistance(fn, regions[i] as string, regions[j] as string),
              { pair: [regions[i], regions[j]] },
              'ZERO_DISTANCE',
            );
          const decay = b === 2 ? d * d : b === 1 ? d : d ** b;
          const r = (mi * (mass[j] as number)) / decay;
          strength[ij] = r;
          strength[ji] = r;
          distance[ij] = d;
          distance[ji] = d;
          kind[ij] = k;
          kind[ji] = k;
          total[i] = (total[i] as number) + r;
          total[j] = (total[j] as number) + r;
        }
      }
    }
  }
  return {
    strength: labelledMatrix(regions, regions, strength),
    total: labelledVector(regions, total),
    distance: labelledMatrix(regions, regions, distance),
    distanceKind: kind,
    railPairs,
  };
}
