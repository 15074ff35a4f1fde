/**
 * The relocation scenario's two documents, defined once as zod schemas (issue 10, point 3):
 * - the scenario file a user writes (`metrocoop scenario <metro> --file scenario.json`):
 *   `{ "moves": [ { "from", "industry", "amount" | "share", "to" } ], "note" }` — {@link scenarioFileSchema},
 *   read by {@link parseScenarioFile}, which turns every problem into one bilingual `InvalidInputError`;
 * - the result of {@link runScenario} — {@link scenarioResultSchema}, from which the `ScenarioResult` type comes
 *   (readonly at every depth, as the analysis result is). A value shown before and after the moves is always
 *   `{ before, after }`; `null` = not computable, with the reason beside it.
 *
 * docs/scenarios.md documents both and reads a worked example.
 */
import { z } from 'zod';
import { InvalidInputError, type LocalizedText } from '../errors/metro-error.ts';

/** `T` readonly at every depth. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Result<S extends z.ZodType> = DeepReadonly<z.output<S>>;

const num = z.number();
const numOrNull = z.number().nullable();
const int = z.number().int();
const text = z.object({ en: z.string(), zh: z.string() });
const ids = z.array(z.string());
/** A value before and after the moves. */
const change = <S extends z.ZodType>(s: S) => z.object({ before: s, after: s });

// ---------------------------------------------------------------- the scenario file

/**
 * One relocation: `amount` (in the unit set's own unit: persons, CNY, …; ≥ 0) or `share` (of the origin's value of
 * the industry before the scenario, 0 < share ≤ 1) of `industry` moves from unit `from` to unit `to`.
 */
export const scenarioMoveSchema = z
  .object({
    from: z.string().min(1).describe('origin unit id, e.g. CN-110000'),
    industry: z.string().min(1).describe("industry code of the unit set's classification, e.g. C"),
    amount: z.number().min(0).optional().describe("amount moved, in the unit set's unit (persons, CNY, …); ≥ 0"),
    share: z.number().gt(0).max(1).optional().describe("share of the origin's value of the industry before the scenario; 0 < share ≤ 1"),
    to: z.string().min(1).describe('destination unit id, e.g. CN-130000'),
  })
  .strict()
  .refine((m) => (m.amount === undefined) !== (m.share === undefined), { message: 'give exactly one of amount or share', path: ['amount'] });

/** A scenario file: the moves, applied in order, and a free note. */
export const scenarioFileSchema = z
  .object({
    $schema: z.string().optional(),
    moves: z.array(scenarioMoveSchema).min(1),
    note: z.string().optional(),
  })
  .strict()
  .describe('metrocoop relocation scenario (metrocoop scenario --file)');
/** A scenario file as read. */
export type ScenarioFile = z.output<typeof scenarioFileSchema>;

/** One problem of a file as a bilingual phrase (the zod issue's code, said in both languages). */
function issueText(issue: z.core.$ZodIssue): LocalizedText {
  const path = issue.path.length === 0 ? '(file)' : issue.path.map(String).join('.');
  const i = issue as z.core.$ZodIssue & { expected?: string; minimum?: number | bigint; maximum?: number | bigint; inclusive?: boolean; keys?: string[] };
  switch (issue.code) {
    case 'invalid_type':
      return { en: `${path}: expected ${i.expected}`, zh: `${path}：应为 ${i.expected}` };
    case 'too_small':
      return issue.origin === 'array'
        ? { en: `${path}: give at least ${String(i.minimum)} move(s)`, zh: `${path}：至少给出 ${String(i.minimum)} 项迁移` }
        : issue.origin === 'string'
          ? { en: `${path}: must not be empty`, zh: `${path}：不能为空` }
          : { en: `${path}: must be ${i.inclusive ? '≥' : '>'} ${String(i.minimum)}`, zh: `${path}：须${i.inclusive ? '≥' : '>'} ${String(i.minimum)}` };
    case 'too_big':
      return { en: `${path}: must be ${i.inclusive ? '≤' : '<'} ${String(i.maximum)}`, zh: `${path}：须${i.inclusive ? '≤' : '<'} ${String(i.maximum)}` };
    case 'unrecognized_keys':
      return { en: `${path}: unknown key(s) ${(i.keys ?? []).join(', ')}`, zh: `${path}：未知字段 ${(i.keys ?? []).join('、')}` };
    case 'custom':
      return {
        en: `${path.replace(/\.amount$/, '')}: give exactly one of amount or share`,
        zh: `${path.replace(/\.amount$/, '')}：amount 与 share 须且只须给出其一`,
      };
    default:
      return { en: `${path}: ${issue.message}`, zh: `${path}：${issue.message}` };
  }
}

