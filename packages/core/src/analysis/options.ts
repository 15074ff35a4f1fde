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
  /**
   * Chain ratio (over traded industries) at or above which one unit's specialisations are targeted suppliers of the
   * other's: they sell to them at least this multiple of what they sell to an average industry. Default 2.
   */
  readonly chainHigh?: number;
  /**
   * A chain link is a division of stages only when it runs one way: the stronger direction's composite is at least
   * this multiple of the other's. Default 2 (two units with the same specialisations supply each other equally:
   * that is duplication, not a division of stages).
   */
  readonly chainDirection?: number;
  /** Chain ratio below which a pair's complementarity is weak. Default 1. */
  readonly chainLow?: number;
  /**
   * Functional division (功能分工): the more service-led unit is HQ/producer-service-led against the metro (FS > 0;
   * Duranton & Puga 2005) and the ratio of the two units' producer-service ÷ manufacturing employment is at least
   * this. Default 2 (赵勇、白永秀 2012 read a core–periphery ratio "far from 1"; a factor of two is our documented
   * reading of "far").
   */
  readonly functionalRatio?: number;
  /**
   * One-sided critical value of the permutation test of traded-structure similarity (Hoeffding 1951): a pair's
   * traded structures are "the same" only when their similarity lies this many standard deviations above what a
   * random arrangement of the same shares gives. Default 1.645 (5 %).
   */
  readonly sameZ?: number;
  /**
   * Fewer traded industries than this and homogeneity cannot be judged (three sectors, a handful of sections): the
   * result says "not judgeable" instead of calling every pair homogeneous. Default 6 (section tables have 7–10
   * traded sections; see the methodology page for why not ten).
   */
  readonly minTradedIndustries?: number;
  /**
   * At most this many findings in the headline list (`headline: true`, the highest priorities), whatever the number
   * of units; the full list stays in the JSON. Default 12 (a page a planner reads in two minutes; issue 8).
   */
  readonly headlineFindings?: number;
  /**
   * Proximity score (§6 of the methodology: 1 at the near threshold, 0 at the far one) at or above which a pair counts
   * as near for the weak-complementarity finding (F3). Default 0.5: the midpoint, 120 rail minutes or 200 km with
   * the default near/far thresholds (Table 1 D: core-adjacent ≤ 1 h, intra-metro beyond).
   */
  readonly nearProximity?: number;
  /**
   * Location quotient below which a unit's stated position in an industry is not borne out by the data (F8).
   * Default 1: below 1 the unit holds a smaller share of the industry than of the metro's activity (Isard 1960).
   */
  readonly planLq?: number;
  /** Industrial-gradient ratio (larger ÷ smaller, any industry) at or above which a pair has a gradient gap. Default 2 (M6). */
  readonly gradientRatio?: number;
  /** Number of supplier → buyer links kept per pair. Default 5. */
  readonly topLinks?: number;
  /** Number of the metro's leading industries (by size) checked for missing inputs. Default 3. */
  readonly leadingIndustries?: number;
  /** Input coefficient at or above which an input is "key" for a leading industry. Default 0.05. */
  readonly keyInputCoefficient?: number;
  /**
   * A key input of a leading traded industry is missing (F5) when the metro's input-to-buyer ratio (their two totals
   * in the unit set's own indicator) is below this fraction of the national input-to-buyer ratio (their national
   * gross outputs): like with like, the metro's size and the indicator's scale cancel. Default 0.5 (half the
   * national proportion).
   */
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
  chainHigh: 2,
  chainDirection: 2,
  chainLow: 1,
  functionalRatio: 2,
  sameZ: 1.645,
  minTradedIndustries: 6,
  headlineFindings: 12,
  nearProximity: 0.5,
  planLq: 1,
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
export const metroAnalysisSchemaVersion = '2.0.0';
