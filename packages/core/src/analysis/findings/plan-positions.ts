/**
 * F8 — stated positions (knowledge items of kind `positioning`) judged at their own level.
 *
 * - A position is **testable** only when the region it is about is itself a unit of the unit set (`region ===
 *   unit`, or no `region` given). It is borne out unless the unit's location quotient in a named industry is below
 *   `planLq`; unclassified codes are never tested. The contradicted positions of all units form one finding
 *   (`plan-contradicted`), each with its LQ and the items that state it (several plans often repeat a position).
 * - A position about a region inside a unit (a city inside a province unit: Nanjing, Suzhou in the YRD's provinces)
 *   is **not testable at this level** and is never judged against the containing unit: such items form one
 *   information finding (`plan-not-testable`). So is every position on a table too coarse to judge specialisation
 *   (fewer than `minTradedIndustries` traded industries: a city's "advanced manufacturing" or "digital economy"
 *   says nothing about its share of the secondary or tertiary sector).
 *
 * Priority of `plan-contradicted`: Σ over the units concerned of the unit's share of the metro's activity × the mean
 * effect(LQ, planLq) of its contradicted positions. `plan-not-testable`: 0 (information).
 */
import { byCode } from '../internal.ts';
import { type Draft, effect, type FindingRule } from './context.ts';

export const planPositions: FindingRule = (x, o, shared) => {
  const ids = x.units.map((u) => u.id);
  const codes = x.matrix.industries;
  const tested = new Set<string>();
  const contradicted = new Map<string, { unit: string; industry: string; lq: number; items: string[]; verified: boolean }>();
  const notTestable: { id: string; region: string; unit: string }[] = [];
  for (const k of x.knowledge) {
    if (k.kind !== 'positioning' || k.unit === null) continue;
    const region = k.region ?? k.unit;
    if (region !== k.unit || !x.homogenisation.traded.judgeable) {
      notTestable.push({ id: k.id, region, unit: k.unit });
      continue;
    }
    const r = ids.indexOf(k.unit);
    if (r < 0) continue;
    for (const industry of k.industries) {
      const i = codes.indexOf(industry);
      if (i < 0 || x.traded.kind[i] === 'unclassified') continue;
      const key = `${k.unit}|${industry}`;
      tested.add(key);
      const lq = (x.specialisation.lq[r] as number[])[i] as number;
      if (lq >= o.planLq) continue;
      const entry = contradicted.get(key) ?? { unit: k.unit, industry, lq, items: [], verified: false };
      entry.items.push(k.id);
      entry.verified ||= k.verified;
      contradicted.set(key, entry);
    }
  }
  const out: Draft[] = [];
  if (contradicted.size > 0) {
    const positions = [...contradicted.values()].sort((p, q) => p.lq - q.lq || byCode(p.unit, q.unit) || byCode(p.industry, q.industry));
    const byUnit = new Map<string, number[]>();
    for (const p of positions) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), effect(p.lq, o.planLq)]);
    let priority = 0;
    for (const [unit, effects] of byUnit) {
      const share = shared.grand > 0 ? (shared.total[ids.indexOf(unit)] as number) / shared.grand : 0;
      priority += (share * effects.reduce((s, v) => s + v, 0)) / effects.length;
    }
    out.push({
      id: 'plan-contradicted',
      kind: 'plan-contradicted',
      rule: 'F8',
      priority,
      data: { count: positions.length, of: tested.size, threshold: o.planLq, positions },
      evidence: positions.map((p) => ({ measure: 'locationQuotient', units: [p.unit], values: { [p.industry]: p.lq } })),
      regions: [...byUnit.keys()],
      industries: [...new Set(positions.map((p) => p.industry))].sort(byCode),
    });
  }
  if (notTestable.length > 0) {
    out.push({
      id: 'plan-not-testable',
      kind: 'plan-not-testable',
      rule: 'F8',
      priority: 0,
      data: { items: notTestable },
      evidence: [],
      regions: [...new Set(notTestable.map((n) => n.unit))].sort(byCode),
      industries: [],
    });
  }
  return out;
};
