/**
 * Typology of every pair (the paper's Table 1 A, operationalised as methods.md says). A decision tree, first rule
 * that fires wins:
 *  T1 competing (homogeneous): S ≥ similarityHigh, or K < dissimilarityLow, or Jaccard(advantage sets) ≥ jaccardHigh;
 *  T2 vertical: chain ratio ≥ chainHigh and a functional gap (|FS_a − FS_b| ≥ functionalGap, or an industrial-
 *     gradient ratio ≥ gradientRatio);
 *  T3 mixed: chain ratio ≥ chainHigh (different industries with chain links, no functional gap);
 *  T4 horizontal: otherwise (different industries, little chain linkage).
 * A measure that cannot be computed (no IO table, no FS) cannot fire its rule; the numbers say which were absent.
 * Suggested cooperation modes (Table 1 B): industrial transfer if the gradient ratio ≥ gradientRatio; chain
 * collaboration if the chain ratio ≥ chainHigh; joint park / enclave if the pair's normalised gravity linkage ≥ 0.5;
 * innovation cooperation if the shares of professional and scientific activities (ISIC M) differ by a factor ≥ 2.
 */
import { pairIndexes } from './internal.ts';
import { analysisMessages as msg } from './messages.ts';
import type { MetroAnalysisOptions } from './options.ts';
import type { ComplementarityPart, HomogenisationPart, LinkagePart, StructurePart, TypologyPair } from './types.ts';

/** Largest ratio IG_a/IG_b or IG_b/IG_a over industries where both are positive; null when none. */
export function gradientRatioOf(a: readonly (number | null)[], b: readonly (number | null)[]): number | null {
  let best: number | null = null;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null || !(x > 0) || !(y > 0)) continue;
    const r = Math.max(x / y, y / x);
    if (best === null || r > best) best = r;
  }
  return best;
}

export function typologyPart(
  units: readonly string[],
  structure: StructurePart,
  homogenisation: HomogenisationPart,
  complementarity: ComplementarityPart,
  linkage: LinkagePart,
  rdShare: readonly (number | null)[],
  options: Required<MetroAnalysisOptions>,
): TypologyPair[] {
  const o = options;
  const thresholds = {
    similarityHigh: o.similarityHigh,
    dissimilarityLow: o.dissimilarityLow,
    jaccardHigh: o.jaccardHigh,
    chainHigh: o.chainHigh,
    functionalGap: o.functionalGap,
    gradientRatio: o.gradientRatio,
  };
  return pairIndexes(units.length).map(([a, b], p) => {
    const h = homogenisation.pairs[p];
    const c = complementarity.pairs[p];
    const l = linkage.pairs[p];
    const fs = structure.functionalSpecialisation?.values;
    const fsA = fs?.[a] ?? null;
    const fsB = fs?.[b] ?? null;
    const fsGap = fsA === null || fsB === null ? null : Math.abs(fsA - fsB);
    const ig = structure.industrialGradient?.values;
    const igRatio = ig === undefined ? null : gradientRatioOf(ig[a] ?? [], ig[b] ?? []);
    const s = h?.similarity ?? 0;
    const k = h?.dissimilarity ?? 0;
    const j = h?.jaccard ?? null;
    const ratio = c?.ratio ?? null;
    const numbers = {
      similarity: s,
      dissimilarity: k,
      jaccard: j,
      chainRatio: ratio,
      functionalGap: fsGap,
      gradientRatio: igRatio,
      linkageNormalised: l?.normalised ?? null,
    };
    const chainHigh = ratio !== null && ratio >= o.chainHigh;
    const functional = (fsGap !== null && fsGap >= o.functionalGap) || (igRatio !== null && igRatio >= o.gradientRatio);
    let type: TypologyPair['type'];
    let rule: TypologyPair['rule'];
    let reason: ReturnType<typeof msg.reasonCompeting>;
    if (s >= o.similarityHigh || k < o.dissimilarityLow || (j !== null && j >= o.jaccardHigh)) {
      type = 'competing';
      rule = 'T1';
      reason = msg.reasonCompeting(s, k, j);
    } else if (chainHigh && functional) {
      type = 'vertical';
      rule = 'T2';
      reason = msg.reasonVertical(ratio as number, fsGap, igRatio);
    } else if (chainHigh) {
      type = 'mixed';
      rule = 'T3';
      reason = msg.reasonMixed(ratio as number, k);
    } else {
      type = 'horizontal';
      rule = 'T4';
      reason = msg.reasonHorizontal(k, ratio);
    }
    const modes: TypologyPair['suggestedModes'][number][] = [];
    if (igRatio !== null && igRatio >= o.gradientRatio) modes.push('industrial-transfer');
    if (chainHigh) modes.push('chain-collaboration');
    if ((l?.normalised ?? 0) >= 0.5) modes.push('joint-park-or-enclave');
    const ra = rdShare[a] ?? null;
    const rb = rdShare[b] ?? null;
    if (ra !== null && rb !== null && Math.min(ra, rb) > 0 && Math.max(ra / rb, rb / ra) >= 2) modes.push('innovation-cooperation');
    return { a: units[a] as string, b: units[b] as string, type, rule, thresholds, numbers, reason, suggestedModes: modes };
  });
}
