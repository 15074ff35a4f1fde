/**
 * The cooperation type of every pair (the paper's Table 1 A), from two questions asked on their own evidence
 * (docs/spec/methods.md, "How the system should operationalise Table 1", revised):
 *
 * 1. **Is there a division of functions or of chain stages?**
 *    - functional division: the more service-led unit is HQ/producer-service-led against the metro (FS > 0, Duranton &
 *      Puga 2005) and the two units' producer-service ÷ manufacturing employment ratio (the 功能分工 ratio, 赵勇、
 *      白永秀 2012; = (1 + FS_a)/(1 + FS_b)) is at least `functionalRatio`. This alone is vertical division: it is the
 *      Tokyo and New York model the paper holds up. methods.md reads "FS of core > 0, periphery < 0"; requiring the
 *      other unit below the metro's mean as well would make the verdict hang on the metro's composition — Nassau
 *      County (FS 0.09, a ratio of 8 to Manhattan) would not be divided from Manhattan — so the ratio decides. The
 *      service-led unit must also be a producer-service centre (its producer-service share of employment at least
 *      the metro's): FS divides by manufacturing, and a farm town without factories is not a headquarters.
 *    - chain stages: one unit's traded specialisations supply the other's — chain ratio ≥ `chainHigh` over traded
 *      industries — and the flow runs one way: the stronger direction's composite is at least `chainDirection`
 *      times the other's (two units with the same specialisations supply each other equally; that is
 *      duplication, not stages). The supplying unit is `upstream`. Not judged (null) on a table with fewer than
 *      `minTradedIndustries` traded industries: two or three sectors cannot tell stages apart.
 * 2. **Do they specialise in the same or in different traded industries?** (./homogenisation.ts)
 *    - `same`: traded structures more similar than the permutation null allows (z ≥ `sameZ`) and at least one
 *      shared traded advantage industry;
 *    - `different`: not the same, and at one level (goods, or tradable services) both have advantage industries and
 *      each has one the other lacks — different industries of a similar level (Table 1 A, horizontal). A core's
 *      finance against a ring's manufacturing is the functional division itself, not a difference "of similar
 *      level";
 *    - `neither`: no evidence either way; `not-judgeable`: too few traded industries (three sectors).
 *
 * | division? | same | different | neither | not judgeable |
 * |---|---|---|---|---|
 * | yes | vertical (duplication noted) | mixed | vertical | vertical |
 * | no | competing | horizontal | horizontal | undetermined |
 *
 * Suggested cooperation modes (Table 1 B), each from its own number: industrial transfer when an industrial-gradient
 * ratio ≥ `gradientRatio`; chain collaboration when the pair has chain stages; joint park / enclave when the pair's
 * normalised gravity linkage ≥ 0.5; innovation cooperation when the shares of professional and scientific
 * activities (ISIC M) differ by a factor ≥ 2.
 *
 * Pairs are columns, in the order of ./homogenisation.ts (a < b, row-major).
 */

import type { TradedPairs } from './homogenisation.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { TradedMapping } from './traded.ts';
import type { ComplementarityPart, LinkagePart, PairType, StructurePart, TypologyPart } from './types.ts';

/** Largest ratio IG_a/IG_b or IG_b/IG_a over industries where both are positive; null when none. */
export function gradientRatioOf(a: readonly (number | null)[], b: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null || !(x > 0) || !(y > 0)) continue;
    const r = Math.max(x / y, y / x);
    if (best === null || r > best) best = r;
  }
  return best;
}

/** The type from the two answers (the table in the file header). */
export function pairType(division: boolean, specialisation: TypologyPart['pairs']['specialisation'][number]): PairType {
  if (division) return specialisation === 'different' ? 'mixed' : 'vertical';
  if (specialisation === 'same') return 'competing';
  if (specialisation === 'not-judgeable') return 'undetermined';
  return 'horizontal';
}

/**
 * Functional division of two units from their FS values: [division, ratio]; ratio null when undefined. `centre`
 * says, per unit, whether it is a producer-service centre (its producer-service share of employment at least the
 * metro's): the more service-led unit must be one — a farm town has few factories and so a high FS, but it is no
 * headquarters.
 */
export function functionalDivision(
  fsA: number | null,
  fsB: number | null,
  threshold: number,
  centre: readonly [boolean, boolean] = [true, true],
): [boolean | null, number | null] {
  if (fsA === null || fsB === null) return [null, null];
  const hi = Math.max(fsA, fsB);
  const lo = Math.min(fsA, fsB);
  const serviceLed = hi > 0 && (fsA >= fsB ? centre[0] : centre[1]);
  if (lo <= -1) return [serviceLed, null];
  const ratio = (1 + hi) / (1 + lo);
  return [serviceLed && ratio >= threshold, ratio];
}

