/**
 * The positions part of a plan (what {@link planPositions} returns), defined once as a zod schema: the TypeScript
 * types come from it (readonly at every depth, as the analysis result's do), and `positionsPartSchema.safeParse`
 * checks a document. Plain JSON: numbers, strings, booleans and `null` for an absent value (its reason beside it);
 * units and industries in the analysis's (code-point) order; no timings. The key order is the document's order.
 */
import { z } from 'zod';

/** `T` readonly at every depth. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Result<S extends z.ZodType> = DeepReadonly<z.output<S>>;

const num = z.number();
const numOrNull = z.number().nullable();
const int = z.number().int();
const text = z.object({ en: z.string(), zh: z.string() });

/** The weights the sensitivity analysis varies. */
export const positionsWeightNames = ['locationQuotient', 'relatedness', 'competitiveShift', 'chain', 'duplicationPenalty'] as const;
const weightNameSchema = z.enum(positionsWeightNames);
/** A weight of the model: one of the four capability components or λ. */
export type PositionsWeightName = Result<typeof weightNameSchema>;

const componentValuesSchema = z.object({
  /** The location quotient (metro reference). */
  lq: num,
  /**
   * The components as they enter the score, each 0 for a unit like the metro's average (docs/methodology/planning.md):
   * symmetric RCA, relatedness density and chain share less the units' mean for the industry (the means are in
   * `industries[]`), competitive shift; `null` = left out or not measurable for this cell.
   */
  locationQuotient: num,
  relatedness: numOrNull,
  competitiveShift: numOrNull,
  chain: numOrNull,
});
/** One cell's capability components. */
export type PositionsComponentValues = Result<typeof componentValuesSchema>;

const partnerSchema = z.object({ unit: z.string(), weight: num });
/** Linked units leading the same traded industry: how many, their summed weight, the five strongest. */
const sharedSchema = z.object({ units: int, weight: num, partners: z.array(partnerSchema) });

const chosenSchema = z.object({
  industry: z.string(),
  /** The capability score c_ui. */
  score: num,
  /** c_ui − λ · shared.weight: what leading it adds to the objective given the other units' leads. */
  netScore: num,
  components: componentValuesSchema,
  /** The linked partners whose traded advantages (LQ ≥ 1) industry i supplies or buys from, the largest contribution first (top 3). */
  chainPartners: z.array(z.object({ unit: z.string(), weight: num, contribution: num, industries: z.array(z.string()) })),
  /** Linked units that lead it too (the duplication paid: λ · weight). */
  shared: sharedSchema,
  /** `plan` (a stated position fixed by fixFromPlans), `explicit` (option fixed), or `null` (chosen by the optimiser). */
  fixed: z.enum(['plan', 'explicit']).nullable(),
  /** The knowledge items that fixed it. */
  fixedBy: z.array(z.string()),
  /** It meets the ring rule (a producer service of a core unit under ringRule). */
  ringRule: z.boolean(),
  /**
   * Led only to reach minLeadsPerUnit: its net score is ≤ 0, it is neither fixed nor the ring rule's, and the unit
   * leads no more than the minimum — nothing the unit may lead scores above 0 net of duplication. With score ≤ 0 the
   * data give no evidence for it; with score > 0 the unit has the capability but too many linked units lead it too.
   */
  minimumOnly: z.boolean(),
  /** Stable in every sensitivity run, or the runs where it is not chosen; `null` without a sensitivity analysis. */
  sensitivity: z.object({ stable: z.boolean(), flips: z.array(z.object({ weight: weightNameSchema, factor: num })) }).nullable(),
  /** The reason in words, made from the numbers above. */
  note: text,
});
/** One chosen lead industry of a unit, with the numbers that decided it. */
export type PositionsChoice = Result<typeof chosenSchema>;

const reasonSchema = z.discriminatedUnion('kind', [
  /** The traded industry already has maxLeadersPerIndustry leaders (listed). */
  z.object({ kind: z.literal('cap-reached'), cap: int, leaders: z.array(z.string()) }),
  /** Linked partners lead it: choosing it would cost λ · Σ weight. */
  z.object({ kind: z.literal('duplication'), cost: num, shared: sharedSchema }),
  /** The ring rule keeps a producer service (named) in its place. */
  z.object({ kind: z.literal('ring-rule'), kept: z.string() }),
  /** Fixed choices (named) take the unit's leads. */
  z.object({ kind: z.literal('fixed-choice'), fixed: z.array(z.string()) }),
  /** None of the above alone: the whole metro's optimum trades it off (e.g. a cap elsewhere). */
  z.object({ kind: z.literal('joint-optimum') }),
  /** Too small in the unit to lead: its share of the unit's activity is below minShare. */
  z.object({ kind: z.literal('too-small'), share: num, minShare: num }),
  /**
   * Not worth leading: its score net of the duplication it would cause (λ · Σ w with the linked units that lead it)
   * is ≤ 0, so it adds nothing to the objective — the unit leads fewer than leadsPerUnit rather than take it.
   */
  z.object({ kind: z.literal('not-worth-it'), score: num, cost: num }),
  /** It scores below every chosen industry (shown when nothing better was given up). */
  z.object({ kind: z.literal('lower-score'), lowestChosen: num }),
]);
/** Why a better-scoring industry was not chosen. */
export type PositionsReason = Result<typeof reasonSchema>;

