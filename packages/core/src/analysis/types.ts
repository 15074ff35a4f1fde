/**
 * The input and the result of {@link analyzeMetro}. The input is plain data (matrices and tables, no I/O); the
 * result is one plain JSON-ready document (numbers, strings, `null` for an absent value with its reason listed),
 * described by the JSON Schema packages/data/schemas/metro-analysis.schema.json.
 */
import type { LocalizedText } from '../errors/metro-error.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import type { MetroAnalysisOptions } from './options.ts';

/** Rings of a metro: the core(s), the inner ring and the outer ring. */
export type Ring = 'core' | 'inner' | 'outer';

/**
 * Functional group of an industry, decided from its ISIC Rev.4 section (the bridge between classifications):
 * `primary` A–B; `production` C (manufacturing); `utilities-construction` D–F; `producer-services` J, K, M, N
 * (information and communication, finance, professional and scientific, administrative support — the
 * Duranton–Puga "management" functions); `other-services` every other section; `unknown` when unmapped.
 * The three-sector codes map to `primary` (I), `secondary` (II) and `tertiary` (III).
 */
export type IndustryGroup = 'primary' | 'production' | 'utilities-construction' | 'producer-services' | 'other-services' | 'secondary' | 'tertiary' | 'unknown';

/** One analysis unit (a row of the matrix). */
export interface AnalysisUnit {
  readonly id: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly ring: Ring;
  /** Representative point (WGS84) for the great-circle fallback; `null` = unknown. */
  readonly lon: number | null;
  readonly lat: number | null;
}

/** One industry of the analysis classification (a column of the matrix). */
export interface AnalysisIndustry {
  readonly code: string;
  readonly nameEn: string | null;
  readonly nameZh: string | null;
  /** ISIC Rev.4 section(s) it maps to (through the crosswalks), sorted; empty = unmapped. */
  readonly isicSections: readonly string[];
}

/** A number with where it comes from (overview indicators). */
export interface SourcedValue {
  readonly value: number;
  readonly unit: string;
  readonly year: number;
  readonly source: string;
}

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
  readonly year: number | null;
  readonly textEn: string | null;
  readonly textZh: string | null;
  /** Industry codes of the analysis classification it names (already mapped). */
  readonly industries: readonly string[];
  readonly verified: boolean;
  readonly source: string;
}

/** A cell of the matrix that was withheld or missing, and what the loader did with it. */
export interface AnalysisGap {
  readonly unit: string;
  readonly industry: string | null;
  readonly what: string;
  readonly kind: string;
  readonly treatment: string;
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
  readonly metro: { readonly id: string; readonly nameEn: string; readonly nameZh: string; readonly country: string };
  readonly unitSet: {
    readonly id: string;
    readonly indicator: string;
    readonly classification: string;
    readonly unit: string;
    /** `employment` (persons) or `output` (value added, GDP): decides which measures apply. */
    readonly measure: 'employment' | 'output';
  };
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
  /** Results of other metros to benchmark against (their own `benchmark` part is ignored). */
  readonly benchmarks?: readonly MetroAnalysis[];
}

/** Why a value or a whole part is absent. */
export interface Absence {
  readonly what: string;
  readonly reason: LocalizedText;
}

/** A pair of units, `a < b` in the units' order. */
export interface PairRef {
  readonly a: string;
  readonly b: string;
}

export type DistanceKindName = 'rail-minutes' | 'km';

export type PairType = 'vertical' | 'horizontal' | 'mixed' | 'competing';

export type Severity = 'high' | 'medium' | 'low' | 'info';

export type FindingKind =
  | 'homogeneous-competition'
  | 'hot-spot-industry'
  | 'weak-complementarity'
  | 'missing-chain-link'
  | 'core-not-radiating'
  | 'flat-gradient'
  | 'plan-contradicted'
  | 'homogenisation-rising'
  | 'strong-chain-pair'
  | 'data-gap';

/** Evidence of a finding: the measure, the units it was computed on, and the deciding values. */
export interface Evidence {
  readonly measure: string;
  readonly units: readonly string[];
  readonly values: Readonly<Record<string, number | null>>;
}