/**
 * Read a scenario file's parsed JSON. Every problem is listed with its path in one `InvalidInputError`
 * (`INVALID_SCENARIO_FILE`), e.g. `moves.0.share: must be ≤ 1`.
 *
 * @example
 * parseScenarioFile({ moves: [{ from: 'CN-110000', industry: 'C', share: 0.1, to: 'CN-130000' }] });
 */
export function parseScenarioFile(json: unknown, file = 'scenario'): ScenarioFile {
  const parsed = scenarioFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(issueText);
  const example = '{ "moves": [ { "from": "CN-110000", "industry": "C", "amount": 50000, "to": "CN-130000" } ], "note": "…" }';
  throw new InvalidInputError(
    {
      en: `parseScenarioFile: ${file} is not a valid scenario (got: ${issues.map((x) => x.en).join('; ')}); expected ${example}, with "share" (0 < share ≤ 1) in place of "amount" where wanted (docs/scenarios.md).`,
      zh: `parseScenarioFile：${file} 不是有效的情景文件（问题：${issues.map((x) => x.zh).join('；')}）；应为 ${example}，可用 "share"（0 < share ≤ 1）代替 "amount"（见 docs/scenarios.md）。`,
    },
    { file, issues: parsed.error.issues.map((x) => ({ path: x.path.map(String).join('.'), code: x.code })) },
    'INVALID_SCENARIO_FILE',
  );
}

// ---------------------------------------------------------------- the result

const pairTypeSchema = z.enum(['vertical', 'horizontal', 'mixed', 'competing', 'undetermined']);
const pairCountsSchema = z.object({ vertical: int, horizontal: int, mixed: int, competing: int, undetermined: int });

const appliedMoveSchema = z.object({
  /** 1-based position in the scenario. */
  position: int,
  /** The move as given (`CN-110000:C:50000->CN-130000`), or written out in that form for a file's move. */
  text: z.string(),
  from: z.string(),
  industry: z.string(),
  to: z.string(),
  /** The amount moved, in the unit set's unit (a share is resolved against the origin's value before the scenario). */
  amount: num,
  /** The share as given; null when an amount was given. */
  share: numOrNull,
  /** The origin's value of the industry before the scenario, and `amount` as a share of it (null when it is 0). */
  originValue: num,
  shareOfOrigin: numOrNull,
});
/** One move as applied, with the amount it resolved to. */
export type AppliedMove = Result<typeof appliedMoveSchema>;

const advantageChangeSchema = z.object({ industry: z.string(), lq: change(num) });

const specialisationDeltaSchema = z.object({
  /** LQ ≥ this (and a traded industry) = an advantage industry (the analysis option). */
  advantageLq: num,
  /**
   * Every (unit, industry) cell a move touched: its value, LQ and whether it is a traded advantage, before and after.
   * Ranked by |ΔLQ|.
   */
  cells: z.array(
    z.object({
      unit: z.string(),
      industry: z.string(),
      role: z.enum(['origin', 'destination', 'both']),
      traded: z.boolean(),
      value: change(num),
      lq: change(num),
      advantage: change(z.boolean()),
    }),
  ),
  /**
   * Units whose Krugman specialisation (versus the rest of the metro) or traded advantage industries changed, ranked
   * by |ΔKrugman| (at most `limit`; `changed` of `of` changed). Only the two ends of the moves can change: a unit no
   * move touches keeps its row, and the industry totals, the metro total and its reference (the rest of the metro)
   * are unchanged, so its LQs and its Krugman index are too.
   */
  changed: int,
  of: int,
  units: z.array(
    z.object({
      unit: z.string(),
      total: change(num),
      krugman: change(num),
      /** Traded advantage industries gained and lost, each with its LQ before and after. */
      advantageGained: z.array(advantageChangeSchema),
      advantageLost: z.array(advantageChangeSchema),
    }),
  ),
});

