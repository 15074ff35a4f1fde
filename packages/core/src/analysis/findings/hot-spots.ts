/**
 * F2 — duplication hot spots, grouped: the traded advantage industries (LQ ≥ `advantageLq`) held by at least
 * `hotSpotMinUnits` units (homogenisation.hotSpots; traded industries only — local-serving and unclassified codes
 * are never an advantage), each with its holders' LQ, their activity and how near they are to each other.
 *
 * Priority: Σ over the industries of effect(mean LQ of the holders, advantageLq) × the holders' activity in the
 * industry ÷ the metro's total activity × the mean proximity score of the holders' pairs (duplication among near
 * units weighs, duplication among far units — a national specialisation shared at a distance — does not).
 */
import { type DraftOf, effect, type FindingRule } from './context.ts';

export const hotSpots: FindingRule = (x, o, shared) => {
  const m = x.matrix;
  const industries: DraftOf<'hot-spots'>['data']['industries'][number][] = [];
  for (const h of x.homogenisation.hotSpots) {
    const i = m.industries.indexOf(h.industry);
    if (i < 0 || x.traded.kind[i] !== 'traded' || h.units.length < 2) continue;
    const rows = h.units.map((u) => m.regions.indexOf(u));
    const lq = rows.map((r) => (x.specialisation.lq[r] as number[])[i] as number);
    const meanLq = lq.reduce((s, v) => s + v, 0) / lq.length;
    const held = rows.reduce((s, r) => s + m.at(r, i), 0);
    const share = shared.grand > 0 ? held / shared.grand : 0;
    const proximity = h.score / ((h.units.length * (h.units.length - 1)) / 2);
    const priority = effect(meanLq, o.advantageLq) * share * proximity;
    industries.push({ industry: h.industry, units: [...h.units], lq, meanLq, share, proximity, priority });
  }
  if (industries.length === 0) return [];
  industries.sort((p, q) => q.priority - p.priority || (p.industry < q.industry ? -1 : p.industry > q.industry ? 1 : 0));
  const units = [...new Set(industries.flatMap((h) => h.units))];
  const draft: DraftOf<'hot-spots'> = {
    id: 'hot-spots',
    kind: 'hot-spots',
    rule: 'F2',
    priority: industries.reduce((s, h) => s + h.priority, 0),
    data: { threshold: o.advantageLq, industries },
    evidence: industries.map((h) => ({
      measure: 'locationQuotient',
      units: h.units,
      values: Object.fromEntries(h.units.map((u, k) => [u, h.lq[k] as number])),
    })),
    regions: units,
    industries: industries.map((h) => h.industry),
  };
  return [draft];
};
