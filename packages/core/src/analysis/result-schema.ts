/**
 * The result document of {@link analyzeMetro}, defined once: a zod schema, from which come
 * - the TypeScript types of the result (`MetroAnalysis`, `Finding`, `LinkagePairs`, …; each `Result<typeof schema>`
 *   right after its schema, re-exported by ./types.ts under the names callers have always used; the part schemas
 *   stay private, only the whole document's schema is public);
 * - the runtime validation (`metroAnalysisSchema.safeParse(doc)`);
 * - the committed JSON Schema packages/data/schemas/metro-analysis.schema.json, written by
 *   packages/data/scripts/write-analysis-schema.ts from {@link metroAnalysisJsonSchemaText}; a test in
 *   packages/data/test/analysis fails when the file and the schema differ.
 *
 * Readonly: zod infers mutable objects and arrays, while a result is a value nobody should change (and the analysis
 * puts the caller's readonly arrays into it, e.g. `units`). `Result<S>` is therefore `z.output<S>` made readonly at
 * every depth by one small mapped type — the types read exactly as the hand-written readonly interfaces did.
 * Marking the schemas themselves `.readonly()` would do the same for the types but add `readOnly: true` all over
 * the JSON Schema (and freeze parsed copies at run time); the mapped type keeps the schema plain.
 *
 * The key order of each object is the key order of the JSON document and of the JSON Schema: keep it.
 */
import { z } from 'zod';
import type { MetroAnalysisOptions } from './options.ts';

/** `T` readonly at every depth: properties, arrays and tuples (primitives and `null` unchanged). */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** The result type a schema describes: its zod output, readonly at every depth. */
type Result<S extends z.ZodType> = DeepReadonly<z.output<S>>;

const num = z.number();
const numOrNull = z.number().nullable();
const int = z.number().int();
const matrix = z.array(z.array(num));
const matrixOrNull = z.array(z.array(numOrNull));
const record = z.record(z.string(), numOrNull);
const measure = z.enum(['employment', 'output']);

/** A text in English and Chinese (the shape of `LocalizedText`). */
const text = z.object({ en: z.string(), zh: z.string() });

const ringSchema = z.enum(['core', 'inner', 'outer']);
/** Rings of a metro: the core(s), the inner ring and the outer ring. */
export type Ring = Result<typeof ringSchema>;

const industryGroupSchema = z.enum([
  'primary',
  'production',
  'utilities-construction',
  'producer-services',
  'other-services',
  'secondary',
  'tertiary',
  'unknown',
]);
/**
 * Functional group of an industry, decided from its ISIC Rev.4 section (the bridge between classifications):
 * `primary` A–B; `production` C (manufacturing); `utilities-construction` D–F; `producer-services` J, K, M, N
 * (information and communication, finance, professional and scientific, administrative support — the
 * Duranton–Puga "management" functions); `other-services` every other section; `unknown` when unmapped.
 * The three-sector codes map to `primary` (I), `secondary` (II) and `tertiary` (III).
 */
export type IndustryGroup = Result<typeof industryGroupSchema>;

const sourcedValueSchema = z.object({
  value: num,
  unit: z.string(),
  year: int,
  source: z.string(),
  /** The publication vintage (`first`, `revised`, `final`, `single`) when the caller gives it. */
  vintage: z.string().optional(),
});
/** A number with where it comes from (overview indicators) and, when known, its vintage. */
export type SourcedValue = Result<typeof sourcedValueSchema>;

const absenceSchema = z.object({ what: z.string(), reason: text });
/** Why a value or a whole part is absent. */
export type Absence = Result<typeof absenceSchema>;

const pairRefSchema = z.object({ a: z.string(), b: z.string() });
/** A pair of units, `a < b` in the units' order. */
export type PairRef = Result<typeof pairRefSchema>;

const distanceKindNameSchema = z.enum(['rail-minutes', 'km']);
/** What a linkage's distance is measured in: scheduled rail minutes, or great-circle km as the fallback. */
export type DistanceKindName = Result<typeof distanceKindNameSchema>;

