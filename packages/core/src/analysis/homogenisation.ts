/**
 * Homogenisation (同构, 同质化), judged on traded industries and relative to what the table's granularity makes
 * likely (docs/spec/methods.md, Table 1 revised; docs/methodology/from-measures-to-diagnosis.md):
 *
 * - every pair keeps the classic measures on all industries — structural similarity S (UNIDO cosine, M3) and
 *   Krugman dissimilarity K (M2) — for reference;
 * - the verdict reads the pair's **traded** structures only (./traded.ts): their cosine similarity, and how far it
 *   lies above a permutation null — the similarity the same two share vectors would have if one of them were
 *   arranged over the traded industries at random. For share vectors x and y over m traded industries (each summing
 *   to 1) the permutation distribution of Σ x_k y_π(k) has mean 1/m and variance
 *   (Σx² − 1/m)(Σy² − 1/m)/(m − 1) (Hoeffding 1951, "A combinatorial central limit theorem", Ann. Math. Statist.
 *   22(4)); z = (Σ x_k y_k − 1/m)/sd. With few industries any two structures look alike, the null says so too, and z
 *   stays small: the test is relative to the granularity by construction;
 * - plus the overlap of traded advantage industries (LQ ≥ advantageLq; Jaccard, M13).
 *
 * A pair has **the same traded specialisations** when z ≥ `sameZ` and they share at least one traded advantage
 * industry. With fewer than `minTradedIndustries` traded industries homogeneity is not judgeable: `same` is `null`
 * for every pair and the part says why. The metro's index is the share of pairs with the same traded
 * specialisations, with the mean traded similarity beside it, for every available year. Hot spots are traded
 * advantage industries held by at least `hotSpotMinUnits` units, scored by the proximity of the units that hold
 * them (none when homogeneity is not judgeable: a shared "secondary industry" says nothing).
 *
 * Pairs are columns (one array per measure, `a[p]`, `b[p]` indexes into the units): a metro of 343 municipalities
 * has 58,653 pairs.
 */
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { krugmanDissimilarity } from '../similarity/krugman-dissimilarity.ts';
import { structuralSimilarity } from '../similarity/structural-similarity.ts';
import { locationQuotient } from '../specialisation/location-quotient.ts';
import { byCode } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { TradedMapping } from './traded.ts';
import type { Absence, HomogenisationPart } from './types.ts';

/** The traded-structure statistics of every pair of one matrix. */
export interface TradedPairs {
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Cosine similarity of the two traded share vectors (NaN when a unit has no traded activity). */
  readonly similarity: Float64Array;
  /** Permutation z of the similarity (NaN when undefined: no traded activity, or a flat share vector). */
  readonly z: Float64Array;
  /** Jaccard overlap of the traded advantage sets (NaN when both are empty). */
  readonly jaccard: Float64Array;
  /** Traded advantage industries (indexes) per unit, ordered by LQ descending. */
  readonly advantage: readonly (readonly number[])[];
  /** 1 = same traded specialisations, 0 = not, −1 = not judgeable. */
  readonly same: Int8Array;
}

/**
 * Traded-structure statistics of every pair (see the file header). Work is proportional to pairs × traded
 * industries; no per-pair objects.
 */
