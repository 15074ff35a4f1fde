/**
 * The result document of {@link analyzeMetro}, defined once: a zod schema, from which come
 * - the TypeScript types of the result (`MetroAnalysis`, `Finding`, `LinkagePair`, …; each `Result<typeof schema>`
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
const pair = pairRefSchema.shape;

const distanceKindNameSchema = z.enum(['rail-minutes', 'km']);
/** What a linkage's distance is measured in: scheduled rail minutes, or great-circle km as the fallback. */
export type DistanceKindName = Result<typeof distanceKindNameSchema>;

const pairTypeSchema = z.enum(['vertical', 'horizontal', 'mixed', 'competing']);
/** The cooperation type of a pair (the typology's decision tree). */
export type PairType = Result<typeof pairTypeSchema>;

const severitySchema = z.enum(['high', 'medium', 'low', 'info']);
/** How much a finding matters. */
export type Severity = Result<typeof severitySchema>;

const findingKindSchema = z.enum([
  'homogeneous-competition',
  'hot-spot-industry',
  'weak-complementarity',
  'missing-chain-link',
  'core-not-radiating',
  'flat-gradient',
  'plan-contradicted',
  'homogenisation-rising',
  'strong-chain-pair',
  'data-gap',
]);
/** What a finding is about (one kind per diagnosis rule family). */
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
  similarityHigh: num,
  dissimilarityLow: num,
  jaccardHigh: num,
  chainHigh: num,
  chainLow: num,
  functionalGap: num,
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

const findingSchema = z.object({
  id: z.string(),
  kind: findingKindSchema,
  severity: severitySchema,
  /** The documented rule that produced it (docs/methodology/from-measures-to-diagnosis.md). */
  rule: z.string().regex(/^F\d+$/),
  title: text,
  detail: text,
  evidence: z.array(evidenceSchema),
  regions: z.array(z.string()),
  industries: z.array(z.string()),
});
/** One diagnosis: a documented rule fired on the measures, with its evidence. */
export type Finding = Result<typeof findingSchema>;

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
  advantage: z.array(z.object({ unit: z.string(), industries: z.array(z.string()), strong: z.array(z.string()) })),
  krugman: z.array(num),
  trend: z.array(z.object({ year: int, units: z.array(z.string()), krugman: z.array(num) })),
});
/** The specialisation part: location quotients, advantage industries, Krugman specialisation and its trend. */
export type SpecialisationPart = Result<typeof specialisationPartSchema>;

const pairMeasureSchema = z.object({
  ...pair,
  similarity: num,
  dissimilarity: num,
  jaccard: numOrNull,
  sharedAdvantage: z.array(z.string()),
});
/** Structural similarity, Krugman dissimilarity and advantage overlap of one pair. */
export type PairMeasure = Result<typeof pairMeasureSchema>;

const homogenisationPartSchema = z.object({
  pairs: z.array(pairMeasureSchema),
  index: numOrNull,
  shareOfPairsAbove: numOrNull,
  hotSpots: z.array(z.object({ industry: z.string(), units: z.array(z.string()), score: num })),
  trend: z.array(z.object({ year: int, index: numOrNull, shareOfPairsAbove: numOrNull })),
});
/** The homogenisation part: pair measures, the metro's index, hot-spot industries and the trend. */
export type HomogenisationPart = Result<typeof homogenisationPartSchema>;

const analysisChainLinkSchema = z.object({ supplier: z.string(), buyer: z.string(), contribution: num });
/** One supplier → buyer link of a pair's chain complementarity. */
export type AnalysisChainLink = Result<typeof analysisChainLinkSchema>;

const complementarityPairSchema = z.object({
  ...pair,
  /** `C_ab` (a's specialisations supply b's) and `C_ba`: the composite Σ LQ⁺ a LQ⁺. */
  composite: z.tuple([num, num]),
  /** LQ⁺-weighted mean input coefficient between the two sets of specialisations, per direction. */
  meanCoefficient: z.tuple([numOrNull, numOrNull]),
  /** max(direction) ÷ the table's mean off-diagonal coefficient; ≥ `chainHigh` = high complementarity. */
  ratio: numOrNull,
  topLinks: z.array(z.object({ from: z.string(), to: z.string(), ...analysisChainLinkSchema.shape })),
});
/** The input–output chain complementarity of one pair. */
export type ComplementarityPair = Result<typeof complementarityPairSchema>;

