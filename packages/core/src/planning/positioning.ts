/**
 * The positioning optimiser's core (issue 10, point 1): choose the lead industries of every unit of a metro area
 * at once, by a mixed-integer program solved with HiGHS (the `highs` WebAssembly package, its structured model API;
 * GLPK through `glpk.js` when asked — docs/decisions/0006-highs-optimiser.md).
 *
 * Model. Units u = 1..U, industries i = 1..I (T ⊆ I the traded ones), capability c_ui, duplication weight
 * w_uv = w_vu ≥ 0 (e.g. linkage), penalty λ ≥ 0, at most L and at least M leads per unit (1 ≤ M ≤ L), cap K on the
 * leaders of one traded industry, requirements R (unit u must lead at least one industry of a set S_r, e.g. the
 * ring rule).
 *
 *   variables   x_ui ∈ {0, 1}            unit u leads industry i
 *               y_uvi ∈ [0, 1]           u < v both lead traded i (only where λ·w_uv > 0)
 *   maximise    Σ_ui c_ui x_ui − λ Σ_{u<v} w_uv Σ_{i∈T} y_uvi
 *   subject to  M ≤ Σ_i x_ui ≤ L             for every unit u
 *               Σ_u x_ui ≤ K                 for every traded industry i
 *               Σ_{i∈S_r} x_ui ≥ 1           for every requirement r of unit u
 *               y_uvi ≥ x_ui + x_vi − 1      (linearised duplication; y is pushed down to max(0, x_ui + x_vi − 1))
 *               x_ui = 1                     for every fixed choice (u, i)
 *               x_ui = 0                     for every cell not eligible (optional input)
 *
 * A unit thus takes an industry beyond its M-th only when that adds to the objective — when its capability net of
 * the duplication it causes is positive — and never more than L: leads where the scores give evidence, not L leads
 * for every unit whatever its scores. M = L forces exactly L (the earlier model).
 *
 * Uniform weights (every pair the same w, as when the linkage is unknown) make the duplication of industry i a
 * convex function of its number of leaders n_i alone, λ·w·n_i(n_i − 1)/2: it is then written exactly with
 * min(K, U) − 1 increments z_ik ∈ [0, 1] per traded industry (Σ_u x_ui − Σ_k z_ik ≤ 1, z_ik costing λ·w·(k − 1)),
 * instead of U(U − 1)/2 pair variables — the LP fills the cheaper increments first, so the value is exact.
 *
 * Scale. The model is solved exactly while it has at most `exactLimit` variables. Beyond that (`method: 'auto'`)
 * a documented heuristic solves a reduced model: each unit's candidates are its `candidatesPerUnit` best industries
 * by capability (plus its fixed choices and its best industries of every requirement), and duplication is counted
 * only between each unit and its `partnersPerUnit` strongest-weighted partners. The reduced optimum is then
 * improved on the full objective by local moves — swap one chosen industry for another, add one while the unit has
 * fewer than L, drop one while it has more than M — until none improves it, and the result carries a valid upper
 * bound of the full problem — the best capability that meets every constraint, duplication ignored (an LP;
 * duplication only lowers the objective) — and the gap to it.
 *
 * Before solving, the settings that cannot be met are reported by name, each with the bound that matters: lower
 * bounds use M, upper bounds L (L > I, no unit can lead L distinct industries; M > I; U · max(0, M − |I∖T|) >
 * |T| · min(K, U); fewer eligible industries than M in a unit; more fixed choices than L in a unit or than K in a
 * traded industry; a requirement whose unit's fixed choices already fill its L leads outside the set; more units
 * requiring one all-traded set than its industries can take);
 * a remaining infeasibility found by the solver is reported with every constraint family. All throw
 * InvalidInputError with code `INFEASIBLE`. The objective returned is recomputed from the chosen x on the full
 * problem (so it carries neither the solver's tolerances nor the heuristic's reductions).
 */
import highsModule, { type Highs } from 'highs';
import { InvalidInputError, type LocalizedText } from '../errors/metro-error.ts';
import { planningMessages as m } from './messages.ts';

const fn = 'choosePositions';

/** An industry of the optimisation: its code and whether it is traded (only traded industries are capped and penalised). */
export interface PositioningIndustry {
  readonly code: string;
  readonly traded: boolean;
}

/** A choice fixed in advance (e.g. stated in a plan). */
export interface FixedPosition {
  readonly unit: string;
  readonly industry: string;
}

/** Unit `unit` must lead at least one of `industries` (e.g. the ring rule: a core unit leads a producer service). */
export interface PositioningRequirement {
  readonly unit: string;
  readonly industries: readonly string[];
  /** The rule's name, used in messages (e.g. `ring rule`). */
  readonly rule: string;
}

/** Input of {@link choosePositions}. */
export interface PositioningInput {
  /** Unit ids, in order. */
  readonly units: readonly string[];
  /** Industries, in order. */
  readonly industries: readonly PositioningIndustry[];
  /** Capability score per unit × industry, row-major (units × industries); finite. */
  readonly capability: Float64Array;
  /** Duplication weight per unit pair, units × units row-major, symmetric, finite and ≥ 0 (the diagonal is ignored). */
  readonly duplicationWeight: Float64Array;
  /** Choices fixed to 1. */
  readonly fixed?: readonly FixedPosition[];
  /** Units that must lead at least one industry of a set. */
  readonly requirements?: readonly PositioningRequirement[];
  /**
   * 1 where unit u may lead industry i, units × industries row-major (default: every cell). A fixed choice is
   * always eligible. Used to keep a unit from leading an industry too small in it to lead.
   */
  readonly eligible?: Uint8Array;
}

/** The solver: HiGHS (default) or GLPK (`glpk.js`, loaded only when asked). */
export type PositioningSolver = 'highs' | 'glpk';

/** `auto`: exact up to `exactLimit` variables, the heuristic beyond; `exact` or `heuristic` force one. */
export type PositioningMethod = 'auto' | 'exact' | 'heuristic';