export function tradedPairs(
  matrix: RegionIndustryMatrix,
  traded: TradedMapping,
  options: Required<MetroAnalysisOptions>,
  lqValues: Float64Array = locationQuotient(matrix).values,
): TradedPairs {
  const n = matrix.regionCount;
  const nI = matrix.industryCount;
  const t = traded.traded;
  const m = t.length;
  const judgeable = m >= options.minTradedIndustries;
  // Traded shares per unit (rows summing to 1), their sum of squares, and the traded advantage sets.
  const shares = new Float64Array(n * m);
  const sumSq = new Float64Array(n);
  const hasTraded = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    let total = 0;
    for (let k = 0; k < m; k++) total += matrix.at(r, t[k] as number);
    if (!(total > 0)) continue;
    hasTraded[r] = 1;
    let q = 0;
    for (let k = 0; k < m; k++) {
      const v = matrix.at(r, t[k] as number) / total;
      shares[r * m + k] = v;
      q += v * v;
    }
    sumSq[r] = q;
  }
  const lq = lqValues;
  const advantage: number[][] = [];
  const advMask = new Uint8Array(n * m);
  for (let r = 0; r < n; r++) {
    const list: number[] = [];
    for (let k = 0; k < m; k++) {
      if ((lq[r * nI + (t[k] as number)] as number) >= options.advantageLq) {
        list.push(k);
        advMask[r * m + k] = 1;
      }
    }
    list.sort((x, y) => (lq[r * nI + (t[y] as number)] as number) - (lq[r * nI + (t[x] as number)] as number) || x - y);
    advantage.push(list);
  }
  const pairs = (n * (n - 1)) / 2;
  const a = new Int32Array(pairs);
  const b = new Int32Array(pairs);
  const similarity = new Float64Array(pairs);
  const z = new Float64Array(pairs);
  const jaccard = new Float64Array(pairs);
  const same = new Int8Array(pairs);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      a[p] = i;
      b[p] = j;
      let inter = 0;
      let union = 0;
      for (let k = 0; k < m; k++) {
        const x = advMask[i * m + k] as number;
        const y = advMask[j * m + k] as number;
        inter += x & y;
        union += x | y;
      }
      jaccard[p] = union === 0 ? Number.NaN : inter / union;
      if (hasTraded[i] === 0 || hasTraded[j] === 0) {
        similarity[p] = Number.NaN;
        z[p] = Number.NaN;
        same[p] = judgeable ? 0 : -1;
        continue;
      }
      let dot = 0;
      for (let k = 0; k < m; k++) dot += (shares[i * m + k] as number) * (shares[j * m + k] as number);
      const qi = sumSq[i] as number;
      const qj = sumSq[j] as number;
      similarity[p] = dot / Math.sqrt(qi * qj);
      const variance = m > 1 ? ((qi - 1 / m) * (qj - 1 / m)) / (m - 1) : 0;
      z[p] = variance > 1e-300 ? (dot - 1 / m) / Math.sqrt(variance) : Number.NaN;
      same[p] = !judgeable ? -1 : (z[p] as number) >= options.sameZ && inter > 0 ? 1 : 0;
    }
  }
  return { a, b, similarity, z, jaccard, advantage, same };
}

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The metro's index (share of pairs with the same traded specialisations) and mean traded similarity. */
function indexOf(pairs: TradedPairs): { index: number | null; meanTradedSimilarity: number | null } {
  let same = 0;
  let judged = 0;
  let sum = 0;
  let count = 0;
  for (let p = 0; p < pairs.same.length; p++) {
    const s = pairs.same[p] as number;
    if (s >= 0) {
      judged++;
      same += s;
    }
    const v = pairs.similarity[p] as number;
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return { index: judged === 0 ? null : same / judged, meanTradedSimilarity: count === 0 ? null : sum / count };
}

export function homogenisationPart(
  matrix: RegionIndustryMatrix,
  traded: TradedMapping,
  proximity: (a: number, b: number) => number,
  earlier: readonly { readonly year: number; readonly matrix: RegionIndustryMatrix }[],
  year: number,
  options: Required<MetroAnalysisOptions>,
  lqValues: Float64Array = locationQuotient(matrix).values,
): { part: HomogenisationPart; pairs: TradedPairs } {
  const n = matrix.regionCount;
  const units = matrix.regions;
  const codes = matrix.industries;
  const s = structuralSimilarity(matrix);
  const k = krugmanDissimilarity(matrix);
  const tp = tradedPairs(matrix, traded, options, lqValues);
  const m = traded.traded.length;
  const judgeable = m >= options.minTradedIndustries;
  const absent: Absence[] = [];
  if (!judgeable) absent.push({ what: 'homogenisation.same', reason: msg.notJudgeable(m, options.minTradedIndustries) });
  const tradedCode = (x: number) => codes[traded.traded[x] as number] as string;

  const count = tp.a.length;
  const similarity: number[] = new Array(count);
  const dissimilarity: number[] = new Array(count);
  const sharedTraded: string[][] = new Array(count);
  let best = -1;
  for (let p = 0; p < count; p++) {
    const i = tp.a[p] as number;
    const j = tp.b[p] as number;
    similarity[p] = s.absent?.[i * n + j] === 1 ? 0 : (s.values[i * n + j] as number);
    dissimilarity[p] = k.values[i * n + j] as number;
    const other = new Set(tp.advantage[j]);
    sharedTraded[p] = (tp.advantage[i] as number[])
      .filter((x) => other.has(x))
      .map(tradedCode)
      .sort(byCode);
    const v = tp.similarity[p] as number;
    if (Number.isFinite(v) && (best < 0 || v > (tp.similarity[best] as number))) best = p;
  }

  // Hot spots: traded advantage industries held by several units.
  const hotSpots: HomogenisationPart['hotSpots'][number][] = [];
  for (let x = 0; x < (judgeable ? m : 0); x++) {
    const holders: number[] = [];
    for (let r = 0; r < n; r++) if ((tp.advantage[r] as number[]).includes(x)) holders.push(r);
    if (holders.length < options.hotSpotMinUnits) continue;
    let score = 0;
    for (let u = 0; u < holders.length; u++) for (let v = u + 1; v < holders.length; v++) score += proximity(holders[u] as number, holders[v] as number);
    hotSpots.push({ industry: tradedCode(x), units: holders.map((r) => units[r] as string), score });
  }
  hotSpots.sort((p, q) => q.units.length - p.units.length || q.score - p.score || byCode(p.industry, q.industry));

  const trend = [...earlier, { year, matrix }]
    .sort((x, y) => x.year - y.year)
    .map((e) => ({ year: e.year, ...(e.matrix === matrix ? indexOf(tp) : indexOf(tradedPairs(e.matrix, traded, options))) }));
  const now = indexOf(tp);
  const part: HomogenisationPart = {
    traded: {
      industries: traded.traded.map((i) => codes[i] as string),
      local: codes.filter((_, i) => traded.kind[i] === 'local'),
      unclassified: codes.filter((_, i) => traded.kind[i] === 'unclassified'),
      basis: traded.basis,
      judgeable,
    },
    pairs: {
      a: Array.from(tp.a),
      b: Array.from(tp.b),
      similarity,
      dissimilarity,
      tradedSimilarity: Array.from(tp.similarity, finiteOrNull),
      tradedZ: Array.from(tp.z, finiteOrNull),
      tradedJaccard: Array.from(tp.jaccard, finiteOrNull),
      sharedTraded,
      same: Array.from(tp.same, (v) => (v < 0 ? null : v === 1)),
    },
    index: now.index,
    meanTradedSimilarity: now.meanTradedSimilarity,
    mostSimilar:
      best < 0
        ? null
        : {
            a: units[tp.a[best] as number] as string,
            b: units[tp.b[best] as number] as string,
            tradedSimilarity: tp.similarity[best] as number,
            same: tp.same[best] === -1 ? null : tp.same[best] === 1,
          },
    hotSpots,
    trend,
    absent,
  };
  return { part, pairs: tp };
}
