/**
 * F1 — homogeneous competition (同质竞争), grouped: the pairs typed `competing` (./typology.ts: the same traded
 * specialisations — traded similarity z ≥ `sameZ` above the permutation null and a shared traded advantage — and no
 * division of functions or chain stages). One finding for all of them, with the shared traded advantage industries
 * ranked by how many of the pairs share them (traded only: local-serving and unclassified codes never appear).
 *
 * Priority: Σ over the pairs of effect(z, sameZ) × pair weight (./context.ts) — how far above the null each pair's
 * traded similarity lies, times its share of the metro's traded activity.
 */
import { byCode } from '../internal.ts';
import { type DraftOf, effect, type FindingRule, pairGroup, regionsOf } from './context.ts';

export const competingPairs: FindingRule = (x, o, shared) => {
  const t = x.typology.pairs;
  const h = x.homogenisation.pairs;
  const members: { p: number; value: number; effect: number }[] = [];
  let judged = 0;
  for (let p = 0; p < t.type.length; p++) {
    if (h.same[p] !== null) judged++;
    if (t.type[p] !== 'competing') continue;
    const z = h.tradedZ[p] ?? null;
    if (z === null) continue;
    members.push({ p, value: z, effect: effect(z, o.sameZ) });
  }
  if (members.length === 0) return [];
  const { group, priority, order } = pairGroup(x, shared, members, judged, o.sameZ);
  const counts = new Map<string, number>();
  for (const p of order) for (const c of h.sharedTraded[p] ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  const sharedIndustries = [...counts].map(([code, pairs]) => ({ code, pairs })).sort((a, b) => b.pairs - a.pairs || byCode(a.code, b.code));
  const draft: DraftOf<'homogeneous-competition'> = {
    id: 'homogeneous-competition',
    kind: 'homogeneous-competition',
    rule: 'F1',
    priority,
    data: { ...group, sharedIndustries },
    evidence: [{ measure: 'tradedSimilarityZ', units: regionsOf(group.pairs), values: { pairs: group.count, of: judged, share: group.share } }],
    regions: regionsOf(group.pairs),
    industries: sharedIndustries.map((s) => s.code),
  };
  return [draft];
};