/** Options of {@link choosePositions}. */
export interface PositioningOptions {
  /** L, the most lead industries of a unit (integer ≥ 1). Default 2. */
  readonly leadsPerUnit?: number;
  /**
   * M, the fewest lead industries of a unit (integer, 1 ≤ M ≤ leadsPerUnit). Default 1: a unit takes more than M
   * only where the industry's capability net of duplication is positive. `minLeadsPerUnit = leadsPerUnit` forces
   * exactly L leads.
   */
  readonly minLeadsPerUnit?: number;
  /**
   * Most units that may lead one traded industry (integer ≥ 1). Default max(ceil(U / 3), ceil(2 · U · L / T)): a
   * third of the units, or twice an industry's fair share of the U · L leads when the T traded industries are few
   * (broad divisions, many units), so that the cap alone does not push units into industries they do not have.
   */
  readonly maxLeadersPerIndustry?: number;
  /** λ, the weight of the duplication of traded industries among weighted pairs (finite, ≥ 0). Default 1. */
  readonly duplicationPenalty?: number;
  /** The solver. Default `highs`. */
  readonly solver?: PositioningSolver;
  /** Exact or heuristic. Default `auto`. */
  readonly method?: PositioningMethod;
  /** Largest model (x plus duplication variables) solved exactly under `auto` (integer ≥ 1). Default 60,000. */
  readonly exactLimit?: number;
  /** Heuristic: candidate industries per unit by capability (integer ≥ leadsPerUnit). Default max(10, 3 · leadsPerUnit). */
  readonly candidatesPerUnit?: number;
  /** Heuristic: strongest-weighted partners per unit whose duplication is modelled (integer ≥ 1). Default 8. */
  readonly partnersPerUnit?: number;
}

/** The options actually used. */
export interface ResolvedPositioningOptions {
  readonly leadsPerUnit: number;
  readonly minLeadsPerUnit: number;
  readonly maxLeadersPerIndustry: number;
  readonly duplicationPenalty: number;
  readonly solver: PositioningSolver;
  readonly method: PositioningMethod;
  readonly exactLimit: number;
  readonly candidatesPerUnit: number;
  readonly partnersPerUnit: number;
}

/** Result of {@link choosePositions}. */
export interface PositioningResult {
  /** The chosen industries of each unit, in input order (industry codes in input order). */
  readonly leads: readonly { readonly unit: string; readonly industries: readonly string[] }[];
  /** x as 0/1, units × industries row-major. */
  readonly chosen: Uint8Array;
  /** The objective on the full problem: capability − duplicationPenalty · duplication. */
  readonly objective: number;
  /** Σ c_ui x_ui. */
  readonly capability: number;
  /** Σ_{u<v} w_uv · (number of traded industries both lead), before the penalty. */
  readonly duplication: number;
  /** `exact`: the optimum was proved; `heuristic`: the reduced model plus swaps (see the file header). */
  readonly method: 'exact' | 'heuristic';
  /** How duplication was written: per pair, by counts (uniform weights), or not at all (λ = 0 or no weight). */
  readonly formulation: 'pairs' | 'uniform' | 'none';
  /** A valid upper bound of the objective (= objective when exact). */
  readonly bound: number;
  /** bound − objective (0 when exact). */
  readonly gap: number;
  /** The heuristic's candidates per unit and modelled partners per unit actually used (`null` when exact). */
  readonly candidatesPerUnit: number | null;
  readonly partnersPerUnit: number | null;
  readonly options: ResolvedPositioningOptions;
}

/**
 * The defaults, for a given number of units (and, for the cap, of traded industries and leads per unit; without
 * them the cap is ceil(units / 3)).
 */
export function defaultPositioningOptions(units: number, tradedIndustries = 0, leadsPerUnit = 2): ResolvedPositioningOptions {
  const fairShare = tradedIndustries > 0 ? Math.ceil((2 * units * leadsPerUnit) / tradedIndustries) : 0;
  return {
    leadsPerUnit: 2,
    minLeadsPerUnit: 1,
    maxLeadersPerIndustry: Math.max(1, Math.ceil(units / 3), fairShare),
    duplicationPenalty: 1,
    solver: 'highs',
    method: 'auto',
    exactLimit: 60_000,
    candidatesPerUnit: 10,
    partnersPerUnit: 8,
  };
}

