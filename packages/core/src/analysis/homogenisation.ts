/**
 * Homogenisation (同构): pairwise structural similarity S (UNIDO cosine, M3) and Krugman dissimilarity K (M2);
 * Jaccard overlap of advantage sets (M13); hot-spot industries = advantage industries shared by at least
 * `hotSpotMinUnits` units, scored by the proximity of the units that share them (Σ over sharing pairs of the pair's
 * proximity score, see linkage); the metro homogenisation index = mean S over all pairs, with the share of pairs
 * at or above `similarityHigh`, for every available year.
 */
import { leadingIndustryOverlap } from '../cooperation/leading-industry-overlap.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { krugmanDissimilarity } from '../similarity/krugman-dissimilarity.ts';
import { structuralSimilarity } from '../similarity/structural-similarity.ts';
import { byCode, pairIndexes } from './internal.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { HomogenisationPart, PairMeasure } from './types.ts';

/** Metro index and share of pairs at or above the threshold (null with fewer than 2 regions). */
function homogenisationIndex(matrix: RegionIndustryMatrix, threshold: number): { index: number | null; shareOfPairsAbove: number | null } {
  const n = matrix.regionCount;
  if (n < 2) return { index: null, shareOfPairsAbove: null };
  const s = structuralSimilarity(matrix);
  let sum = 0;
  let above = 0;
  let count = 0;
  for (const [a, b] of pairIndexes(n)) {
    if (s.absent?.[a * n + b] === 1) continue;
    const v = s.values[a * n + b] as number;
    sum += v;
    if (v >= threshold) above++;
    count++;
  }
  return count === 0 ? { index: null, shareOfPairsAbove: null } : { index: sum / count, shareOfPairsAbove: above / count };
}

/**
 * Jaccard overlap `|A ∩ B| / |A ∪ B|` of the units' advantage sets (M13), by the core's
 * {@link leadingIndustryOverlap} on the analysis's own sets (LQ ≥ `advantageLq`, not the core's LQ > 1.5 rule of
 * `leadingIndustries`). Returns the value of units a and b (indexes into `units`), null when both sets are empty.
 */
export function advantageOverlap(units: readonly string[], advantage: readonly (readonly string[])[]): (a: number, b: number) => number | null {
  const overlap = leadingIndustryOverlap(Object.fromEntries(units.map((u, r) => [u, advantage[r] as readonly string[]]))).jaccard;
  const at = new Map(overlap.rows.map((u, k) => [u, k]));
  const n = overlap.rows.length;
  return (a, b) => {
    const c = (at.get(units[a] as string) as number) * n + (at.get(units[b] as string) as number);
    return overlap.absent?.[c] === 1 ? null : (overlap.values[c] as number);
  };
}

export function homogenisationPart(
  matrix: RegionIndustryMatrix,
  advantage: readonly (readonly string[])[],
  proximity: (a: number, b: number) => number,
  earlier: readonly { readonly year: number; readonly matrix: RegionIndustryMatrix }[],
  year: number,
  options: Required<MetroAnalysisOptions>,
): HomogenisationPart {
  const n = matrix.regionCount;
  const units = matrix.regions;
  const s = structuralSimilarity(matrix);
  const k = krugmanDissimilarity(matrix);
  const jaccard = advantageOverlap(units, advantage);
  const pairs: PairMeasure[] = pairIndexes(n).map(([a, b]) => {
    const A = advantage[a] as readonly string[];
    const B = new Set(advantage[b] as readonly string[]);
    return {
      a: units[a] as string,
      b: units[b] as string,
      similarity: s.absent?.[a * n + b] === 1 ? 0 : (s.values[a * n + b] as number),
      dissimilarity: k.values[a * n + b] as number,
      jaccard: jaccard(a, b),
      sharedAdvantage: A.filter((x) => B.has(x)).sort(byCode),
    };
  });
  const hotSpots: HomogenisationPart['hotSpots'][number][] = [];
  for (const industry of matrix.industries) {
    const holders: number[] = [];
    advantage.forEach((set, r) => {
      if (set.includes(industry)) holders.push(r);
    });
    if (holders.length < options.hotSpotMinUnits) continue;
    let score = 0;
    for (let x = 0; x < holders.length; x++) for (let y = x + 1; y < holders.length; y++) score += proximity(holders[x] as number, holders[y] as number);
    hotSpots.push({ industry, units: holders.map((r) => units[r] as string), score });
  }
  hotSpots.sort((p, q) => q.units.length - p.units.length || q.score - p.score || byCode(p.industry, q.industry));
  const trend = [...earlier, { year, matrix }]
    .sort((a, b) => a.year - b.year)
    .map((e) => ({ year: e.year, ...homogenisationIndex(e.matrix, options.similarityHigh) }));
  const now = homogenisationIndex(matrix, options.similarityHigh);
  return { pairs, index: now.index, shareOfPairsAbove: now.shareOfPairsAbove, hotSpots, trend };
}
