/**
 * The input and the result of {@link analyzeMetro}. The input is plain data (matrices and tables, no I/O), written
 * here as interfaces. The result is one plain JSON-ready document (numbers, strings, `null` for an absent value with
 * its reason listed) whose types are derived from its zod schema in ./result-schema.ts — the one definition, which
 * also generates the JSON Schema packages/data/schemas/metro-analysis.schema.json — and re-exported here.
 */
import type { LocalizedText } from '../errors/metro-error.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { CooperationMode } from '../planning/types.ts';
import type { BenchmarkBasis } from './benchmark.ts';
import type { AnalysisGap, AnalysisIndustry, AnalysisUnit, MetroAnalysis, SourcedValue } from './result-schema.ts';

export type {
  Absence,
  AnalysisChainLink,
  AnalysisGap,
  AnalysisIndustry,
  AnalysisUnit,
  BenchmarkFigures,
  BenchmarkPart,
  ComplementarityPairs,
  ComplementarityPart,
  DistanceKindName,
  DriverScore,
  DriverSet,
  DriversPart,
  DroppedInputs,
  Evidence,
  Finding,
  FindingKind,
  HomogenisationPart,
  IndustryGroup,
  LinkagePairs,
  LinkagePart,
  MetroAnalysis,
  PairColumns,
  PairRef,
  PairType,
  Ring,
  RingGradient,
  Severity,
  SourcedValue,
  SpecialisationPart,
  StructurePart,
  TypologyPart,
  UnitOverview,
} from './result-schema.ts';

/** The overview indicators of one unit (any may be absent). */
export interface OverviewInput {
  readonly unit: string;
  readonly area?: SourcedValue;
  readonly population?: SourcedValue;
  readonly gdp?: SourcedValue;
  readonly gdpPerCapita?: SourcedValue;
  /** Value added by three sectors (codes I, II, III), same year and unit. */
  readonly sectorValueAdded?: {
    readonly I: number;
    readonly II: number;
    readonly III: number;
    readonly unit: string;
    readonly year: number;
    readonly source: string;
    /** The one vintage of the three values. */
    readonly vintage?: string;
  };
}

/** A national input–output table already mapped to the analysis classification. */
export interface AnalysisInputOutput {
  readonly id: string;
  readonly year: number;
  /** Technical coefficients `a_kl` (rows supplier k, columns buyer l) over `industries`, row-major. */
  readonly industries: readonly string[];
  readonly coefficients: Float64Array;
  /** Gross output `x_l` over `industries` (the table's unit). */
  readonly output: Float64Array;
  /** How it was mapped (crosswalk path, splits). */
  readonly mapping: string;
  /** The table's entry in the source list (`io_tables.source`), when known. */
  readonly source?: string;
}

/** A scheduled travel time between two units (either direction). */
export interface AnalysisTravelTime {
  readonly origin: string;
  readonly destination: string;
  readonly minutes: number;
  readonly mode: string;
  readonly source: string;
}

/** A knowledge-base item (plans, positions, mechanisms, projects) resolved to the analysis units. */
export interface AnalysisKnowledgeItem {
  readonly id: string;
  readonly kind: 'positioning' | 'plan' | 'project' | 'mechanism';
  /** The analysis unit it concerns (after walking up region parents), or `null` for the whole metro. */
  readonly unit: string | null;
  /**
   * The region the item itself is about (before walking up), when known: a position is tested only when this region
   * is itself a unit (`region === unit`); a city's position inside a province unit is "not testable at this level".
   * Absent = the item is about `unit` itself.
   */
  readonly region?: string | null;
  readonly year: number | null;
  readonly textEn: string | null;
  readonly textZh: string | null;
  /** Industry codes of the analysis classification it names (already mapped). */
  readonly industries: readonly string[];
  readonly verified: boolean;
  readonly source: string;
  /** For `project` items: the cooperation modes (methods.md Table 1 B) the project is an example of, tagged from its text. */
  readonly modes?: readonly CooperationMode[];
}

/** Output and employment on the same units and industries (for the industrial gradient coefficient). */
export interface GradientInput {
  readonly output: RegionIndustryMatrix;
  readonly employment: RegionIndustryMatrix;
  readonly classification: string;
  readonly note: string;
}

/** What {@link analyzeMetro} takes. Every unit of `units` must be a row of `matrix` and vice versa. */
export interface MetroAnalysisInput {
  readonly metro: MetroAnalysis['metro'];
  /** The unit set; `measure` (`employment` or `output`) decides which measures apply. */
  readonly unitSet: Omit<MetroAnalysis['unitSet'], 'year' | 'years' | 'source' | 'dropped'> & Partial<Pick<MetroAnalysis['unitSet'], 'source' | 'dropped'>>;
  readonly year: number;
  readonly units: readonly AnalysisUnit[];
  readonly industries: readonly AnalysisIndustry[];
  /** The unit set's region × industry matrix for `year`. */
  readonly matrix: RegionIndustryMatrix;
  /** The same unit set in earlier years (any subset of units/industries), for change over time. */
  readonly earlier?: readonly { readonly year: number; readonly matrix: RegionIndustryMatrix }[];
  readonly overview?: readonly OverviewInput[];
  readonly inputOutput?: AnalysisInputOutput;
  readonly gradient?: GradientInput;
  readonly travelTimes?: readonly AnalysisTravelTime[];
  readonly knowledge?: readonly AnalysisKnowledgeItem[];
  readonly gaps?: readonly AnalysisGap[];
  /** Notes of the loader (vintage choices, programmes, caveats), shown as they are. */
  readonly notes?: readonly LocalizedText[];
  /**
   * The benchmark: this metro's basis first, then the other metros' (./benchmark.ts; read by the data package's
   * `loadBenchmarkBasis`). Without it, or with only the subject, `benchmark` is `null`.
   */
  readonly benchmark?: readonly BenchmarkBasis[];
}
