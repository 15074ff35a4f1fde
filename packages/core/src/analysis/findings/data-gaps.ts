/**
 * F10 — data gaps: the input's withheld or missing cells and dropped units, counted by kind and treatment (shown,
 * never filled; the full list is `gaps`).
 *
 * Priority: 0 (information; the gaps are listed in the text summary and in `gaps`).
 */
import { byCode } from '../internal.ts';
import type { DraftOf, FindingRule } from './context.ts';

export const dataGaps: FindingRule = (x) => {
  if (x.gaps.length === 0) return [];
  const byKind = new Map<string, { kind: string; treatment: string; count: number }>();
  for (const g of x.gaps) {
    const key = `${g.kind}|${g.treatment}`;
    const e = byKind.get(key) ?? { kind: g.kind, treatment: g.treatment, count: 0 };
    e.count++;
    byKind.set(key, e);
  }
  const units = [...new Set(x.gaps.map((g) => g.unit))].sort(byCode);
  const draft: DraftOf<'data-gap'> = {
    id: 'data-gap',
    kind: 'data-gap',
    rule: 'F10',
    priority: 0,
    data: {
      count: x.gaps.length,
      units: units.length,
      byKind: [...byKind.values()].sort((a, b) => b.count - a.count || byCode(a.kind, b.kind) || byCode(a.treatment, b.treatment)),
    },
    evidence: [{ measure: 'gaps', units, values: { count: x.gaps.length } }],
    regions: units,
    industries: [...new Set(x.gaps.flatMap((g) => (g.industry === null ? [] : [g.industry])))].sort(byCode),
  };
  return [draft];
};
