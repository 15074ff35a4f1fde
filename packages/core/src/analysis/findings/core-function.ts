/**
 * F6 — a core that does not radiate: a ring unit's urban flow intensity (M8, 朱英明、于念文 2002; employment data
 * only) exceeds that of every core unit — the metro's outward service functions are led from outside its core.
 *
 * Priority: effect(the highest ring intensity, the highest core intensity) × the core's share of the metro's
 * activity.
 */
import { type DraftOf, effect, type FindingRule } from './context.ts';

export const coreFunction: FindingRule = (x, _o, shared) => {
  const flow = x.linkage.urbanFlow?.intensity;
  if (flow === undefined) return [];
  let core = -1;
  let top = -1;
  x.units.forEach((u, r) => {
    const v = flow[r] ?? null;
    if (v === null) return;
    if (u.ring === 'core') {
      if (core < 0 || v > (flow[core] as number)) core = r;
    } else if (top < 0 || v > (flow[top] as number)) top = r;
  });
  if (core < 0 || top < 0) return [];
  const coreIntensity = flow[core] as number;
  const topIntensity = flow[top] as number;
  if (!(topIntensity > coreIntensity) || !(coreIntensity > 0)) return [];
  const coreUnits = x.units.filter((u) => u.ring === 'core').map((u) => u.id);
  const coreTotal = x.units.reduce((s, u, r) => s + (u.ring === 'core' ? (shared.total[r] as number) : 0), 0);
  const share = shared.grand > 0 ? coreTotal / shared.grand : 0;
  const ids = x.units.map((u) => u.id);
  const draft: DraftOf<'core-not-radiating'> = {
    id: 'core-not-radiating',
    kind: 'core-not-radiating',
    rule: 'F6',
    priority: effect(topIntensity, coreIntensity) * share,
    data: { core: coreUnits, coreUnit: ids[core] as string, coreIntensity, top: ids[top] as string, topIntensity, share },
    evidence: [{ measure: 'urbanFlowIntensity', units: [ids[core] as string, ids[top] as string], values: { core: coreIntensity, top: topIntensity } }],
    regions: [ids[core] as string, ids[top] as string],
    industries: [],
  };
  return [draft];
};