const pairTypeSchema = z.enum(['vertical', 'horizontal', 'mixed', 'competing', 'undetermined']);
/**
 * The cooperation type of a pair (Table 1 A): from a division of functions or chain stages (yes/no) and the same or
 * different traded specialisations; `undetermined` when there is no division and the table is too coarse to judge.
 */
export type PairType = Result<typeof pairTypeSchema>;

const severitySchema = z.enum(['high', 'medium', 'low', 'info']);
/** How much a finding matters. */
export type Severity = Result<typeof severitySchema>;

const findingKindSchema = z.enum([
  'homogeneous-competition',
  'hot-spots',
  'weak-complementarity',
  'chain-pairs',
  'missing-chain-link',
  'core-not-radiating',
  'flat-gradient',
  'plan-contradicted',
  'plan-not-testable',
  'homogenisation-rising',
  'data-gap',
  'core-ring-division',
  'most-similar-pair',
]);
/** What a finding is about (one kind per diagnosis rule; packages/core/src/analysis/findings/). */
export type FindingKind = Result<typeof findingKindSchema>;

const analysisUnitSchema = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  ring: ringSchema,
  /** Representative point (WGS84) for the great-circle fallback; `null` = unknown. */
  lon: numOrNull,
  lat: numOrNull,
});
/** One analysis unit (a row of the matrix). */
export type AnalysisUnit = Result<typeof analysisUnitSchema>;

const analysisIndustrySchema = z.object({
  code: z.string(),
  nameEn: z.string().nullable(),
  nameZh: z.string().nullable(),
  /** ISIC Rev.4 section(s) it maps to (through the crosswalks), sorted; empty = unmapped. */
  isicSections: z.array(z.string()),
});
/** One industry of the analysis classification (a column of the matrix). */
export type AnalysisIndustry = Result<typeof analysisIndustrySchema>;

const analysisGapSchema = z.object({
  unit: z.string(),
  industry: z.string().nullable(),
  what: z.string(),
  kind: z.string(),
  treatment: z.string(),
});
/** A cell of the matrix that was withheld or missing, and what the loader did with it. */
export type AnalysisGap = Result<typeof analysisGapSchema>;

const droppedSchema = z.object({
  /**
   * `gap-cells`: withheld or missing cells removed by dropping the unit (`industries` lists them); `no-data`: no
   * row for the year; `other-programme`: data only from another programme (`sources`); `zero-total`: all zero.
   */
  units: z.array(
    z.object({
      id: z.string(),
      nameEn: z.string(),
      nameZh: z.string().nullable(),
      reason: z.enum(['gap-cells', 'no-data', 'other-programme', 'zero-total']),
      industries: z.array(z.string()),
      sources: z.array(z.string()),
    }),
  ),
  /**
   * `gap-cells`: withheld or missing cells removed by dropping the industry (`units` lists where); `zero-in-every-unit`;
   * `not-published`: an industry of the classification's level that no unit has in the programme that year.
   */
  industries: z.array(
    z.object({
      code: z.string(),
      nameEn: z.string().nullable(),
      nameZh: z.string().nullable(),
      reason: z.enum(['gap-cells', 'zero-in-every-unit', 'not-published']),
      units: z.array(z.string()),
    }),
  ),
});
/** What the loader left out of the matrix, and why. */
export type DroppedInputs = Result<typeof droppedSchema>;

type ResolvedOptions = Required<MetroAnalysisOptions>;

/**
 * The resolved options of the run, every one of them (`Required<MetroAnalysisOptions>`; options.ts documents each).
 * The `satisfies` keeps this list and the `MetroAnalysisOptions` interface the same: a missing or extra option, or
 * one of another type, is a compile error.
 */
const resolvedOptionsSchema = z.object({
  advantageLq: num,
  strongLq: num,
  chainHigh: num,
  chainDirection: num,
  chainLow: num,
  functionalRatio: num,
  sameZ: num,
  minTradedIndustries: num,
  headlineFindings: num,
  nearProximity: num,
  planLq: num,
  gradientRatio: num,
  topLinks: num,
  leadingIndustries: num,
  keyInputCoefficient: num,
  missingShareRatio: num,
  gravityExponent: num,
  nearMinutes: num,
  farMinutes: num,
  nearKm: num,
  farKm: num,
  hotSpotMinUnits: num,
  trendRise: num,
  driverMissing: num,
  includeOwnIndustry: z.boolean(),
} satisfies { [K in keyof ResolvedOptions]: z.ZodType<ResolvedOptions[K]> });