const complementarityPartSchema = z.object({
  table: z.object({ id: z.string(), year: int, mapping: z.string(), meanOffDiagonal: num }).nullable(),
  pairs: z.array(complementarityPairSchema),
  leadingIndustries: z.array(z.string()),
  missingLinks: z.array(z.object({ input: z.string(), buyer: z.string(), coefficient: num, metroShare: num, nationalShare: num })),
  absent: z.array(absenceSchema),
});
/** The complementarity part: the IO table used, pair complementarity, leading industries and missing links. */
export type ComplementarityPart = Result<typeof complementarityPartSchema>;

const linkagePairSchema = z.object({
  ...pair,
  strength: numOrNull,
  /** Strength ÷ the metro's largest (0–1): a rank within this metro, not comparable across metros. */
  normalised: numOrNull,
  distance: numOrNull,
  distanceKind: distanceKindNameSchema.nullable(),
  km: numOrNull,
  railMinutes: numOrNull,
});
/** The gravity linkage of one pair and the distance it used. */
export type LinkagePair = Result<typeof linkagePairSchema>;

const linkagePartSchema = z.object({
  exponent: num,
  /**
   * The one impedance of gravity, membership and proximity: rail minutes only when every pair of units has them,
   * else great-circle km for every pair; `railPairs` of `pairs` have rail minutes; `reason` says why.
   */
  impedance: z.object({ kind: distanceKindNameSchema, railPairs: int, pairs: int, reason: text }),
  pairs: z.array(linkagePairSchema),
  membership: z.array(z.object({ core: z.string(), shares: z.record(z.string(), num) })),
  urbanFlow: z.object({ sectors: z.array(z.string()), intensity: z.array(numOrNull), tendency: z.array(numOrNull) }).nullable(),
  accessibility: z.array(numOrNull).nullable(),
  absent: z.array(absenceSchema),
});
/** The linkage part: gravity linkage, membership degrees, urban flow intensity and accessibility. */
export type LinkagePart = Result<typeof linkagePartSchema>;

const typologyPairSchema = z.object({
  ...pair,
  type: pairTypeSchema,
  /** The rule of the decision tree that fired (T1…T4). */
  rule: z.enum(['T1', 'T2', 'T3', 'T4']),
  thresholds: z.record(z.string(), num),
  numbers: record,
  reason: text,
  suggestedModes: z.array(z.enum(['industrial-transfer', 'chain-collaboration', 'joint-park-or-enclave', 'innovation-cooperation'])),
});
/** The cooperation type of one pair, the rule that decided it and the numbers it saw. */
export type TypologyPair = Result<typeof typologyPairSchema>;

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
  pairs: z.array(driverSetSchema.extend(pair)),
  metro: driverSetSchema,
  missing: z.array(z.enum(['proximity', 'structure', 'market', 'government'])),
  /** Drivers scored relative to the metro's own pairs: not comparable across metros, never listed as missing. */
  relative: z.array(z.object({ driver: z.enum(['proximity', 'structure', 'market', 'government']), reason: text })),
});
/** The drivers part: per pair, for the whole metro, and the drivers that are missing. */
export type DriversPart = Result<typeof driversPartSchema>;

const benchmarkFiguresSchema = z.object({
  metro: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  unitSet: z.string(),
  indicator: z.string(),
  classification: z.string(),
  measure,
  year: int,
  units: int,
  industries: int,
  homogenisationIndex: numOrNull,
  shareOfPairsAbove: numOrNull,
  meanDissimilarity: numOrNull,
  meanKrugman: numOrNull,
  coreTertiaryShare: numOrNull,
  coreFunctionalSpecialisation: numOrNull,
  meanChainRatio: numOrNull,
  pairTypes: z.object({ vertical: int, horizontal: int, mixed: int, competing: int }),
});
/** The comparable headline figures of one metro (what {@link compareMetros} lines up). */
export type BenchmarkFigures = Result<typeof benchmarkFiguresSchema>;

const benchmarkPartSchema = z.object({
  metros: z.array(benchmarkFiguresSchema),
  comparisons: z.array(
    z.object({
      measure: z.string(),
      subject: z.string(),
      values: record,
      /** Subject ÷ each other metro. */
      ratios: record,
      /** 1 = highest. */
      position: int.nullable(),
      statement: text,
    }),
  ),
  caveats: z.array(text),
});
/** The benchmark part: the compared metros' figures, comparisons with statements, caveats. */
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
    typology: z.array(typologyPairSchema),
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
