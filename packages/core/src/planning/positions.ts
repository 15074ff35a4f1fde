/**
 * `planPositions`: a differentiated position for every unit of a metro (错位发展; issue 10, point 1). Builds each
 * unit × industry's capability (./capability.ts), chooses every unit's lead industries at once with the positioning
 * optimiser (./positioning.ts: capability minus the duplication of traded industries among linked units, from
 * minLeadsPerUnit to leadsPerUnit leads per unit — one beyond the minimum only where its capability net of
 * duplication is positive —, a cap on the leaders of one traded industry, the optional ring rule and fixed choices),
 * and reports per unit
 * the three columns of the paper's Table 7 for any metro — the position stated in plans, the optimum, and what the
 * data show today — with the numbers behind every choice, what was given up and why, and how stable each choice is
 * when the main weights are halved or doubled. docs/methodology/planning.md writes the model out.
 *
 * A table too coarse to judge industries (fewer traded industries than the analysis's `minTradedIndustries`, e.g.
 * three sectors) is not optimised: the part says so and still shows the stated and today columns.
 */
import { byCode } from '../analysis/internal.ts';
import type { AnalysisKnowledgeItem, MetroAnalysis } from '../analysis/types.ts';
import { InvalidInputError, type LocalizedText } from '../errors/metro-error.ts';
import { type CapabilityOptions, type CapabilityWeights, capabilityScore, type UnitCapability, unitCapability } from './capability.ts';
import { planningMessages as m } from './messages.ts';
import {
  choosePositions,
  defaultPositioningOptions,
  type FixedPosition,
  type PositioningInput,
  type PositioningMethod,
  type PositioningRequirement,
  type PositioningResult,
  type PositioningSolver,
} from './positioning.ts';
import type {
  PositionsChoice,
  PositionsComponentValues,
  PositionsGivenUp,
  PositionsPart,
  PositionsReason,
  PositionsStated,
  PositionsUnit,
  PositionsWeightName,
} from './positions-schema.ts';
import type { PlanningContext } from './types.ts';

/** Options of {@link planPositions}: the capability's, the optimiser's and the output's. */
export interface PlanPositionsOptions extends CapabilityOptions {
  /** L, the most lead industries of a unit (integer ≥ 1). Default 2. */
  readonly leadsPerUnit?: number;
  /**
   * M, the fewest lead industries of a unit (integer, 1 ≤ M ≤ leadsPerUnit). Default 1: a unit leads more than M
   * only where the industry's capability net of duplication is positive. Equal to leadsPerUnit, it forces exactly L.
   */
  readonly minLeadsPerUnit?: number;
  /** Most units leading one traded industry (integer ≥ 1). Default max(ceil(U / 3), ceil(2 · U · L / T)) (./positioning.ts). */
  readonly maxLeadersPerIndustry?: number;
  /** λ, the weight of duplication among linked units (finite, ≥ 0). Default 1. */
  readonly duplicationPenalty?: number;
  /**
   * Smallest share of a unit's activity (employment or output) in an industry for the unit to lead it (0 ≤ x < 1).
   * Default 0.01: a location quotient on a sliver (a few head-office jobs in mining) leads nothing. Each unit keeps
   * at least its minLeadsPerUnit largest candidates, fixed choices stay, and under the ring rule a core unit keeps
   * its largest producer service.
   */
  readonly minShare?: number;
  /** Every core unit leads at least one producer-service industry (the ring rule). Default `false`. */
  readonly ringRule?: boolean;
  /** Fix the positions stated in plans for a unit itself (knowledge items of kind `positioning`). Default `false`. */
  readonly fixFromPlans?: boolean;
  /** Choices fixed explicitly, `unit:industry` (e.g. `CN-110000:I`). Default none. */
  readonly fixed?: readonly string[];
  /** Solver (`highs`, default; `glpk`), method (`auto`, default), exactLimit, and the heuristic's sizes (./positioning.ts). */
  readonly solver?: PositioningSolver;
  readonly method?: PositioningMethod;
  readonly exactLimit?: number;
  readonly candidatesPerUnit?: number;
  readonly partnersPerUnit?: number;
  /** Re-solve with each main weight halved and doubled, and λ = 0. Default `true`. */
  readonly sensitivity?: boolean;
  /** Industries given up shown per unit (integer ≥ 0). Default 3. */
  readonly givenUpShown?: number;
  /** Advantages shown per unit in the today column (integer ≥ 1). Default 3. */
  readonly todayShown?: number;
}

const fn = 'planPositions';

/** The ring rule's name in messages (the option). */
const ringRuleName = 'ringRule';