const evidenceSchema = z.object({ measure: z.string(), units: z.array(z.string()), values: record });
/** Evidence of a finding: the measure, the units it was computed on, and the deciding values. */
export type Evidence = Result<typeof evidenceSchema>;

/**
 * One finding of kind `K` with its structured `data` (the numbers and ids its sentences are made from). `priority`
 * = effect × share of the activity concerned (each rule documents both; 0 for information without an effect size);
 * findings are ordered by priority, then id; `headline` marks the first `headlineFindings`. `title` and `detail`
 * are rendered from `data` by the one text layer (packages/core/src/text/findings-text.ts).
 */
const findingOf = <K extends string, D extends z.ZodRawShape>(kind: K, data: D) =>
  z.object({
    id: z.string(),
    kind: z.literal(kind),
    /** The documented rule that produced it (docs/methodology/from-measures-to-diagnosis.md, Findings). */
    rule: z.string().regex(/^F\d+$/),
    priority: num,
    headline: z.boolean(),
    data: z.object(data),
    title: text,
    detail: text,
    evidence: z.array(evidenceSchema),
    regions: z.array(z.string()),
    industries: z.array(z.string()),
  });

/** The member pairs of a grouped finding, as columns, the highest priority first. */
const findingPairsSchema = z.object({
  a: z.array(z.string()),
  b: z.array(z.string()),
  /** The pair's deciding number (the rule says which). */
  value: z.array(num),
  /** The pair's weight: (traded activity of a + of b) ÷ ((units − 1) × the metro's traded activity); all pairs sum to 1. */
  weight: z.array(num),
});
/** A group of pairs: how many of how many examined, their summed weight (`share`), the rule's threshold, the pairs. */
const pairGroupShape = { count: int, of: int, share: num, threshold: num, pairs: findingPairsSchema };

