/**
 * Cooperation opportunities (issue 10, point 2): ranked pairs × industries of a metro area, each with the chain
 * links behind it and the cooperation modes of the paper's Table 1 B that fit it, every mode with the numbers that
 * decided it and the real examples of that mode from the knowledge base (docs/spec/methods.md, "Table 1 (paper)"
 * and "How the system should operationalise Table 1"; docs/methodology/planning-opportunities.md).
 *
 * An opportunity is a pair of units, industries on each side and a direction, from one of three sources:
 * - **chain** — a supplier → buyer link of the pair's IO chain complementarity (analysis.complementarity.links);
 * - **transfer** — an industry in which the higher-cost unit lags and the other is ahead (industrial gradient IG =
 *   LQ × CPOR when the analysis has it, else the location quotient; GDP per capita as the proxy of land and labour
 *   cost): transfer from the high-cost, low-gradient origin to the unit ahead (戴宏伟 2006; methods.md M6);
 * - **innovation** — an R&D gap ("R&D in core, commercialisation in ring"): the unit with the larger share of ISIC M
 *   industries and the other unit's production (ISIC C) industries in which it is specialised.
 *
 * Rules (each threshold an option; the analysis's own thresholds are the defaults where the analysis has one):
 *
 * | rule | mode | recommended when |
 * |---|---|---|
 * | O1 | industrial-transfer | gradient_to ÷ gradient_from ≥ gradientRatio, gradient_to ≥ aheadGradient, GDPpc_from ÷ GDPpc_to ≥ costRatio |
 * | O2 | chain-collaboration | the pair's chain ratio ≥ chainHigh and the link's share of the pair's complementarity ≥ linkShare |
 * | O3 | joint-park | crosses an administrative boundary, normalised gravity ≥ jointParkLinkage, GDPpc ratio < enclaveGdpRatio |
 * | O4 | enclave | as O3 but GDPpc ratio ≥ enclaveGdpRatio: the richer unit runs a park in the poorer (正向飞地) |
 * | O5 | innovation-cooperation | R&D-share ratio ≥ rdRatio (both shares > 0), the leader an R&D centre (its share ≥ the metro's), the other unit a production base (a traded ISIC C industry with LQ ≥ productionLq); one item per such industry |
 * | O6 | factor-market-integration | near (rail minutes ≤ nearMinutes, or km ≤ nearKm) and crosses an administrative boundary |
 *
 * O3, O4 and O6 are pair-level: they are listed with the pair and carried by each of its opportunities (the vehicle
 * of a transfer or a chain collaboration). A pair crosses a boundary when the units' administrative parents differ,
 * or both are top level (`ctx.parents` null). A criterion whose number is missing is never guessed: the mode is
 * listed under the pair's `undecided`, with the reason. On a table too coarse to judge traded industries (three
 * sectors; analysis.homogenisation.traded.judgeable false) there are no industry-level opportunities, only pairs.
 *
 * Score: activity share × linkage. Activity share = the activity of the item's industries on its two sides ÷ the
 * metro's total activity (the unit set's own indicator): how much of the economy the item concerns. Linkage =
 * normalised gravity (analysis.linkage) when every pair has it, else the proximity score (1 at the near threshold, 0
 * at the far one) on the analysis's impedance when every pair has that, else whichever is known for more pairs.
 * Ranked by score (unknown scores last, by activity share), then id; the first `headline` are the headline list, the
 * first `maxItems` are listed, the rest counted.
 *
 * Pure and synchronous; deterministic order. Reference: 戴宏伟 (2006) 经济理论与经济管理 2006(12); methods.md M6, M7,
 * M11, Table 1 B.
 */
import type { AnalysisKnowledgeItem } from '../analysis/types.ts';
import { InvalidInputError, type Language, type LocalizedText } from '../errors/metro-error.ts';
import { findingNames, fmt } from '../text/findings-text.ts';
import type {
  ModeDecision,
  ModeExample,
  OpportunitiesPart,
  Opportunity,
  OpportunityChainLink,
  OpportunityPair,
  UndecidedMode,
} from './opportunities-schema.ts';
import { opportunitiesSchemaVersion } from './opportunities-schema.ts';
import type { CooperationMode, PlanningContext } from './types.ts';

const fn = 'findOpportunities';

/** Options of {@link findOpportunities}: every threshold, with its default. */
export interface OpportunityOptions {
  /**
   * O1: the destination's gradient (IG or LQ) at least this multiple of the origin's. Default: the analysis's
   * `gradientRatio` (2, methods.md M6; the typology's transfer rule). ≥ 1.
   */
  readonly gradientRatio?: number;
  /** O1: the destination is "ahead" in the industry: its gradient at least this. Default 1 (IG > 1 = ahead, M6; LQ > 1 = above its share). */
  readonly aheadGradient?: number;
  /**
   * O1: the origin's GDP per capita at least this multiple of the destination's (GDP per capita stands in for land
   * and labour cost). Default 1.25: a quarter higher — our documented reading; wages and land prices differ more
   * between a core and its ring than output per head does. ≥ 1.
   */
  readonly costRatio?: number;
  /** O2: the pair's chain ratio at least this. Default: the analysis's `chainHigh` (2; the typology's chain-stage rule). */
  readonly chainHigh?: number;
  /**
   * O2: the link's contribution at least this share of the pair's chain complementarity in both directions (C_ab +
   * C_ba). Default 0.1: the link carries a tenth of what ties the two units' specialisations. 0–1.
   */
  readonly linkShare?: number;
  /** O3/O4: normalised gravity linkage at least this. Default 0.5 (the typology's joint-park-or-enclave rule). 0–1. */
  readonly jointParkLinkage?: number;
  /**
   * O4: the richer unit's GDP per capita at least this multiple of the poorer's makes the park an enclave run by the
   * richer unit (正向飞地) rather than a joint park. Default 2: the operator produces twice as much per head as the
   * host (深汕, 苏宿 are wider gaps; a documented reading of "a large development gap"). ≥ 1.
   */
  readonly enclaveGdpRatio?: number;
  /** O5: the higher R&D share at least this multiple of the lower. Default 2 (the typology's innovation rule). ≥ 1. */
  readonly rdRatio?: number;
  /** O5 items: the production unit's LQ in a production industry at least this. Default 1 (more than its share; Isard 1960). */
  readonly productionLq?: number;
  /** O6: rail minutes at or below which a pair is near. Default: the analysis's `nearMinutes` (60, ≤ 1 h commuting, Table 1 D). */
  readonly nearMinutes?: number;
  /** O6: great-circle km at or below which a pair is near. Default: the analysis's `nearKm` (100). */
  readonly nearKm?: number;
  /** How many opportunities (and pairs) are headlines. Default: the analysis's `headlineFindings` (12). Integer ≥ 0. */
  readonly headline?: number;
  /** How many opportunities (and pairs) are listed; the rest are counted. Default 200. Integer ≥ 1. */
  readonly maxItems?: number;
}