const givenUpSchema = z.object({
  industry: z.string(),
  score: num,
  components: componentValuesSchema,
  reasons: z.array(reasonSchema),
  note: text,
});
/** An industry a unit gave up, with why. */
export type PositionsGivenUp = Result<typeof givenUpSchema>;

const statedSchema = z.object({
  item: z.string(),
  /** The region the item is about (the unit itself, or a region inside it). */
  region: z.string(),
  /** Tested at this level: the item's region is the unit and the table can judge industries. */
  testable: z.boolean(),
  verified: z.boolean(),
  textEn: z.string().nullable(),
  textZh: z.string().nullable(),
  /** The industries it names: LQ today, whether a candidate (traded), whether the optimum chose it. */
  industries: z.array(z.object({ industry: z.string(), lq: numOrNull, candidate: z.boolean(), chosen: z.boolean() })),
  /** Why it is not testable ("not testable at this level"), else `null`. */
  note: text.nullable(),
});
/** A position stated in plans for a unit (knowledge items of kind `positioning`). */
export type PositionsStated = Result<typeof statedSchema>;

const unitSchema = z.object({
  unit: z.string(),
  nameEn: z.string(),
  nameZh: z.string().nullable(),
  ring: z.enum(['core', 'inner', 'outer']),
  /** The optimum: from minLeadsPerUnit to leadsPerUnit leads (empty when not judgeable). */
  chosen: z.array(chosenSchema),
  /**
   * The best-scoring industries not chosen, and why (empty when not judgeable): with fewer than leadsPerUnit leads,
   * the best not taken; with leadsPerUnit, those scoring above a chosen one (else the best, `lower-score`).
   */
  givenUp: z.array(givenUpSchema),
  /** Stated in plans. */
  stated: z.array(statedSchema),
  /** What the data show today: the strongest advantages by LQ (traded only when judgeable). */
  today: z.array(z.object({ industry: z.string(), lq: num, traded: z.boolean() })),
});
/** One unit's three columns: stated, optimum, today. */
export type PositionsUnit = Result<typeof unitSchema>;

/** The positions part: settings, components, the solve, every unit's three columns, and the sensitivity. */
export const positionsPartSchema = z
  .object({
    /** `optimised`, or `not-judgeable` (a table too coarse to judge industries: no optimisation, `reason` says why). */
    status: z.enum(['optimised', 'not-judgeable']),
    reason: text.nullable(),
    settings: z.object({
      /** The most and the fewest lead industries of a unit (minLeadsPerUnit = leadsPerUnit forces exactly that many). */
      leadsPerUnit: int,
      minLeadsPerUnit: int,
      maxLeadersPerIndustry: int,
      duplicationPenalty: num,
      weights: z.object({ locationQuotient: num, relatedness: num, competitiveShift: num, chain: num }),
      candidates: z.enum(['traded', 'all']),
      ringRule: z.boolean(),
      fixFromPlans: z.boolean(),
      fixed: z.array(z.string()),
      minShare: num,
      minUnitsForRelatedness: int,
      shiftBaseYear: int.nullable(),
      solver: z.enum(['highs', 'glpk']),
      method: z.enum(['auto', 'exact', 'heuristic']),
      exactLimit: int,
      candidatesPerUnit: int,
      partnersPerUnit: int,
    }),
    components: z.array(
      z.object({
        name: z.enum(['location-quotient', 'relatedness-density', 'competitive-shift', 'chain-complementarity']),
        weight: num,
        used: z.boolean(),
        reference: z.string(),
        detail: text.nullable(),
        reason: text.nullable(),
      }),
    ),
    duplication: z.object({ basis: z.enum(['gravity', 'equal']), pairs: int, missingPairs: int, reason: text }),
    /**
     * The candidate industries with their group, the units' mean relatedness density (/100) and chain share the
     * components are centred on (`null` when left out or no unit has a value), and the units that lead each.
     */
    industries: z.array(
      z.object({
        code: z.string(),
        nameEn: z.string().nullable(),
        nameZh: z.string().nullable(),
        traded: z.boolean(),
        group: z.string(),
        relatednessMean: numOrNull,
        chainMean: numOrNull,
        leaders: z.array(z.string()),
      }),
    ),
    /** How the optimum was found; `null` when not judgeable. */
    solve: z
      .object({
        method: z.enum(['exact', 'heuristic']),
        formulation: z.enum(['pairs', 'uniform', 'none']),
        solver: z.enum(['highs', 'glpk']),
        objective: num,
        capability: num,
        duplication: num,
        /** A valid upper bound of the objective (= objective when exact) and the gap to it, absolute and relative. */
        bound: num,
        gap: num,
        relativeGap: numOrNull,
        candidatesPerUnit: int.nullable(),
        partnersPerUnit: int.nullable(),
      })
      .nullable(),
    units: z.array(unitSchema),
    /** Re-solves with each main weight halved and doubled, and λ = 0; `null` when not run or not judgeable. */
    sensitivity: z
      .object({
        runs: z.array(z.object({ weight: weightNameSchema, factor: num, value: num, objective: num, changedUnits: z.array(z.string()) })),
        /** Chosen (unit, industry) pairs stable in every run, of all chosen pairs. */
        stable: int,
        of: int,
      })
      .nullable(),
    notes: z.array(text),
  })
  .strict()
  .describe('metrocoop positions part of a plan (planPositions)');
/** The positions part of a plan. */
export type PositionsPart = Result<typeof positionsPartSchema>;
