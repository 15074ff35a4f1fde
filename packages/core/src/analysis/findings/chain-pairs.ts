/**
 * F4 — chain stages, grouped: pairs where one unit's traded specialisations supply the other's (the typology's
 * chain-stage evidence: chain ratio ≥ `chainHigh`, one way by `chainDirection`), with the supplying unit and the
 * strongest supplier → buyer links of the strongest pairs (complementarity.links; traded industries only).
 *
 * Priority: Σ over the pairs of effect(chain ratio, chainHigh) × pair weight (./context.ts).
 */
import { byCode } from '../internal.ts';
import { type DraftOf, effect, type FindingRule, pairGroup, regionsOf } from './context.ts';

export const chainPairs: FindingRule = (x, o, shared) => {
  const t = x.typology.pairs;
  const members: { p: number; value: number; effect: number }[] = [];
  let measured = 0;
  for (let p = 0; p < t.type.length; p++) {
    const ratio = t.chainRatio[p] ?? null;
    if (ratio !== null) measured++;
    if (t.chainStages[p] !== true || ratio === null) continue;
    members.push({ p, value: ratio, effect: effect(ratio, o.chainHigh) });
  }
  if (members.length === 0) return [];
  const { group, priority, order } = pairGroup(x, shared, members, measured, o.chainHigh);
  const ids = x.units.map((u) => u.id);
  const upstream = order.map((p) => ids[t.upstream[p] as number] as string);
  // The strongest link of each member pair that has links, strongest pairs first, at most topLinks.
  const links = [];
  for (let k = 0; k < group.count && links.length < o.topLinks; k++) {
    const a = group.pairs.a[k] as string;
    const b = group.pairs.b[k] as string;
    const link = x.complementarity.links.find((l) => l.a === a && l.b === b);
    if (link !== undefined) links.push({ ...link });
  }
  const draft: DraftOf<'chain-pairs'> = {
    id: 'chain-pairs',
    kind: 'chain-pairs',
    rule: 'F4',
    priority,
    data: { ...group, upstream, links },
    evidence: [{ measure: 'chainComplementarity', units: regionsOf(group.pairs), values: { pairs: group.count, of: measured, share: group.share } }],
    regions: regionsOf(group.pairs),
    industries: [...new Set(links.flatMap((l) => [l.supplier, l.buyer]))].sort(byCode),
  };
  return [draft];
};
