/**
 * The result document of {@link findOpportunities} (./opportunities.ts), defined once as a zod schema: the
 * TypeScript types (`OpportunitiesPart`, `Opportunity`, `ModeDecision`, …, readonly at every depth) and the runtime
 * validation (`opportunitiesPartSchema.safeParse(doc)`) come from it. Plain JSON: numbers, strings, booleans and
 * `null` for an absent value (with its reason listed); the key order of each object is the key order of the document.
 *
 * docs/methodology/planning-opportunities.md explains every field and rule.
 */
import { z } from 'zod';
import { cooperationModes } from './types.ts';

type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Result<S extends z.ZodType> = DeepReadonly<z.output<S>>;

const num = z.number();
const numOrNull = z.number().nullable();
const int = z.number().int();
const text = z.object({ en: z.string(), zh: z.string() });

const modeSchema = z.enum(cooperationModes);

const exampleSchema = z.object({
  /** Knowledge-base item id. */
  id: z.string(),
  /** The analysis unit the item concerns (one of the pair). */
  unit: z.string(),
  year: int.nullable(),
  textEn: z.string().nullable(),
  textZh: z.string().nullable(),
  source: z.string(),
  verified: z.boolean(),
});
/** A real project of the knowledge base tagged with the mode, in one of the pair's units (never invented). */
export type ModeExample = Result<typeof exampleSchema>;

const modeDecisionSchema = z.object({
  mode: modeSchema,
  /** The documented rule (O1–O6, docs/methodology/planning-opportunities.md). */
  rule: z.string().regex(/^O\d+$/),
  /** Direction where the mode has one: origin → destination, supplier → buyer unit, R&D → production unit, operator → host. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The numbers that decided it (names as in the rule), `null` = not needed by this branch of the rule. */
  values: z.record(z.string(), numOrNull),
  /** The thresholds they were compared with (the options of the same names). */
  thresholds: z.record(z.string(), num),
  examples: z.array(exampleSchema),
});
/** A recommended mode with the numbers and thresholds that decided it and the real examples of it. */
export type ModeDecision = Result<typeof modeDecisionSchema>;

const undecidedSchema = z.object({ mode: modeSchema, reason: text });
/** A mode that could not be decided for a pair (a number it needs is missing), with the reason. */
export type UndecidedMode = Result<typeof undecidedSchema>;

const chainLinkSchema = z.object({
  from: z.string(),
  to: z.string(),
  supplier: z.string(),
  buyer: z.string(),
  /** LQ⁺_from,supplier · a_supplier,buyer · LQ⁺_to,buyer (analysis.complementarity.links). */
  contribution: num,
  /** contribution ÷ the pair's chain complementarity in both directions (C_ab + C_ba). */
  share: numOrNull,
});
/** A supplier → buyer link of the pair's IO chain complementarity behind an opportunity. */
export type OpportunityChainLink = Result<typeof chainLinkSchema>;

const opportunitySchema = z.object({
  /** `kind:from>to:industries`, stable across runs. */
  id: z.string(),
  /** 1 = the highest score. */
  rank: int,
  /** Among the first `headline` items. */
  headline: z.boolean(),
  /** What made it: a chain link, an industrial-gradient gap with a cost gap, or an R&D gap. */
  kind: z.enum(['chain', 'transfer', 'innovation']),
  /** The pair, in the analysis's unit order (a before b). */
  a: z.string(),
  b: z.string(),
  /** Direction: supplier → buyer unit (chain), origin → destination (transfer), R&D → production unit (innovation). */
  from: z.string(),
  to: z.string(),
  /** Industries on each side: supplier / buyer; the transferred industry on both; R&D industries / production industry. */
  fromIndustries: z.array(z.string()),
  toIndustries: z.array(z.string()),
  /** activityShare × linkage; `null` when the pair's linkage is unknown (then ranked after, by activity share). */
  score: numOrNull,
  /** Activity of fromIndustries in `from` plus toIndustries in `to`, ÷ the metro's total activity (unit set's indicator). */
  activityShare: num,
  /** The pair's linkage weight (0–1) on `basis.linkage`. */
  linkage: numOrNull,
  /** The item's own mode first, then the pair-level modes that can carry it (joint park, enclave, factor & market integration). */
  modes: z.array(modeDecisionSchema),
  /** The pair's chain links that involve the item's industries (the link itself for a chain item). */
  links: z.array(chainLinkSchema),
  title: text,
});
/** One cooperation opportunity: a pair, industries, a direction, a score and the modes with their numbers. */
export type Opportunity = Result<typeof opportunitySchema>;