const findingSchema = z.discriminatedUnion('kind', [
  /** F1: pairs with the same traded specialisations and no division of functions or stages; value = traded z. */
  findingOf('homogeneous-competition', { ...pairGroupShape, sharedIndustries: z.array(z.object({ code: z.string(), pairs: int })) }),
  /** F2: traded advantage industries held by several units (one entry per industry, the highest priority first). */
  findingOf('hot-spots', {
    threshold: num,
    industries: z.array(
      z.object({
        industry: z.string(),
        units: z.array(z.string()),
        lq: z.array(num),
        meanLq: num,
        /** The holders' activity in the industry ÷ the metro's total activity. */
        share: num,
        /** Mean proximity score over the pairs of holders (0–1). */
        proximity: num,
        priority: num,
      }),
    ),
  }),
  /** F3: near pairs without a division whose traded specialisations hardly supply each other; value = chain ratio. */
  findingOf('weak-complementarity', { ...pairGroupShape, nearProximity: num, proximity: z.array(num) }),
  /** F4: pairs with chain stages (one unit's traded specialisations supply the other's); value = chain ratio. */
  findingOf('chain-pairs', {
    ...pairGroupShape,
    upstream: z.array(z.string()),
    links: z.array(z.object({ a: z.string(), b: z.string(), from: z.string(), to: z.string(), supplier: z.string(), buyer: z.string(), contribution: num })),
  }),
  /** F5: key inputs of a leading traded industry that the metro holds far less of, relative to the buyer, than the nation. */
  findingOf('missing-chain-link', {
    buyer: z.string(),
    buyerShare: num,
    basis: measure,
    threshold: num,
    inputs: z.array(z.object({ input: z.string(), coefficient: num, metroRatio: num, nationalRatio: num, relative: num })),
  }),
  /** F6: a ring unit's urban flow intensity exceeds every core unit's. */
  findingOf('core-not-radiating', { core: z.array(z.string()), coreUnit: z.string(), coreIntensity: num, top: z.string(), topIntensity: num, share: num }),
  /** F7: the core's tertiary share does not exceed every ring's. */
  findingOf('flat-gradient', { coreShare: num, rings: z.array(z.object({ ring: ringSchema, share: num })), threshold: num }),
  /** F8: stated positions of units (tested at the unit's own level) that the location quotients do not bear out. */
  findingOf('plan-contradicted', {
    count: int,
    of: int,
    threshold: num,
    positions: z.array(z.object({ unit: z.string(), industry: z.string(), lq: num, items: z.array(z.string()), verified: z.boolean() })),
  }),
  /** F8: positions stated for a region that is not itself a unit of the unit set (not testable at this level). */
  findingOf('plan-not-testable', { items: z.array(z.object({ id: z.string(), region: z.string(), unit: z.string() })) }),
  /** F9: the mean traded-structure similarity rose over the available years (`index`: the share of same pairs then and now). */
  findingOf('homogenisation-rising', {
    fromYear: int,
    from: num,
    toYear: int,
    to: num,
    rise: num,
    threshold: num,
    fromIndex: numOrNull,
    toIndex: numOrNull,
  }),
  /** F10: gaps in the input (shown, never filled). */
  findingOf('data-gap', { count: int, units: int, byKind: z.array(z.object({ kind: z.string(), treatment: z.string(), count: int })) }),
  /** F11: the core–ring division of functions, present or absent (aggregate FS of the core and of the ring). */
  findingOf('core-ring-division', {
    present: z.boolean(),
    core: z.array(z.string()),
    ring: z.array(z.string()),
    fsCore: num,
    fsRing: num,
    ratio: numOrNull,
    threshold: num,
    ringPairs: int,
    ringPairsWithDivision: int,
  }),
  /** F12: the pair with the most similar traded structures, unless it is a competing pair (F1 has it). */
  findingOf('most-similar-pair', {
    a: z.string(),
    b: z.string(),
    type: pairTypeSchema,
    tradedSimilarity: num,
    z: numOrNull,
    sameZ: num,
    same: z.boolean().nullable(),
    tradedIndustries: int,
    minTradedIndustries: int,
    meanTradedSimilarity: numOrNull,
  }),
]);
/** One diagnosis: a documented rule fired on the measures, with its structured data and evidence. */
export type Finding = Result<typeof findingSchema>;
/** The finding of one kind. */
export type FindingOf<K extends FindingKind> = Extract<Finding, { readonly kind: K }>;

const unitOverviewSchema = z.object({
  unit: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  ring: ringSchema,
  area: sourcedValueSchema.nullable(),
  population: sourcedValueSchema.nullable(),
  gdp: sourcedValueSchema.nullable(),
  /**
   * Published when its year and vintage are the GDP's, else GDP ÷ population when both have the same year and
   * vintage (`derived`); never parts of different years or vintages. `vintage` = the one vintage of its parts.
   */
  gdpPerCapita: sourcedValueSchema.extend({ vintage: z.string().nullable(), derived: z.boolean() }).nullable(),
  /** Sector shares (fractions): from three-sector value added, or from the analysis matrix (basis says which). */
  sectorShares: z
    .object({
      primary: num,
      secondary: num,
      tertiary: num,
      basis: z.enum(['value-added', 'analysis-matrix']),
      year: int,
      source: z.string(),
      /** The one vintage of the three parts (value added of one year, source and vintage); null when unknown. */
      vintage: z.string().nullable(),
    })
    .nullable(),
});
/** The overview indicators of one unit, as the result shows them (`null` = absent). */
export type UnitOverview = Result<typeof unitOverviewSchema>;

const ringGradientSchema = z.object({
  ring: ringSchema,
  units: z.array(z.string()),
  /** Aggregate tertiary share of the ring's units. */
  tertiaryShare: numOrNull,
  /** Producer services ÷ manufacturing (aggregate of the ring's units, analysis matrix). */
  servicesToManufacturing: numOrNull,
});
/** The tertiary share and services-to-manufacturing ratio of one ring. */
export type RingGradient = Result<typeof ringGradientSchema>;

