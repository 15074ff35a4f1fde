/**
 * What every finding rule reads, and the pieces they share: the rule's draft (a finding before its sentences), the
 * effect of a deciding number against its threshold, the pairs' activity weights and the grouping of pairs.
 *
 * Priority = effect × share of the activity concerned (docs/methodology/from-measures-to-diagnosis.md, Findings):
 * - **effect** = 1 + |value − threshold| ÷ threshold: 1 at the rule's threshold, growing by one for every
 *   threshold's worth of distance beyond it, whichever side the rule fires on — one scale for every rule;
 * - **share** (0–1): how much of the metro's activity the finding concerns — for pairs their weight
 *   `(t_a + t_b) ÷ ((n − 1) T)` with `t` a unit's traded activity and `T` the metro's (all pairs of the metro sum to
 *   1, whatever the number of units), summed over a group's pairs; the whole metro is 1.
 * A group's priority is Σ effect × weight over its pairs. Information without an effect size (not testable, data
 * gaps, a most similar pair that is not the same) has priority 0.
 */
import type { RegionIndustryMatrix } from '../../matrix/region-industry-matrix.ts';
import type { MetroAnalysisOptions } from '../options.ts';
import type { TradedMapping } from '../traded.ts';
import type {
  AnalysisGap,
  AnalysisIndustry,
  AnalysisInputOutput,
  AnalysisKnowledgeItem,
  AnalysisUnit,
  ComplementarityPart,
  Finding,
  FindingKind,
  HomogenisationPart,
  LinkagePart,
  MetroAnalysis,
  SpecialisationPart,
  StructurePart,
  TypologyPart,
} from '../types.ts';

/** Everything the rules read: the parts of the analysis and its inputs. */
export interface FindingsInput {
  readonly units: readonly AnalysisUnit[];
  readonly industries: readonly AnalysisIndustry[];
  /** The unit set's matrix (units and industries in the result's order). */
  readonly matrix: RegionIndustryMatrix;
  readonly measure: MetroAnalysis['unitSet']['measure'];
  readonly traded: TradedMapping;
  readonly structure: StructurePart;
  readonly specialisation: SpecialisationPart;
  readonly homogenisation: HomogenisationPart;
  readonly complementarity: ComplementarityPart;
  readonly linkage: LinkagePart;
  readonly typology: TypologyPart;
  /** Proximity score of every ordered pair (row-major, −1 = unknown). */
  readonly proximityOf: Float64Array;
  readonly knowledge: readonly AnalysisKnowledgeItem[];
  readonly gaps: readonly AnalysisGap[];
  readonly inputOutput?: AnalysisInputOutput | undefined;
}

/** `Omit` over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A finding as a rule makes it: without its sentences and headline flag (./index.ts adds them). */
export type Draft = DistributiveOmit<Finding, 'title' | 'detail' | 'headline'>;
/** A draft of one kind. */
export type DraftOf<K extends FindingKind> = Extract<Draft, { readonly kind: K }>;

/** A finding rule: reads the analysis, returns its drafts (none when it does not fire). */
export type FindingRule = (x: FindingsInput, o: Required<MetroAnalysisOptions>, shared: Shared) => Draft[];

/** 1 + |value − threshold| ÷ threshold (1 + |value| when the threshold is 0): see the file header. */
export function effect(value: number, threshold: number): number {
  return threshold === 0 ? 1 + Math.abs(value) : 1 + Math.abs(value - threshold) / Math.abs(threshold);
}

/** Pieces computed once for every rule. */
export interface Shared {
  /** Each unit's traded activity (all activity when the metro has no traded activity). */
  readonly traded: Float64Array;
  /** Each unit's total activity. */
  readonly total: Float64Array;
  /** The metro's total activity. */
  readonly grand: number;
  /** Weight of pair p (the columns' order): (t_a + t_b) ÷ ((n − 1) T); sums to 1 over all pairs. */
  weight(p: number): number;
}

export function sharedOf(x: FindingsInput): Shared {
  const m = x.matrix;
  const n = m.regionCount;
  const total = new Float64Array(n);
  const traded = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < m.industryCount; i++) {
      const v = m.at(r, i);
      total[r] = (total[r] as number) + v;
      if (x.traded.kind[i] === 'traded') traded[r] = (traded[r] as number) + v;
    }
  }
  let T = traded.reduce((s, v) => s + v, 0);
  const base = T > 0 ? traded : total;
  if (!(T > 0)) T = total.reduce((s, v) => s + v, 0);
  const grand = total.reduce((s, v) => s + v, 0);
  const pa = x.homogenisation.pairs.a;
  const pb = x.homogenisation.pairs.b;
  const denominator = (n - 1) * T;
  return {
    traded: base,
    total,
    grand,
    weight: (p) => (denominator > 0 ? ((base[pa[p] as number] as number) + (base[pb[p] as number] as number)) / denominator : 0),
  };
}

/** At most this many member pairs are listed in a group (highest priority first); `count` says how many there are, and every pair is in the typology's columns. */
export const listedPairs = 50;

/** A group of pairs as the schema's columns, highest priority first (ties: pair order). */
export function pairGroup(
  x: FindingsInput,
  shared: Shared,
  members: readonly { readonly p: number; readonly value: number; readonly effect: number }[],
  of: number,
  threshold: number,
): {
  readonly group: {
    count: number;
    of: number;
    share: number;
    threshold: number;
    pairs: { a: string[]; b: string[]; value: number[]; weight: number[] };
  };
  readonly priority: number;
  readonly order: readonly number[];
} {
  const ids = x.units.map((u) => u.id);
  const scored = members.map((m) => ({ ...m, w: shared.weight(m.p) })).sort((s, t) => t.effect * t.w - s.effect * s.w || s.p - t.p);
  let share = 0;
  let priority = 0;
  for (const s of scored) {
    share += s.w;
    priority += s.effect * s.w;
  }
  const listed = scored.slice(0, listedPairs);
  return {
    group: {
      count: scored.length,
      of,
      share,
      threshold,
      pairs: {
        a: listed.map((s) => ids[x.homogenisation.pairs.a[s.p] as number] as string),
        b: listed.map((s) => ids[x.homogenisation.pairs.b[s.p] as number] as string),
        value: listed.map((s) => s.value),
        weight: listed.map((s) => s.w),
      },
    },
    priority,
    order: scored.map((s) => s.p),
  };
}

/** Unit ids of a group's pairs, in first appearance order. */
export function regionsOf(pairs: { readonly a: readonly string[]; readonly b: readonly string[] }): string[] {
  const seen = new Set<string>();
  pairs.a.forEach((a, k) => {
    seen.add(a);
    seen.add(pairs.b[k] as string);
  });
  return [...seen];
}