/** Messages of the ring rule and the other requirements (bilingual). */
const requirementText = {
  unknownIndustry: (rule: string, unit: string, industry: string): LocalizedText => ({
    en: `${fn}: requirement ${rule} of unit ${JSON.stringify(unit)} names an unknown industry ${JSON.stringify(industry)} (got a code not in the input); use the input's industry codes.`,
    zh: `${fn}：单元 ${JSON.stringify(unit)} 的约束 ${rule} 含有输入中没有的行业 ${JSON.stringify(industry)}；请使用输入中的行业代码。`,
  }),
  empty: (rule: string, unit: string): LocalizedText => ({
    en: `${fn}: the constraints conflict: requirement ${rule} asks unit ${JSON.stringify(unit)} to lead one of a set of industries, but it may lead none of them (got no eligible industry of the set); turn the rule off or add industries of its group.`,
    zh: `${fn}：约束冲突：约束 ${rule} 要求单元 ${JSON.stringify(unit)} 主导某一组行业之一，但该组中没有它可主导的行业；请关闭该规则或加入该组行业。`,
  }),
  fixedFill: (rule: string, unit: string, fixed: readonly string[], leadsPerUnit: number): LocalizedText => ({
    en:
      `${fn}: the constraints conflict: requirement ${rule} asks unit ${JSON.stringify(unit)} to lead one of its industries, but its fixed choices ` +
      `(${fixed.join(', ')}) already fill leadsPerUnit (${leadsPerUnit}) outside them; drop a fixed choice, raise leadsPerUnit or turn the rule off.`,
    zh:
      `${fn}：约束冲突：约束 ${rule} 要求单元 ${JSON.stringify(unit)} 主导其中一个行业，但它的固定选择（${fixed.join('、')}）已占满 ` +
      `leadsPerUnit（${leadsPerUnit}）个位置且都不在其中；请减少固定选择、提高 leadsPerUnit 或关闭该规则。`,
  }),
  capacity: (rule: string, units: number, industries: readonly string[], cap: number): LocalizedText => ({
    en:
      `${fn}: the constraints conflict: requirement ${rule} asks ${units} units to lead one of ${industries.length} traded industries (${industries.join(', ')}), ` +
      `but maxLeadersPerIndustry (${cap}) lets them take at most ${industries.length * cap}; raise maxLeadersPerIndustry or turn the rule off.`,
    zh:
      `${fn}：约束冲突：约束 ${rule} 要求 ${units} 个单元各主导 ${industries.length} 个可贸易行业（${industries.join('、')}）之一，` +
      `但每个行业的主导单元上限 maxLeadersPerIndustry（${cap}）最多只容纳 ${industries.length * cap} 个；请提高 maxLeadersPerIndustry 或关闭该规则。`,
  }),
  infeasible: (min: number, leadsPerUnit: number, cap: number, fixed: number, rules: readonly string[], eligible: number | null): LocalizedText => ({
    en:
      `${fn}: the constraints conflict: no choice meets minLeadsPerUnit (${min}) to leadsPerUnit (${leadsPerUnit}) leads for every unit, maxLeadersPerIndustry (${cap}) for every ` +
      `traded industry, the ${fixed} fixed choices` +
      (rules.length > 0 ? `, requirement ${rules.join(', ')}` : '') +
      (eligible === null ? '' : ` and the ${eligible} cells not eligible`) +
      ' together (got an infeasible model); drop fixed choices, turn a rule off, make more cells eligible, raise maxLeadersPerIndustry or lower minLeadsPerUnit.',
    zh:
      `${fn}：约束冲突：没有任何选择能同时满足每个单元主导 minLeadsPerUnit（${min}）到 leadsPerUnit（${leadsPerUnit}）个产业、每个可贸易行业的主导单元上限 ` +
      `maxLeadersPerIndustry（${cap}）、${fixed} 个固定选择` +
      (rules.length > 0 ? `、约束 ${rules.join('、')}` : '') +
      (eligible === null ? '' : `以及 ${eligible} 个不可主导的格子`) +
      '；请减少固定选择、关闭规则、放宽可主导条件、提高 maxLeadersPerIndustry 或减小 minLeadsPerUnit。',
  }),
  eligible: (unit: string, eligible: number, minLeadsPerUnit: number): LocalizedText => ({
    en: `${fn}: the constraints conflict: unit ${JSON.stringify(unit)} may lead only ${eligible} ${eligible === 1 ? 'industry' : 'industries'} (got fewer eligible cells than minLeadsPerUnit (${minLeadsPerUnit})); lower minLeadsPerUnit or make more of its industries eligible.`,
    zh: `${fn}：约束冲突：单元 ${JSON.stringify(unit)} 只有 ${eligible} 个可主导的行业（少于每个单元的最少主导产业数 minLeadsPerUnit（${minLeadsPerUnit}））；请减小 minLeadsPerUnit 或放宽可主导条件。`,
  }),
  minLeads: (min: number, leadsPerUnit: number): LocalizedText => ({
    en: `${fn}: option minLeadsPerUnit is invalid (got ${JSON.stringify(min)}); expected an integer from 1 to leadsPerUnit (${leadsPerUnit}) — set both equal to force exactly that many leads.`,
    zh: `${fn}：选项 minLeadsPerUnit 无效（得到 ${JSON.stringify(min)}）；应为 1 到 leadsPerUnit（${leadsPerUnit}）之间的整数——两者相等即要求每个单元恰好主导这么多个行业。`,
  }),
  minExceedsIndustries: (min: number, industries: number): LocalizedText => ({
    en: `${fn}: the constraints conflict: minLeadsPerUnit (${min}) > number of industries (${industries}), so no unit can lead that many distinct industries; lower minLeadsPerUnit or add industries.`,
    zh: `${fn}：约束冲突：每个单元的最少主导产业数 minLeadsPerUnit（${min}）> 行业数（${industries}），任何单元都无法选出这么多不同的行业；请减小 minLeadsPerUnit 或增加行业。`,
  }),
  tradedCapacity: (units: number, tradedPerUnit: number, traded: number, cap: number, min: number, nonTraded: number): LocalizedText => ({
    en:
      `${fn}: the constraints conflict: units × traded leads each unit needs at least (${units} × ${tradedPerUnit} = ${units * tradedPerUnit}) > ` +
      `traded industries × maxLeadersPerIndustry (${traded} × ${cap} = ${traded * cap}); each unit must lead at least minLeadsPerUnit (${min}) industries and only ` +
      `${nonTraded} are non-traded; raise maxLeadersPerIndustry, lower minLeadsPerUnit or add industries.`,
    zh:
      `${fn}：约束冲突：单元数 × 每个单元至少需要的可贸易主导产业数（${units} × ${tradedPerUnit} = ${units * tradedPerUnit}）> ` +
      `可贸易行业数 × 每个行业的主导单元上限 maxLeadersPerIndustry（${traded} × ${cap} = ${traded * cap}）；每个单元至少须主导 minLeadsPerUnit（${min}）个行业，` +
      `而非贸易行业只有 ${nonTraded} 个；请提高 maxLeadersPerIndustry、减小 minLeadsPerUnit 或增加行业。`,
  }),
  solver: (solver: string, status: string): LocalizedText => ({
    en: `${fn}: the ${solver} solver did not reach an optimum (got status ${JSON.stringify(status)}); report this with the input, or try the other solver.`,
    zh: `${fn}：${solver} 求解器未得到最优解（状态 ${JSON.stringify(status)}）；请连同输入一起报告此问题，或改用另一个求解器。`,
  }),
} as const;

let highsPromise: Promise<Highs> | undefined;

/**
 * The loader function. The package's types describe a CommonJS module (so NodeNext types the default import as the
 * namespace), while its ESM build, which Node and the bundlers load, exports the loader as default: accept both.
 */
type HighsLoader = typeof highsModule.default;
const highsExport = highsModule as unknown as HighsLoader | { readonly default: HighsLoader };
const highsLoader: HighsLoader = typeof highsExport === 'function' ? highsExport : highsExport.default;

/** The HiGHS module, loaded once (asynchronously) and reused; a failed load is retried on the next call. */
function loadHighs(): Promise<Highs> {
  const loading =
    highsPromise ??
    highsLoader().catch((e: unknown) => {
      highsPromise = undefined;
      throw e;
    });
  highsPromise = loading;
  return loading;
}

type Glpk = Awaited<ReturnType<typeof import('glpk.js/node').default>>;
let glpkPromise: Promise<Glpk> | undefined;

/** GLPK (glpk.js, its synchronous Node build), imported and loaded only when the GLPK solver is asked for. */
function loadGlpk(): Promise<Glpk> {
  const loading =
    glpkPromise ??
    import('glpk.js/node')
      .then((module) => module.default())
      .catch((e: unknown) => {
        glpkPromise = undefined;
        throw e;
      });
  glpkPromise = loading;
  return loading;
}

function positiveInteger(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min)
    throw new InvalidInputError(m.invalidOption(fn, name, value, `an integer ≥ ${min}`), undefined, 'INVALID_OPTION');
}

