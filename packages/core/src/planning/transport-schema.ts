/**
 * The result of {@link transportPriorities} (issue 10, point 4), defined once as a zod schema: the TypeScript types
 * come from it (`TransportPart`, `TransportPriority`, …, readonly at every depth), and so does the runtime check
 * (`transportPartSchema.safeParse(part)`) and the JSON Schema ({@link transportPartJsonSchema}). Plain JSON: numbers,
 * strings, booleans, `null` for an absent value whose reason is listed. The key order is the document's order.
 */
import { z } from 'zod';

/** `T` readonly at every depth. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Result<S extends z.ZodType> = DeepReadonly<z.output<S>>;

const num = z.number();
const numOrNull = z.number().nullable();
const int = z.number().int();
const text = z.object({ en: z.string(), zh: z.string() });

const railStatusSchema = z.enum(['direct', 'slow', 'no-direct-train', 'unknown']);
/**
 * The rail connection of a pair: `direct` (a scheduled direct train, not slow), `slow` (direct but its time-distance
 * ratio is above the metro median and its straight-line speed below the floor), `no-direct-train` (both units have
 * stations in the timetable source and no direct train links them — a transfer may exist), `unknown` (a unit has no
 * station in the source, or there is no timetable for the units: never a gap in service).
 */
export type RailStatus = Result<typeof railStatusSchema>;

const unitCoverageSchema = z.enum(['covered', 'not-in-source', 'no-row', 'no-timetable-data']);
/**
 * A unit's place in the timetable source: `covered` (it has a station: a timed row or a no-direct-train row),
 * `not-in-source` (the source has no station of it), `no-row` (no row names it, e.g. a province unit when the source
 * times trains between cities), `no-timetable-data` (no unit of the unit set is in any timetable).
 */
export type UnitCoverage = Result<typeof unitCoverageSchema>;

const unknownReasonSchema = z.enum(['no-timetable-data', 'unit-not-covered', 'pair-not-in-source']);
/** Why a pair's rail status is unknown: the metro has no timetable, a unit is not covered, or the pair has no row. */
export type UnknownReason = Result<typeof unknownReasonSchema>;

const massValueSchema = z.object({ value: num, unit: z.string(), year: int, source: z.string() });

const transportUnitSchema = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  population: massValueSchema.nullable(),
  gdp: massValueSchema.nullable(),
  /** The gravity mass: √(P·G), or P when `basis.mass` is `population` (null without them: a gap, not filled). */
  mass: numOrNull,
  coverage: unitCoverageSchema,
  /** Why the unit is not covered (null when covered). */
  reason: text.nullable(),
});
/** One unit: its masses and its coverage by the timetable source. */
export type TransportUnit = Result<typeof transportUnitSchema>;

const pairColumnsSchema = z.object({
  /** Index into `units` of each pair's first and second unit (a < b, the analysis's pair order). */
  a: z.array(int),
  b: z.array(int),
  /** Great-circle km between the representative points (null: a unit has no point). */
  km: z.array(numOrNull),
  /** Gravity on km, `M_a · M_b / km^β` (M = √(P·G), or P: `basis.mass`; null without masses or km). */
  gravity: z.array(numOrNull),
  /** Gravity ÷ the metro's largest (0–1). */
  gravityNormalised: z.array(numOrNull),
  /** Chain complementarity both ways, `C_ab + C_ba` (null: no input–output table). */
  chain: z.array(numOrNull),
  /** Chain ÷ the metro's largest (0–1; null when no pair has any chain complementarity). */
  chainNormalised: z.array(numOrNull),
  /** Expected interaction `ĝ · (1 + κ · ĉ)` (κ = chainWeight; ĉ left out when the chain is not used). */
  interaction: z.array(numOrNull),
  /** Expected interaction at or above the metro's threshold (null: interaction unknown). */
  topPart: z.array(z.boolean().nullable()),
  status: z.array(railStatusSchema),
  /** Scheduled in-vehicle minutes of the fastest direct train (mean of both directions when both are timed). */
  railMinutes: z.array(numOrNull),
  /** km ÷ hours: the straight-line speed of the fastest direct train. */
  speedKmh: z.array(numOrNull),
  /** Time-distance ratio `TG = t / (d / v_ref)` = v_ref ÷ speed. */
  timeRatio: z.array(numOrNull),
  /** The timetable source of the pair's row (null: no row). */
  source: z.array(z.string().nullable()),
});
/** Every pair of the metro as columns. */
export type TransportPairColumns = Result<typeof pairColumnsSchema>;

const priorityUnitSchema = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  population: num,
  /** Null when the mass is population alone (`basis.mass`). */
  gdp: numOrNull,
  mass: num,
});