const pairSchema = z.object({
  a: z.string(),
  b: z.string(),
  rank: int,
  headline: z.boolean(),
  /** (activity of a + of b) ÷ the metro's activity × linkage; null when the linkage is unknown. */
  score: numOrNull,
  activityShare: num,
  linkage: numOrNull,
  /** The administrative parent of each unit (null = top level); `crossesBoundary` null = a parent is unknown. */
  parentA: z.string().nullable(),
  parentB: z.string().nullable(),
  crossesBoundary: z.boolean().nullable(),
  /** The pair's numbers (null = unknown). */
  normalisedGravity: numOrNull,
  railMinutes: numOrNull,
  km: numOrNull,
  /** Higher ÷ lower GDP per capita (same year and unit), and the richer unit. */
  gdpPerCapitaRatio: numOrNull,
  richer: z.string().nullable(),
  /** Higher ÷ lower R&D share (ISIC M industries' share of the unit's activity), and the unit with the higher share. */
  rdShareRatio: numOrNull,
  rdLeader: z.string().nullable(),
  /** The stronger direction's chain ratio (analysis.typology.pairs.chainRatio). */
  chainRatio: numOrNull,
  /** Pair-level modes (joint park, enclave, factor & market integration, innovation cooperation) with their numbers. */
  modes: z.array(modeDecisionSchema),
  undecided: z.array(undecidedSchema),
  /** Ids of the pair's listed opportunities, and how many it has in all (listed or not). */
  opportunities: z.array(z.string()),
  opportunityCount: int,
  title: text,
});
/** One pair with its pair-level modes, the numbers behind them and the modes that could not be decided. */
export type OpportunityPair = Result<typeof pairSchema>;

const rulesSchema = z.object({
  gradientRatio: num,
  aheadGradient: num,
  costRatio: num,
  chainHigh: num,
  linkShare: num,
  jointParkLinkage: num,
  enclaveGdpRatio: num,
  rdRatio: num,
  productionLq: num,
  nearMinutes: num,
  nearKm: num,
  headline: int,
  maxItems: int,
});

/** The opportunities of one metro: one versioned, deterministic document. */
export const opportunitiesPartSchema = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    metro: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }),
    unitSet: z.object({ id: z.string(), classification: z.string(), measure: z.enum(['employment', 'output']), year: int }),
    /** Whether industry-level opportunities are drawn (the table is fine enough), and why not. */
    industryLevel: z.object({ judgeable: z.boolean(), tradedIndustries: int, minTradedIndustries: int, reason: text.nullable() }),
    /** What each criterion was measured on. */
    basis: z.object({
      gradient: z.enum(['industrial-gradient', 'location-quotient']),
      cost: z.literal('gdp-per-capita'),
      linkage: z.enum(['gravity', 'proximity']),
      /** Industries counted as R&D (first ISIC section M, as the typology) and as production (ISIC C). */
      rdIndustries: z.array(z.string()),
      productionIndustries: z.array(z.string()),
      notes: z.array(text),
    }),
    /** Every threshold used (options of this function and of the analysis). */
    rules: rulesSchema,
    counts: z.object({
      /** Opportunities found, and listed (at most `maxItems`). */
      opportunities: int,
      listed: int,
      byKind: z.object({ chain: int, transfer: int, innovation: int }),
      /** Pairs with a recommended mode or an opportunity, and listed. */
      pairs: int,
      pairsListed: int,
      /** Pairs for which each mode is recommended (pair-level) or found in an opportunity (industry-level). */
      byMode: z.object(Object.fromEntries(cooperationModes.map((m) => [m, int])) as Record<(typeof cooperationModes)[number], typeof int>),
    }),
    /** Ranked: highest score first, then id. */
    opportunities: z.array(opportunitySchema),
    /** Ranked: highest score first, then a, b. */
    pairs: z.array(pairSchema),
    /** Criteria that could not be applied to some or all pairs, with the reason. */
    absent: z.array(z.object({ what: z.string(), reason: text })),
  })
  .strict()
  .describe('metrocoop cooperation opportunities (findOpportunities)');
/** The opportunities of one metro (what {@link findOpportunities} returns). */
export type OpportunitiesPart = Result<typeof opportunitiesPartSchema>;

/** The version of the document; bump the major on a breaking change of its shape. */
export const opportunitiesSchemaVersion = '1.0.0';