function resolveOptions(units: number, traded: number, options: PositioningOptions): ResolvedPositioningOptions {
  const leadsPerUnit = options.leadsPerUnit ?? 2;
  const d = defaultPositioningOptions(units, traded, Number.isInteger(leadsPerUnit) && leadsPerUnit > 0 ? leadsPerUnit : 2);
  const o: ResolvedPositioningOptions = {
    leadsPerUnit,
    minLeadsPerUnit: options.minLeadsPerUnit ?? d.minLeadsPerUnit,
    maxLeadersPerIndustry: options.maxLeadersPerIndustry ?? d.maxLeadersPerIndustry,
    duplicationPenalty: options.duplicationPenalty ?? d.duplicationPenalty,
    solver: options.solver ?? d.solver,
    method: options.method ?? d.method,
    exactLimit: options.exactLimit ?? d.exactLimit,
    candidatesPerUnit: options.candidatesPerUnit ?? Math.max(d.candidatesPerUnit, 3 * (Number.isInteger(leadsPerUnit) ? leadsPerUnit : 1)),
    partnersPerUnit: options.partnersPerUnit ?? d.partnersPerUnit,
  };
  positiveInteger('leadsPerUnit', o.leadsPerUnit);
  if (!Number.isInteger(o.minLeadsPerUnit) || o.minLeadsPerUnit < 1 || o.minLeadsPerUnit > o.leadsPerUnit)
    throw new InvalidInputError(
      requirementText.minLeads(o.minLeadsPerUnit, o.leadsPerUnit),
      { minLeadsPerUnit: o.minLeadsPerUnit, leadsPerUnit: o.leadsPerUnit },
      'INVALID_OPTION',
    );
  positiveInteger('maxLeadersPerIndustry', o.maxLeadersPerIndustry);
  if (!Number.isFinite(o.duplicationPenalty) || o.duplicationPenalty < 0)
    throw new InvalidInputError(m.invalidOption(fn, 'duplicationPenalty', o.duplicationPenalty, 'a finite number ≥ 0'), undefined, 'INVALID_OPTION');
  if (o.solver !== 'highs' && o.solver !== 'glpk')
    throw new InvalidInputError(m.invalidOption(fn, 'solver', o.solver, '"highs" or "glpk"'), undefined, 'INVALID_OPTION');
  if (o.method !== 'auto' && o.method !== 'exact' && o.method !== 'heuristic')
    throw new InvalidInputError(m.invalidOption(fn, 'method', o.method, '"auto", "exact" or "heuristic"'), undefined, 'INVALID_OPTION');
  positiveInteger('exactLimit', o.exactLimit);
  positiveInteger('candidatesPerUnit', o.candidatesPerUnit, o.leadsPerUnit);
  positiveInteger('partnersPerUnit', o.partnersPerUnit);
  return o;
}

function checkLabels(what: string, labels: readonly string[]): Map<string, number> {
  if (labels.length === 0) throw new InvalidInputError(m.empty(fn, what));
  const index = new Map<string, number>();
  for (const [k, label] of labels.entries()) {
    if (index.has(label)) throw new InvalidInputError(m.duplicate(fn, what, label), { label });
    index.set(label, k);
  }
  return index;
}

/** A requirement by index: unit u must lead one of `industries`. */
interface Requirement {
  readonly unit: number;
  readonly industries: readonly number[];
  readonly rule: string;
}

/** The validated input by index. */
interface Checked {
  readonly U: number;
  readonly I: number;
  readonly traded: Uint8Array;
  /** Fixed choices as flat indices u·I + i. */
  readonly fixed: ReadonlySet<number>;
  /** 1 = may be chosen (eligible or fixed), units × industries. */
  readonly allowed: Uint8Array;
  readonly requirements: readonly Requirement[];
}