const prioritySchema = z.object({
  /** 1 = the highest expected interaction among the eligible pairs. */
  rank: int,
  a: priorityUnitSchema,
  b: priorityUnitSchema,
  status: z.enum(['slow', 'no-direct-train']),
  km: num,
  gravity: num,
  gravityNormalised: num,
  /** `C_ab` (a's traded specialisations supply b's), `C_ba`, their sum and the sum ÷ the metro's largest; null without a table. */
  chain: z.object({ ab: num, ba: num, sum: num, normalised: numOrNull, used: z.boolean() }).nullable(),
  interaction: num,
  /** The metro's top-part threshold the interaction meets. */
  interactionThreshold: num,
  rail: z.object({
    minutes: numOrNull,
    speedKmh: numOrNull,
    timeRatio: numOrNull,
    medianTimeRatio: numOrNull,
    /** Slow tests (null for a pair without a direct train): TG above the median; speed below the floor (null: no floor). */
    aboveMedian: z.boolean().nullable(),
    belowFloor: z.boolean().nullable(),
    /** A journey with a change (or an untimed conventional train) may exist: the source lists direct trains only. */
    transferMayExist: z.boolean(),
    source: z.string(),
    timetableDate: z.string().nullable(),
  }),
  title: text,
  detail: text,
});
/** One ranked transport priority with every number that decided it. */
export type TransportPriority = Result<typeof prioritySchema>;

const unknownPairSchema = z.object({
  a: z.string(),
  b: z.string(),
  interaction: numOrNull,
  topPart: z.boolean().nullable(),
  reason: unknownReasonSchema,
  /** The pair's units that the timetable does not cover (their reasons are in `units`). */
  uncovered: z.array(z.string()),
  text,
});
/** A pair whose rail connection is unknown: listed, never ranked as a gap. */
export type UnknownTransportPair = Result<typeof unknownPairSchema>;

const timetableSourceSchema = z.object({
  source: z.string(),
  /** The timetable's date or validity (null: not given; see `label`). */
  date: z.string().nullable(),
  label: text,
  /** How the date is known, when it is not stated by the source. */
  note: text.nullable(),
  /** Timed rows and no-direct-train rows read from this source for the metro's pairs. */
  pairs: int,
});

export const transportPartSchema = z
  .object({
    metro: z.string(),
    unitSet: z.string(),
    year: int,
    /** The rules and thresholds of this run (options resolved, and the metro's own median and threshold). */
    rules: z.object({
      gravityExponent: num,
      chainWeight: num,
      interactionQuantile: num,
      /** The interaction at the quantile (type 7 interpolation over the pairs with an interaction); null: none. */
      interactionThreshold: numOrNull,
      referenceSpeedKmh: num,
      speedFloorKmh: numOrNull,
      /** Median TG over the pairs with a direct train and a distance; null: none. */
      medianTimeRatio: numOrNull,
      headline: int,
    }),
    /** How the expected interaction was measured. */
    basis: z.object({
      /** The analysis's own linkage impedance (never reused here: the expected interaction is always on km). */
      analysisImpedance: z.enum(['rail-minutes', 'km']),
      /** The gravity mass: `population-gdp` (√(P·G), M7) or `population` (P, for every unit: GDP is missing for some), and why. */
      mass: z.object({ kind: z.enum(['population-gdp', 'population']), reason: text }),
      chain: z.object({
        table: z.string().nullable(),
        year: int.nullable(),
        classification: z.string(),
        /** Whether the chain enters the expected interaction (a table exists, the industries can be told apart, some pair > 0). */
        used: z.boolean(),
        /** The largest `C_ab + C_ba` of the metro (the normaliser); null: no table. */
        max: numOrNull,
      }),
      notes: z.array(text),
    }),
    timetable: z.object({
      sources: z.array(timetableSourceSchema),
      units: z.object({ total: int, covered: int }),
      counts: z.object({ pairs: int, direct: int, slow: int, noDirectTrain: int, unknown: int }),
    }),
    units: z.array(transportUnitSchema),
    pairs: pairColumnsSchema,
    /** The first `headline` priorities (highest expected interaction first), then the rest. */
    headline: z.array(prioritySchema),
    rest: z.array(prioritySchema),
    unknown: z.object({
      /** Pairs with an unknown rail status, and how many of them are in the top part. */
      count: int,
      topPart: int,
      /** Every unknown pair in the top part, by expected interaction (an order, not a ranking of gaps); empty when no unit has timetable data. */
      pairs: z.array(unknownPairSchema),
      text,
    }),
    /** Slow or no-direct-train pairs that cannot be ranked because their expected interaction is unknown. */
    notScored: z.array(z.object({ a: z.string(), b: z.string(), status: z.enum(['slow', 'no-direct-train']), reason: text })),
    notes: z.array(text),
  })
  .strict()
  .describe('metrocoop transport priorities (transportPriorities)');
/** The transport priorities of a metro: one JSON-ready, deterministic document. */
export type TransportPart = Result<typeof transportPartSchema>;

/** The JSON Schema (draft 2020-12) generated from {@link transportPartSchema}. */
export function transportPartJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(transportPartSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
