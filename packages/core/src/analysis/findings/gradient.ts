/**
 * F7 — no core → ring gradient: the core's tertiary share does not exceed every ring's (structure.gradientShape
 * `flat-or-inverted`).
 *
 * Priority: effect(the core's tertiary share, the highest ring's) × 1 (it concerns the whole metro).
 */
import { type DraftOf, effect, type FindingRule } from './context.ts';

export const flatGradient: FindingRule = (x) => {
  if (x.structure.gradientShape !== 'flat-or-inverted') return [];
  const core = x.structure.ringGradient.find((g) => g.ring === 'core');
  const rings = x.structure.ringGradient.filter((g) => g.ring !== 'core' && g.tertiaryShare !== null);
  if (core === undefined || core.tertiaryShare === null || rings.length === 0) return [];
  const threshold = Math.max(...rings.map((g) => g.tertiaryShare as number));
  const draft: DraftOf<'flat-gradient'> = {
    id: 'flat-gradient',
    kind: 'flat-gradient',
    rule: 'F7',
    priority: effect(core.tertiaryShare, threshold),
    data: { coreShare: core.tertiaryShare, rings: rings.map((g) => ({ ring: g.ring, share: g.tertiaryShare as number })), threshold },
    evidence: [
      {
        measure: 'tertiaryShare',
        units: x.structure.ringGradient.flatMap((g) => g.units),
        values: Object.fromEntries(x.structure.ringGradient.map((g) => [g.ring, g.tertiaryShare])),
      },
    ],
    regions: [...core.units],
    industries: [],
  };
  return [draft];
};