export interface Finding {
  readonly id: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** The documented rule that produced it (docs/methodology/from-measures-to-diagnosis.md). */
  readonly rule: string;
  readonly title: LocalizedText;
  readonly detail: LocalizedText;
  readonly evidence: readonly Evidence[];
  readonly regions: readonly string[];
  readonly industries: readonly string[];
}

export interface UnitOverview {
  readonly unit: string;
  readonly nameEn: string;
  readonly nameZh: string | null;
  readonly ring: Ring;
  readonly area: SourcedValue | null;
  readonly population: SourcedValue | null;
  readonly gdp: SourcedValue | null;
  readonly gdpPerCapita: (SourcedValue & { readonly derived: boolean }) | null;
  /** Sector shares (fractions): from three-sector value added, or from the analysis matrix (basis says which). */
  readonly sectorShares: {
    readonly primary: number;
    readonly secondary: number;
    readonly tertiary: number;
    readonly basis: 'value-added' | 'analysis-matrix';
    readonly year: number;
    readonly source: string;
  } | null;
}

export interface RingGradient {
  readonly ring: Ring;
  readonly units: readonly string[];
  /** Aggregate tertiary share of the ring's units. */
  readonly tertiaryShare: number | null;
  /** Producer services ÷ manufacturing (aggregate of the ring's units, analysis matrix). */
  readonly servicesToManufacturing: number | null;
}

export interface StructurePart {
  readonly industries: readonly string[];
  readonly units: readonly string[];
  /** Shares `s_ik` (rows units, columns industries). */
  readonly composition: readonly (readonly number[])[];
  readonly industryGroups: Readonly<Record<string, IndustryGroup>>;
  readonly ringGradient: readonly RingGradient[];
  /** `descending` when the core's tertiary share exceeds every ring's, else `flat-or-inverted`; null if unmeasurable. */
  readonly gradientShape: 'descending' | 'flat-or-inverted' | null;
  readonly functionalSpecialisation: {
    readonly management: readonly string[];
    readonly production: readonly string[];
    readonly values: readonly (number | null)[];
  } | null;
  readonly industrialGradient: {
    readonly classification: string;
    readonly industries: readonly string[];
    readonly values: readonly (readonly (number | null)[])[];
    readonly note: string;
  } | null;
  readonly absent: readonly Absence[];
}

export interface SpecialisationPart {
  readonly reference: 'metro';
  readonly lq: readonly (readonly number[])[];
  readonly advantage: readonly { readonly unit: string; readonly industries: readonly string[]; readonly strong: readonly string[] }[];
  readonly krugman: readonly number[];
  readonly trend: readonly { readonly year: number; readonly units: readonly string[]; readonly krugman: readonly number[] }[];
}

export interface PairMeasure extends PairRef {
  readonly similarity: number;
  readonly dissimilarity: number;
  readonly jaccard: number | null;
  readonly sharedAdvantage: readonly string[];
}

export interface HomogenisationPart {
  readonly pairs: readonly PairMeasure[];
  readonly index: number | null;
  readonly shareOfPairsAbove: number | null;
  readonly hotSpots: readonly { readonly industry: string; readonly units: readonly string[]; readonly score: number }[];
  readonly trend: readonly { readonly year: number; readonly index: number | null; readonly shareOfPairsAbove: number | null }[];
}

export interface AnalysisChainLink {
  readonly supplier: string;
  readonly buyer: string;
  readonly contribution: number;
}

export interface ComplementarityPair extends PairRef {
  /** `C_ab` (a's specialisations supply b's) and `C_ba`: the composite Σ LQ⁺ a LQ⁺. */
  readonly composite: readonly [number, number];
  /** LQ⁺-weighted mean input coefficient between the two sets of specialisations, per direction. */
  readonly meanCoefficient: readonly [number | null, number | null];
  /** max(direction) ÷ the table's mean off-diagonal coefficient; ≥ `chainHigh` = high complementarity. */
  readonly ratio: number | null;
  readonly topLinks: readonly (AnalysisChainLink & { readonly from: string; readonly to: string })[];
}

export interface ComplementarityPart {
  readonly table: { readonly id: string; readonly year: number; readonly mapping: string; readonly meanOffDiagonal: number } | null;
  readonly pairs: readonly ComplementarityPair[];
  readonly leadingIndustries: readonly string[];
  readonly missingLinks: readonly {
    readonly input: string;
    readonly buyer: string;
    readonly coefficient: number;
    readonly metroShare: number;
    readonly nationalShare: number;
  }[];
  readonly absent: readonly Absence[];
}