/** Validates the input and the settings (see the file header for the named conflicts). */
function validate(input: PositioningInput, o: ResolvedPositioningOptions): Checked {
  const unitIndex = checkLabels('unit', input.units);
  const industryIndex = checkLabels(
    'industry',
    input.industries.map((d) => d.code),
  );
  const U = input.units.length;
  const I = input.industries.length;
  if (input.capability.length !== U * I) throw new InvalidInputError(m.shape(fn, 'capability', input.capability.length, U * I));
  if (input.duplicationWeight.length !== U * U) throw new InvalidInputError(m.shape(fn, 'duplicationWeight', input.duplicationWeight.length, U * U));
  for (let k = 0; k < U * I; k++) {
    const c = input.capability[k] as number;
    if (!Number.isFinite(c)) {
      const where = `${input.units[Math.floor(k / I)]} × ${input.industries[k % I]?.code}`;
      throw new InvalidInputError(m.badValue(fn, 'capability', where, c, 'a finite number'), { index: k });
    }
  }
  for (let u = 0; u < U; u++) {
    for (let v = u + 1; v < U; v++) {
      const w = input.duplicationWeight[u * U + v] as number;
      const wt = input.duplicationWeight[v * U + u] as number;
      const where = `${input.units[u]} × ${input.units[v]}`;
      if (!Number.isFinite(w) || w < 0) throw new InvalidInputError(m.badValue(fn, 'duplicationWeight', where, w, 'a finite number ≥ 0'), { u, v });
      if (w !== wt) throw new InvalidInputError(m.badValue(fn, 'duplicationWeight', where, wt, `a symmetric matrix (${w})`), { u, v });
    }
  }
  const unitOf = (label: string): number => {
    const u = unitIndex.get(label);
    if (u === undefined) throw new InvalidInputError(m.unknownLabel(fn, 'unit', label), { unit: label }, 'NOT_FOUND');
    return u;
  };
  const fixed = new Set<number>();
  for (const f of input.fixed ?? []) {
    const u = unitOf(f.unit);
    const i = industryIndex.get(f.industry);
    if (i === undefined) throw new InvalidInputError(m.unknownLabel(fn, 'industry', f.industry), { industry: f.industry }, 'NOT_FOUND');
    fixed.add(u * I + i);
  }
  const requirements: Requirement[] = (input.requirements ?? []).map((r) => {
    const unit = unitOf(r.unit);
    const industries = [
      ...new Set(
        r.industries.map((code) => {
          const i = industryIndex.get(code);
          if (i === undefined) throw new InvalidInputError(requirementText.unknownIndustry(r.rule, r.unit, code), { industry: code }, 'NOT_FOUND');
          return i;
        }),
      ),
    ].sort((a, b) => a - b);
    if (industries.length === 0) throw new InvalidInputError(requirementText.empty(r.rule, r.unit), { unit: r.unit, rule: r.rule }, 'INFEASIBLE');
    return { unit, industries, rule: r.rule };
  });
  const traded = Uint8Array.from(input.industries, (d) => (d.traded ? 1 : 0));
  if (input.eligible !== undefined && input.eligible.length !== U * I) throw new InvalidInputError(m.shape(fn, 'eligible', input.eligible.length, U * I));
  const allowed = new Uint8Array(U * I);
  for (let k = 0; k < U * I; k++) allowed[k] = input.eligible === undefined || input.eligible[k] ? 1 : 0;
  for (const k of fixed) allowed[k] = 1;
  // The settings that conflict by themselves, named.
  // Lower bounds (every unit must lead at least M) use M; upper bounds (at most L) use L.
  const L = o.leadsPerUnit;
  const M = o.minLeadsPerUnit;
  const K = o.maxLeadersPerIndustry;
  if (M > I) throw new InvalidInputError(requirementText.minExceedsIndustries(M, I), { minLeadsPerUnit: M, industries: I }, 'INFEASIBLE');
  // L > I is not infeasible under "at most L", but no unit can lead that many: a setting that cannot mean what it says.
  if (L > I) throw new InvalidInputError(m.leadsExceedIndustries(fn, L, I), { leadsPerUnit: L, industries: I }, 'INFEASIBLE');
  const T = input.industries.filter((d) => d.traded).length;
  const nonTraded = I - T;
  const tradedPerUnit = Math.max(0, M - nonTraded);
  if (U * tradedPerUnit > T * Math.min(K, U))
    throw new InvalidInputError(
      requirementText.tradedCapacity(U, tradedPerUnit, T, Math.min(K, U), M, nonTraded),
      { units: U, minLeadsPerUnit: M, tradedIndustries: T, maxLeadersPerIndustry: K },
      'INFEASIBLE',
    );
  const perUnit = new Int32Array(U);
  const perIndustry = new Int32Array(I);
  for (const k of fixed) {
    perUnit[Math.floor(k / I)] = (perUnit[Math.floor(k / I)] as number) + 1;
    perIndustry[k % I] = (perIndustry[k % I] as number) + 1;
  }
  for (let u = 0; u < U; u++)
    if ((perUnit[u] as number) > L)
      throw new InvalidInputError(m.fixedPerUnit(fn, input.units[u] as string, perUnit[u] as number, L), { unit: input.units[u] }, 'INFEASIBLE');
  for (let i = 0; i < I; i++) {
    const d = input.industries[i] as PositioningIndustry;
    if (d.traded && (perIndustry[i] as number) > K)
      throw new InvalidInputError(m.fixedPerIndustry(fn, d.code, perIndustry[i] as number, K), { industry: d.code }, 'INFEASIBLE');
  }
  for (let u = 0; u < U; u++) {
    let n = 0;
    for (let i = 0; i < I; i++) n += allowed[u * I + i] as number;
    if (n < M) throw new InvalidInputError(requirementText.eligible(input.units[u] as string, n, M), { unit: input.units[u], eligible: n }, 'INFEASIBLE');
  }
  // A requirement whose unit may lead none of its industries.
  for (const r of requirements)
    if (!r.industries.some((i) => allowed[r.unit * I + i]))
      throw new InvalidInputError(requirementText.empty(r.rule, input.units[r.unit] as string), { unit: input.units[r.unit], rule: r.rule }, 'INFEASIBLE');
  // A requirement whose unit's fixed choices already fill its leads outside the set.
  for (const r of requirements) {
    if (perUnit[r.unit] !== L) continue;
    const own = [...fixed].filter((k) => Math.floor(k / I) === r.unit).map((k) => k % I);
    if (own.some((i) => r.industries.includes(i))) continue;
    const unit = input.units[r.unit] as string;
    throw new InvalidInputError(
      requirementText.fixedFill(
        r.rule,
        unit,
        own.map((i) => input.industries[i]?.code as string),
        L,
      ),
      { unit, rule: r.rule },
      'INFEASIBLE',
    );
  }
  // More units requiring one all-traded set than its industries can take.
  const bySet = new Map<string, Requirement[]>();
  for (const r of requirements) {
    if (r.industries.some((i) => !traded[i])) continue;
    const key = `${r.rule}|${r.industries.join(',')}`;
    bySet.set(key, [...(bySet.get(key) ?? []), r]);
  }
  for (const group of bySet.values()) {
    const first = group[0] as Requirement;
    const units = new Set(group.map((r) => r.unit)).size;
    if (units > first.industries.length * Math.min(K, U))
      throw new InvalidInputError(
        requirementText.capacity(
          first.rule,
          units,
          first.industries.map((i) => input.industries[i]?.code as string),
          K,
        ),
        { rule: first.rule, units, maxLeadersPerIndustry: K },
        'INFEASIBLE',
      );
  }
  return { U, I, traded, fixed, allowed, requirements };
}

/** Capability and duplication of a 0/1 choice (units × industries row-major). */
export function positioningObjective(
  input: PositioningInput,
  chosen: Uint8Array,
  duplicationPenalty: number,
): { objective: number; capability: number; duplication: number } {
  const U = input.units.length;
  const I = input.industries.length;
  let capability = 0;
  for (let k = 0; k < U * I; k++) if (chosen[k]) capability += input.capability[k] as number;
  // Leaders of every traded industry, then each leader's weight to the later leaders: O(U·L·U) rather than O(U²·I).
  let duplication = 0;
  for (let i = 0; i < I; i++) {
    if (!(input.industries[i] as PositioningIndustry).traded) continue;
    const leaders: number[] = [];
    for (let u = 0; u < U; u++) if (chosen[u * I + i]) leaders.push(u);
    for (let a = 0; a < leaders.length; a++)
      for (let b = a + 1; b < leaders.length; b++) duplication += input.duplicationWeight[(leaders[a] as number) * U + (leaders[b] as number)] as number;
  }
  return { objective: capability - duplicationPenalty * duplication, capability, duplication };
}