const f2 = (x: number): string => x.toFixed(2);
const signed = (x: number): string => (x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

/** Up to five partners, then how many more. */
function unitList(shared: { readonly units: number; readonly partners: readonly { readonly unit: string }[] }, l: 'en' | 'zh'): string {
  const names = shared.partners.map((p) => p.unit).join(l === 'en' ? ', ' : '、');
  const more = shared.units - shared.partners.length;
  if (more <= 0) return names;
  return l === 'en' ? `${names} and ${more} more` : `${names}等 ${shared.units} 个单元`;
}

const text = {
  notJudgeable: (classification: string, traded: number, min: number): LocalizedText => ({
    en:
      `Not judgeable: the ${classification} table has ${traded} traded industries (fewer than ${min}), too coarse to tell which industries a unit ` +
      'should lead; no optimisation. The stated and today columns are shown as they are.',
    zh: `无法判断：${classification} 分类只有 ${traded} 个可贸易行业（少于 ${min} 个），过粗，无法判断各单元应主导哪些行业；不做优化。规划表述与现状两栏照常列出。`,
  }),
  notTestable: (region: string, unit: string): LocalizedText => ({
    en: `Stated for ${region}, a region inside ${unit}: not testable at this level.`,
    zh: `该表述针对 ${unit} 内部的 ${region}：在此层级无法检验。`,
  }),
  tooCoarse: (): LocalizedText => ({
    en: 'The table is too coarse to judge industries: not testable.',
    zh: '分类过粗，无法判断行业：无法检验。',
  }),
  badFixed: (value: string): LocalizedText => ({
    en: `${fn}: option fixed has an entry that is not unit:industry (got ${JSON.stringify(value)}); write e.g. "CN-110000:I".`,
    zh: `${fn}：选项 fixed 中有一项不是“单元:行业”格式（得到 ${JSON.stringify(value)}）；例如写作 "CN-110000:I"。`,
  }),
  notCandidate: (unit: string, industry: string): LocalizedText => ({
    en: `${fn}: fixed choice ${unit}:${industry} names an industry that is not a candidate (got a local-serving or unclassified industry); fix a traded industry, or set candidates to "all".`,
    zh: `${fn}：固定选择 ${unit}:${industry} 中的行业不是候选行业（本地服务或未分类行业）；请固定可贸易行业，或将 candidates 设为 "all"。`,
  }),
  unknownUnit: (unit: string): LocalizedText => ({
    en: `${fn}: fixed choice names an unknown unit ${JSON.stringify(unit)} (got an id not in the unit set); use one of the unit set's ids.`,
    zh: `${fn}：固定选择中的单元 ${JSON.stringify(unit)} 不在单元集中；请使用单元集中的编号。`,
  }),
  planSkipped: (item: string, unit: string, industries: readonly string[]): LocalizedText => ({
    en: `fixFromPlans: ${item} states ${industries.join(', ')} for ${unit}, which are not candidate industries (local-serving or unclassified): not fixed.`,
    zh: `fixFromPlans：${item} 为 ${unit} 表述的 ${industries.join('、')} 不是候选行业（本地服务或未分类）：未固定。`,
  }),
  minShareRelaxed: (keep: number, minShare: number): LocalizedText => ({
    en:
      `minShare (${(100 * minShare).toFixed(2)}%) with the caps left no feasible choice: every unit may also lead its ${keep} largest candidate ` +
      'industries, the fewest that make the choice feasible.',
    zh: `minShare（${(100 * minShare).toFixed(2)}%）与上限约束一起使问题无解：每个单元还可主导其规模最大的 ${keep} 个候选行业——使问题有解的最少个数。`,
  }),
  plansExceed: (unit: string, count: number, items: readonly string[], leadsPerUnit: number): LocalizedText => ({
    en:
      `${fn}: the constraints conflict: fixFromPlans fixes ${count} industries for unit ${JSON.stringify(unit)} (${items.join(', ')}) > leadsPerUnit (${leadsPerUnit}); ` +
      'raise leadsPerUnit or turn fixFromPlans off.',
    zh: `${fn}：约束冲突：fixFromPlans 为单元 ${JSON.stringify(unit)} 固定了 ${count} 个行业（${items.join('、')}）> 每个单元的主导产业数 leadsPerUnit（${leadsPerUnit}）；请提高 leadsPerUnit 或关闭 fixFromPlans。`,
  }),
  minLeads: (min: unknown, leadsPerUnit: number): LocalizedText => ({
    en: `${fn}: option minLeadsPerUnit is invalid (got ${JSON.stringify(min)}); expected an integer from 1 to leadsPerUnit (${leadsPerUnit}) — set both equal to force exactly that many leads.`,
    zh: `${fn}：选项 minLeadsPerUnit 无效（得到 ${JSON.stringify(min)}）；应为 1 到 leadsPerUnit（${leadsPerUnit}）之间的整数——两者相等即要求每个单元恰好主导这么多个行业。`,
  }),
  fewerLeads: (units: number, of: number, min: number, leadsPerUnit: number): LocalizedText => ({
    en:
      `${units} of ${of} units lead fewer than ${leadsPerUnit} industries (at least ${min}): no further industry adds capability net of ` +
      'duplication for them (see what each gave up). Set minLeadsPerUnit = leadsPerUnit to force every unit to lead that many.',
    zh:
      `${of} 个单元中有 ${units} 个主导产业少于 ${leadsPerUnit} 个（至少 ${min} 个）：对它们而言，再多主导任何行业，扣除重复代价后都没有能力增益` +
      '（见各单元放弃的行业）。若要求每个单元都主导这么多个，请令 minLeadsPerUnit = leadsPerUnit。',
  }),
  noCore: (): LocalizedText => ({
    en: 'ringRule: the unit set has no core unit, so the ring rule asks nothing.',
    zh: 'ringRule：该单元集没有核心单元，环层规则不起作用。',
  }),
  heuristic: (candidates: number, partners: number | null, gap: number, relative: number | null): LocalizedText => ({
    en:
      `The model is too large to solve exactly: a heuristic chose from each unit's ${candidates} best industries` +
      (partners === null ? '' : ` and counted duplication with its ${partners} strongest-linked partners`) +
      `, then improved the choice by single swaps, additions and removals on the full objective; gap to a valid upper bound ${f2(gap)}` +
      (relative === null ? '.' : ` (${(100 * relative).toFixed(2)}%).`),
    zh:
      `模型过大，无法精确求解：启发式算法在每个单元得分最高的 ${candidates} 个行业中选择` +
      (partners === null ? '' : `，只计算与联系最强的 ${partners} 个伙伴之间的重复`) +
      `，再在完整目标函数上逐一交换、增选或删减改进；与有效上界的差距 ${f2(gap)}` +
      (relative === null ? '。' : `（${(100 * relative).toFixed(2)}%）。`),
  }),
  chosen: (
    name: LocalizedText,
    v: PositionsComponentValues,
    score: number,
    partners: readonly string[],
    shared: { readonly units: number; readonly partners: readonly { readonly unit: string }[] },
    fixed: 'plan' | 'explicit' | null,
    minimumOnly: { readonly net: number; readonly min: number } | null,
  ): LocalizedText => {
    const partsEn = [`LQ ${f2(v.lq)}`];
    const partsZh = [`区位熵 ${f2(v.lq)}`];
    if (v.relatedness !== null) {
      partsEn.push(`relatedness density ${signed(v.relatedness)} on the units' mean`);
      partsZh.push(`关联密度较各单元均值 ${signed(v.relatedness)}`);
    }
    if (v.competitiveShift !== null) {
      partsEn.push(`competitive shift ${signed(v.competitiveShift)}`);
      partsZh.push(`竞争偏离 ${signed(v.competitiveShift)}`);
    }
    if (v.chain !== null) {
      partsEn.push(`chain ${signed(v.chain)} on the units' mean${partners.length > 0 ? ` (with ${partners.join(', ')})` : ''}`);
      partsZh.push(`产业链互补较各单元均值 ${signed(v.chain)}${partners.length > 0 ? `（与 ${partners.join('、')}）` : ''}`);
    }
    const fixedEn = fixed === 'plan' ? ' Fixed from the plans.' : fixed === 'explicit' ? ' Fixed by option.' : '';
    const fixedZh = fixed === 'plan' ? '按规划固定。' : fixed === 'explicit' ? '按选项固定。' : '';
    // Led only to reach the minimum: either no evidence at all (score ≤ 0) or a capability that does not cover the
    // duplication it causes (many linked units lead it too).
    const minEn =
      minimumOnly === null
        ? ''
        : (score <= 0
            ? ' No evidence: its score is not positive'
            : ` Crowded: its score does not cover the duplication it causes (net ${signed(minimumOnly.net)})`) +
          `; it is led only because every unit leads at least minLeadsPerUnit (${minimumOnly.min}), and nothing the unit may lead scores above 0 net of duplication.`;
    const minZh =
      minimumOnly === null
        ? ''
        : (score <= 0 ? '证据不足：得分不为正' : `过于拥挤：得分抵不过它造成的重复代价（净得分 ${signed(minimumOnly.net)}）`) +
          `；仅因每个单元至少主导 minLeadsPerUnit（${minimumOnly.min}）个产业而入选，该单元可主导的行业扣除重复代价后得分均不为正。`;
    return {
      en: `Leads ${name.en}: ${partsEn.join(', ')}; score ${f2(score)}.${shared.units > 0 ? ` Shared with ${unitList(shared, 'en')}.` : ''}${fixedEn}${minEn}`,
      zh: `主导${name.zh}：${partsZh.join('，')}；得分 ${f2(score)}。${shared.units > 0 ? `与 ${unitList(shared, 'zh')} 重复。` : ''}${fixedZh}${minZh}`,
    };
  },
  givenUp: (name: LocalizedText, score: number, reasons: readonly PositionsReason[], nameOf: (code: string) => LocalizedText): LocalizedText => {
    const en: string[] = [];
    const zh: string[] = [];
    for (const r of reasons) {
      if (r.kind === 'cap-reached') {
        en.push(`the cap of ${r.cap} leaders is reached (${r.leaders.join(', ')})`);
        zh.push(`主导单元已达上限 ${r.cap} 个（${r.leaders.join('、')}）`);
      } else if (r.kind === 'duplication') {
        en.push(`it would duplicate ${unitList(r.shared, 'en')} (cost ${f2(r.cost)})`);
        zh.push(`会与 ${unitList(r.shared, 'zh')} 重复（代价 ${f2(r.cost)}）`);
      } else if (r.kind === 'ring-rule') {
        en.push(`the ring rule keeps ${nameOf(r.kept).en}`);
        zh.push(`环层规则保留了${nameOf(r.kept).zh}`);
      } else if (r.kind === 'fixed-choice') {
        en.push(`fixed choices take the leads (${r.fixed.join(', ')})`);
        zh.push(`固定选择占用了主导位置（${r.fixed.join('、')}）`);
      } else if (r.kind === 'too-small') {
        en.push(`it is only ${(100 * r.share).toFixed(2)}% of the unit's activity (below minShare, ${(100 * r.minShare).toFixed(2)}%)`);
        zh.push(`只占该单元经济活动的 ${(100 * r.share).toFixed(2)}%（低于 minShare，${(100 * r.minShare).toFixed(2)}%）`);
      } else if (r.kind === 'not-worth-it') {
        en.push(
          r.cost > 0
            ? `its score net of duplication is not positive (${f2(r.score)} − ${f2(r.cost)} = ${signed(r.score - r.cost)}), so leading it adds nothing`
            : `its score is not positive (${signed(r.score)}), so leading it adds nothing`,
        );
        zh.push(
          r.cost > 0
            ? `扣除重复代价后得分不为正（${f2(r.score)} − ${f2(r.cost)} = ${signed(r.score - r.cost)}），主导它没有增益`
            : `得分不为正（${signed(r.score)}），主导它没有增益`,
        );
      } else if (r.kind === 'lower-score') {
        en.push(`it scores below every chosen industry (lowest chosen ${f2(r.lowestChosen)})`);
        zh.push(`得分低于所有已选行业（已选最低 ${f2(r.lowestChosen)}）`);
      } else {
        en.push('the metro-wide optimum trades it off against other units’ choices');
        zh.push('全都市圈的最优解在与其他单元的选择之间权衡后放弃了它');
      }
    }
    return { en: `Gives up ${name.en} (score ${f2(score)}): ${en.join('; ')}.`, zh: `放弃${name.zh}（得分 ${f2(score)}）：${zh.join('；')}。` };
  },
} as const;

/** The resolved options of the optimiser and the output. */
interface Resolved {
  readonly leadsPerUnit: number;
  readonly minLeadsPerUnit: number;
  readonly maxLeadersPerIndustry: number;
  readonly duplicationPenalty: number;
  readonly minShare: number;
  readonly ringRule: boolean;
  readonly fixFromPlans: boolean;
  readonly fixed: readonly string[];
  readonly solver: PositioningSolver;
  readonly method: PositioningMethod;
  readonly exactLimit: number;
  readonly candidatesPerUnit: number;
  readonly partnersPerUnit: number;
  readonly sensitivity: boolean;
  readonly givenUpShown: number;
  readonly todayShown: number;
}

function resolve(units: number, traded: number, o: PlanPositionsOptions): Resolved {
  const leadsPerUnit = o.leadsPerUnit ?? 2;
  const d = defaultPositioningOptions(units, traded, Number.isInteger(leadsPerUnit) && leadsPerUnit > 0 ? leadsPerUnit : 2);
  const r: Resolved = {
    leadsPerUnit,
    minLeadsPerUnit: o.minLeadsPerUnit ?? d.minLeadsPerUnit,
    maxLeadersPerIndustry: o.maxLeadersPerIndustry ?? d.maxLeadersPerIndustry,
    duplicationPenalty: o.duplicationPenalty ?? d.duplicationPenalty,
    minShare: o.minShare ?? 0.01,
    ringRule: o.ringRule ?? false,
    fixFromPlans: o.fixFromPlans ?? false,
    fixed: [...(o.fixed ?? [])],
    solver: o.solver ?? d.solver,
    method: o.method ?? d.method,
    exactLimit: o.exactLimit ?? d.exactLimit,
    candidatesPerUnit: o.candidatesPerUnit ?? Math.max(d.candidatesPerUnit, 3 * (Number.isInteger(leadsPerUnit) ? leadsPerUnit : 1)),
    partnersPerUnit: o.partnersPerUnit ?? d.partnersPerUnit,
    sensitivity: o.sensitivity ?? true,
    givenUpShown: o.givenUpShown ?? 3,
    todayShown: o.todayShown ?? 3,
  };
  for (const [k, v] of [
    ['ringRule', r.ringRule],
    ['fixFromPlans', r.fixFromPlans],
    ['sensitivity', r.sensitivity],
  ] as const)
    if (typeof v !== 'boolean') throw new InvalidInputError(m.invalidOption(fn, k, v, 'true or false'), { option: k }, 'INVALID_OPTION');
  if (!Number.isInteger(r.leadsPerUnit) || r.leadsPerUnit < 1)
    throw new InvalidInputError(m.invalidOption(fn, 'leadsPerUnit', r.leadsPerUnit, 'an integer ≥ 1'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(r.minLeadsPerUnit) || r.minLeadsPerUnit < 1 || r.minLeadsPerUnit > r.leadsPerUnit)
    throw new InvalidInputError(text.minLeads(r.minLeadsPerUnit, r.leadsPerUnit), { option: 'minLeadsPerUnit' }, 'INVALID_OPTION');
  if (typeof r.minShare !== 'number' || !(r.minShare >= 0 && r.minShare < 1))
    throw new InvalidInputError(m.invalidOption(fn, 'minShare', r.minShare, 'a number in [0, 1)'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(r.givenUpShown) || r.givenUpShown < 0)
    throw new InvalidInputError(m.invalidOption(fn, 'givenUpShown', r.givenUpShown, 'an integer ≥ 0'), undefined, 'INVALID_OPTION');
  if (!Number.isInteger(r.todayShown) || r.todayShown < 1)
    throw new InvalidInputError(m.invalidOption(fn, 'todayShown', r.todayShown, 'an integer ≥ 1'), undefined, 'INVALID_OPTION');
  return r;
}

/** The positioning items of one unit, in id order. */
function statedItems(knowledge: readonly AnalysisKnowledgeItem[], unit: string): AnalysisKnowledgeItem[] {
  return knowledge.filter((k) => k.kind === 'positioning' && k.unit === unit).sort((a, b) => byCode(a.id, b.id));
}

/** The stated column of one unit. */
function statedColumn(
  a: MetroAnalysis,
  items: readonly AnalysisKnowledgeItem[],
  u: number,
  judgeable: boolean,
  candidates: ReadonlySet<string>,
  chosen: ReadonlySet<string>,
): PositionsStated[] {
  const unit = a.units[u]?.id as string;
  const codes = a.industries.map((i) => i.code);
  return items.map((k) => {
    const region = k.region ?? unit;
    const inside = region !== unit;
    const testable = !inside && judgeable;
    return {
      item: k.id,
      region,
      testable,
      verified: k.verified,
      textEn: k.textEn,
      textZh: k.textZh,
      industries: k.industries.map((industry) => {
        const col = codes.indexOf(industry);
        return {
          industry,
          lq: col < 0 ? null : ((a.specialisation.lq[u] as number[])[col] as number),
          candidate: candidates.has(industry),
          chosen: chosen.has(industry),
        };
      }),
      note: inside ? text.notTestable(region, unit) : judgeable ? null : text.tooCoarse(),
    };
  });
}

/** The today column: the unit's strongest advantages by LQ (≥ the analysis's advantageLq; traded only when judgeable). */
function todayColumn(a: MetroAnalysis, u: number, judgeable: boolean, shown: number): PositionsUnit['today'] {
  const traded = new Set(a.homogenisation.traded.industries);
  const row = a.specialisation.lq[u] as number[];
  return a.industries
    .map((ind, i) => ({ industry: ind.code, lq: row[i] as number, traded: traded.has(ind.code) }))
    .filter((d) => d.lq >= a.options.advantageLq && (d.traded || !judgeable))
    .sort((x, y) => y.lq - x.lq || byCode(x.industry, y.industry))
    .slice(0, shown);
}

/** Fixed choices from the plans (when asked) and the explicit option, with who fixed them. */
function fixedChoices(
  ctx: PlanningContext,
  cap: UnitCapability,
  r: Resolved,
  notes: LocalizedText[],
): { fixed: FixedPosition[]; by: Map<string, { kind: 'plan' | 'explicit'; items: string[] }> } {
  const by = new Map<string, { kind: 'plan' | 'explicit'; items: string[] }>();
  const candidates = new Set(cap.industries);
  const units = new Set(cap.units);
  if (r.fixFromPlans) {
    const knowledge = [...(ctx.input.knowledge ?? [])].sort((x, y) => byCode(x.id, y.id));
    for (const k of knowledge) {
      if (k.kind !== 'positioning' || k.unit === null || (k.region ?? k.unit) !== k.unit || !units.has(k.unit)) continue;
      const skipped = k.industries.filter((i) => !candidates.has(i));
      if (skipped.length > 0) notes.push(text.planSkipped(k.id, k.unit, skipped));
      for (const industry of k.industries.filter((i) => candidates.has(i))) {
        const key = `${k.unit}:${industry}`;
        const entry = by.get(key) ?? { kind: 'plan' as const, items: [] };
        entry.items.push(k.id);
        by.set(key, entry);
      }
    }
  }
  for (const f of r.fixed) {
    const at = typeof f === 'string' ? f.indexOf(':') : -1;
    if (at <= 0 || at === f.length - 1) throw new InvalidInputError(text.badFixed(String(f)), { option: 'fixed' }, 'INVALID_OPTION');
    const unit = f.slice(0, at);
    const industry = f.slice(at + 1);
    if (!units.has(unit)) throw new InvalidInputError(text.unknownUnit(unit), { unit }, 'NOT_FOUND');
    if (!candidates.has(industry)) throw new InvalidInputError(text.notCandidate(unit, industry), { unit, industry }, 'INVALID_INPUT');
    if (!by.has(`${unit}:${industry}`)) by.set(`${unit}:${industry}`, { kind: 'explicit', items: [] });
  }
  // Plans that state more leads for a unit than it may have: named here (the optimiser would name only the count).
  const perUnit = new Map<string, string[]>();
  for (const [key, entry] of by)
    if (entry.kind === 'plan') perUnit.set(key.slice(0, key.indexOf(':')), [...(perUnit.get(key.slice(0, key.indexOf(':'))) ?? []), ...entry.items]);
  for (const [unit, items] of [...perUnit].sort((x, y) => byCode(x[0], y[0]))) {
    const count = [...by.keys()].filter((key) => key.startsWith(`${unit}:`)).length;
    if (count > r.leadsPerUnit)
      throw new InvalidInputError(text.plansExceed(unit, count, [...new Set(items)].sort(byCode), r.leadsPerUnit), { unit, fixed: count }, 'INFEASIBLE');
  }
  const fixed = [...by.keys()].sort(byCode).map((key) => {
    const at = key.indexOf(':');
    return { unit: key.slice(0, at), industry: key.slice(at + 1) };
  });
  return { fixed, by };
}

/** One sensitivity variant: which weight, its factor and value. */
interface Variant {
  readonly weight: PositionsWeightName;
  readonly factor: number;
  readonly value: number;
}

/** The variants: each used component weight and λ halved and doubled, and λ = 0 (weights that are 0 are not varied). */
function variants(cap: UnitCapability, lambda: number): Variant[] {
  const used = new Set(cap.components.filter((c) => c.used).map((c) => c.name));
  const byName: [PositionsWeightName, string, number][] = [
    ['locationQuotient', 'location-quotient', cap.weights.locationQuotient],
    ['relatedness', 'relatedness-density', cap.weights.relatedness],
    ['competitiveShift', 'competitive-shift', cap.weights.competitiveShift],
    ['chain', 'chain-complementarity', cap.weights.chain],
  ];
  const out: Variant[] = [];
  for (const [weight, component, value] of byName) {
    if (!used.has(component as never) || value === 0) continue;
    out.push({ weight, factor: 0.5, value: value / 2 }, { weight, factor: 2, value: value * 2 });
  }
  if (lambda > 0)
    out.push(
      { weight: 'duplicationPenalty', factor: 0.5, value: lambda / 2 },
      { weight: 'duplicationPenalty', factor: 2, value: lambda * 2 },
      { weight: 'duplicationPenalty', factor: 0, value: 0 },
    );
  return out;
}

/** The candidate industries with their names, group, the components' metro means and their leaders. */
function industryRows(a: PlanningContext['analysis'], cap: UnitCapability, leadersOf: (c: number) => string[]): PositionsPart['industries'] {
  const groups = a.structure.industryGroups;
  return cap.industries.map((code, c) => ({
    code,
    nameEn: a.industries.find((i) => i.code === code)?.nameEn ?? null,
    nameZh: a.industries.find((i) => i.code === code)?.nameZh ?? null,
    traded: cap.traded[c] === 1,
    group: groups[code] ?? 'unknown',
    relatednessMean: cap.relatednessMean?.[c] ?? null,
    chainMean: cap.chainMean?.[c] ?? null,
    leaders: leadersOf(c),
  }));
}

/**
 * Chooses every unit's lead industries and reports the three columns (stated, optimum, today) with the numbers
 * behind each choice, what was given up and why, and the sensitivity to the main weights. Async (the solver loads
 * on the first call). Deterministic: the same context and options give the same part.
 *
 * Throws InvalidInputError: `INVALID_OPTION` (a weight, count or the `fixed` format), `NOT_FOUND` (a fixed unit),
 * `INVALID_INPUT` (a fixed industry that is not a candidate), `INFEASIBLE` (the settings conflict — leads, cap,
 * ring rule, fixed choices — and the message names the constraints).
 * @example
 * const part = await planPositions(ctx, { ringRule: true });
 * part.units.map((u) => [u.unit, u.chosen.map((c) => c.industry)]);
 */
export async function planPositions(ctx: PlanningContext, options: PlanPositionsOptions = {}): Promise<PositionsPart> {
  const a = ctx.analysis;
  const U = a.units.length;
  const cap = unitCapability(ctx, options);
  const r = resolve(
    U,
    cap.traded.reduce((s, t) => s + t, 0),
    options,
  );
  const judgeable = a.homogenisation.traded.judgeable;
  const knowledge = [...(ctx.input.knowledge ?? [])];
  const notes: LocalizedText[] = [];
  const industryName = new Map(a.industries.map((i) => [i.code, { en: i.nameEn ?? i.code, zh: i.nameZh ?? i.nameEn ?? i.code }]));
  const nameOf = (code: string): LocalizedText => {
    const n = industryName.get(code) ?? { en: code, zh: code };
    return { en: `${n.en} (${code})`, zh: `${n.zh}（${code}）` };
  };
  const settings: PositionsPart['settings'] = {
    leadsPerUnit: r.leadsPerUnit,
    minLeadsPerUnit: r.minLeadsPerUnit,
    maxLeadersPerIndustry: r.maxLeadersPerIndustry,
    duplicationPenalty: r.duplicationPenalty,
    weights: { ...cap.weights },
    candidates: options.candidates ?? 'traded',
    ringRule: r.ringRule,
    fixFromPlans: r.fixFromPlans,
    fixed: [...r.fixed],
    minShare: r.minShare,
    minUnitsForRelatedness: options.minUnitsForRelatedness ?? 20,
    shiftBaseYear: cap.shiftBaseYear,
    solver: r.solver,
    method: r.method,
    exactLimit: r.exactLimit,
    candidatesPerUnit: r.candidatesPerUnit,
    partnersPerUnit: r.partnersPerUnit,
  };
  const components = cap.components.map((c) => ({ ...c }));
  const duplication = { basis: cap.linkage.basis, pairs: cap.linkage.pairs, missingPairs: cap.linkage.missingPairs, reason: cap.linkage.reason };
  const candidateSet = new Set(cap.industries);
  const groups = a.structure.industryGroups;

  if (!judgeable) {
    return {
      status: 'not-judgeable',
      reason: text.notJudgeable(a.unitSet.classification, a.homogenisation.traded.industries.length, a.options.minTradedIndustries),
      settings,
      components,
      duplication,
      industries: industryRows(a, cap, () => []),
      solve: null,
      units: a.units.map((unit, u) => ({
        unit: unit.id,
        nameEn: unit.nameEn,
        nameZh: unit.nameZh,
        ring: unit.ring,
        chosen: [],
        givenUp: [],
        stated: statedColumn(a, statedItems(knowledge, unit.id), u, false, candidateSet, new Set()),
        today: todayColumn(a, u, false, r.todayShown),
      })),
      sensitivity: null,
      notes,
    };
  }

  const C = cap.industries.length;
  const { fixed, by: fixedBy } = fixedChoices(ctx, cap, r, notes);
  const producerServices = cap.industries.filter((code) => groups[code] === 'producer-services');
  const coreUnits = a.units.filter((u) => u.ring === 'core').map((u) => u.id);
  const requirements: PositioningRequirement[] = r.ringRule ? coreUnits.map((unit) => ({ unit, industries: producerServices, rule: ringRuleName })) : [];
  if (r.ringRule && coreUnits.length === 0) notes.push(text.noCore());
  // Eligibility: the unit's share in the industry ≥ minShare, or among its minLeadsPerUnit largest candidates, or
  // (ring rule) its largest producer service; fixed choices are always eligible (choosePositions).
  const share = new Float64Array(U * C);
  for (let u = 0; u < U; u++) for (let c = 0; c < C; c++) share[u * C + c] = ((a.structure.composition[u] as number[])[cap.column[c] as number] as number) ?? 0;
  const bySize = (u: number, cs: number[]) => cs.sort((x, y) => (share[u * C + y] as number) - (share[u * C + x] as number) || x - y);
  const isCoreUnit = new Set(coreUnits);
  /** Eligible cells when every unit keeps at least its `keep` largest candidates. */
  const eligibility = (keep: number): Uint8Array => {
    const out = new Uint8Array(U * C);
    for (let u = 0; u < U; u++) {
      const all = Array.from({ length: C }, (_, c) => c);
      for (const c of all) if ((share[u * C + c] as number) >= r.minShare) out[u * C + c] = 1;
      for (const c of bySize(u, [...all]).slice(0, keep)) out[u * C + c] = 1;
      if (r.ringRule && isCoreUnit.has(cap.units[u] as string)) {
        const ps = bySize(
          u,
          all.filter((c) => producerServices.includes(cap.industries[c] as string)),
        );
        if (ps.length > 0 && !ps.some((c) => out[u * C + c])) out[u * C + (ps[0] as number)] = 1;
      }
    }
    return out;
  };
  let eligible = eligibility(r.minLeadsPerUnit);
  const baseInput = (score: Float64Array): PositioningInput => ({
    units: cap.units,
    industries: cap.industries.map((code, c) => ({ code, traded: cap.traded[c] === 1 })),
    capability: score,
    duplicationWeight: cap.linkage.weights,
    fixed,
    requirements,
    eligible,
  });
  const solverOptions = (lambda: number) => ({
    leadsPerUnit: r.leadsPerUnit,
    minLeadsPerUnit: r.minLeadsPerUnit,
    maxLeadersPerIndustry: r.maxLeadersPerIndustry,
    duplicationPenalty: lambda,
    solver: r.solver,
    method: r.method,
    exactLimit: r.exactLimit,
    candidatesPerUnit: r.candidatesPerUnit,
    partnersPerUnit: r.partnersPerUnit,
  });
  // minShare must not make the settings infeasible by itself (the caps can push a unit into an industry that is small
  // in it): when it does, every unit keeps its `keep` largest candidates, the smallest `keep` that is feasible.
  const solveWith = (keep: number) => {
    eligible = eligibility(keep);
    return choosePositions(baseInput(cap.score), solverOptions(r.duplicationPenalty));
  };
  const isInfeasible = (e: unknown) => e instanceof InvalidInputError && e.code === 'INFEASIBLE';
  let result: PositioningResult;
  try {
    result = await solveWith(r.minLeadsPerUnit);
  } catch (e) {
    if (!isInfeasible(e) || eligible.every((x) => x === 1)) throw e;
    // Feasible at all? (Throws the conflict of the other constraints, named, if not.)
    let high = C;
    let best = await solveWith(high);
    let low = r.minLeadsPerUnit;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      try {
        best = await solveWith(mid);
        high = mid;
      } catch (inner) {
        if (!isInfeasible(inner)) throw inner;
        low = mid;
      }
    }
    eligible = eligibility(high);
    result = high === C ? best : await solveWith(high);
    notes.push(text.minShareRelaxed(high, r.minShare));
  }
  const relativeGap = result.bound > 0 ? result.gap / result.bound : null;
  if (result.method === 'heuristic') notes.push(text.heuristic(result.candidatesPerUnit ?? C, result.partnersPerUnit, result.gap, relativeGap));

  // Sensitivity: re-solve each variant and record which chosen cells drop out.
  const flips = new Map<number, { weight: PositionsWeightName; factor: number }[]>();
  let sensitivity: PositionsPart['sensitivity'] = null;
  if (r.sensitivity) {
    const runs: NonNullable<PositionsPart['sensitivity']>['runs'][number][] = [];
    for (const v of variants(cap, r.duplicationPenalty)) {
      const weights: CapabilityWeights = v.weight === 'duplicationPenalty' ? cap.weights : { ...cap.weights, [v.weight]: v.value };
      const score = v.weight === 'duplicationPenalty' ? cap.score : capabilityScore(cap, weights, U * C);
      const lambda = v.weight === 'duplicationPenalty' ? v.value : r.duplicationPenalty;
      const other: PositioningResult = await choosePositions(baseInput(score), solverOptions(lambda));
      const changed = new Set<string>();
      for (let k = 0; k < U * C; k++) {
        if (result.chosen[k] === other.chosen[k]) continue;
        changed.add(cap.units[Math.floor(k / C)] as string);
        if (result.chosen[k]) flips.set(k, [...(flips.get(k) ?? []), { weight: v.weight, factor: v.factor }]);
      }
      runs.push({ weight: v.weight, factor: v.factor, value: v.value, objective: other.objective, changedUnits: [...changed].sort(byCode) });
    }
    let of = 0;
    for (let k = 0; k < U * C; k++) if (result.chosen[k]) of++;
    sensitivity = { runs, stable: of - flips.size, of };
  }

  // Per-unit columns.
  const K = r.maxLeadersPerIndustry;
  const lambda = r.duplicationPenalty;
  const leaders: string[][] = cap.industries.map((_, c) => cap.units.filter((_, u) => result.chosen[u * C + c] === 1));
  const values = (k: number): PositionsComponentValues => ({
    lq: cap.lq[k] as number,
    locationQuotient: cap.locationQuotient[k] as number,
    relatedness: cap.relatedness === null || cap.relatednessAbsent?.[k] ? null : (cap.relatedness[k] as number),
    competitiveShift: cap.competitiveShift === null || cap.competitiveShiftAbsent?.[k] ? null : (cap.competitiveShift[k] as number),
    chain: cap.chain === null || cap.chainAbsent?.[k] ? null : (cap.chain[k] as number),
  });
  const W = cap.linkage.weights;
  const sharedWith = (u: number, c: number) => {
    const all = cap.traded[c]
      ? cap.units
          .map((unit, v) => ({ unit, weight: W[u * U + v] as number, v }))
          .filter((p) => p.v !== u && p.weight > 0 && result.chosen[p.v * C + c] === 1)
          .sort((x, y) => y.weight - x.weight || byCode(x.unit, y.unit))
      : [];
    return {
      units: all.length,
      weight: all.reduce((s, p) => s + p.weight, 0),
      partners: all.slice(0, 5).map((p) => ({ unit: p.unit, weight: p.weight })),
    };
  };
  const psSet = new Set(producerServices);

  const units: PositionsUnit[] = a.units.map((unit, u) => {
    const chosenCodes = new Set<string>();
    const chosen: PositionsChoice[] = [];
    let count = 0;
    for (let c = 0; c < C; c++) count += result.chosen[u * C + c] as number;
    for (let c = 0; c < C; c++) {
      if (!result.chosen[u * C + c]) continue;
      const k = u * C + c;
      const code = cap.industries[c] as string;
      chosenCodes.add(code);
      const partners = cap.chainPartners(u, c).slice(0, 3);
      const shared = sharedWith(u, c);
      const f = fixedBy.get(`${unit.id}:${code}`);
      const fixedKind = f?.kind ?? null;
      const v = values(k);
      const ringRule = r.ringRule && isCoreUnit.has(unit.id) && psSet.has(code);
      const netScore = (cap.score[k] as number) - lambda * shared.weight;
      // Not fixed, not the ring rule's, and adding nothing: there only because the unit must lead minLeadsPerUnit.
      const minimumOnly = netScore <= 0 && fixedKind === null && !ringRule && count <= r.minLeadsPerUnit;
      chosen.push({
        industry: code,
        score: cap.score[k] as number,
        netScore,
        components: v,
        chainPartners: partners,
        shared,
        fixed: fixedKind,
        fixedBy: f?.items ?? [],
        ringRule,
        minimumOnly,
        sensitivity: sensitivity === null ? null : { stable: !flips.has(k), flips: flips.get(k) ?? [] },
        note: text.chosen(
          nameOf(code),
          v,
          cap.score[k] as number,
          partners.map((p) => p.unit),
          shared,
          fixedKind,
          minimumOnly ? { net: netScore, min: r.minLeadsPerUnit } : null,
        ),
      });
    }
    chosen.sort((x, y) => y.score - x.score || byCode(x.industry, y.industry));
    const lowest = Math.min(...chosen.map((c) => c.score));
    const notChosen = Array.from({ length: C }, (_, c) => c)
      .filter((c) => !result.chosen[u * C + c])
      .sort((x, y) => (cap.score[u * C + y] as number) - (cap.score[u * C + x] as number) || x - y);
    // With room for another lead, the best industries not taken are what was given up (each was not worth adding,
    // or could not be added); with every lead taken, those scoring above a chosen one.
    const room = chosen.length < r.leadsPerUnit;
    const passedOver = room ? notChosen : notChosen.filter((c) => (cap.score[u * C + c] as number) > lowest);
    const givenUp: PositionsGivenUp[] = [];
    const shownUp = passedOver.length > 0 ? passedOver.slice(0, r.givenUpShown) : notChosen.slice(0, Math.min(1, r.givenUpShown));
    for (const c of shownUp) {
      const k = u * C + c;
      const code = cap.industries[c] as string;
      const score = cap.score[k] as number;
      const reasons: PositionsReason[] = [];
      if (passedOver.length === 0) reasons.push({ kind: 'lower-score', lowestChosen: lowest });
      else if (!eligible[k] && !fixedBy.has(`${unit.id}:${code}`)) reasons.push({ kind: 'too-small', share: share[k] as number, minShare: r.minShare });
      else {
        const capped = cap.traded[c] === 1 && (leaders[c] as string[]).length >= K;
        if (capped) reasons.push({ kind: 'cap-reached', cap: K, leaders: [...(leaders[c] as string[])] });
        const dup = sharedWith(u, c);
        const cost = lambda * dup.weight;
        if (cost > 0) reasons.push({ kind: 'duplication', cost, shared: dup });
        if (!capped && score - cost <= 0) reasons.push({ kind: 'not-worth-it', score, cost });
        if (r.ringRule && isCoreUnit.has(unit.id) && !psSet.has(code)) {
          const keptPs = chosen.filter((x) => psSet.has(x.industry));
          const kept = keptPs[0];
          if (keptPs.length === 1 && kept !== undefined && kept.score < score) reasons.push({ kind: 'ring-rule', kept: kept.industry });
        }
        const fixedBelow = chosen.filter((x) => x.fixed !== null && x.score < score).map((x) => x.industry);
        if (fixedBelow.length > 0) reasons.push({ kind: 'fixed-choice', fixed: fixedBelow });
        if (reasons.length === 0) reasons.push({ kind: 'joint-optimum' });
      }
      givenUp.push({ industry: code, score, components: values(k), reasons, note: text.givenUp(nameOf(code), score, reasons, nameOf) });
    }
    return {
      unit: unit.id,
      nameEn: unit.nameEn,
      nameZh: unit.nameZh,
      ring: unit.ring,
      chosen,
      givenUp,
      stated: statedColumn(a, statedItems(knowledge, unit.id), u, true, candidateSet, chosenCodes),
      today: todayColumn(a, u, true, r.todayShown),
    };
  });

  const fewer = units.filter((x) => x.chosen.length < r.leadsPerUnit).length;
  if (fewer > 0) notes.push(text.fewerLeads(fewer, units.length, r.minLeadsPerUnit, r.leadsPerUnit));
  return {
    status: 'optimised',
    reason: null,
    settings,
    components,
    duplication,
    industries: industryRows(a, cap, (c) => leaders[c] as string[]),
    solve: {
      method: result.method,
      formulation: result.formulation,
      solver: r.solver,
      objective: result.objective,
      capability: result.capability,
      duplication: result.duplication,
      bound: result.bound,
      gap: result.gap,
      relativeGap,
      candidatesPerUnit: result.candidatesPerUnit,
      partnersPerUnit: result.partnersPerUnit,
    },
    units,
    sensitivity,
    notes,
  };
}
