/**
 * What every chapter builder reads: the analysis, the plan, the boundaries, the languages to draw charts in, names of
 * units and industries in both languages, the units and pairs in reading order (ranked), and the sources used so far.
 * One context per report; the chapters add the source ids their numbers come from.
 */
import { findingNames, type Language, type LocalizedText, type MetroAnalysis, type MetroPlan } from '@metrocoop/core';
import type { Chart, UnitGeometries } from '@metrocoop/viz';
import type { ReportBlock } from '../model.ts';
import { both } from './text.ts';

/** One entry of the source catalogue (the store's `sources` table): what the report lists under Sources. */
export interface ReportSourceEntry {
  readonly id: string;
  /** Short citation as the catalogue has it (one language: a publication's own title). */
  readonly citation: string;
  readonly publisher?: string | null;
  readonly url?: string | null;
}

/** What {@link buildReport} takes. */
export interface BuildReportInput {
  /** The analysis of the metro (analyzeMetro / analyzeMetroFromStore). */
  readonly analysis: MetroAnalysis;
  /** The plan (planMetro), or `null`: the positions and recommendations chapters then say there is none. */
  readonly plan: MetroPlan | null;
  /** Boundaries (or points) of the units for the maps, or `null` (maps fall back to points or are absent). */
  readonly geometries: UnitGeometries | null;
  /** Build the charts in this language only; default both (each chart block carries `byLanguage`). */
  readonly lang?: Language;
  /** The source catalogue: the cited sources get their citation and address; unknown ids are listed by id. */
  readonly sources?: readonly ReportSourceEntry[];
  /** A date to print under the title (e.g. `2026-11-28`); default none, so the report is deterministic. */
  readonly date?: string;
  /** Rows of a long ranked table the reading formats show (the rest are in XLSX / CSV). Default 12, at least 1. */
  readonly shownRows?: number;
}

/** Default of {@link BuildReportInput.shownRows}. */
export const defaultShownRows = 12;

export interface BuildContext {
  readonly analysis: MetroAnalysis;
  readonly plan: MetroPlan | null;
  readonly geometries: UnitGeometries | null;
  /** The languages charts are built in (one, or both). */
  readonly langs: readonly Language[];
  readonly shownRows: number;
  unit(id: string): LocalizedText;
  industry(code: string): LocalizedText;
  /** Units in reading order: the core first, then the inner and the outer ring, each by population (largest first). */
  readonly units: readonly string[];
  /** Index of a unit id in `analysis.units`. */
  unitIndex(id: string): number;
  /** Pair p (of the analysis's pair columns) in reading order: the most strongly linked first (normalised gravity). */
  readonly pairOrder: readonly number[];
  /** Record the source ids a block's numbers come from (`a|b` joined ids are split); returns them, deduplicated. */
  use(...ids: readonly (string | null | undefined)[]): string[];
  /** Every source id used so far, in first-use order. */
  readonly used: readonly string[];
}

const ringRank = { core: 0, inner: 1, outer: 2 } as const;

export function buildContext(input: BuildReportInput): BuildContext {
  const A = input.analysis;
  const names = findingNames(A.units, [...A.industries, ...(input.plan?.industries ?? [])]);
  const index = new Map(A.units.map((u, k) => [u.id, k]));
  const population = new Map(A.overview.map((o) => [o.unit, o.population?.value ?? null]));
  const units = A.units
    .map((u, k) => ({ id: u.id, k, ring: ringRank[u.ring], pop: population.get(u.id) ?? null }))
    .sort((x, y) => x.ring - y.ring || (y.pop ?? -1) - (x.pop ?? -1) || x.k - y.k)
    .map((u) => u.id);
  const norm = A.linkage.pairs.normalised;
  const prox = A.drivers.pairs.proximity;
  const pairOrder = A.typology.pairs.a.map((_, p) => p).sort((p, q) => (norm[q] ?? -1) - (norm[p] ?? -1) || (prox[q] ?? -1) - (prox[p] ?? -1) || p - q);
  const used: string[] = [];
  const seen = new Set<string>();
  const shownRows = Math.max(1, Math.floor(input.shownRows ?? defaultShownRows));
  // Names are asked for once per cell: tens of thousands of times for the pairs of a large unit set.
  const unitNames = new Map<string, LocalizedText>();
  const industryNames = new Map<string, LocalizedText>();
  const memo = (cache: Map<string, LocalizedText>, key: string, make: () => LocalizedText): LocalizedText => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = make()));
    return v;
  };
  return {
    analysis: A,
    plan: input.plan,
    geometries: input.geometries,
    langs: input.lang === undefined ? ['en', 'zh'] : [input.lang],
    shownRows,
    unit: (id) => memo(unitNames, id, () => both((l) => names.unit(id, l))),
    industry: (code) => memo(industryNames, code, () => both((l) => names.industry(code, l))),
    units,
    unitIndex: (id) => index.get(id) ?? -1,
    pairOrder,
    use(...ids) {
      const out: string[] = [];
      for (const raw of ids) {
        if (raw === null || raw === undefined || raw === '') continue;
        for (const id of raw.split('|')) {
          if (id === '' || out.includes(id)) continue;
          out.push(id);
          if (!seen.has(id)) {
            seen.add(id);
            used.push(id);
          }
        }
      }
      return out;
    },
    used,
  };
}

/** A chart block: built in the context's language, or in both (then `byLanguage` holds both, `chart` the English). */
export function chartBlock(ctx: BuildContext, make: (lang: Language) => Chart): ReportBlock {
  const [first] = ctx.langs;
  if (ctx.langs.length === 1 && first !== undefined) return { kind: 'chart', chart: make(first) };
  const en = make('en');
  return { kind: 'chart', chart: en, byLanguage: { en, zh: make('zh') } };
}
