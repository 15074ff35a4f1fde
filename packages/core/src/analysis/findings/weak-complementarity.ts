/**
 * F3 — weak complementarity between near units, grouped: pairs whose proximity score is at least `nearProximity`,
 * with no division of functions or chain stages (type neither vertical nor mixed), whose traded specialisations
 * supply each other less than two industries picked at random do (chain ratio < `chainLow`).
 *
 * Priority: Σ over the pairs of effect(chain ratio, chainLow) × pair weight (./context.ts).
 */
import { type DraftOf, effect, type FindingRule, pairGroup, regionsOf } from './context.ts';

export const weakComplementarity: FindingRule = (x, o, shared) => {
  const t = x.typology.pairs;
  const c = x.complementarity.pairs;
  if (c.ratio.length !== t.type.length) return [];
  const n = x.units.length;
  const members: { p: number; value: number; effect: number }[] = [];
  const proximity = new Map<number, number>();
  let near = 0;
  for (let p = 0; p < t.type.length; p++) {
    const prox = x.proximityOf[(t.a[p] as number) * n + (t.b[p] as number)] as number;
    const ratio = c.ratio[p] ?? null;
    if (prox < o.nearProximity || ratio === null) continue;
    near++;
    if (ratio >= o.chainLow || t.type[p] === 'vertical' || t.type[p] === 'mixed') continue;
    members.push({ p, value: ratio, effect: effect(ratio, o.chainLow) });
    proximity.set(p, prox);
  }
  if (members.length === 0) return [];
  const { group, priority, order } = pairGroup(x, shared, members, near, o.chainLow);
  const draft: DraftOf<'weak-complementarity'> = {
    id: 'weak-complementarity',
    kind: 'weak-complementarity',
    rule: 'F3',
    priority,
    data: { ...group, nearProximity: o.nearProximity, proximity: order.map((p) => proximity.get(p) as number) },
    evidence: [{ measure: 'chainComplementarity', units: regionsOf(group.pairs), values: { pairs: group.count, nearPairs: near, share: group.share } }],
    regions: regionsOf(group.pairs),
    industries: [],
  };
  return [draft];
};
