/**
 * F11 — the core–ring division of functions (the Tokyo and New York model the paper holds up), present or absent.
 * The core's units and the ring's units are each taken together and their functional specialisation computed on the
 * aggregate (Duranton & Puga 2005: FS = (producer services ÷ manufacturing) ÷ the metro's same ratio − 1; producer
 * services J, K, M, N, manufacturing C), so a large core unit weighs as much as its jobs. The division is
 * **present** when FS_core > 0 > FS_ring and the 功能分工 ratio (1 + FS_core) ÷ (1 + FS_ring) (赵勇、白永秀 2012)
 * is at least `functionalRatio`, else **absent**; the finding also counts the core–ring pairs with a functional
 * division (typology). Not made when the metro has no core or no ring, or FS is not measurable.
 *
 * Priority: effect(ratio, functionalRatio) × 1 (it concerns the whole metro); when the ratio is undefined (no
 * producer services in the ring) effect(0, functionalRatio) = 2.
 */
import { type DraftOf, effect, type FindingRule } from './context.ts';

export const coreRingDivision: FindingRule = (x, o) => {
  const fs = x.structure.functionalSpecialisation;
  if (fs === null || fs.management.length === 0 || fs.production.length === 0) return [];
  const m = x.matrix;
  const mi = fs.management.map((c) => m.industries.indexOf(c)).filter((i) => i >= 0);
  const pi = fs.production.map((c) => m.industries.indexOf(c)).filter((i) => i >= 0);
  const sums = (rows: readonly number[]) => {
    let mg = 0;
    let pr = 0;
    for (const r of rows) {
      for (const i of mi) mg += m.at(r, i);
      for (const i of pi) pr += m.at(r, i);
    }
    return [mg, pr] as const;
  };
  const coreRows = x.units.flatMap((u, r) => (u.ring === 'core' ? [r] : []));
  const ringRows = x.units.flatMap((u, r) => (u.ring === 'core' ? [] : [r]));
  if (coreRows.length === 0 || ringRows.length === 0) return [];
  const [mAll, pAll] = sums([...coreRows, ...ringRows]);
  const [mCore, pCore] = sums(coreRows);
  const [mRing, pRing] = sums(ringRows);
  if (!(mAll > 0) || !(pAll > 0) || !(pCore > 0) || !(pRing > 0)) return [];
  const metro = mAll / pAll;
  const fsCore = mCore / pCore / metro - 1;
  const fsRing = mRing / pRing / metro - 1;
  const ratio = fsRing > -1 ? (1 + fsCore) / (1 + fsRing) : null;
  const present = fsCore > 0 && fsRing < 0 && (ratio === null || ratio >= o.functionalRatio);
  const t = x.typology.pairs;
  let ringPairs = 0;
  let ringPairsWithDivision = 0;
  for (let p = 0; p < t.a.length; p++) {
    const coreA = x.units[t.a[p] as number]?.ring === 'core';
    const coreB = x.units[t.b[p] as number]?.ring === 'core';
    if (coreA === coreB) continue;
    ringPairs++;
    if (t.functional[p] === true) ringPairsWithDivision++;
  }
  const ids = x.units.map((u) => u.id);
  const core = coreRows.map((r) => ids[r] as string);
  const ring = ringRows.map((r) => ids[r] as string);
  const draft: DraftOf<'core-ring-division'> = {
    id: 'core-ring-division',
    kind: 'core-ring-division',
    rule: 'F11',
    priority: effect(ratio ?? 0, o.functionalRatio),
    data: { present, core, ring, fsCore, fsRing, ratio, threshold: o.functionalRatio, ringPairs, ringPairsWithDivision },
    evidence: [{ measure: 'functionalSpecialisation', units: [...core, ...ring], values: { core: fsCore, ring: fsRing, ratio } }],
    regions: core,
    industries: [...fs.management, ...fs.production],
  };
  return [draft];
};