const structurePartSchema = z.object({
  industries: z.array(z.string()),
  units: z.array(z.string()),
  /** Shares `s_ik` (rows units, columns industries). */
  composition: matrix,
  industryGroups: z.record(z.string(), industryGroupSchema),
  ringGradient: z.array(ringGradientSchema),
  /** `descending` when the core's tertiary share exceeds every ring's, else `flat-or-inverted`; null if unmeasurable. */
  gradientShape: z.enum(['descending', 'flat-or-inverted']).nullable(),
  functionalSpecialisation: z.object({ management: z.array(z.string()), production: z.array(z.string()), values: z.array(numOrNull) }).nullable(),
  industrialGradient: z.object({ classification: z.string(), industries: z.array(z.string()), values: matrixOrNull, note: z.string() }).nullable(),
  absent: z.array(absenceSchema),
});
/** The structure part: composition, industry groups, the core–periphery gradient, functional and industrial gradients. */
export type StructurePart = Result<typeof structurePartSchema>;

const specialisationPartSchema = z.object({
  reference: z.literal('metro'),
  lq: matrix,
  /** Traded advantage industries (LQ ≥ advantageLq; strong at ≥ strongLq) and, apart, local-serving ones above the threshold. */
  advantage: z.array(z.object({ unit: z.string(), industries: z.array(z.string()), strong: z.array(z.string()), local: z.array(z.string()) })),
  krugman: z.array(num),
  trend: z.array(z.object({ year: int, units: z.array(z.string()), krugman: z.array(num) })),
});
/** The specialisation part: location quotients, advantage industries, Krugman specialisation and its trend. */
export type SpecialisationPart = Result<typeof specialisationPartSchema>;

const pairColumnsSchema = z.object({
  /** Index into `units` of each pair's first and second unit (a < b). */
  a: z.array(int),
  b: z.array(int),
  /** Structural similarity S over all industries (UNIDO cosine, M3): reference only, not the verdict. */
  similarity: z.array(num),
  /** Krugman dissimilarity K over all industries (0–2, M2): reference only. */
  dissimilarity: z.array(num),
  /** Cosine similarity of the two traded share vectors (null: a unit without traded activity). */
  tradedSimilarity: z.array(numOrNull),
  /** How many standard deviations the traded similarity lies above the permutation null (null: undefined). */
  tradedZ: z.array(numOrNull),
  /** Jaccard overlap of the traded advantage sets (null: both empty). */
  tradedJaccard: z.array(numOrNull),
  /** Traded advantage industries both units have. */
  sharedTraded: z.array(z.array(z.string())),
  /** Same traded specialisations (tradedZ ≥ sameZ and a shared traded advantage); null = not judgeable. */
  same: z.array(z.boolean().nullable()),
});
/** The homogenisation measures of every pair, as columns (one array per measure). */
export type PairColumns = Result<typeof pairColumnsSchema>;

const homogenisationPartSchema = z.object({
  /** The traded/local mapping applied (./traded.ts) and whether the table is fine enough to judge homogeneity. */
  traded: z.object({
    industries: z.array(z.string()),
    local: z.array(z.string()),
    unclassified: z.array(z.string()),
    basis: z.enum(['table', 'isic-section']),
    judgeable: z.boolean(),
  }),
  pairs: pairColumnsSchema,
  /** Share of pairs with the same traded specialisations (null: not judgeable). */
  index: numOrNull,
  /** Mean traded-structure similarity over the pairs. */
  meanTradedSimilarity: numOrNull,
  /** The pair with the most similar traded structures, and whether it counts as the same. */
  mostSimilar: z.object({ a: z.string(), b: z.string(), tradedSimilarity: num, same: z.boolean().nullable() }).nullable(),
  /** Traded advantage industries held by several units, scored by the proximity of their holders. */
  hotSpots: z.array(z.object({ industry: z.string(), units: z.array(z.string()), score: num })),
  trend: z.array(z.object({ year: int, index: numOrNull, meanTradedSimilarity: numOrNull })),
  absent: z.array(absenceSchema),
});
/** The homogenisation part: traded mapping, pair measures, the metro's index, hot spots and the trend. */
export type HomogenisationPart = Result<typeof homogenisationPartSchema>;