/** The defaults of the options that are not the analysis's own thresholds. */
export const defaultOpportunityOptions = {
  aheadGradient: 1,
  costRatio: 1.25,
  linkShare: 0.1,
  jointParkLinkage: 0.5,
  enclaveGdpRatio: 2,
  rdRatio: 2,
  productionLq: 1,
  maxItems: 200,
} as const satisfies Partial<Required<OpportunityOptions>>;

type Resolved = Required<OpportunityOptions>;
type Text = LocalizedText;

const modeName: Record<CooperationMode, Text> = {
  'industrial-transfer': { en: 'industrial transfer', zh: '产业转移' },
  'joint-park': { en: 'jointly built park', zh: '共建园区' },
  enclave: { en: 'enclave', zh: '飞地经济' },
  'chain-collaboration': { en: 'chain collaboration', zh: '产业链协作' },
  'innovation-cooperation': { en: 'innovation cooperation', zh: '创新合作' },
  'factor-market-integration': { en: 'factor and market integration', zh: '要素与市场一体化' },
};

/** A list of ids in a sentence: at most eight, then how many more (the data keep them all). */
const list = (xs: readonly string[], lang: Language): string => {
  const head = xs.slice(0, 8).join(lang === 'zh' ? '、' : ', ');
  if (xs.length <= 8) return head;
  return lang === 'zh' ? `${head}等 ${xs.length} 个` : `${head} and ${xs.length - 8} more`;
};