export interface LinkagePair extends PairRef {
  readonly strength: number | null;
  /** Strength ÷ the metro's largest (0–1), comparable only among pairs of the same distance kind. */
  readonly normalised: number | null;
  readonly distance: number | null;
  readonly distanceKind: DistanceKindName | null;
  readonly km: number | null;
  readonly railMinutes: number | null;
}

export interface LinkagePart {
  readonly exponent: number;
  readonly pairs: readonly LinkagePair[];
  readonly membership: readonly { readonly core: string; readonly shares: Readonly<Record<string, number>> }[];
  readonly urbanFlow: {
    readonly sectors: readonly string[];
    readonly intensity: readonly (number | null)[];
    readonly tendency: readonly (number | null)[];
  } | null;
  readonly accessibility: readonly (number | null)[] | null;
  readonly absent: readonly Absence[];
}

export interface TypologyPair extends PairRef {
  readonly type: PairType;
  /** The rule of the decision tree that fired (T1…T4). */
  readonly rule: string;
  readonly thresholds: Readonly<Record<string, number>>;
  readonly numbers: Readonly<Record<string, number | null>>;
  readonly reason: LocalizedText;
  readonly suggestedModes: readonly string[];
}

export interface DriverScore {
  readonly score: number | null;
  readonly evidence: Readonly<Record<string, number | string | null>>;
}

export interface DriverSet {
  readonly proximity: DriverScore;
  readonly structure: DriverScore;
  readonly market: DriverScore;
  readonly government: DriverScore & { readonly items: readonly string[] };
}

export interface DriversPart {
  readonly pairs: readonly (PairRef & DriverSet)[];
  readonly metro: DriverSet;
  readonly missing: readonly string[];
}

/** The comparable headline figures of one metro (what {@link compareMetros} lines up). */
export interface BenchmarkFigures {
  readonly metro: string;
  readonly nameEn: string;
  readonly nameZh: string;
  readonly unitSet: string;
  readonly indicator: string;
  readonly classification: string;
  readonly measure: 'employment' | 'output';
  readonly year: number;
  readonly units: number;
  readonly industries: number;
  readonly homogenisationIndex: number | null;
  readonly shareOfPairsAbove: number | null;
  readonly meanDissimilarity: number | null;
  readonly meanKrugman: number | null;
  readonly coreTertiaryShare: number | null;
  readonly coreFunctionalSpecialisation: number | null;
  readonly meanChainRatio: number | null;
  readonly pairTypes: Readonly<Record<PairType, number>>;
}

export interface BenchmarkPart {
  readonly metros: readonly BenchmarkFigures[];
  readonly comparisons: readonly {
    readonly measure: string;
    readonly subject: string;
    readonly values: Readonly<Record<string, number | null>>;
    /** Subject ÷ each other metro. */
    readonly ratios: Readonly<Record<string, number | null>>;
    /** 1 = highest. */
    readonly position: number | null;
    readonly statement: LocalizedText;
  }[];
  readonly caveats: readonly LocalizedText[];
}

/** The analysis of one metro: one versioned document. */
export interface MetroAnalysis {
  readonly schemaVersion: string;
  readonly metro: MetroAnalysisInput['metro'];
  readonly unitSet: MetroAnalysisInput['unitSet'] & { readonly year: number; readonly years: readonly number[] };
  readonly units: readonly AnalysisUnit[];
  readonly industries: readonly AnalysisIndustry[];
  readonly options: Required<MetroAnalysisOptions>;
  readonly overview: readonly UnitOverview[];
  readonly structure: StructurePart;
  readonly specialisation: SpecialisationPart;
  readonly homogenisation: HomogenisationPart;
  readonly complementarity: ComplementarityPart;
  readonly linkage: LinkagePart;
  readonly typology: readonly TypologyPair[];
  readonly drivers: DriversPart;
  readonly benchmark: BenchmarkPart | null;
  readonly findings: readonly Finding[];
  readonly gaps: readonly AnalysisGap[];
  readonly notes: readonly LocalizedText[];
}
