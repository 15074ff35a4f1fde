/**
 * The four drivers of cooperation (the paper): proximity and resource complementarity, structural difference,
 * market, government — a 0–1 score per pair and for the metro, each with its evidence.
 *  - proximity: mean of the pair's proximity score (rail minutes or km, see linkage) and min(1, chain ratio ÷
 *    chainHigh) when the chain ratio exists; the proximity score alone otherwise;
 *  - structure: Krugman dissimilarity ÷ 2 (0 = identical structures, 1 = nothing in common);
 *  - market: the pair's gravity linkage ÷ the metro's largest (relative within the metro);
 *  - government (knowledge base): 0.25 each for a metro-wide plan, a cooperation mechanism, a functional
 *    position for both units (for the metro: for at least half of the units), and a project touching either unit.
 * The metro's score of the first three is the mean over pairs. A driver whose metro score is below
 * `driverMissing` (or absent) is listed as missing — except the market driver: gravity strength has no common
 * scale across metros (population × GDP in different currencies over km or minutes; methods.md M7: "only compare
 * within one study; normalise to max"), so its score is relative to the metro's own strongest pair. Its metro
 * mean reflects how evenly linkage is spread over the pairs (it falls as units are added: 0.97 for three JJJ
 * provinces, 0.08 for eight Tokyo prefectures), not how strong the market is: it is listed in `relative`, not
 * compared across metros, and never judged missing.
 */
import { mean } from './internal.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { AnalysisKnowledgeItem, ComplementarityPart, DriverSet, DriversPart, HomogenisationPart, LinkagePart } from './types.ts';

function government(items: readonly AnalysisKnowledgeItem[], units: readonly string[], forMetro: boolean, allUnits: number): DriverSet['government'] {
  const metroWide = items.filter((i) => i.unit === null);
  const plan = metroWide.filter((i) => i.kind === 'plan');
  const mechanism = items.filter((i) => i.kind === 'mechanism' && (i.unit === null || units.includes(i.unit)));
  const positioned = new Set(items.filter((i) => i.kind === 'positioning' && i.unit !== null && units.includes(i.unit)).map((i) => i.unit as string));
  const projects = items.filter((i) => i.kind === 'project' && (forMetro || (i.unit !== null && units.includes(i.unit))));
  const positionsOk = forMetro ? positioned.size * 2 >= allUnits : units.every((u) => positioned.has(u));
  const score = 0.25 * (plan.length > 0 ? 1 : 0) + 0.25 * (mechanism.length > 0 ? 1 : 0) + 0.25 * (positionsOk ? 1 : 0) + 0.25 * (projects.length > 0 ? 1 : 0);
  const used = [...plan, ...mechanism, ...items.filter((i) => i.kind === 'positioning' && i.unit !== null && units.includes(i.unit)), ...projects];
  const ids = [...new Set(used.map((i) => i.id))].sort();
  return {
    score,
    evidence: {
      plans: plan.length,
      mechanisms: mechanism.length,
      positionedUnits: positioned.size,
      projects: projects.length,
      unverified: used.filter((i) => !i.verified).length,
    },
    items: ids,
  };
}

export function driversPart(
  units: readonly string[],
  homogenisation: HomogenisationPart,
  complementarity: ComplementarityPart,
  linkage: LinkagePart,
  proximityOf: Float64Array,
  knowledge: readonly AnalysisKnowledgeItem[],
  options: Required<MetroAnalysisOptions>,
): DriversPart {
  const n = units.length;
  // Per pair: the four scores as columns (their evidence is in the parts they come from: proximity and linkage,
  // homogenisation, complementarity, the knowledge base); the metro's scores below carry the evidence.
  const count = (n * (n - 1)) / 2;
  type Columns = { -readonly [K in keyof DriversPart['pairs']]: DriversPart['pairs'][K][number][] };
  const pairs: Columns = {
    a: new Array(count),
    b: new Array(count),
    proximity: new Array(count),
    structure: new Array(count),
    market: new Array(count),
    government: new Array(count),
  };
  let q = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++, q++) {
      const prox = proximityOf[a * n + b] as number;
      const ratio = complementarity.pairs.ratio[q] ?? null;
      const parts: number[] = [];
      if (prox >= 0) parts.push(prox);
      if (ratio !== null) parts.push(Math.min(1, ratio / options.chainHigh));
      const dissimilarity = homogenisation.pairs.dissimilarity[q];
      pairs.a[q] = a;
      pairs.b[q] = b;
      pairs.proximity[q] = prox < 0 || parts.length === 0 ? null : parts.reduce((s, v) => s + v, 0) / parts.length;
      pairs.structure[q] = dissimilarity === undefined ? null : dissimilarity / 2;
      pairs.market[q] = linkage.pairs.normalised[q] ?? null;
      pairs.government[q] = government(knowledge, [units[a] as string, units[b] as string], false, n).score;
    }
  }
  const metro: DriverSet = {
    proximity: { score: mean(pairs.proximity), evidence: { pairs: count } },
    structure: { score: mean(pairs.structure), evidence: { pairs: count } },
    market: {
      score: mean(pairs.market),
      evidence: { pairs: pairs.market.filter((v) => v !== null).length, scale: 'within-metro', impedance: linkage.impedance.kind },
    },
    government: government(knowledge, units, true, n),
  };
  const relative: DriversPart['relative'] = [
    {
      driver: 'market',
      reason: {
        en: "Gravity linkage ÷ the metro's strongest pair: a rank within this metro; not comparable across metros and not judged missing.",
        zh: '引力联系强度 ÷ 本都市圈最强单元对：仅为圈内相对排序，不可跨都市圈比较，也不据此判定缺失。',
      },
    },
  ];
  const missing = (['proximity', 'structure', 'market', 'government'] as const).filter((k) => {
    if (relative.some((r) => r.driver === k)) return false;
    const s = metro[k].score;
    return s === null || s < options.driverMissing;
  });
  return { pairs, metro, missing, relative };
}
