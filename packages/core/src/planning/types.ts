/**
 * The shared input of the planning layer (issue 10): a metro's analysis input and its analysis, plus the few facts
 * the planning parts need beyond the analysis — the administrative parent of every unit (for "crosses an
 * administrative boundary"), the timetable rows that carry no time (for "no direct train" versus "unknown"), and the
 * listed-firm relocations observed between years. Plain data, no I/O: the data package's `loadPlanningContext`
 * builds it from the store.
 */
import type { MetroAnalysis, MetroAnalysisInput } from '../analysis/types.ts';

/** The cooperation modes of methods.md Table 1 B that the planning layer recommends. */
export const cooperationModes = [
  'industrial-transfer',
  'joint-park',
  'enclave',
  'chain-collaboration',
  'innovation-cooperation',
  'factor-market-integration',
] as const;
export type CooperationMode = (typeof cooperationModes)[number];

/**
 * A timetable pair with no time: `no-direct-train` = both units have stations in the timetable source but no direct
 * train links them (a transfer may exist); `not-in-source` = a unit has no station in the source (unknown — never a
 * gap in service).
 */
export interface RailGap {
  readonly origin: string;
  readonly destination: string;
  readonly reason: 'no-direct-train' | 'not-in-source';
  readonly source: string;
}

/** Listed firms whose registered prefecture changed between consecutive panel years, aggregated to the units. */
export interface FirmRelocation {
  /** Analysis units (after walking up region parents); origin ≠ destination. */
  readonly origin: string;
  readonly destination: string;
  /** The firm's industry in the unit set's classification when it maps (else `null`), and its source section letter. */
  readonly industry: string | null;
  readonly section: string;
  /** Number of distinct firms. */
  readonly firms: number;
  /** Up to five examples: `firm_id name (year_from→year_to)`. */
  readonly examples: readonly string[];
}

export interface FirmRelocations {
  readonly source: string;
  /** The panel's first and last year. */
  readonly years: readonly [number, number];
  readonly moves: readonly FirmRelocation[];
  /** Caveats shown as they are (sample, registered seat, lower bounds). */
  readonly notes: readonly { readonly en: string; readonly zh: string }[];
}

/** Everything the planning parts read. */
export interface PlanningContext {
  readonly input: MetroAnalysisInput;
  readonly analysis: MetroAnalysis;
  /** Administrative parent of every unit (the jurisdiction above it, e.g. a city's province); `null` = top level. */
  readonly parents: Readonly<Record<string, string | null>>;
  /** Timetable pairs without a time (see {@link RailGap}); pairs in neither list have no timetable row at all. */
  readonly railGaps: readonly RailGap[];
  /** Firm relocations, or `null` when the metro's country has no firm panel. */
  readonly relocations: FirmRelocations | null;
  /** The date (or validity) of each timetable source the rail rows come from, as the data state it (`null`: not stated). */
  readonly timetables?: readonly { readonly source: string; readonly date: string | null }[];
}