export function typologyPart(
  unitTotals: ArrayLike<number>,
  structure: StructurePart,
  traded: TradedMapping,
  tp: TradedPairs,
  complementarity: ComplementarityPart,
  linkage: LinkagePart,
  rdShare: readonly (number | null)[],
  options: Required<MetroAnalysisOptions>,
): TypologyPart {
  const o = options;
  const count = tp.a.length;
  const fs = structure.functionalSpecialisation?.values;
  // Producer-service centres: units whose producer-service share is at least the metro's.
  const management = (structure.functionalSpecialisation?.management ?? []).map((c) => structure.industries.indexOf(c));
  const psShare = structure.composition.map((row) => management.reduce((s, i) => s + (row[i] as number), 0));
  let grand = 0;
  let ps = 0;
  psShare.forEach((v, r) => {
    grand += unitTotals[r] as number;
    ps += v * (unitTotals[r] as number);
  });
  const centre = psShare.map((v) => grand > 0 && v >= ps / grand);
  const ig = structure.industrialGradient?.values;
  const chain = complementarity.pairs;
  const hasChain = chain.a.length === count;
  const level = traded.traded.map((i) => traded.level[i]);
  // Stages of a chain cannot be told apart on a table of a few traded industries (three sectors) either.
  const fineEnough = traded.traded.length >= o.minTradedIndustries;
  type Columns = { -readonly [K in keyof TypologyPart['pairs']]: TypologyPart['pairs'][K][number][] };
  const pairs: Columns = {
    a: new Array(count),
    b: new Array(count),
    type: new Array(count),
    functional: new Array(count),
    functionalRatio: new Array(count),
    chainStages: new Array(count),
    chainRatio: new Array(count),
    upstream: new Array(count),
    specialisation: new Array(count),
    gradientRatio: new Array(count),
    modes: new Array(count),
  };
  const counts: Record<PairType, number> = { vertical: 0, horizontal: 0, mixed: 0, competing: 0, undetermined: 0 };
  for (let p = 0; p < count; p++) {
    const a = tp.a[p] as number;
    const b = tp.b[p] as number;
    const [functional, functionalRatio] = functionalDivision(fs?.[a] ?? null, fs?.[b] ?? null, o.functionalRatio, [centre[a] === true, centre[b] === true]);
    let chainStages: boolean | null = null;
    let upstream: number | null = null;
    const ratio = hasChain ? (chain.ratio[p] ?? null) : null;
    if (hasChain && ratio !== null && fineEnough) {
      const ab = chain.composite[p] as number;
      const ba = chain.reverse[p] as number;
      const hi = Math.max(ab, ba);
      const lo = Math.min(ab, ba);
      chainStages = ratio >= o.chainHigh && hi > 0 && hi >= o.chainDirection * lo;
      if (chainStages) upstream = ab >= ba ? a : b;
    }
    let specialisation: TypologyPart['pairs']['specialisation'][number];
    const same = tp.same[p] as number;
    if (same < 0) specialisation = 'not-judgeable';
    else if (same === 1) specialisation = 'same';
    else {
      let different = false;
      for (const lv of ['goods', 'services'] as const) {
        const A = (tp.advantage[a] as number[]).filter((x) => level[x] === lv);
        const B = (tp.advantage[b] as number[]).filter((x) => level[x] === lv);
        if (A.length > 0 && B.length > 0 && A.some((x) => !B.includes(x)) && B.some((x) => !A.includes(x))) different = true;
      }
      specialisation = different ? 'different' : 'neither';
    }
    const division = functional === true || chainStages === true;
    const type = pairType(division, specialisation);
    counts[type]++;
    const gradientRatio = ig === undefined ? null : gradientRatioOf(ig[a] ?? [], ig[b] ?? []);
    const modes: TypologyPart['pairs']['modes'][number][number][] = [];
    if (gradientRatio !== null && gradientRatio >= o.gradientRatio) modes.push('industrial-transfer');
    if (chainStages === true) modes.push('chain-collaboration');
    if ((linkage.pairs.normalised[p] ?? 0) >= 0.5) modes.push('joint-park-or-enclave');
    const ra = rdShare[a] ?? null;
    const rb = rdShare[b] ?? null;
    if (ra !== null && rb !== null && Math.min(ra, rb) > 0 && Math.max(ra / rb, rb / ra) >= 2) modes.push('innovation-cooperation');
    pairs.a[p] = a;
    pairs.b[p] = b;
    pairs.type[p] = type;
    pairs.functional[p] = functional;
    pairs.functionalRatio[p] = functionalRatio;
    pairs.chainStages[p] = chainStages;
    pairs.chainRatio[p] = ratio;
    pairs.upstream[p] = upstream;
    pairs.specialisation[p] = specialisation;
    pairs.gradientRatio[p] = gradientRatio;
    pairs.modes[p] = modes;
  }
  return {
    rules: {
      functionalRatio: o.functionalRatio,
      chainHigh: o.chainHigh,
      chainDirection: o.chainDirection,
      sameZ: o.sameZ,
      minTradedIndustries: o.minTradedIndustries,
      gradientRatio: o.gradientRatio,
    },
    counts,
    pairs,
  };
}
