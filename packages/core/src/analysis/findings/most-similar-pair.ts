/**
 * F12 — the pair with the most similar traded structures (homogenisation.mostSimilar), said as the data have it:
 * - not judged the same at this granularity (its similarity does not lie `sameZ` standard deviations above the
 *   permutation null, or it shares no traded advantage): where the data rank a pair the most alike while the test
 *   does not call it homogeneous;
 * - not judgeable (fewer than `minTradedIndustries` traded industries): the table is too coarse to tell;
 * - judged the same but with a division of functions or stages (vertical, duplication noted): the duplication is
 *   said here, since F1 lists only competing pairs. A competing most similar pair is F1's, and F12 is not made.
 *
 * Priority: effect(z, sameZ) × pair weight when judged the same (as F1 would), else 0 (information).
 */
import { type DraftOf, effect, type FindingRule } from './context.ts';

export const mostSimilarPair: FindingRule = (x, o, shared) => {
  const h = x.homogenisation;
  const best = h.mostSimilar;
  if (best === null) return [];
  const ids = x.units.map((u) => u.id);
  const a = ids.indexOf(best.a);
  const b = ids.indexOf(best.b);
  let p = 0;
  while (p < h.pairs.a.length && !(h.pairs.a[p] === a && h.pairs.b[p] === b)) p++;
  const type = x.typology.pairs.type[p];
  if (type === undefined || type === 'competing') return [];
  const z = h.pairs.tradedZ[p] ?? null;
  const priority = best.same === true && z !== null ? effect(z, o.sameZ) * shared.weight(p) : 0;
  const draft: DraftOf<'most-similar-pair'> = {
    id: 'most-similar-pair',
    kind: 'most-similar-pair',
    rule: 'F12',
    priority,
    data: {
      a: best.a,
      b: best.b,
      type,
      tradedSimilarity: best.tradedSimilarity,
      z,
      sameZ: o.sameZ,
      same: best.same,
      tradedIndustries: h.traded.industries.length,
      minTradedIndustries: o.minTradedIndustries,
      meanTradedSimilarity: h.meanTradedSimilarity,
    },
    evidence: [{ measure: 'tradedSimilarity', units: [best.a, best.b], values: { tradedSimilarity: best.tradedSimilarity, z } }],
    regions: [best.a, best.b],
    industries: [],
  };
  return [draft];
};