/** The reasons and notes of the document, in both languages. */
const say = {
  invalidOption: (option: string, value: unknown, expected: string): Text => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为${expected}。`,
  }),
  unitMismatch: (what: string, label: string): Text => ({
    en: `${fn}: ${what} ${JSON.stringify(label)} of the analysis is not in ctx.input.matrix (got a context whose analysis and input differ); build the analysis from this input.`,
    zh: `${fn}：分析结果中的${what === 'unit' ? '单元' : '行业'} ${JSON.stringify(label)} 不在 ctx.input.matrix 中（分析与输入不一致）；请用同一输入生成分析。`,
  }),
  pairMismatch: (got: number, expected: number): Text => ({
    en: `${fn}: analysis.typology.pairs has ${got} pairs (got a malformed analysis); expected ${expected}, one per pair of units.`,
    zh: `${fn}：analysis.typology.pairs 有 ${got} 个单元对（分析结果不完整）；应为 ${expected} 个，每对单元一个。`,
  }),
  coarse: (classification: string, traded: number, min: number): Text => ({
    en: `The table (${classification}) has ${traded} traded industries, fewer than ${min}: it cannot tell industries apart, so no industry-level opportunities are drawn (transfer, chain collaboration and innovation items); only pair-level modes are listed.`,
    zh: `该表（${classification}）只有 ${traded} 个可贸易产业，少于 ${min} 个，无法区分产业，因此不给出产业层面的合作机会（产业转移、产业链协作、创新合作条目），只列出单元对层面的合作方式。`,
  }),
  costProxy: (): Text => ({
    en: 'Cost: GDP per capita stands in for land and labour cost (no cost data are read); it is a proxy — wages and land prices usually differ more than output per head.',
    zh: '成本：以人均地区生产总值代替土地与劳动力成本（未读取成本数据），仅为近似指标——工资与地价的差距通常大于人均产出的差距。',
  }),
  gradientIg: (classification: string, industries: number): Text => ({
    en: `Gradient: the industrial gradient coefficient IG = LQ × CPOR (${classification}, ${industries} industries shared with the analysis).`,
    zh: `梯度：产业梯度系数 IG = 区位熵 × 比较劳动生产率（${classification}，与分析共有 ${industries} 个产业）。`,
  }),
  gradientLq: (why: Text): Text => ({
    en: `Gradient: the location quotient (${why.en}); LQ measures specialisation, not productivity — a proxy for "ahead in the industry".`,
    zh: `梯度：区位熵（${why.zh}）；区位熵衡量专业化而非生产率，只是"产业领先"的近似指标。`,
  }),
  noIg: (): Text => ({
    en: 'the analysis has no industrial gradient: output and employment by industry are not both available',
    zh: '分析没有产业梯度系数：缺少同口径的分产业产出与就业',
  }),
  igOtherCodes: (classification: string): Text => ({
    en: `the industrial gradient (${classification}) shares no industry code with the analysis`,
    zh: `产业梯度系数（${classification}）与分析没有共同的产业代码`,
  }),
  linkageGravity: (): Text => ({
    en: "Linkage: normalised gravity linkage (analysis.linkage; 1 = the metro's strongest pair).",
    zh: '联系强度：标准化引力联系强度（analysis.linkage；1 = 都市圈内最强的单元对）。',
  }),
  linkageProximity: (kind: string, missing: number, pairs: number): Text => ({
    en: `Linkage: the proximity score on ${kind === 'rail-minutes' ? 'rail minutes' : 'great-circle km'} (1 at the near threshold, 0 at the far one), because ${missing} of ${pairs} pairs have no gravity linkage (population, GDP or a point missing).`,
    zh: `联系强度：按${kind === 'rail-minutes' ? '铁路时间' : '大圆距离'}计算的邻近得分（近阈值处为 1，远阈值处为 0），因为 ${pairs} 个单元对中有 ${missing} 个没有引力联系强度（缺人口、地区生产总值或坐标）。`,
  }),
  linkagePartial: (basis: 'gravity' | 'proximity', missing: number, pairs: number): Text => ({
    en: `Linkage: ${basis === 'gravity' ? 'normalised gravity' : 'the proximity score'}, the measure known for more pairs; ${missing} of ${pairs} pairs lack it, so their score is unknown (ranked after the scored ones, by activity share).`,
    zh: `联系强度：采用覆盖单元对更多的${basis === 'gravity' ? '标准化引力联系强度' : '邻近得分'}；${pairs} 个单元对中有 ${missing} 个缺少该值，其得分未知（排在有得分的条目之后，按经济活动占比排序）。`,
  }),
  chainSource: (pairs: number, links: number): Text => ({
    en: `Chain links: the analysis keeps the strongest supplier → buyer links of the pairs with a high chain ratio (${links} links of ${pairs} pairs); links of other pairs are not examined.`,
    zh: `产业链联系：分析只保留产业链比率高的单元对中最强的供给→购买联系（${pairs} 个单元对的 ${links} 条）；其他单元对的联系未检查。`,
  }),
  examplesNote: (): Text => ({
    en: "Examples: knowledge-base projects of the metro tagged with the mode and located in one of the pair's units; an empty list means the knowledge base has none — none is invented.",
    zh: '实例：知识库中标注了该合作方式、位于该单元对之一的本都市圈项目；列表为空表示知识库中没有，不作编造。',
  }),
  noGdp: (units: readonly string[]): Text => ({
    en: `No GDP per capita (or not of one year and unit for both partners) for ${list(units, 'en')}: industrial transfer and joint park versus enclave cannot be decided where they need it.`,
    zh: `${list(units, 'zh')} 缺少人均地区生产总值（或两个单元的年份、单位不一致）：需要它的产业转移与共建园区/飞地判断无法作出。`,
  }),
  noIo: (): Text => ({ en: 'No input–output table: chain collaboration cannot be judged.', zh: '没有投入产出表：无法判断产业链协作。' }),
  noRd: (classification: string): Text => ({
    en: `The classification ${classification} has no industry of ISIC section M (professional, scientific and technical activities): innovation cooperation cannot be judged.`,
    zh: `分类 ${classification} 中没有对应国际标准行业分类 M 门类（专业、科学和技术活动）的产业：无法判断创新合作。`,
  }),
  noParent: (units: readonly string[]): Text => ({
    en: `No administrative parent known for ${list(units, 'en')}: whether their pairs cross a boundary is unknown.`,
    zh: `${list(units, 'zh')} 的上级行政区未知：其单元对是否跨行政边界无法判断。`,
  }),
  // Reasons of undecided modes of one pair.
  gdpMissing: (units: readonly string[]): Text => ({
    en: `no GDP per capita of one year and unit for ${list(units, 'en')}`,
    zh: `${list(units, 'zh')} 缺少同一年份、同一单位的人均地区生产总值`,
  }),
  gravityMissing: (): Text => ({ en: 'no gravity linkage (population, GDP or a point missing)', zh: '没有引力联系强度（缺人口、地区生产总值或坐标）' }),
  parentMissing: (units: readonly string[]): Text => ({
    en: `administrative parent unknown for ${list(units, 'en')}`,
    zh: `${list(units, 'zh')} 的上级行政区未知`,
  }),
  distanceMissing: (): Text => ({ en: 'neither rail minutes nor km known', zh: '铁路时间与距离均未知' }),
  rdZero: (units: readonly string[]): Text => ({
    en: `R&D share is 0 in ${list(units, 'en')}, so the ratio is undefined`,
    zh: `${list(units, 'zh')} 的研发占比为 0，比值无定义`,
  }),
  undecidedEither: (reason: Text): Text => ({
    en: `boundary and linkage met, but joint park or enclave cannot be told: ${reason.en}`,
    zh: `跨界与联系强度条件已满足，但无法区分共建园区与飞地：${reason.zh}`,
  }),
} as const;

function resolveOptions(ctx: PlanningContext, options: OpportunityOptions): Resolved {
  const a = ctx.analysis.options;
  const o: Resolved = {
    gradientRatio: a.gradientRatio,
    chainHigh: a.chainHigh,
    nearMinutes: a.nearMinutes,
    nearKm: a.nearKm,
    headline: a.headlineFindings,
    ...defaultOpportunityOptions,
    ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as OpportunityOptions),
  };
  const check = (k: keyof Resolved, ok: (v: number) => boolean, expected: string) => {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new InvalidInputError(say.invalidOption(k, v, expected), { option: k }, 'INVALID_OPTION');
  };
  for (const k of ['gradientRatio', 'costRatio', 'enclaveGdpRatio', 'rdRatio'] as const)
    check(k, (v) => v >= 1, 'a finite number ≥ 1 (a ratio of the larger to the smaller)');
  for (const k of ['linkShare', 'jointParkLinkage'] as const) check(k, (v) => v >= 0 && v <= 1, 'a number from 0 to 1');
  for (const k of ['aheadGradient', 'chainHigh', 'productionLq', 'nearMinutes', 'nearKm'] as const) check(k, (v) => v >= 0, 'a finite number ≥ 0');
  check('headline', (v) => Number.isInteger(v) && v >= 0, 'an integer ≥ 0');
  check('maxItems', (v) => Number.isInteger(v) && v >= 1, 'an integer ≥ 1');
  return o;
}

/** A mode decided for a pair, before its examples are attached. */
type Decision = Omit<ModeDecision, 'examples'>;

/** An opportunity before it is materialised (only the listed ones are). */
interface Candidate {
  readonly kind: Opportunity['kind'];
  readonly p: number;
  readonly from: number;
  readonly to: number;
  readonly fromIndustries: readonly number[];
  readonly toIndustries: readonly number[];
  readonly id: string;
  readonly activityShare: number;
  readonly score: number | null;
  readonly own: Decision;
  /** For a chain item: its link. */
  readonly link?: OpportunityChainLink;
}

// Pair-level flags (one byte per pair): recommended modes in the low bits, undecided ones in the high bits.
const JOINT_PARK = 1;
const ENCLAVE = 2;
const FACTOR_MARKET = 4;
const INNOVATION = 8;
const UNDECIDED_PARK = 16;
const UNDECIDED_FACTOR_MARKET = 32;
const UNDECIDED_INNOVATION = 64;
const UNDECIDED_TRANSFER = 128;
const RECOMMENDED = JOINT_PARK | ENCLAVE | FACTOR_MARKET | INNOVATION;

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
/** A number kept in a typed array with -1 for "unknown" (every such number is ≥ 0), back to number | null. */
const known = (v: number): number | null => (v < 0 ? null : v);

/** Higher score first (unknown scores last, then by activity share). */
function byScore(xScore: number | null, xShare: number, yScore: number | null, yShare: number): number {
  if (xScore !== null && yScore !== null) return yScore - xScore;
  if (xScore !== null) return -1;
  if (yScore !== null) return 1;
  return yShare - xShare;
}

/**
 * The cooperation opportunities of a metro: ranked pairs × industries with a direction, the recommended modes of
 * methods.md Table 1 B with the numbers that decided them, the chain links behind them and real examples from the
 * knowledge base; on a table too coarse to judge industries, pair-level modes only (see the file header).
 *
 * Work is proportional to pairs × industries: every pair is judged on typed arrays; decision objects, texts and
 * examples are built only for the listed opportunities and pairs.
 *
 * Throws `InvalidInputError`: `INVALID_OPTION` (a threshold out of range), `UNIT_MISMATCH` (the analysis's units or
 * industries are not the input matrix's), `SHAPE_MISMATCH` (the analysis's pair columns are not one per pair).
 *
 * @example
 * const ctx = { input, analysis: analyzeMetro(input), parents: { 'CN-110000': null, 'CN-130000': null }, railGaps: [], relocations: null };
 * findOpportunities(ctx).opportunities[0]; // { kind: 'transfer', from: 'CN-110000', to: 'CN-130000', toIndustries: ['C'], … }
 */
export function findOpportunities(ctx: PlanningContext, options: OpportunityOptions = {}): OpportunitiesPart {
  const o = resolveOptions(ctx, options);
  const A = ctx.analysis;
  const ids = A.units.map((u) => u.id);
  const n = ids.length;
  const codes = A.industries.map((i) => i.code);
  const nI = codes.length;
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const unitIndex = new Map(ids.map((id, r) => [id, r]));
  const names = findingNames(A.units, A.industries);
  const U = (r: number, lang: Language) => names.unit(ids[r] as string, lang);
  const I = (i: number, lang: Language) => names.industry(codes[i] as string, lang);

  // The activity of every unit × industry, in the analysis's order (it sorts the input's labels).
  const m = ctx.input.matrix;
  const rowOf = new Map(m.regions.map((r, k) => [r, k]));
  const colOf = new Map(m.industries.map((c, k) => [c, k]));
  const x = new Float64Array(n * nI);
  let total = 0;
  const unitTotal = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const src = rowOf.get(ids[r] as string);
    if (src === undefined) throw new InvalidInputError(say.unitMismatch('unit', ids[r] as string), { unit: ids[r] }, 'UNIT_MISMATCH');
    for (let i = 0; i < nI; i++) {
      const col = colOf.get(codes[i] as string);
      if (col === undefined) throw new InvalidInputError(say.unitMismatch('industry', codes[i] as string), { industry: codes[i] }, 'UNIT_MISMATCH');
      const v = m.at(src, col);
      x[r * nI + i] = v;
      unitTotal[r] = (unitTotal[r] as number) + v;
    }
    total += unitTotal[r] as number;
  }
  const pairCount = (n * (n - 1)) / 2;
  const T = A.typology.pairs;
  const L = A.linkage.pairs;
  if (T.a.length !== pairCount || L.a.length !== pairCount) {
    throw new InvalidInputError(say.pairMismatch(T.a.length, pairCount), { pairs: T.a.length, expected: pairCount }, 'SHAPE_MISMATCH');
  }
  const activity = (r: number, industries: readonly number[]): number => industries.reduce((s, i) => s + (x[r * nI + i] as number), 0);
  const shareOf = (from: number, fi: readonly number[], to: number, ti: readonly number[]): number =>
    total > 0 ? (activity(from, fi) + activity(to, ti)) / total : 0;
  const pairIndex = (a: number, b: number): number => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return lo * n - (lo * (lo + 1)) / 2 + (hi - lo - 1);
  };

  // Is the table fine enough to tell industries apart?
  const traded = A.homogenisation.traded;
  const judgeable = traded.judgeable && A.unitSet.classification !== 'THREE-SECTOR';
  const groups = A.structure.industryGroups;
  const isTraded = new Uint8Array(nI);
  for (const c of traded.industries) {
    const i = codeIndex.get(c);
    if (i !== undefined) isTraded[i] = 1;
  }
  const notes: Text[] = [];
  const absent: { what: string; reason: Text }[] = [];

  // Cost proxy: GDP per capita, compared only within one year and unit.
  const gdp = A.overview.map((v) => v.gdpPerCapita);
  const gdpValue = Float64Array.from(gdp, (g) => (g != null && g.value > 0 ? g.value : -1));
  const gdpKey = gdp.map((g) => (g == null ? '' : `${g.year}|${g.unit}`));
  const gdpRatioOf = (a: number, b: number): number | null => {
    const ga = gdpValue[a] as number;
    const gb = gdpValue[b] as number;
    return ga < 0 || gb < 0 || gdpKey[a] !== gdpKey[b] ? null : ga / gb;
  };
  /** Why a pair has no GDP-per-capita ratio: the units without one, else both (different years or units). */
  const gdpReason = (a: number, b: number): Text => {
    const lacking = [a, b].filter((r) => (gdpValue[r] as number) < 0);
    return say.gdpMissing((lacking.length > 0 ? lacking : [a, b]).map((r) => ids[r] as string));
  };
  notes.push(say.costProxy());

  // R&D share: industries whose main ISIC section is M, as the typology (analyze-metro.ts). The leader must be an R&D
  // centre (its share at least the metro's), as the typology asks the service-led unit of a functional division to be
  // a producer-service centre.
  const rd = A.industries.map((ind, i) => (ind.isicSections[0] === 'M' ? i : -1)).filter((i) => i >= 0);
  const rdShare = Float64Array.from(ids, (_, r) => (rd.length === 0 ? -1 : rd.reduce((s, i) => s + ((A.structure.composition[r] ?? [])[i] ?? 0), 0)));
  const rdMetro = total > 0 && rd.length > 0 ? ids.reduce((s, _, r) => s + activity(r, rd), 0) / total : null;
  if (rd.length === 0) absent.push({ what: 'innovation-cooperation', reason: say.noRd(A.unitSet.classification) });
  // Production bases for commercialisation: traded industries of the production group (ISIC C).
  const production = codes.map((c, i) => (groups[c] === 'production' && isTraded[i] === 1 ? i : -1)).filter((i) => i >= 0);
  const lq = A.specialisation.lq;
  const lqAt = (r: number, i: number): number | null => (lq[r] ?? [])[i] ?? null;
  /** The unit's highest LQ among the production industries (its production base), or -1. */
  const base = Float64Array.from(ids, (_, r) => production.reduce((b, i) => Math.max(b, lqAt(r, i) ?? -1), -1));

  // Gradient: IG where the analysis has it for the analysis's own industries, else LQ.
  const ig = A.structure.industrialGradient;
  const igCols = ig === null ? [] : ig.industries.map((c, k) => ({ i: codeIndex.get(c), k })).filter((v): v is { i: number; k: number } => v.i !== undefined);
  const useIg = ig !== null && igCols.length > 0;
  const igColOf = new Int32Array(nI).fill(-1);
  for (const v of igCols) igColOf[v.i] = v.k;
  const gradient = new Float64Array(n * nI).fill(-1);
  for (let r = 0; r < n; r++)
    for (let i = 0; i < nI; i++) {
      const k = igColOf[i] as number;
      const v = useIg ? (k < 0 ? null : ((ig?.values[r] ?? [])[k] ?? null)) : lqAt(r, i);
      if (v !== null) gradient[r * nI + i] = v;
    }
  if (useIg && ig !== null) notes.push(say.gradientIg(ig.classification, igCols.length));
  else notes.push(say.gradientLq(ig === null ? say.noIg() : say.igOtherCodes(ig.classification)));
  // Transfer industries: traded, not primary (resource-bound: farms and mines do not relocate as plants do).
  const transferIndustries = codes
    .map((_, i) => i)
    .filter((i) => isTraded[i] === 1 && groups[codes[i] as string] !== 'primary' && (!useIg || (igColOf[i] as number) >= 0));

  // Linkage weight: gravity when every pair has it, else proximity on the analysis's impedance when every pair has
  // that, else whichever is known for more pairs.
  const impedance = A.linkage.impedance.kind;
  const a0 = A.options;
  const gravity = Float64Array.from(L.normalised, (v) => v ?? -1);
  const proximity = new Float64Array(pairCount);
  let gravityMissing = 0;
  let proximityMissing = 0;
  for (let p = 0; p < pairCount; p++) {
    const r = L.railMinutes[p] ?? null;
    const k = L.km[p] ?? null;
    let v = -1;
    if (impedance === 'rail-minutes') v = r === null ? -1 : clamp01((a0.farMinutes - r) / (a0.farMinutes - a0.nearMinutes));
    else v = k === null ? -1 : clamp01((a0.farKm - k) / (a0.farKm - a0.nearKm));
    proximity[p] = v;
    if (v < 0) proximityMissing++;
    if ((gravity[p] as number) < 0) gravityMissing++;
  }
  let linkageBasis: 'gravity' | 'proximity' = 'gravity';
  if (gravityMissing === 0) notes.push(say.linkageGravity());
  else if (proximityMissing === 0) {
    linkageBasis = 'proximity';
    notes.push(say.linkageProximity(impedance, gravityMissing, pairCount));
  } else {
    if (proximityMissing < gravityMissing) linkageBasis = 'proximity';
    notes.push(say.linkagePartial(linkageBasis, Math.min(gravityMissing, proximityMissing), pairCount));
  }
  const linkage = linkageBasis === 'gravity' ? gravity : proximity;
  const pairShare = (p: number): number => (total > 0 ? ((unitTotal[T.a[p] as number] as number) + (unitTotal[T.b[p] as number] as number)) / total : 0);
  const scoreOf = (p: number, share: number): number | null => {
    const l = linkage[p] as number;
    return l < 0 ? null : share * l;
  };

  // Boundary: parents differ, or both top level; unknown when a unit has no entry.
  const parent = ids.map((id) => (Object.hasOwn(ctx.parents, id) ? (ctx.parents[id] ?? null) : undefined));
  const noParent = ids.filter((_, r) => parent[r] === undefined);
  if (noParent.length > 0) absent.push({ what: 'boundary', reason: say.noParent(noParent) });
  const crossesOf = (a: number, b: number): boolean | null => {
    const pa = parent[a];
    const pb = parent[b];
    if (pa === undefined || pb === undefined) return null;
    return pa !== pb || pa === null;
  };
  const lacking = (a: number, b: number): string[] => [a, b].filter((r) => parent[r] === undefined).map((r) => ids[r] as string);

  // Knowledge-base examples: projects tagged with modes, by unit.
  const projects = new Map<string, AnalysisKnowledgeItem[]>();
  for (const k of ctx.input.knowledge ?? []) {
    if (k.kind !== 'project' || k.unit === null || k.modes === undefined || k.modes.length === 0) continue;
    const at = projects.get(k.unit) ?? [];
    at.push(k);
    projects.set(k.unit, at);
  }
  const examplesOf = (mode: CooperationMode, a: number, b: number): ModeExample[] =>
    [...(projects.get(ids[a] as string) ?? []), ...(projects.get(ids[b] as string) ?? [])]
      .filter((k) => k.modes?.includes(mode) === true)
      .sort((u, v) => byCode(u.id, v.id))
      .map((k) => ({ id: k.id, unit: k.unit as string, year: k.year, textEn: k.textEn, textZh: k.textZh, source: k.source, verified: k.verified }));
  notes.push(say.examplesNote());

  /**
   * The pair-level rules O3–O6 of pair p: their flags, and — when `out` is given — the decisions with their numbers
   * and the undecided modes with their reasons (built only for the pairs that are shown).
   */
  const judge = (p: number, out: { modes: Decision[]; undecided: UndecidedMode[] } | null): number => {
    const a = T.a[p] as number;
    const b = T.b[p] as number;
    let flags = 0;
    const crosses = crossesOf(a, b);
    const g = known(gravity[p] as number);
    // O3/O4: boundary + strong linkage; the development gap tells enclave from joint park.
    if (crosses !== false && !(g !== null && g < o.jointParkLinkage)) {
      const ab = gdpRatioOf(a, b);
      const gdpRatio = ab === null ? null : Math.max(ab, 1 / ab);
      if (crosses === null || g === null || gdpRatio === null) {
        flags |= UNDECIDED_PARK;
        if (out !== null) {
          const reason = crosses === null ? say.parentMissing(lacking(a, b)) : g === null ? say.gravityMissing() : say.undecidedEither(gdpReason(a, b));
          out.undecided.push({ mode: 'joint-park', reason }, { mode: 'enclave', reason });
        }
      } else {
        const enclave = gdpRatio >= o.enclaveGdpRatio;
        flags |= enclave ? ENCLAVE : JOINT_PARK;
        if (out !== null) {
          const values = { normalisedGravity: g, gdpPerCapitaRatio: gdpRatio };
          const thresholds = { jointParkLinkage: o.jointParkLinkage, enclaveGdpRatio: o.enclaveGdpRatio };
          const richer = (ab as number) >= 1 ? a : b;
          const poorer = richer === a ? b : a;
          out.modes.push(
            enclave
              ? { mode: 'enclave', rule: 'O4', from: ids[richer] as string, to: ids[poorer] as string, values, thresholds }
              : { mode: 'joint-park', rule: 'O3', from: null, to: null, values, thresholds },
          );
        }
      }
    }
    // O5 (pair level): an R&D centre with twice the other's R&D share, and a production base in the other.
    const ra = rdShare[a] as number;
    const rb = rdShare[b] as number;
    if (rd.length > 0 && rdMetro !== null && (ra > 0 || rb > 0)) {
      const leader = ra >= rb ? a : b;
      const other = leader === a ? b : a;
      const lead = rdShare[leader] as number;
      const low = rdShare[other] as number;
      const baseLq = base[other] as number;
      if (lead >= rdMetro && baseLq >= 0 && baseLq >= o.productionLq) {
        if (low <= 0) {
          flags |= UNDECIDED_INNOVATION;
          out?.undecided.push({ mode: 'innovation-cooperation', reason: say.rdZero([ids[other] as string]) });
        } else if (lead / low >= o.rdRatio) {
          flags |= INNOVATION;
          out?.modes.push({
            mode: 'innovation-cooperation',
            rule: 'O5',
            from: ids[leader] as string,
            to: ids[other] as string,
            values: { rdShareFrom: lead, rdShareTo: low, rdShareRatio: lead / low, rdShareMetro: rdMetro, productionLq: baseLq },
            thresholds: { rdRatio: o.rdRatio, productionLq: o.productionLq },
          });
        }
      }
    }
    // O6: near and across a boundary.
    const rail = L.railMinutes[p] ?? null;
    const km = L.km[p] ?? null;
    const near = (rail !== null && rail <= o.nearMinutes) || (km !== null && km <= o.nearKm) ? true : rail === null && km === null ? null : false;
    if (near !== false && crosses !== false) {
      if (near === null || crosses === null) {
        flags |= UNDECIDED_FACTOR_MARKET;
        out?.undecided.push({ mode: 'factor-market-integration', reason: near === null ? say.distanceMissing() : say.parentMissing(lacking(a, b)) });
      } else {
        flags |= FACTOR_MARKET;
        out?.modes.push({
          mode: 'factor-market-integration',
          rule: 'O6',
          from: null,
          to: null,
          values: { railMinutes: rail, km },
          thresholds: { nearMinutes: o.nearMinutes, nearKm: o.nearKm },
        });
      }
    }
    return flags;
  };
  const flags = new Uint8Array(pairCount);
  for (let p = 0; p < pairCount; p++) flags[p] = judge(p, null);

  // Industry-level opportunities (O1, O2, O5 items).
  const candidates: Candidate[] = [];
  const transferFrom = new Int32Array(pairCount).fill(-1); // the origin of the pair's transfers; -2 = both ways
  const chainFrom = new Int32Array(pairCount).fill(-1);
  const setFrom = (col: Int32Array, p: number, from: number) => {
    const v = col[p] as number;
    col[p] = v === -1 || v === from ? from : -2;
  };
  const C = A.complementarity;
  const links = C.table === null ? [] : C.links;
  if (C.table === null) absent.push({ what: 'chain-collaboration', reason: say.noIo() });
  else if (judgeable) notes.push(say.chainSource(new Set(links.map((l) => `${l.a}|${l.b}`)).size, links.length));
  const hasChainPairs = C.pairs.a.length === pairCount;
  const shareOfLink = (p: number, contribution: number): number | null => {
    const sum = hasChainPairs ? (C.pairs.composite[p] ?? 0) + (C.pairs.reverse[p] ?? 0) : 0;
    return sum > 0 ? contribution / sum : null;
  };
  let noGdpPairs = 0;
  if (judgeable) {
    // O1: transfer from the high-cost, low-gradient origin to the unit ahead.
    for (let p = 0; p < pairCount; p++) {
      const a = T.a[p] as number;
      const b = T.b[p] as number;
      for (let d = 0; d < 2; d++) {
        const from = d === 0 ? a : b;
        const to = d === 0 ? b : a;
        const cost = gdpRatioOf(from, to);
        if (cost !== null && cost < o.costRatio) continue;
        for (const i of transferIndustries) {
          const gf = gradient[from * nI + i] as number;
          const gt = gradient[to * nI + i] as number;
          if (!(gf > 0) || !(gt > 0) || gt / gf < o.gradientRatio || gt < o.aheadGradient) continue;
          if (cost === null) {
            // The gradient says transfer; without the cost proxy the rule cannot be completed.
            if (((flags[p] as number) & UNDECIDED_TRANSFER) === 0) noGdpPairs++;
            flags[p] = (flags[p] as number) | UNDECIDED_TRANSFER;
            break;
          }
          const activityShare = shareOf(from, [i], to, [i]);
          candidates.push({
            kind: 'transfer',
            p,
            from,
            to,
            fromIndustries: [i],
            toIndustries: [i],
            id: `transfer:${ids[from]}>${ids[to]}:${codes[i]}`,
            activityShare,
            score: scoreOf(p, activityShare),
            own: {
              mode: 'industrial-transfer',
              rule: 'O1',
              from: ids[from] as string,
              to: ids[to] as string,
              values: {
                gradientFrom: gf,
                gradientTo: gt,
                gradientRatio: gt / gf,
                gdpPerCapitaFrom: gdpValue[from] as number,
                gdpPerCapitaTo: gdpValue[to] as number,
                costRatio: cost,
              },
              thresholds: { gradientRatio: o.gradientRatio, aheadGradient: o.aheadGradient, costRatio: o.costRatio },
            },
          });
          setFrom(transferFrom, p, from);
        }
      }
    }
    // O2: chain collaboration along the analysis's strongest links.
    for (const l of links) {
      const from = unitIndex.get(l.from);
      const to = unitIndex.get(l.to);
      const si = codeIndex.get(l.supplier);
      const bi = codeIndex.get(l.buyer);
      if (from === undefined || to === undefined || si === undefined || bi === undefined || from === to) continue;
      const p = pairIndex(from, to);
      const ratio = T.chainRatio[p] ?? null;
      const s = shareOfLink(p, l.contribution);
      if (ratio === null || ratio < o.chainHigh || s === null || s < o.linkShare) continue;
      const forward = (T.a[p] as number) === from;
      const ab = C.pairs.composite[p] ?? null;
      const ba = C.pairs.reverse[p] ?? null;
      const activityShare = shareOf(from, [si], to, [bi]);
      candidates.push({
        kind: 'chain',
        p,
        from,
        to,
        fromIndustries: [si],
        toIndustries: [bi],
        id: `chain:${l.from}>${l.to}:${l.supplier}>${l.buyer}`,
        activityShare,
        score: scoreOf(p, activityShare),
        own: {
          mode: 'chain-collaboration',
          rule: 'O2',
          from: l.from,
          to: l.to,
          values: { chainRatio: ratio, contribution: l.contribution, linkShare: s, compositeFromTo: forward ? ab : ba, compositeToFrom: forward ? ba : ab },
          thresholds: { chainHigh: o.chainHigh, linkShare: o.linkShare },
        },
        link: { from: l.from, to: l.to, supplier: l.supplier, buyer: l.buyer, contribution: l.contribution, share: s },
      });
      setFrom(chainFrom, p, from);
    }
    // O5 items: R&D in the leader, commercialisation in each production industry the other unit is specialised in.
    for (let p = 0; p < pairCount; p++) {
      if (((flags[p] as number) & INNOVATION) === 0) continue;
      const a = T.a[p] as number;
      const b = T.b[p] as number;
      const from = (rdShare[a] as number) >= (rdShare[b] as number) ? a : b;
      const to = from === a ? b : a;
      const lead = rdShare[from] as number;
      const low = rdShare[to] as number;
      const rdHere = rd.filter((i) => (x[from * nI + i] as number) > 0);
      for (const i of production) {
        const q = lqAt(to, i);
        if (q === null || q < o.productionLq) continue;
        const activityShare = shareOf(from, rdHere, to, [i]);
        candidates.push({
          kind: 'innovation',
          p,
          from,
          to,
          fromIndustries: rdHere,
          toIndustries: [i],
          id: `innovation:${ids[from]}>${ids[to]}:${codes[i]}`,
          activityShare,
          score: scoreOf(p, activityShare),
          own: {
            mode: 'innovation-cooperation',
            rule: 'O5',
            from: ids[from] as string,
            to: ids[to] as string,
            values: { rdShareFrom: lead, rdShareTo: low, rdShareRatio: lead / low, rdShareMetro: rdMetro, productionLq: q },
            thresholds: { rdRatio: o.rdRatio, productionLq: o.productionLq },
          },
        });
      }
    }
  }
  const noGdp = ids.filter((_, r) => (gdpValue[r] as number) < 0);
  let parkWithoutGdp = 0;
  for (let p = 0; p < pairCount; p++) {
    if (((flags[p] as number) & UNDECIDED_PARK) === 0) continue;
    const a = T.a[p] as number;
    const b = T.b[p] as number;
    if (crossesOf(a, b) === true && (gravity[p] as number) >= 0 && gdpRatioOf(a, b) === null) parkWithoutGdp++;
  }
  if (noGdp.length > 0 && noGdpPairs + parkWithoutGdp > 0) absent.push({ what: 'gdp-per-capita', reason: say.noGdp(noGdp) });

  // Rank, list, materialise.
  candidates.sort((u, v) => byScore(u.score, u.activityShare, v.score, v.activityShare) || byCode(u.id, v.id));
  const items = new Int32Array(pairCount);
  for (const c of candidates) items[c.p] = (items[c.p] as number) + 1;
  const listed = candidates.slice(0, o.maxItems);
  const judged = new Map<number, { modes: Decision[]; undecided: UndecidedMode[] }>();
  const judgedOf = (p: number) => {
    let j = judged.get(p);
    if (j === undefined) {
      j = { modes: [], undecided: [] };
      judge(p, j);
      if (((flags[p] as number) & UNDECIDED_TRANSFER) !== 0)
        j.undecided.push({ mode: 'industrial-transfer', reason: gdpReason(T.a[p] as number, T.b[p] as number) });
      judged.set(p, j);
    }
    return j;
  };
  const withExamples = (d: Decision, p: number): ModeDecision => ({ ...d, examples: examplesOf(d.mode, T.a[p] as number, T.b[p] as number) });
  const vehicles: readonly CooperationMode[] = ['joint-park', 'enclave', 'factor-market-integration'];
  const linksOfPair = new Map<number, OpportunityChainLink[]>();
  for (const l of links) {
    const a = unitIndex.get(l.a);
    const b = unitIndex.get(l.b);
    if (a === undefined || b === undefined || a === b) continue;
    const p = pairIndex(a, b);
    const at = linksOfPair.get(p) ?? [];
    at.push({ from: l.from, to: l.to, supplier: l.supplier, buyer: l.buyer, contribution: l.contribution, share: shareOfLink(p, l.contribution) });
    linksOfPair.set(p, at);
  }
  const listedIds = new Map<number, string[]>();
  const opportunities: Opportunity[] = listed.map((c, k) => {
    const fromCodes = c.fromIndustries.map((i) => codes[i] as string);
    const toCodes = c.toIndustries.map((i) => codes[i] as string);
    const behind =
      c.link !== undefined
        ? [c.link]
        : (linksOfPair.get(c.p) ?? []).filter((l) =>
            c.kind === 'transfer'
              ? fromCodes.includes(l.supplier) || fromCodes.includes(l.buyer)
              : (l.from === ids[c.from] && fromCodes.includes(l.supplier)) || (l.to === ids[c.to] && toCodes.includes(l.buyer)),
          );
    const at = listedIds.get(c.p) ?? [];
    at.push(c.id);
    listedIds.set(c.p, at);
    return {
      id: c.id,
      rank: k + 1,
      headline: k < o.headline,
      kind: c.kind,
      a: ids[T.a[c.p] as number] as string,
      b: ids[T.b[c.p] as number] as string,
      from: ids[c.from] as string,
      to: ids[c.to] as string,
      fromIndustries: fromCodes,
      toIndustries: toCodes,
      score: c.score,
      activityShare: c.activityShare,
      linkage: known(linkage[c.p] as number),
      modes: [
        withExamples(c.own, c.p),
        ...judgedOf(c.p)
          .modes.filter((d) => vehicles.includes(d.mode))
          .map((d) => withExamples(d, c.p)),
      ],
      links: behind,
      title: { en: itemTitle(c, 'en'), zh: itemTitle(c, 'zh') },
    };
  });

  function itemTitle(c: Candidate, lang: Language): string {
    const from = U(c.from, lang);
    const to = U(c.to, lang);
    const fi = c.fromIndustries.map((i) => I(i, lang));
    const ti = c.toIndustries.map((i) => I(i, lang));
    const v = c.own.values;
    if (c.kind === 'transfer')
      return lang === 'zh'
        ? `产业转移：${ti.join('、')}由${from}向${to}转移（梯度 ${fmt(v.gradientRatio ?? null)} 倍，人均地区生产总值 ${fmt(v.costRatio ?? null)} 倍）`
        : `Industrial transfer of ${ti.join(', ')} from ${from} to ${to} (gradient ${fmt(v.gradientRatio ?? null)}×, GDP per capita ${fmt(v.costRatio ?? null)}×)`;
    if (c.kind === 'chain')
      return lang === 'zh'
        ? `产业链协作：${from}的${fi.join('、')}供给${to}的${ti.join('、')}（产业链比率 ${fmt(v.chainRatio ?? null)}，占该对互补性的 ${fmt((v.linkShare ?? 0) * 100)}%）`
        : `Chain collaboration: ${from}'s ${fi.join(', ')} supplies ${to}'s ${ti.join(', ')} (chain ratio ${fmt(v.chainRatio ?? null)}, ${fmt((v.linkShare ?? 0) * 100)}% of the pair's complementarity)`;
    return lang === 'zh'
      ? `创新合作：${from}研发（${fi.join('、')}），${to}的${ti.join('、')}转化（研发占比 ${fmt(v.rdShareRatio ?? null)} 倍，区位熵 ${fmt(v.productionLq ?? null)}）`
      : `Innovation cooperation: R&D in ${from} (${fi.join(', ')}), commercialisation in ${to}'s ${ti.join(', ')} (R&D share ${fmt(v.rdShareRatio ?? null)}×, LQ ${fmt(v.productionLq ?? null)})`;
  }

  // Pairs: those with a recommended pair-level mode or an opportunity, ranked by (activity share of the pair) × linkage.
  const kept: number[] = [];
  for (let p = 0; p < pairCount; p++) if (((flags[p] as number) & RECOMMENDED) !== 0 || (items[p] as number) > 0) kept.push(p);
  const keptScore = new Map(kept.map((p) => [p, scoreOf(p, pairShare(p))]));
  kept.sort(
    (u, v) =>
      byScore(keptScore.get(u) ?? null, pairShare(u), keptScore.get(v) ?? null, pairShare(v)) ||
      (T.a[u] as number) - (T.a[v] as number) ||
      (T.b[u] as number) - (T.b[v] as number),
  );
  const pairList: OpportunityPair[] = kept.slice(0, o.maxItems).map((p, k) => {
    const a = T.a[p] as number;
    const b = T.b[p] as number;
    const j = judgedOf(p);
    const ab = gdpRatioOf(a, b);
    const ra = rdShare[a] as number;
    const rb = rdShare[b] as number;
    const title = (lang: Language): string => {
      const dir = (from: number) => {
        if (from < 0) return '';
        const [f, t] = [U(from, lang), U(from === a ? b : a, lang)];
        return lang === 'zh' ? `（${f}→${t}）` : ` (${f} → ${t})`;
      };
      const named = [
        ...((transferFrom[p] as number) !== -1 ? [`${modeName['industrial-transfer'][lang]}${dir(transferFrom[p] as number)}`] : []),
        ...((chainFrom[p] as number) !== -1 ? [`${modeName['chain-collaboration'][lang]}${dir(chainFrom[p] as number)}`] : []),
        ...j.modes.map((d) => `${modeName[d.mode][lang]}${d.from === null ? '' : dir(unitIndex.get(d.from) ?? -1)}`),
      ];
      const pair = lang === 'zh' ? `${U(a, lang)}—${U(b, lang)}` : `${U(a, lang)}–${U(b, lang)}`;
      return lang === 'zh' ? `${pair}：${named.join('、')}` : `${pair}: ${named.join(', ')}`;
    };
    return {
      a: ids[a] as string,
      b: ids[b] as string,
      rank: k + 1,
      headline: k < o.headline,
      score: keptScore.get(p) ?? null,
      activityShare: pairShare(p),
      linkage: known(linkage[p] as number),
      parentA: parent[a] ?? null,
      parentB: parent[b] ?? null,
      crossesBoundary: crossesOf(a, b),
      normalisedGravity: known(gravity[p] as number),
      railMinutes: L.railMinutes[p] ?? null,
      km: L.km[p] ?? null,
      gdpPerCapitaRatio: ab === null ? null : Math.max(ab, 1 / ab),
      richer: ab === null ? null : (ids[ab >= 1 ? a : b] as string),
      rdShareRatio: ra > 0 && rb > 0 ? Math.max(ra / rb, rb / ra) : null,
      rdLeader: ra > 0 || rb > 0 ? (ids[ra >= rb ? a : b] as string) : null,
      chainRatio: T.chainRatio[p] ?? null,
      modes: j.modes.map((d) => withExamples(d, p)),
      undecided: j.undecided,
      opportunities: listedIds.get(p) ?? [],
      opportunityCount: items[p] as number,
      title: { en: title('en'), zh: title('zh') },
    };
  });

  const modeBit: Record<CooperationMode, (p: number) => boolean> = {
    'industrial-transfer': (p) => (transferFrom[p] as number) !== -1,
    'joint-park': (p) => ((flags[p] as number) & JOINT_PARK) !== 0,
    enclave: (p) => ((flags[p] as number) & ENCLAVE) !== 0,
    'chain-collaboration': (p) => (chainFrom[p] as number) !== -1,
    'innovation-cooperation': (p) => ((flags[p] as number) & INNOVATION) !== 0,
    'factor-market-integration': (p) => ((flags[p] as number) & FACTOR_MARKET) !== 0,
  };
  const byMode = Object.fromEntries(
    Object.entries(modeBit).map(([mode, has]) => [mode, kept.reduce((s, p) => s + (has(p) ? 1 : 0), 0)]),
  ) as OpportunitiesPart['counts']['byMode'];

  return {
    schemaVersion: opportunitiesSchemaVersion,
    metro: { id: A.metro.id, nameEn: A.metro.nameEn, nameZh: A.metro.nameZh },
    unitSet: { id: A.unitSet.id, classification: A.unitSet.classification, measure: A.unitSet.measure, year: A.unitSet.year },
    industryLevel: {
      judgeable,
      tradedIndustries: traded.industries.length,
      minTradedIndustries: A.options.minTradedIndustries,
      reason: judgeable ? null : say.coarse(A.unitSet.classification, traded.industries.length, A.options.minTradedIndustries),
    },
    basis: {
      gradient: useIg ? 'industrial-gradient' : 'location-quotient',
      cost: 'gdp-per-capita',
      linkage: linkageBasis,
      rdIndustries: rd.map((i) => codes[i] as string),
      productionIndustries: production.map((i) => codes[i] as string),
      notes,
    },
    rules: {
      gradientRatio: o.gradientRatio,
      aheadGradient: o.aheadGradient,
      costRatio: o.costRatio,
      chainHigh: o.chainHigh,
      linkShare: o.linkShare,
      jointParkLinkage: o.jointParkLinkage,
      enclaveGdpRatio: o.enclaveGdpRatio,
      rdRatio: o.rdRatio,
      productionLq: o.productionLq,
      nearMinutes: o.nearMinutes,
      nearKm: o.nearKm,
      headline: o.headline,
      maxItems: o.maxItems,
    },
    counts: {
      opportunities: candidates.length,
      listed: opportunities.length,
      byKind: {
        chain: candidates.filter((c) => c.kind === 'chain').length,
        transfer: candidates.filter((c) => c.kind === 'transfer').length,
        innovation: candidates.filter((c) => c.kind === 'innovation').length,
      },
      pairs: kept.length,
      pairsListed: pairList.length,
      byMode,
    },
    opportunities,
    pairs: pairList,
    absent,
  };
}
