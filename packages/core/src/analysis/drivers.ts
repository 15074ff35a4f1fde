/**
 * The four drivers of cooperation (the paper): proximity and resource complementarity, structural difference,
 * market, government — a 0–1 score per pair and for the metro, each with its evidence.
 *  - proximity: mean of the pair's proximity score (rail minutes or km, see linkage) and min(1, chain ratio ÷
 *    chainHigh) when the chain ratio exists; the proximity score alone otherwise;
 *  - structure: Krugman dissimilarity ÷ 2 (0 = identical structures, 1 = nothing in common);
 *  - market: the pair's gravity linkage ÷ the largest of its distance kind (relative within the metro);
 *  - government (knowledge base): 0.25 each for a metro-wide plan, a cooperation mechanism, a functional
 *    position for both units (for the metro: for at least half of the units), and a project touching either unit.
 * The metro's score of the first three is the mean over pairs. A driver whose metro score is below
 * `driverMissing` (or absent) is listed as missing.
 */
import { mean, pairIndexes } from './internal.ts';
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
  const pairs = pairIndexes(n).map(([a, b], p) => {
    const prox = proximityOf[a * n + b] as number;
    const ratio = complementarity.pairs[p]?.ratio ?? null;
    const l = linkage.pairs[p];
    const h = homogenisation.pairs[p];
    const parts: number[] = [];
    if (prox >= 0) parts.push(prox);
    if (ratio !== null) parts.push(Math.min(1, ratio / options.chainHigh));
    const pairUnits = [units[a] as string, units[b] as string];
    return {
      a: units[a] as string,
      b: units[b] as string,
      proximity: {
        score: prox < 0 ? null : parts.reduce((s, v) => s + v, 0) / parts.length,
        evidence: {
          proximity: prox < 0 ? null : prox,
          distanceKind: l?.distanceKind ?? (l?.km != null ? 'km' : null),
          railMinutes: l?.railMinutes ?? null,
          km: l?.km ?? null,
          chainRatio: ratio,
        },
      },
      structure: {
        score: h === undefined ? null : h.dissimilarity / 2,
        evidence: { dissimilarity: h?.dissimilarity ?? null, similarity: h?.similarity ?? null },
      },
      market: {
        score: l?.normalised ?? null,
        evidence: { strength: l?.strength ?? null, normalised: l?.normalised ?? null, distanceKind: l?.distanceKind ?? null },
      },
      government: government(knowledge, pairUnits, false, n),
    };
  });
  const metro: DriverSet = {
    proximity: { score: mean(pairs.map((p) => p.proximity.score)), evidence: { pairs: pairs.length } },
    structure: { score: mean(pairs.map((p) => p.structure.score)), evidence: { pairs: pairs.length } },
    market: { score: mean(pairs.map((p) => p.market.score)), evidence: { pairs: pairs.filter((p) => p.market.score !== null).length } },
    government: government(knowledge, units, true, n),
  };
  const missing = (['proximity', 'structure', 'market', 'government'] as const).filter((k) => {
    const s = metro[k].score;
    return s === null || s < options.driverMissing;
  });
  return { pairs, metro, missing };
}