const analysisChainLinkSchema = z.object({ supplier: z.string(), buyer: z.string(), contribution: num });
/** One supplier → buyer link of a pair's chain complementarity. */
export type AnalysisChainLink = Result<typeof analysisChainLinkSchema>;

const complementarityPairsSchema = z.object({
  /** Index into `units` of each pair's first and second unit (a < b). */
  a: z.array(int),
  b: z.array(int),
  /** `C_ab`: a's traded specialisations supply b's (the composite Σ LQ⁺ a LQ⁺). */
  composite: z.array(num),
  /** `C_ba`: b's supply a's. */
  reverse: z.array(num),
  /** The stronger direction's composite ÷ what its supplier specialisations sell to an average industry (1 = not targeted). */
  ratio: z.array(numOrNull),
});
/** The input–output chain complementarity of every pair, as columns. */
export type ComplementarityPairs = Result<typeof complementarityPairsSchema>;

const complementarityPartSchema = z.object({
  table: z.object({ id: z.string(), year: int, mapping: z.string(), source: z.string().nullable(), meanOffDiagonal: num }).nullable(),
  pairs: complementarityPairsSchema,
  /** The strongest supplier → buyer links of the pairs with a high ratio (strongest pairs first). */
  links: z.array(z.object({ a: z.string(), b: z.string(), from: z.string(), to: z.string(), ...analysisChainLinkSchema.shape })),
  leadingIndustries: z.array(z.string()),
  /** Inputs of the leading traded industries the metro holds less of, relative to their buyer, than the nation (F5). */
  missingLinks: z.array(z.object({ input: z.string(), buyer: z.string(), coefficient: num, metroRatio: num, nationalRatio: num, relative: num })),
  absent: z.array(absenceSchema),
});
/** The complementarity part: the IO table used, pair complementarity, leading industries and missing links. */
export type ComplementarityPart = Result<typeof complementarityPartSchema>;

const linkagePairsSchema = z.object({
  /** Index into `units` of each pair's first and second unit (a < b). */
  a: z.array(int),
  b: z.array(int),
  /** Gravity linkage R over the unit set's one impedance (`impedance.kind`); null without population, GDP or distance. */
  strength: z.array(numOrNull),
  /** Strength ÷ the metro's largest (0–1): a rank within the metro, never compared across metros. */
  normalised: z.array(numOrNull),
  /** Great-circle km between the representative points, and the scheduled rail minutes where the timetable has them. */
  km: z.array(numOrNull),
  railMinutes: z.array(numOrNull),
});
/** The gravity linkage of every pair, as columns. */
export type LinkagePairs = Result<typeof linkagePairsSchema>;

const linkagePartSchema = z.object({
  exponent: num,
  /**
   * The one impedance of gravity, membership and proximity: rail minutes only when every pair of units has them,
   * else great-circle km for every pair; `railPairs` of `pairs` have rail minutes; `reason` says why.
   */
  impedance: z.object({ kind: distanceKindNameSchema, railPairs: int, pairs: int, reason: text }),
  pairs: linkagePairsSchema,
  membership: z.array(z.object({ core: z.string(), shares: z.record(z.string(), num) })),
  urbanFlow: z.object({ sectors: z.array(z.string()), intensity: z.array(numOrNull), tendency: z.array(numOrNull) }).nullable(),
  accessibility: z.array(numOrNull).nullable(),
  absent: z.array(absenceSchema),
});
/** The linkage part: gravity linkage, membership degrees, urban flow intensity and accessibility. */
export type LinkagePart = Result<typeof linkagePartSchema>;