/** A linear model in the solvers' terms: columns with cost, bounds and integrality; rows in CSR with bounds. */
class LinearModel {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly starts: number[] = [0];
  readonly indices: number[] = [];
  readonly values: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];

  get columns(): number {
    return this.cost.length;
  }

  addColumn(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  addRow(columns: readonly number[], coefficients: readonly number[], lower: number, upper: number): void {
    for (let k = 0; k < columns.length; k++) {
      this.indices.push(columns[k] as number);
      this.values.push(coefficients[k] as number);
    }
    this.starts.push(this.indices.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }
}

/** What a solver returns: proved optimal (with the column values) or infeasible; anything else throws. */
type SolveOutcome = { readonly status: 'optimal'; readonly values: Float64Array } | { readonly status: 'infeasible' };

async function solveHighs(model: LinearModel, mip: boolean): Promise<SolveOutcome> {
  const highs = await loadHighs();
  const c = highs.constants;
  const n = model.columns;
  return highs.withModel(
    {
      numCols: n,
      numRows: model.rowLower.length,
      sense: c.objectiveSense.maximize,
      colCost: Float64Array.from(model.cost),
      colLower: Float64Array.from(model.lower),
      colUpper: Float64Array.from(model.upper),
      rowLower: Float64Array.from(model.rowLower),
      rowUpper: Float64Array.from(model.rowUpper),
      matrix: {
        format: 'csr',
        numRows: model.rowLower.length,
        numCols: n,
        starts: Int32Array.from(model.starts),
        indices: Int32Array.from(model.indices),
        values: Float64Array.from(model.values),
      },
      integrality: mip ? Int32Array.from(model.integer) : new Int32Array(n),
    },
    (h): SolveOutcome => {
      h.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
      const status = h.run().modelStatus;
      if (status === c.modelStatus.optimal) return { status: 'optimal', values: Float64Array.from(h.getSolution().colValue) };
      if (status === c.modelStatus.infeasible) return { status: 'infeasible' };
      const name = Object.entries(c.modelStatus).find(([, v]) => v === status)?.[0] ?? String(status);
      throw new Error(requirementText.solver('HiGHS', name).en);
    },
  );
}

async function solveGlpk(model: LinearModel, mip: boolean): Promise<SolveOutcome> {
  const glpk = await loadGlpk();
  const name = (j: number) => `c${j}`;
  const bounds = (lower: number, upper: number) => {
    if (lower === upper) return { type: glpk.GLP_FX, lb: lower, ub: upper };
    if (lower === -Infinity && upper === Infinity) return { type: glpk.GLP_FR, lb: 0, ub: 0 };
    if (lower === -Infinity) return { type: glpk.GLP_UP, lb: 0, ub: upper };
    if (upper === Infinity) return { type: glpk.GLP_LO, lb: lower, ub: 0 };
    return { type: glpk.GLP_DB, lb: lower, ub: upper };
  };
  const n = model.columns;
  const integers: string[] = [];
  for (let j = 0; j < n; j++) if (mip && model.integer[j]) integers.push(name(j));
  const result = glpk.solve(
    {
      name: 'positions',
      objective: { direction: glpk.GLP_MAX, name: 'objective', vars: model.cost.map((coef, j) => ({ name: name(j), coef })) },
      subjectTo: model.rowLower.map((lower, r) => {
        const vars: { name: string; coef: number }[] = [];
        for (let k = model.starts[r] as number; k < (model.starts[r + 1] as number); k++)
          vars.push({ name: name(model.indices[k] as number), coef: model.values[k] as number });
        return { name: `r${r}`, vars, bnds: bounds(lower, model.rowUpper[r] as number) };
      }),
      bounds: model.lower.map((lower, j) => ({ name: name(j), ...bounds(lower, model.upper[j] as number) })),
      // Integer columns as general integers with their own bounds (GLPK's binary kind would reset a fixed x to [0, 1]).
      generals: integers,
    },
    { msglev: glpk.GLP_MSG_OFF, presol: true, mipgap: 0 },
  );
  const status = result.result.status;
  if (status === glpk.GLP_OPT) {
    const values = new Float64Array(n);
    for (let j = 0; j < n; j++) values[j] = result.result.vars[name(j)] ?? 0;
    return { status: 'optimal', values };
  }
  // With the presolver on, GLPK leaves an infeasible MIP undefined (its LP relaxation has no solution).
  if (status === glpk.GLP_NOFEAS || status === glpk.GLP_INFEAS || status === glpk.GLP_UNDEF) return { status: 'infeasible' };
  throw new Error(requirementText.solver('GLPK', String(status)).en);
}

function solve(model: LinearModel, mip: boolean, solver: PositioningSolver): Promise<SolveOutcome> {
  return solver === 'glpk' ? solveGlpk(model, mip) : solveHighs(model, mip);
}

/** The model and where its x columns are. */
interface Columns {
  readonly model: LinearModel;
  /** Column of x_ui, or −1 when (u, i) is not a candidate. */
  readonly x: Int32Array;
}

/** The x columns and the lead, cap, requirement and fixed-choice constraints (no duplication). */
function baseModel(input: PositioningInput, c: Checked, o: ResolvedPositioningOptions, candidate: Uint8Array, withCapability = true): Columns {
  const { U, I } = c;
  const model = new LinearModel();
  const x = new Int32Array(U * I).fill(-1);
  for (let u = 0; u < U; u++)
    for (let i = 0; i < I; i++) {
      const k = u * I + i;
      if (!candidate[k] || !c.allowed[k]) continue;
      x[k] = model.addColumn(withCapability ? (input.capability[k] as number) : 0, c.fixed.has(k) ? 1 : 0, 1, true);
    }
  for (let u = 0; u < U; u++) {
    const cols: number[] = [];
    for (let i = 0; i < I; i++) if ((x[u * I + i] as number) >= 0) cols.push(x[u * I + i] as number);
    model.addRow(
      cols,
      cols.map(() => 1),
      o.minLeadsPerUnit,
      o.leadsPerUnit,
    );
  }
  for (let i = 0; i < I; i++) {
    if (!c.traded[i]) continue;
    const cols: number[] = [];
    for (let u = 0; u < U; u++) if ((x[u * I + i] as number) >= 0) cols.push(x[u * I + i] as number);
    if (cols.length > o.maxLeadersPerIndustry)
      model.addRow(
        cols,
        cols.map(() => 1),
        -Infinity,
        o.maxLeadersPerIndustry,
      );
  }
  for (const r of c.requirements) {
    const cols = r.industries.map((i) => x[r.unit * I + i] as number).filter((j) => j >= 0);
    model.addRow(
      cols,
      cols.map(() => 1),
      1,
      Infinity,
    );
  }
  return { model, x };
}

/** The common weight of every pair when all pairs weigh the same, else `null`. */
function uniformWeight(input: PositioningInput, U: number): number | null {
  if (U < 2) return null;
  const w0 = input.duplicationWeight[1] as number;
  for (let u = 0; u < U; u++) for (let v = u + 1; v < U; v++) if (input.duplicationWeight[u * U + v] !== w0) return null;
  return w0;
}

/** Whether duplication matters at all, and how it is written. */
function formulationOf(input: PositioningInput, c: Checked, o: ResolvedPositioningOptions): { kind: 'pairs' | 'uniform' | 'none'; weight: number } {
  if (o.duplicationPenalty === 0 || c.U < 2 || !c.traded.some((t) => t === 1)) return { kind: 'none', weight: 0 };
  const w = uniformWeight(input, c.U);
  if (w === 0) return { kind: 'none', weight: 0 };
  if (w !== null) return { kind: 'uniform', weight: w };
  return { kind: 'pairs', weight: 0 };
}

/** Adds the duplication terms over the given pairs (`pairs` formulation) or per industry (`uniform`). */
function addDuplication(
  input: PositioningInput,
  c: Checked,
  o: ResolvedPositioningOptions,
  cols: Columns,
  formulation: { kind: 'pairs' | 'uniform' | 'none'; weight: number },
  pairs: readonly (readonly [number, number])[],
): void {
  const { U, I } = c;
  const { model, x } = cols;
  if (formulation.kind === 'uniform') {
    const levels = Math.min(o.maxLeadersPerIndustry, U);
    for (let i = 0; i < I; i++) {
      if (!c.traded[i]) continue;
      const xs: number[] = [];
      for (let u = 0; u < U; u++) if ((x[u * I + i] as number) >= 0) xs.push(x[u * I + i] as number);
      if (xs.length < 2) continue;
      const zs: number[] = [];
      for (let k = 2; k <= Math.min(levels, xs.length); k++) zs.push(model.addColumn(-o.duplicationPenalty * formulation.weight * (k - 1), 0, 1, false));
      model.addRow([...xs, ...zs], [...xs.map(() => 1), ...zs.map(() => -1)], -Infinity, 1);
    }
    return;
  }
  if (formulation.kind !== 'pairs') return;
  for (const [u, v] of pairs) {
    const coef = o.duplicationPenalty * (input.duplicationWeight[u * U + v] as number);
    if (!(coef > 0)) continue;
    for (let i = 0; i < I; i++) {
      if (!c.traded[i]) continue;
      const a = x[u * I + i] as number;
      const b = x[v * I + i] as number;
      if (a < 0 || b < 0) continue;
      const y = model.addColumn(-coef, 0, 1, false);
      model.addRow([y, a, b], [1, -1, -1], -1, Infinity);
    }
  }
}

/** The number of duplication variables of the full model (to decide exact or heuristic). */
function duplicationSize(c: Checked, o: ResolvedPositioningOptions, input: PositioningInput, kind: 'pairs' | 'uniform' | 'none'): number {
  const T = c.traded.reduce((s, t) => s + t, 0);
  if (kind === 'none') return 0;
  if (kind === 'uniform') return T * Math.max(0, Math.min(o.maxLeadersPerIndustry, c.U) - 1);
  let pairs = 0;
  for (let u = 0; u < c.U; u++) for (let v = u + 1; v < c.U; v++) if ((input.duplicationWeight[u * c.U + v] as number) > 0) pairs++;
  return pairs * T;
}

/** Units × industries 0/1 from the solver's x values. */
function readChoice(c: Checked, x: Int32Array, values: Float64Array): Uint8Array {
  const chosen = new Uint8Array(c.U * c.I);
  for (let k = 0; k < chosen.length; k++) {
    const j = x[k] as number;
    chosen[k] = j >= 0 && (values[j] as number) > 0.5 ? 1 : 0;
  }
  return chosen;
}

/** The heuristic's candidates: each unit's best `k` by capability, its fixed choices and its best of every requirement. */
function heuristicCandidates(input: PositioningInput, c: Checked, o: ResolvedPositioningOptions, k: number): Uint8Array {
  const { U, I } = c;
  const candidate = new Uint8Array(U * I);
  const order = new Int32Array(I);
  for (let u = 0; u < U; u++) {
    const base = u * I;
    for (let i = 0; i < I; i++) order[i] = i;
    // Best first; the lower index breaks ties (deterministic).
    const sorted = Array.from(order)
      .filter((i) => c.allowed[base + i])
      .sort((a, b) => (input.capability[base + b] as number) - (input.capability[base + a] as number) || a - b);
    for (let r = 0; r < Math.min(k, I); r++) candidate[base + (sorted[r] as number)] = 1;
    for (const r of c.requirements) {
      if (r.unit !== u) continue;
      const best = r.industries
        .filter((i) => c.allowed[base + i])
        .sort((a, b) => (input.capability[base + b] as number) - (input.capability[base + a] as number) || a - b);
      for (const i of best.slice(0, o.leadsPerUnit)) candidate[base + i] = 1;
    }
  }
  for (const f of c.fixed) candidate[f] = 1;
  return candidate;
}

/** Each unit's `m` strongest-weighted partners (weight > 0), as unordered pairs u < v. */
function strongestPairs(input: PositioningInput, U: number, m: number): [number, number][] {
  const keep = new Set<number>();
  for (let u = 0; u < U; u++) {
    const partners: number[] = [];
    for (let v = 0; v < U; v++) if (v !== u && (input.duplicationWeight[u * U + v] as number) > 0) partners.push(v);
    partners.sort((a, b) => (input.duplicationWeight[u * U + b] as number) - (input.duplicationWeight[u * U + a] as number) || a - b);
    for (const v of partners.slice(0, m)) keep.add(u < v ? u * U + v : v * U + u);
  }
  return [...keep].sort((a, b) => a - b).map((k) => [Math.floor(k / U), k % U] as [number, number]);
}

/** All pairs u < v with a positive weight. */
function allPairs(input: PositioningInput, U: number): [number, number][] {
  const out: [number, number][] = [];
  for (let u = 0; u < U; u++) for (let v = u + 1; v < U; v++) if ((input.duplicationWeight[u * U + v] as number) > 0) out.push([u, v]);
  return out;
}

/**
 * Local moves on the full objective, for each unit in turn: replace one chosen industry (not fixed) by one not
 * chosen, add one while the unit leads fewer than L, or drop one (not fixed) while it leads more than M — the move
 * that raises the objective most, when every constraint still holds; repeat until no move improves it. In place.
 */
function improveBySwaps(input: PositioningInput, c: Checked, o: ResolvedPositioningOptions, chosen: Uint8Array): void {
  const { U, I } = c;
  const K = o.maxLeadersPerIndustry;
  const lambda = o.duplicationPenalty;
  const leaders = new Int32Array(I);
  for (let k = 0; k < U * I; k++) if (chosen[k]) leaders[k % I] = (leaders[k % I] as number) + 1;
  const shared = new Float64Array(I);
  const required = c.requirements.map((r) => ({ unit: r.unit, set: new Set(r.industries) }));
  for (let pass = 0; pass < 100; pass++) {
    let improved = false;
    for (let u = 0; u < U; u++) {
      const base = u * I;
      let count = 0;
      for (let i = 0; i < I; i++) count += chosen[base + i] as number;
      // shared[i] = Σ_{v ≠ u leading i} w_uv (traded i only).
      shared.fill(0);
      if (lambda > 0)
        for (let v = 0; v < U; v++) {
          if (v === u) continue;
          const w = input.duplicationWeight[u * U + v] as number;
          if (w === 0) continue;
          for (let i = 0; i < I; i++) if (chosen[v * I + i] && c.traded[i]) shared[i] = (shared[i] as number) + w;
        }
      // The gain of leading i: its capability net of the duplication it causes with the other units' leads.
      const gain = (i: number) => (input.capability[base + i] as number) - lambda * (shared[i] as number);
      const mayEnter = (j: number) => !chosen[base + j] && c.allowed[base + j] && !(c.traded[j] && (leaders[j] as number) >= K);
      // Leaving i (for j, or for nothing when j < 0) breaks a requirement that i alone meets.
      const breaks = (i: number, j: number) =>
        required.some((r) => r.unit === u && r.set.has(i) && !(j >= 0 && r.set.has(j)) && ![...r.set].some((s) => s !== i && chosen[base + s]));
      let best = 1e-12;
      let out = -1;
      let into = -1;
      for (let i = 0; i < I; i++) {
        if (!chosen[base + i] || c.fixed.has(base + i)) continue;
        for (let j = 0; j < I; j++) {
          if (!mayEnter(j) || breaks(i, j)) continue;
          const delta = gain(j) - gain(i);
          if (delta > best) {
            best = delta;
            out = i;
            into = j;
          }
        }
        if (count > o.minLeadsPerUnit && !breaks(i, -1) && -gain(i) > best) {
          best = -gain(i);
          out = i;
          into = -1;
        }
      }
      if (count < o.leadsPerUnit)
        for (let j = 0; j < I; j++)
          if (mayEnter(j) && gain(j) > best) {
            best = gain(j);
            out = -1;
            into = j;
          }
      if (out >= 0) {
        chosen[base + out] = 0;
        leaders[out] = (leaders[out] as number) - 1;
        improved = true;
      }
      if (into >= 0) {
        chosen[base + into] = 1;
        leaders[into] = (leaders[into] as number) + 1;
        improved = true;
      }
    }
    if (!improved) break;
  }
}

/** The best capability that meets every constraint, duplication ignored (an LP): an upper bound of the objective. */
async function capabilityBound(input: PositioningInput, c: Checked, o: ResolvedPositioningOptions): Promise<number> {
  const cols = baseModel(input, c, o, new Uint8Array(c.U * c.I).fill(1));
  const r = await solve(cols.model, false, o.solver);
  if (r.status !== 'optimal') return Infinity;
  let bound = 0;
  for (let j = 0; j < cols.model.columns; j++) bound += (cols.model.cost[j] as number) * (r.values[j] as number);
  return bound;
}

function infeasible(c: Checked, o: ResolvedPositioningOptions): InvalidInputError {
  let excluded = 0;
  for (let k = 0; k < c.allowed.length; k++) if (!c.allowed[k]) excluded++;
  const rules = [...new Set(c.requirements.map((r) => r.rule))].sort();
  return new InvalidInputError(
    requirementText.infeasible(o.minLeadsPerUnit, o.leadsPerUnit, o.maxLeadersPerIndustry, c.fixed.size, rules, excluded === 0 ? null : excluded),
    {
      minLeadsPerUnit: o.minLeadsPerUnit,
      leadsPerUnit: o.leadsPerUnit,
      maxLeadersPerIndustry: o.maxLeadersPerIndustry,
      fixed: c.fixed.size,
      rules,
      notEligible: excluded,
    },
    'INFEASIBLE',
  );
}

/**
 * Chooses from `minLeadsPerUnit` (default 1) to `leadsPerUnit` (default 2) lead industries for every unit,
 * maximising capability minus the penalised duplication of traded industries among weighted unit pairs — so a unit
 * leads more than the minimum only where that adds capability net of duplication — with at most
 * `maxLeadersPerIndustry` leaders per traded industry,
 * the requirements met and the fixed choices kept (the model, its uniform-weight form and the heuristic for large
 * instances are in this file's header). Async: the solver is loaded on the first call.
 * Throws InvalidInputError: `INVALID_INPUT` (shapes, values), `INVALID_OPTION`, `NOT_FOUND` (a fixed choice's or a
 * requirement's label), `INFEASIBLE` (the settings conflict; the message names the constraints).
 * @example
 * const r = await choosePositions({ units, industries, capability, duplicationWeight }, { leadsPerUnit: 2 });
 * r.leads; // [{ unit: 'CN-110000', industries: ['I', 'J'] }, { unit: 'CN-130000', industries: ['B'] }, …]
 */
export async function choosePositions(input: PositioningInput, options: PositioningOptions = {}): Promise<PositioningResult> {
  const o = resolveOptions(input.units.length, input.industries.filter((d) => d.traded).length, options);
  const c = validate(input, o);
  const { U, I } = c;
  const formulation = formulationOf(input, c, o);
  const size = U * I + duplicationSize(c, o, input, formulation.kind);
  const heuristic = o.method === 'heuristic' || (o.method === 'auto' && size > o.exactLimit);
  let chosen: Uint8Array;
  let candidatesPerUnit: number | null = null;
  let partnersPerUnit: number | null = null;
  if (!heuristic) {
    const cols = baseModel(input, c, o, new Uint8Array(U * I).fill(1));
    addDuplication(input, c, o, cols, formulation, formulation.kind === 'pairs' ? allPairs(input, U) : []);
    const r = await solve(cols.model, true, o.solver);
    if (r.status === 'infeasible') throw infeasible(c, o);
    chosen = readChoice(c, cols.x, r.values);
  } else {
    const pairs = formulation.kind === 'pairs' ? strongestPairs(input, U, o.partnersPerUnit) : [];
    partnersPerUnit = formulation.kind === 'pairs' ? o.partnersPerUnit : null;
    let k = Math.min(o.candidatesPerUnit, I);
    for (;;) {
      const cols = baseModel(input, c, o, heuristicCandidates(input, c, o, k));
      addDuplication(input, c, o, cols, formulation, pairs);
      const r = await solve(cols.model, true, o.solver);
      if (r.status === 'optimal') {
        chosen = readChoice(c, cols.x, r.values);
        candidatesPerUnit = k;
        break;
      }
      // The reduced candidates may be what makes the model infeasible: widen them until they are all industries.
      if (k >= I) throw infeasible(c, o);
      k = Math.min(I, 2 * k);
    }
    improveBySwaps(input, c, o, chosen);
  }
  const value = positioningObjective(input, chosen, o.duplicationPenalty);
  const bound = heuristic ? Math.max(value.objective, await capabilityBound(input, c, o)) : value.objective;
  const leads = input.units.map((unit, u) => ({
    unit,
    industries: input.industries.flatMap((d, i) => (chosen[u * I + i] ? [d.code] : [])),
  }));
  return {
    leads,
    chosen,
    ...value,
    method: heuristic ? 'heuristic' : 'exact',
    formulation: formulation.kind,
    bound,
    gap: bound - value.objective,
    candidatesPerUnit,
    partnersPerUnit,
    options: o,
  };
}