const homogenisationPairSchema = z.object({
  a: z.string(),
  b: z.string(),
  tradedSimilarity: change(numOrNull),
  tradedZ: change(numOrNull),
  same: change(z.boolean().nullable()),
  sharedTraded: change(ids),
});
/** A pair's homogenisation measures before and after. */
export type HomogenisationPairDelta = Result<typeof homogenisationPairSchema>;

const homogenisationDeltaSchema = z.object({
  /** Whether the table is fine enough to judge homogeneity (false: three sectors or a handful of sections). */
  judgeable: z.boolean(),
  tradedIndustries: ids,
  /** Share of pairs with the same traded specialisations; null = not judgeable. */
  index: change(numOrNull),
  meanTradedSimilarity: change(numOrNull),
  /** Pairs that became / stopped being "same" (all of them), the largest pairs first (by the weight of {@link PairTypeChange}). */
  became: z.array(homogenisationPairSchema),
  stopped: z.array(homogenisationPairSchema),
  /** Pairs whose traded similarity, z or shared advantages changed: `changed` of `of`; the largest |Δsimilarity| first. */
  changed: int,
  of: int,
  pairs: z.array(homogenisationPairSchema),
});

const complementarityDeltaSchema = z.object({
  /** The IO table used; null = none (then `absent` says why and `pairs` is empty). */
  table: z.string().nullable(),
  absent: text.nullable(),
  changed: int,
  of: int,
  /** `composite` C_ab (a's traded specialisations supply b's), `reverse` C_ba, `ratio` of the stronger direction; largest |Δ| first. */
  pairs: z.array(z.object({ a: z.string(), b: z.string(), composite: change(num), reverse: change(num), ratio: change(numOrNull) })),
});

const linkageDeltaSchema = z.object({
  gravity: z.object({
    /** Every pair's gravity strength is the same before and after. */
    unchanged: z.boolean(),
    /** Why (the masses and distances it is made of). */
    reason: text,
    changed: int,
    of: int,
    pairs: z.array(z.object({ a: z.string(), b: z.string(), strength: change(numOrNull) })),
  }),
  /** Urban flow intensity of the service sectors (employment data only); null = not computed, `absent` says why. */
  urbanFlow: z
    .object({
      sectors: ids,
      changed: int,
      of: int,
      units: z.array(z.object({ unit: z.string(), intensity: change(numOrNull), tendency: change(numOrNull) })),
    })
    .nullable(),
  absent: text.nullable(),
});

const pairTypeChangeSchema = z.object({
  a: z.string(),
  b: z.string(),
  type: change(pairTypeSchema),
  /** The answers and the numbers that decided them (the typology's columns), before and after. */
  functional: change(z.boolean().nullable()),
  functionalRatio: change(numOrNull),
  chainStages: change(z.boolean().nullable()),
  chainRatio: change(numOrNull),
  specialisation: change(z.enum(['same', 'different', 'neither', 'not-judgeable'])),
  tradedZ: change(numOrNull),
  /** How far the deciding numbers moved, in units of their thresholds: max(|Δz|/sameZ, |ΔfunctionalRatio|/functionalRatio, |ΔchainRatio|/chainHigh). */
  shift: num,
  /**
   * The pair's weight after the moves, (x_a + x_b) ÷ ((units − 1) × x): the share of the metro's activity it holds
   * (all pairs sum to 1). Changed pairs are ranked by weight (the largest pairs first), then by shift.
   */
  weight: num,
});
/** A pair whose cooperation type changed, with the numbers that decided it. */
export type PairTypeChange = Result<typeof pairTypeChangeSchema>;