const typologyPartSchema = z.object({
  /** The thresholds the rules used (the options of the same names). */
  rules: z.object({ functionalRatio: num, chainHigh: num, chainDirection: num, sameZ: num, minTradedIndustries: num, gradientRatio: num }),
  /** Pairs of each type. */
  counts: z.object({ vertical: int, horizontal: int, mixed: int, competing: int, undetermined: int }),
  /** Every pair, as columns (the order of homogenisation.pairs). */
  pairs: z.object({
    a: z.array(int),
    b: z.array(int),
    type: z.array(pairTypeSchema),
    /** Functional division (FS of opposite signs and a services ÷ manufacturing ratio ≥ functionalRatio); null: no FS. */
    functional: z.array(z.boolean().nullable()),
    /** (1 + FS_high)/(1 + FS_low): the ratio of the two units' producer-service ÷ manufacturing employment. */
    functionalRatio: z.array(numOrNull),
    /** Chain stages (chain ratio ≥ chainHigh, one way by chainDirection); null: no IO table. */
    chainStages: z.array(z.boolean().nullable()),
    chainRatio: z.array(numOrNull),
    /** Index into `units` of the supplying unit when there are chain stages. */
    upstream: z.array(z.number().int().nullable()),
    /** The answer to "same or different traded specialisations?". */
    specialisation: z.array(z.enum(['same', 'different', 'neither', 'not-judgeable'])),
    /** Largest industrial-gradient ratio between the two (null: no gradient input). */
    gradientRatio: z.array(numOrNull),
    /** Suggested cooperation modes (Table 1 B), each from its own number. */
    modes: z.array(z.array(z.enum(['industrial-transfer', 'chain-collaboration', 'joint-park-or-enclave', 'innovation-cooperation']))),
  }),
});
/** The cooperation type of every pair, the two answers that decided it and the numbers behind them. */
export type TypologyPart = Result<typeof typologyPartSchema>;

const driverScoreSchema = z.object({ score: numOrNull, evidence: z.record(z.string(), z.union([num, z.string(), z.null()])) });
/** One driver's score (0–1, `null` = not measurable) and its evidence. */
export type DriverScore = Result<typeof driverScoreSchema>;

const driverSetSchema = z.object({
  proximity: driverScoreSchema,
  structure: driverScoreSchema,
  market: driverScoreSchema,
  government: driverScoreSchema.extend({ items: z.array(z.string()) }),
});
/** The four drivers of cooperation: proximity, structure, market and government. */
export type DriverSet = Result<typeof driverSetSchema>;

const driversPartSchema = z.object({
  /** Every pair's four scores as columns (0–1, null = not measurable); their evidence is in the parts they come from. */
  pairs: z.object({
    a: z.array(int),
    b: z.array(int),
    proximity: z.array(numOrNull),
    structure: z.array(numOrNull),
    market: z.array(numOrNull),
    government: z.array(numOrNull),
  }),
  metro: driverSetSchema,
  missing: z.array(z.enum(['proximity', 'structure', 'market', 'government'])),
  /** Drivers scored relative to the metro's own pairs: not comparable across metros, never listed as missing. */
  relative: z.array(z.object({ driver: z.enum(['proximity', 'structure', 'market', 'government']), reason: text })),
});
/** The drivers part: per pair, for the whole metro, and the drivers that are missing. */
export type DriversPart = Result<typeof driversPartSchema>;

const benchmarkBasisSchema = z.object({
  /** The compared quantity: `employment` or `output`. */
  indicator: z.string(),
  sourceIndicator: z.string(),
  /** `ISIC-4` after mapping through the crosswalks (else the source classification). */
  classification: z.string(),
  sourceClassification: z.string(),
  year: int,
  source: z.string(),
  unitSet: z.string(),
  level: z.string().nullable(),
  /** The level the units were summed from (e.g. `municipality`), or `null`. */
  aggregatedFrom: z.string().nullable(),
  units: int,
  coreUnits: int,
  ringUnits: int,
  sections: z.array(z.string()),
  /** Kept industry cells ÷ published totals of the kept units. */
  coverage: numOrNull,
  populationYear: int.nullable(),
  unmapped: z.array(
    z.object({
      kind: z.enum(['industry', 'unit']),
      code: z.string(),
      reason: z.enum(['no-isic-mapping', 'withheld', 'no-data']),
      value: numOrNull,
    }),
  ),
});

