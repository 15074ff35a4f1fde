/**
 * Options of {@link analyzeMetro}: every threshold of every rule, with its default and where the default comes
 * from (docs/spec/methods.md; docs/methodology/from-measures-to-diagnosis.md explains each).
 */

/** Thresholds and switches of the analysis. All optional; {@link defaultMetroAnalysisOptions} fills them. */
export interface MetroAnalysisOptions {
  /** LQ at or above which an industry is a unit's advantage industry. Default 1.25 ("clear specialisation", M1). */
  readonly advantageLq?: number;
  /** LQ at or above which an advantage is "strong" (cluster candidate). Default 1.5 (M1, M13 duplication count). */
  readonly strongLq?: number;
  /** Structural similarity at or above which a pair is homogeneous (同构). Default 0.9 (M3). */
  readonly similarityHigh?: number;
  /** Krugman dissimilarity (0–2) below which a pair is homogeneous. Default 0.3 (M2). */
  readonly dissimilarityLow?: number;
  /** Jaccard overlap of advantage sets at or above which a pair is homogeneous. Default 0.5 (M13). */
  readonly jaccardHigh?: number;
  /** Chain-complementarity ratio at or above which a pair's IO complementarity is high. Default 1.5. */
  readonly chainHigh?: number;
  /** Chain ratio below which a pair's complementarity is weak. Default 1. */
  readonly chainLow?: number;
  /** |FS_a − FS_b| at or above which a pair has a functional (core/periphery) gap. Default 0.5 (M5 sign split). */
  readonly functionalGap?: number;
  /** Industrial-gradient ratio (larger ÷ smaller, any industry) at or above which a pair has a gradient gap. Default 2 (M6). */
  readonly gradientRatio?: number;
  /** Number of supplier → buyer links kept per pair. Default 5. */
  readonly topLinks?: number;
  /** Number of the metro's leading industries (by size) checked for missing inputs. Default 3. */
  readonly leadingIndustries?: number;
  /** Input coefficient at or above which an input is "key" for a leading industry. Default 0.05. */
  readonly keyInputCoefficient?: number;
  /** An input is missing when the metro's share of it is below this fraction of its national output share. Default 0.5. */
  readonly missingShareRatio?: number;
  /** Gravity distance-decay exponent b. Default 2 (M7). */
  readonly gravityExponent?: number;
  /** Rail minutes at or below which a pair is "near" (≤ 1 h commuting, Table 1 D). Default 60. */
  readonly nearMinutes?: number;
  /** Rail minutes at or above which a pair is "far". Default 180. */
  readonly farMinutes?: number;
  /** Great-circle km at or below which a pair is near (when no rail time). Default 100. */
  readonly nearKm?: number;
  /** Great-circle km at or above which a pair is far. Default 300. */
  readonly farKm?: number;
  /** Minimum number of units sharing an advantage industry for it to be a hot spot. Default 2. */
  readonly hotSpotMinUnits?: number;
  /** Rise of the homogenisation index over the years that counts as a rising trend. Default 0.02. */
  readonly trendRise?: number;
  /** Driver score below which a driver counts as missing. Default 0.25. */
  readonly driverMissing?: number;
  /** Include industry k's purchases from itself (a_kk) in chain complementarity. Default false (counted as homogeneity). */
  readonly includeOwnIndustry?: boolean;
}

/** Defaults of {@link MetroAnalysisOptions}. */
export const defaultMetroAnalysisOptions = {
  advantageLq: 1.25,
  strongLq: 1.5,
  similarityHigh: 0.9,
  dissimilarityLow: 0.3,
  jaccardHigh: 0.5,
  chainHigh: 1.5,
  chainLow: 1,
  functionalGap: 0.5,
  gradientRatio: 2,
  topLinks: 5,
  leadingIndustries: 3,
  keyInputCoefficient: 0.05,
  missingShareRatio: 0.5,
  gravityExponent: 2,
  nearMinutes: 60,
  farMinutes: 180,
  nearKm: 100,
  farKm: 300,
  hotSpotMinUnits: 2,
  trendRise: 0.02,
  driverMissing: 0.25,
  includeOwnIndustry: false,
} as const satisfies Required<MetroAnalysisOptions>;

/** The version of the result document; bump the major on a breaking change of its shape. */
export const metroAnalysisSchemaVersion = '1.0.0';