const findingRefSchema = z.object({ id: z.string(), kind: z.string(), rule: z.string(), priority: num, headline: z.boolean(), title: text });
const findingsDeltaSchema = z.object({
  /** Findings only after the moves / only before, the highest priority first. */
  gained: z.array(findingRefSchema),
  lost: z.array(findingRefSchema),
  /** Findings in both whose priority or title changed, the largest |Δpriority| first. */
  changed: z.array(z.object({ id: z.string(), kind: z.string(), rule: z.string(), priority: change(num), headline: change(z.boolean()), title: change(text) })),
  count: change(int),
});

const firmFlowIndustrySchema = z.object({ industry: z.string().nullable(), section: z.string(), firms: int, examples: ids });
const observedSchema = z.object({
  source: z.string(),
  years: z.tuple([int, int]),
  /** Caveats of the panel, shown as they are (sample, registered seat, lower bounds). */
  notes: z.array(text),
  /** Firms that moved between units of the metro (all origin → destination pairs). */
  totalFirms: int,
  /** The scenario's origin → destination pairs: firms that moved that way (all industries and per industry), and the other way. */
  scenarioPairs: z.array(
    z.object({
      origin: z.string(),
      destination: z.string(),
      /** The industries the scenario moves on this pair. */
      movedIndustries: ids,
      firms: int,
      firmsInMovedIndustries: int,
      reverseFirms: int,
      industries: z.array(firmFlowIndustrySchema),
    }),
  ),
  /** The metro's largest origin → destination flows of firms. */
  topFlows: z.array(z.object({ origin: z.string(), destination: z.string(), firms: int, industries: z.array(firmFlowIndustrySchema) })),
});
/** The firm relocations observed beside the scenario. */
export type ObservedRelocations = Result<typeof observedSchema>;

/** The result of {@link runScenario}: one versioned, deterministic JSON document. */
export const scenarioResultSchema = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    metro: z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string(), country: z.string() }),
    unitSet: z.object({
      id: z.string(),
      indicator: z.string(),
      classification: z.string(),
      unit: z.string(),
      measure: z.enum(['employment', 'output']),
      year: int,
    }),
    units: z.array(z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string().nullable() })),
    industries: z.array(z.object({ code: z.string(), nameEn: z.string().nullable(), nameZh: z.string().nullable() })),
    note: z.string().nullable(),
    /** At most this many items in each ranked list (the option). */
    limit: int,
    moves: z.array(appliedMoveSchema),
    specialisation: specialisationDeltaSchema,
    homogenisation: homogenisationDeltaSchema,
    complementarity: complementarityDeltaSchema,
    linkage: linkageDeltaSchema,
    pairTypes: z.object({ counts: change(pairCountsSchema), changed: int, of: int, pairs: z.array(pairTypeChangeSchema) }),
    findings: findingsDeltaSchema,
    /** The firm relocations that really happened, or null (`observedAbsent` says why). */
    observed: observedSchema.nullable(),
    observedAbsent: text.nullable(),
    /** What the scenario keeps as it is (earlier years, overview masses, gradient input), and limits of the table. */
    notes: z.array(text),
  })
  .strict()
  .describe('metrocoop relocation scenario result (runScenario)');
/** The result of {@link runScenario}. */
export type ScenarioResult = Result<typeof scenarioResultSchema>;

/** The version of the result document; bump the major on a breaking change of its shape. */
export const scenarioSchemaVersion = '1.0.0';

/** The JSON Schemas (draft 2020-12) of a scenario file and of a scenario result, as committed in packages/data/schemas/. */
export function scenarioJsonSchemaTexts(): { readonly file: string; readonly result: string } {
  const text = (s: z.ZodType): string => `${JSON.stringify(z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input' }), null, 2)}\n`;
  return { file: text(scenarioFileSchema), result: `${JSON.stringify(z.toJSONSchema(scenarioResultSchema, { target: 'draft-2020-12' }), null, 2)}\n` };
}