const benchmarkFiguresSchema = z.object({
  metro: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  /** What every figure of this metro is measured on. */
  basis: benchmarkBasisSchema,
  coreEmploymentShare: numOrNull,
  corePopulationShare: numOrNull,
  coreProducerServiceRatio: numOrNull,
  ringProducerServiceRatio: numOrNull,
  coreFunctionalSpecialisation: numOrNull,
  coreRingFunctionalRatio: numOrNull,
  ringPairs: int,
  ringPairsWithFunctionalDivision: numOrNull,
  ringTradedPairs: int,
  ringTradedSimilarity: numOrNull,
});
/** One metro on the comparison basis: the basis and the scale-aware figures (what {@link compareMetros} lines up). */
export type BenchmarkFigures = Result<typeof benchmarkFiguresSchema>;

const benchmarkPartSchema = z.object({
  subject: z.string().nullable(),
  /** The sections and thresholds used. */
  rule: z.object({
    yearTolerance: int,
    functionalGapRatio: num,
    producerServices: z.array(z.string()),
    manufacturing: z.array(z.string()),
    traded: z.array(z.string()),
    excluded: z.array(z.string()),
  }),
  metros: z.array(benchmarkFiguresSchema),
  /** The subject and the metros whose basis matches it (the only ones ranked). */
  ranked: z.array(z.string()),
  /** Why each other metro is not ranked. */
  notRanked: z.array(
    z.object({
      metro: z.string(),
      code: z.enum(['indicator', 'classification', 'year']),
      subjectValue: z.union([z.string(), int]),
      otherValue: z.union([z.string(), int]),
      text,
    }),
  ),
  comparisons: z.array(
    z.object({
      measure: z.string(),
      values: record,
      /** The subject's position among the ranked metros with a value (1 = highest), `null` when not ranked. */
      position: int.nullable(),
      of: int,
      /** Only when ranked. */
      statement: text.nullable(),
    }),
  ),
  notes: z.array(text),
});
/** The benchmark part: every metro with its basis and figures, rankings only between matching bases. */
export type BenchmarkPart = Result<typeof benchmarkPartSchema>;

/** The analysis of one metro: one versioned document. */
export const metroAnalysisSchema = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    generatedAt: z.string().optional().describe('Optional timestamp, kept apart so the rest is deterministic'),
    metro: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: z.string() }),
    unitSet: z.object({
      id: z.string(),
      indicator: z.string(),
      classification: z.string(),
      unit: z.string(),
      /** `employment` (persons) or `output` (value added, GDP): decides which measures apply. */
      measure,
      year: int,
      years: z.array(int),
      /** The one statistical programme (source id) of the matrix; null when the caller did not say. */
      source: z.string().nullable(),
      /** Units and industries left out of the matrix, each with its reason (never filled from elsewhere). */
      dropped: droppedSchema,
    }),
    units: z.array(analysisUnitSchema),
    industries: z.array(analysisIndustrySchema),
    options: resolvedOptionsSchema,
    overview: z.array(unitOverviewSchema),
    structure: structurePartSchema,
    specialisation: specialisationPartSchema,
    homogenisation: homogenisationPartSchema,
    complementarity: complementarityPartSchema,
    linkage: linkagePartSchema,
    typology: typologyPartSchema,
    drivers: driversPartSchema,
    benchmark: benchmarkPartSchema.nullable(),
    findings: z.array(findingSchema),
    gaps: z.array(analysisGapSchema),
    notes: z.array(text),
  })
  .strict()
  .describe('metrocoop metro cooperation analysis (analyzeMetro)');
/** The analysis of one metro: one versioned document (what {@link analyzeMetro} returns). */
export type MetroAnalysis = Result<typeof metroAnalysisSchema>;

/** The JSON Schema (draft 2020-12) generated from {@link metroAnalysisSchema}. */
export function metroAnalysisJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(metroAnalysisSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The committed schema file's text (stable key order from zod, 2-space indent, trailing newline). */
export function metroAnalysisJsonSchemaText(): string {
  return `${JSON.stringify(metroAnalysisJsonSchema(), null, 2)}\n`;
}
