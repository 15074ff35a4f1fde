/**
 * Relocation scenarios (issue 10, point 3): move an amount or a share of an industry from one unit of a metro to
 * another, recompute the whole analysis, and report what changes — specialisation, homogenisation, chain
 * complementarity, linkage, pair types and findings — beside the firm relocations that really happened.
 *
 * How. The moves are checked and applied in order to the current year's matrix (earlier years, the overview's
 * population and GDP, three-sector value added and the industrial-gradient input stay as they are); then
 * {@link analyzeMetro} runs on the baseline and on the moved input with the same options and no benchmark, and the
 * two documents are compared. A move within the metro leaves every industry's metro total and the metro total
 * unchanged, so the location quotients and the Krugman index (versus the rest of the metro) of a unit no move touches
 * do not change at all; the two ends of a move change in every industry (their totals change). Gravity linkage is made of population, GDP and distance — none of them
 * moves with the matrix — so it stays the same, and the result says so.
 *
 * Reference: docs/scenarios.md (usage, the result, a worked example); docs/methodology/from-measures-to-diagnosis.md.
 */
import { analyzeMetro, resolveAnalysisOptions } from '../analysis/analyze-metro.ts';
import type { MetroAnalysisOptions } from '../analysis/options.ts';
import type { Finding, MetroAnalysis, MetroAnalysisInput } from '../analysis/types.ts';
import { InvalidInputError, type LocalizedText } from '../errors/metro-error.ts';
import { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import {
  type AppliedMove,
  type HomogenisationPairDelta,
  type ObservedRelocations,
  type PairTypeChange,
  type ScenarioResult,
  scenarioSchemaVersion,
} from './scenario-schema.ts';
import type { FirmRelocation, FirmRelocations } from './types.ts';

/**
 * One relocation: `amount` (in the unit set's own unit, ≥ 0) or `share` (0 < share ≤ 1 of the origin's value of
 * the industry before the scenario) of `industry` moves from unit `from` to unit `to`. Give exactly one of the two.
 */
export interface ScenarioMove {
  readonly from: string;
  readonly industry: string;
  readonly to: string;
  readonly amount?: number;
  readonly share?: number;
  /** The move as the user wrote it (named in errors); default: written out as `from:industry:amount->to`. */
  readonly text?: string;
}

/** Options of {@link runScenario}. */
export interface ScenarioOptions {
  /** Thresholds of the analysis (both runs use the same). Default: the analysis defaults. */
  readonly analysis?: MetroAnalysisOptions;
  /** The listed-firm relocations observed in the metro (PlanningContext.relocations); `null`/absent = none known. */
  readonly relocations?: FirmRelocations | null;
  /** A free note carried into the result (the scenario file's `note`). Default none. */
  readonly note?: string | null;
  /** Most items in each ranked list of the result (integer ≥ 1). Default 10. */
  readonly limit?: number;
}

/** Defaults of {@link ScenarioOptions}. */
export const defaultScenarioOptions = { limit: 10 } as const;

const fn = 'runScenario';
const q = (s: string): string => JSON.stringify(s);
/** Numbers in messages: whole numbers as they are, others with up to 6 significant digits. */
const n = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

/** The move written out in the command-line form. */
export function scenarioMoveText(move: ScenarioMove): string {
  if (move.text !== undefined) return move.text;
  const what = move.share !== undefined ? `${n(move.share * 100)}%` : move.amount !== undefined ? n(move.amount) : '?';
  return `${move.from}:${move.industry}:${what}->${move.to}`;
}

const messages = {
  move: (position: number, text: string, problemEn: string, problemZh: string, expectedEn: string, expectedZh: string): LocalizedText => ({
    en: `${fn}: move ${position} ${q(text)} ${problemEn}; ${expectedEn}.`,
    zh: `${fn}：第 ${position} 项迁移 ${q(text)} ${problemZh}；${expectedZh}。`,
  }),
  syntax: (position: number, text: string): LocalizedText => ({
    en: `parseScenarioMove: move ${position} ${q(text)} is not of the form FROM:INDUSTRY:AMOUNT->TO (got ${q(text)}); write e.g. CN-110000:C:50000->CN-130000 (an amount in the unit set's unit) or CN-110000:C:10%->CN-130000 (a share of the origin's value).`,
    zh: `parseScenarioMove：第 ${position} 项迁移 ${q(text)} 的格式不是 起点:行业:数量->终点；例如 CN-110000:C:50000->CN-130000（数量以单元集的单位计）或 CN-110000:C:10%->CN-130000（起点该行业数值的比例）。`,
  }),
  noMoves: (): LocalizedText => ({
    en: `${fn}: the scenario has no moves (got none); give at least one move.`,
    zh: `${fn}：情景中没有迁移（得到 0 项）；至少给出一项迁移。`,
  }),
  badLimit: (v: unknown): LocalizedText => ({
    en: `${fn}: option limit is invalid (got ${JSON.stringify(v)}); expected an integer ≥ 1.`,
    zh: `${fn}：选项 limit 无效（得到 ${JSON.stringify(v)}）；应为 ≥ 1 的整数。`,
  }),
};

/**
 * Read a move written as `FROM:INDUSTRY:AMOUNT->TO` (`CN-110000:C:50000->CN-130000`) or with a share in percent
 * (`CN-110000:C:10%->CN-130000`). Only the form is checked here; {@link runScenario} checks the move against the
 * unit set.
 *
 * @throws {InvalidInputError} `INVALID_MOVE` naming the move, its position (1-based) and the expected form.
 * @example
 * parseScenarioMove('CN-110000:C:10%->CN-130000'); // { from: 'CN-110000', industry: 'C', share: 0.1, to: 'CN-130000', text: … }
 */
export function parseScenarioMove(text: string, position = 1): ScenarioMove {
  const fail = (): never => {
    throw new InvalidInputError(messages.syntax(position, text), { position, text }, 'INVALID_MOVE');
  };
  const arrow = text.lastIndexOf('->');
  if (arrow < 0) fail();
  const to = text.slice(arrow + 2).trim();
  const left = text.slice(0, arrow);
  const c2 = left.lastIndexOf(':');
  const c1 = c2 < 0 ? -1 : left.lastIndexOf(':', c2 - 1);
  if (c1 <= 0 || to === '') fail();
  const from = left.slice(0, c1).trim();
  const industry = left.slice(c1 + 1, c2).trim();
  const raw = left
    .slice(c2 + 1)
    .trim()
    .replace(/_/g, '');
  if (from === '' || industry === '' || raw === '') fail();
  const percent = raw.endsWith('%');
  const number = percent ? raw.slice(0, -1).trim() : raw;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(number)) fail();
  const value = Number(number);
  return percent ? { from, industry, to, share: value / 100, text } : { from, industry, to, amount: value, text };
}

interface Applied {
  readonly matrix: RegionIndustryMatrix;
  readonly moves: AppliedMove[];
}

/** Check every move against the unit set and apply them in order to a copy of the matrix. */
function applyMoves(input: MetroAnalysisInput, moves: readonly ScenarioMove[]): Applied {
  const m = input.matrix;
  if (moves.length === 0) throw new InvalidInputError(messages.noMoves(), undefined, 'INVALID_MOVE');
  const nI = m.industryCount;
  const values = new Float64Array(m.values);
  const unitName = new Map(input.units.map((u) => [u.id, u.nameEn]));
  const named = (id: string) => (unitName.has(id) ? `${id} (${unitName.get(id)})` : id);
  const unitList = m.regions.length <= 20 ? m.regions.join(', ') : `${m.regions.slice(0, 20).join(', ')}, … (${m.regions.length})`;
  const what = input.unitSet.unit;
  const out: AppliedMove[] = [];
  moves.forEach((move, k) => {
    const position = k + 1;
    const text = scenarioMoveText(move);
    const fail = (code: string, en: string, zh: string, expEn: string, expZh: string): never => {
      throw new InvalidInputError(messages.move(position, text, en, zh, expEn, expZh), { position, text, problem: code }, 'INVALID_MOVE');
    };
    const from = m.regions.indexOf(move.from);
    const to = m.regions.indexOf(move.to);
    const i = m.industries.indexOf(move.industry);
    if (from < 0)
      fail(
        'unknown-origin',
        `names origin ${q(move.from)}, which is not a unit of unit set ${input.unitSet.id} (got an unknown unit)`,
        `的起点 ${q(move.from)} 不是单元集 ${input.unitSet.id} 的单元`,
        `use one of ${unitList}`,
        `请使用 ${unitList} 之一`,
      );
    if (to < 0)
      fail(
        'unknown-destination',
        `names destination ${q(move.to)}, which is not a unit of unit set ${input.unitSet.id} (got an unknown unit)`,
        `的终点 ${q(move.to)} 不是单元集 ${input.unitSet.id} 的单元`,
        `use one of ${unitList}`,
        `请使用 ${unitList} 之一`,
      );
    if (i < 0)
      fail(
        'unknown-industry',
        `names industry ${q(move.industry)}, which is not in the ${input.year} matrix of unit set ${input.unitSet.id} (${input.unitSet.classification}) (got an unknown code)`,
        `的行业 ${q(move.industry)} 不在单元集 ${input.unitSet.id}（${input.unitSet.classification}）${input.year} 年的矩阵中`,
        `use one of ${m.industries.join(', ')}`,
        `请使用 ${m.industries.join('、')} 之一`,
      );
    if (move.from === move.to)
      fail(
        'same-unit',
        `moves from ${named(move.from)} to itself (got origin = destination)`,
        `的起点与终点相同（${move.from}）`,
        'name two different units',
        '请给出两个不同的单元',
      );
    const hasAmount = move.amount !== undefined;
    const hasShare = move.share !== undefined;
    if (hasAmount === hasShare)
      fail(
        'amount-or-share',
        `gives ${hasAmount ? 'both an amount and a share' : 'neither an amount nor a share'}`,
        hasAmount ? '同时给出了数量与比例' : '既没有数量也没有比例',
        'give exactly one of them',
        '须且只须给出其一',
      );
    const cell = from * nI + i;
    const originValue = m.values[cell] as number;
    let amount: number;
    if (hasShare) {
      const share = move.share as number;
      if (!Number.isFinite(share) || !(share > 0) || share > 1)
        fail(
          'share-range',
          `has share ${n(share)} (got a share outside (0, 1])`,
          `的比例为 ${n(share)}（不在 (0, 1] 内）`,
          'give 0 < share ≤ 1 (1%–100%)',
          '比例须满足 0 < 比例 ≤ 1（1%–100%）',
        );
      amount = share * originValue;
    } else {
      amount = move.amount as number;
      if (!Number.isFinite(amount) || amount < 0)
        fail(
          'amount-negative',
          `has amount ${n(amount)} (got a negative or non-finite amount)`,
          `的数量为 ${n(amount)}（为负或非有限数）`,
          `give an amount ≥ 0 in ${what}`,
          `数量须 ≥ 0（单位：${what}）`,
        );
    }
    const available = values[cell] as number;
    // A share of the whole cell resolves to exactly what is there; allow for rounding in the last digits only.
    if (amount > available * (1 + 1e-12)) {
      const earlier = available !== originValue;
      fail(
        'amount-exceeds-origin',
        `moves ${n(amount)} ${what} of ${move.industry} out of ${named(move.from)}, more than it holds${earlier ? ' after the earlier moves' : ''} (got ${n(amount)} > ${n(available)})`,
        `从 ${named(move.from)} 迁出 ${move.industry} ${n(amount)} ${what}，超过其${earlier ? '在前面的迁移之后' : ''}所有（${n(amount)} > ${n(available)}）`,
        `move at most ${n(available)} ${what}`,
        `最多迁出 ${n(available)} ${what}`,
      );
    }
    amount = Math.min(amount, available);
    values[cell] = available - amount;
    values[to * nI + i] = (values[to * nI + i] as number) + amount;
    let emptied = true;
    for (let j = 0; j < nI; j++) if ((values[from * nI + j] as number) > 0) emptied = false;
    if (emptied)
      fail(
        'origin-emptied',
        `leaves ${named(move.from)} with no activity at all (got a row total of 0)`,
        `使 ${named(move.from)} 不再有任何活动（行合计为 0）`,
        'keep some activity in every unit (the analysis needs it)',
        '每个单元须保留部分活动（分析需要）',
      );
    out.push({
      position,
      text,
      from: move.from,
      industry: move.industry,
      to: move.to,
      amount,
      share: hasShare ? (move.share as number) : null,
      originValue,
      shareOfOrigin: originValue > 0 ? amount / originValue : null,
    });
  });
  const matrix = RegionIndustryMatrix.fromWide(m.regions, m.industries, values, { order: 'input', zeroTotals: 'keep' });
  return { matrix, moves: out };
}

/** Two numbers differ beyond the last digits. */
const differs = (x: number | null | undefined, y: number | null | undefined): boolean => {
  if (x === null || x === undefined || y === null || y === undefined) return (x ?? null) !== (y ?? null);
  return Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
};
const delta = (x: number | null | undefined, y: number | null | undefined): number => (x == null || y == null ? 0 : Math.abs(y - x));
const sameList = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, k) => v === y[k]);
const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The matrices of the two runs, in the analysis's order (units and industries in code-point order). */
interface Matrices {
  readonly before: RegionIndustryMatrix;
  readonly after: RegionIndustryMatrix;
}

function specialisationDelta(
  before: MetroAnalysis,
  after: MetroAnalysis,
  matrices: Matrices,
  moves: readonly AppliedMove[],
  limit: number,
): ScenarioResult['specialisation'] {
  const units = before.units.map((u) => u.id);
  const codes = before.industries.map((i) => i.code);
  const traded = new Set(before.homogenisation.traded.industries);
  const threshold = before.options.advantageLq;
  const rowOf = new Map(units.map((u, r) => [u, r]));
  const colOf = new Map(codes.map((c, i) => [c, i]));
  const roles = new Map<string, 'origin' | 'destination' | 'both'>();
  for (const mv of moves) {
    for (const [unit, role] of [
      [mv.from, 'origin'],
      [mv.to, 'destination'],
    ] as const) {
      const key = `${unit}\u0000${mv.industry}`;
      const had = roles.get(key);
      roles.set(key, had === undefined || had === role ? role : 'both');
    }
  }
  const totalsB = matrices.before.regionTotals();
  const totalsA = matrices.after.regionTotals();
  const cells = [...roles.entries()]
    .map(([key, role]) => {
      const [unit, industry] = key.split('\u0000') as [string, string];
      const r = rowOf.get(unit) as number;
      const i = colOf.get(industry) as number;
      const lqB = before.specialisation.lq[r]?.[i] as number;
      const lqA = after.specialisation.lq[r]?.[i] as number;
      const isTraded = traded.has(industry);
      return {
        unit,
        industry,
        role,
        traded: isTraded,
        value: { before: matrices.before.at(r, i), after: matrices.after.at(r, i) },
        lq: { before: lqB, after: lqA },
        advantage: { before: isTraded && lqB >= threshold, after: isTraded && lqA >= threshold },
      };
    })
    .sort((x, y) => delta(y.lq.before, y.lq.after) - delta(x.lq.before, x.lq.after) || byCode(x.unit, y.unit) || byCode(x.industry, y.industry));
  const rows = units
    .map((unit, r) => {
      const advB = before.specialisation.advantage[r]?.industries ?? [];
      const advA = after.specialisation.advantage[r]?.industries ?? [];
      const withLq = (code: string) => {
        const i = colOf.get(code) as number;
        return { industry: code, lq: { before: before.specialisation.lq[r]?.[i] as number, after: after.specialisation.lq[r]?.[i] as number } };
      };
      return {
        unit,
        total: { before: totalsB[r] as number, after: totalsA[r] as number },
        krugman: { before: before.specialisation.krugman[r] as number, after: after.specialisation.krugman[r] as number },
        advantageGained: advA
          .filter((c) => !advB.includes(c))
          .sort(byCode)
          .map(withLq),
        advantageLost: advB
          .filter((c) => !advA.includes(c))
          .sort(byCode)
          .map(withLq),
      };
    })
    .filter((x) => differs(x.krugman.before, x.krugman.after) || x.advantageGained.length > 0 || x.advantageLost.length > 0)
    .sort((x, y) => delta(y.krugman.before, y.krugman.after) - delta(x.krugman.before, x.krugman.after) || byCode(x.unit, y.unit));
  return { advantageLq: threshold, cells, changed: rows.length, of: units.length, units: rows.slice(0, limit) };
}

/** The matrix in the analysis's order (units and industries in code-point order). */
function ordered(m: RegionIndustryMatrix, a: MetroAnalysis): RegionIndustryMatrix {
  const regions = a.units.map((u) => u.id);
  const industries = a.industries.map((i) => i.code);
  const values = new Float64Array(regions.length * industries.length);
  regions.forEach((r, x) => {
    const src = m.regionIndex(r);
    industries.forEach((c, y) => {
      values[x * industries.length + y] = m.at(src, m.industryIndex(c));
    });
  });
  return RegionIndustryMatrix.fromWide(regions, industries, values, { order: 'input', zeroTotals: 'keep' });
}

/**
 * The weight of pair (a, b) after the moves: (x_a + x_b) ÷ ((units − 1) × x), the share of the metro's activity the
 * pair holds (all pairs sum to 1) — how much a change of the pair matters.
 */
function pairWeight(totals: Float64Array): (a: number, b: number) => number {
  let total = 0;
  for (const v of totals) total += v;
  const scale = (totals.length - 1) * total;
  return (a, b) => (scale > 0 ? ((totals[a] as number) + (totals[b] as number)) / scale : 0);
}

function homogenisationDelta(before: MetroAnalysis, after: MetroAnalysis, matrices: Matrices, limit: number): ScenarioResult['homogenisation'] {
  const pb = before.homogenisation.pairs;
  const pa = after.homogenisation.pairs;
  const id = (k: number) => before.units[k]?.id as string;
  const weightOf = pairWeight(matrices.after.regionTotals());
  const all: (HomogenisationPairDelta & { readonly changed: boolean; readonly size: number; readonly weight: number })[] = pb.a.map((a, k) => {
    const sim = { before: pb.tradedSimilarity[k] ?? null, after: pa.tradedSimilarity[k] ?? null };
    const z = { before: pb.tradedZ[k] ?? null, after: pa.tradedZ[k] ?? null };
    const same = { before: pb.same[k] ?? null, after: pa.same[k] ?? null };
    const shared = { before: [...(pb.sharedTraded[k] ?? [])], after: [...(pa.sharedTraded[k] ?? [])] };
    return {
      a: id(a),
      b: id(pb.b[k] as number),
      tradedSimilarity: sim,
      tradedZ: z,
      same,
      sharedTraded: shared,
      changed: differs(sim.before, sim.after) || differs(z.before, z.after) || same.before !== same.after || !sameList(shared.before, shared.after),
      size: delta(sim.before, sim.after),
      weight: weightOf(a, pb.b[k] as number),
    };
  });
  const strip = ({ changed: _c, size: _s, weight: _w, ...rest }: (typeof all)[number]): HomogenisationPairDelta => rest;
  const byWeight = (x: (typeof all)[number], y: (typeof all)[number]) => y.weight - x.weight || byCode(x.a, y.a) || byCode(x.b, y.b);
  const changed = all
    .filter((p) => p.changed)
    .sort((x, y) => y.size - x.size || delta(y.tradedZ.before, y.tradedZ.after) - delta(x.tradedZ.before, x.tradedZ.after));
  return {
    judgeable: after.homogenisation.traded.judgeable,
    tradedIndustries: [...after.homogenisation.traded.industries],
    index: { before: before.homogenisation.index, after: after.homogenisation.index },
    meanTradedSimilarity: { before: before.homogenisation.meanTradedSimilarity, after: after.homogenisation.meanTradedSimilarity },
    became: changed
      .filter((p) => p.same.before !== true && p.same.after === true)
      .sort(byWeight)
      .map(strip),
    stopped: changed
      .filter((p) => p.same.before === true && p.same.after !== true)
      .sort(byWeight)
      .map(strip),
    changed: changed.length,
    of: all.length,
    pairs: changed.slice(0, limit).map(strip),
  };
}

function complementarityDelta(before: MetroAnalysis, after: MetroAnalysis, limit: number): ScenarioResult['complementarity'] {
  const cb = before.complementarity;
  const ca = after.complementarity.pairs;
  const id = (k: number) => before.units[k]?.id as string;
  if (cb.table === null)
    return {
      table: null,
      absent: cb.absent[0]?.reason ?? { en: 'No input–output table: chain complementarity is not measured.', zh: '没有投入产出表：未测度产业链互补性。' },
      changed: 0,
      of: cb.pairs.a.length,
      pairs: [],
    };
  const rows = cb.pairs.a
    .map((a, k) => ({
      a: id(a),
      b: id(cb.pairs.b[k] as number),
      composite: { before: cb.pairs.composite[k] as number, after: ca.composite[k] as number },
      reverse: { before: cb.pairs.reverse[k] as number, after: ca.reverse[k] as number },
      ratio: { before: cb.pairs.ratio[k] ?? null, after: ca.ratio[k] ?? null },
    }))
    .filter((p) => differs(p.composite.before, p.composite.after) || differs(p.reverse.before, p.reverse.after) || differs(p.ratio.before, p.ratio.after));
  const size = (p: (typeof rows)[number]) => Math.max(delta(p.composite.before, p.composite.after), delta(p.reverse.before, p.reverse.after));
  rows.sort((x, y) => size(y) - size(x) || byCode(x.a, y.a) || byCode(x.b, y.b));
  return { table: cb.table.id, absent: null, changed: rows.length, of: cb.pairs.a.length, pairs: rows.slice(0, limit) };
}

function linkageDelta(before: MetroAnalysis, after: MetroAnalysis, limit: number): ScenarioResult['linkage'] {
  const lb = before.linkage;
  const la = after.linkage;
  const id = (k: number) => before.units[k]?.id as string;
  const pairs = lb.pairs.a
    .map((a, k) => ({ a: id(a), b: id(lb.pairs.b[k] as number), strength: { before: lb.pairs.strength[k] ?? null, after: la.pairs.strength[k] ?? null } }))
    .filter((p) => differs(p.strength.before, p.strength.after))
    .sort((x, y) => delta(y.strength.before, y.strength.after) - delta(x.strength.before, x.strength.after));
  const measured = lb.pairs.strength.filter((s) => s !== null).length;
  const unchanged = pairs.length === 0;
  const reason: LocalizedText = unchanged
    ? {
        en: `R = √(P_a·G_a)·√(P_b·G_b) / D^${lb.exponent} is made of population and GDP (the overview) and the ${lb.impedance.kind === 'rail-minutes' ? 'rail minutes' : 'great-circle km'} between the units; moving activity in the matrix changes none of them, so all ${measured} measured pairs keep their strength (a relocation that also moved people or GDP would need those inputs changed too).`,
        zh: `R = √(P_a·G_a)·√(P_b·G_b) / D^${lb.exponent} 由人口、GDP（概况）和单元间的${lb.impedance.kind === 'rail-minutes' ? '铁路时间' : '大圆距离'}构成；在矩阵中迁移产业活动不改变其中任何一项，因此全部 ${measured} 个可测单元对的联系强度不变（若迁移也带走人口或 GDP，需同时修改这些输入）。`,
      }
    : {
        en: `Gravity linkage changed for ${pairs.length} of ${lb.pairs.a.length} pairs.`,
        zh: `${lb.pairs.a.length} 个单元对中有 ${pairs.length} 个的引力联系发生变化。`,
      };
  let urbanFlow: ScenarioResult['linkage']['urbanFlow'] = null;
  let absent: LocalizedText | null = null;
  if (lb.urbanFlow !== null && la.urbanFlow !== null) {
    const ub = lb.urbanFlow;
    const ua = la.urbanFlow;
    const rows = before.units
      .map((u, r) => ({
        unit: u.id,
        intensity: { before: ub.intensity[r] ?? null, after: ua.intensity[r] ?? null },
        tendency: { before: ub.tendency[r] ?? null, after: ua.tendency[r] ?? null },
      }))
      .filter((x) => differs(x.intensity.before, x.intensity.after) || differs(x.tendency.before, x.tendency.after))
      .sort((x, y) => delta(y.intensity.before, y.intensity.after) - delta(x.intensity.before, x.intensity.after) || byCode(x.unit, y.unit));
    urbanFlow = { sectors: [...ub.sectors], changed: rows.length, of: before.units.length, units: rows.slice(0, limit) };
  } else {
    absent = lb.absent.find((x) => x.what === 'linkage.urbanFlow')?.reason ?? {
      en: 'Urban flow intensity is not computed for this unit set (it needs employment by industry and GDP for every unit).',
      zh: '此单元集未计算城市流强度（需要每个单元的分行业就业与 GDP）。',
    };
  }
  return { gravity: { unchanged, reason, changed: pairs.length, of: lb.pairs.a.length, pairs: pairs.slice(0, limit) }, urbanFlow, absent };
}

function pairTypeDelta(before: MetroAnalysis, after: MetroAnalysis, matrices: Matrices, limit: number): ScenarioResult['pairTypes'] {
  const weightOf = pairWeight(matrices.after.regionTotals());
  const tb = before.typology.pairs;
  const ta = after.typology.pairs;
  const rules = before.typology.rules;
  const id = (k: number) => before.units[k]?.id as string;
  const rows: PairTypeChange[] = [];
  tb.a.forEach((a, k) => {
    if (tb.type[k] === ta.type[k]) return;
    const z = { before: before.homogenisation.pairs.tradedZ[k] ?? null, after: after.homogenisation.pairs.tradedZ[k] ?? null };
    const fr = { before: tb.functionalRatio[k] ?? null, after: ta.functionalRatio[k] ?? null };
    const cr = { before: tb.chainRatio[k] ?? null, after: ta.chainRatio[k] ?? null };
    const shift = Math.max(
      rules.sameZ > 0 ? delta(z.before, z.after) / rules.sameZ : 0,
      rules.functionalRatio > 0 ? delta(fr.before, fr.after) / rules.functionalRatio : 0,
      rules.chainHigh > 0 ? delta(cr.before, cr.after) / rules.chainHigh : 0,
    );
    rows.push({
      a: id(a),
      b: id(tb.b[k] as number),
      type: { before: tb.type[k] as PairTypeChange['type']['before'], after: ta.type[k] as PairTypeChange['type']['after'] },
      functional: { before: tb.functional[k] ?? null, after: ta.functional[k] ?? null },
      functionalRatio: fr,
      chainStages: { before: tb.chainStages[k] ?? null, after: ta.chainStages[k] ?? null },
      chainRatio: cr,
      specialisation: {
        before: tb.specialisation[k] as PairTypeChange['specialisation']['before'],
        after: ta.specialisation[k] as PairTypeChange['specialisation']['after'],
      },
      tradedZ: z,
      shift,
      weight: weightOf(a, tb.b[k] as number),
    });
  });
  rows.sort((x, y) => y.weight - x.weight || y.shift - x.shift || byCode(x.a, y.a) || byCode(x.b, y.b));
  return {
    counts: { before: { ...before.typology.counts }, after: { ...after.typology.counts } },
    changed: rows.length,
    of: tb.a.length,
    pairs: rows.slice(0, limit),
  };
}

function findingsDelta(before: MetroAnalysis, after: MetroAnalysis): ScenarioResult['findings'] {
  const ref = (f: Finding) => ({ id: f.id, kind: f.kind, rule: f.rule, priority: f.priority, headline: f.headline, title: { ...f.title } });
  const idsB = new Map(before.findings.map((f) => [f.id, f]));
  const idsA = new Map(after.findings.map((f) => [f.id, f]));
  const byPriority = (x: { priority: number; id: string }, y: { priority: number; id: string }) => y.priority - x.priority || byCode(x.id, y.id);
  const gained = after.findings
    .filter((f) => !idsB.has(f.id))
    .map(ref)
    .sort(byPriority);
  const lost = before.findings
    .filter((f) => !idsA.has(f.id))
    .map(ref)
    .sort(byPriority);
  const changed = after.findings
    .filter((f) => {
      const b = idsB.get(f.id);
      return b !== undefined && (differs(b.priority, f.priority) || b.title.en !== f.title.en || b.headline !== f.headline);
    })
    .map((f) => {
      const b = idsB.get(f.id) as Finding;
      return {
        id: f.id,
        kind: f.kind,
        rule: f.rule,
        priority: { before: b.priority, after: f.priority },
        headline: { before: b.headline, after: f.headline },
        title: { before: { ...b.title }, after: { ...f.title } },
      };
    })
    .sort((x, y) => delta(y.priority.before, y.priority.after) - delta(x.priority.before, x.priority.after) || byCode(x.id, y.id));
  return { gained, lost, changed, count: { before: before.findings.length, after: after.findings.length } };
}

/** The observed firm relocations for the scenario's pairs and the metro's largest flows. */
function observedDelta(relocations: FirmRelocations, moves: readonly AppliedMove[], units: ReadonlySet<string>, limit: number): ObservedRelocations {
  const inMetro = relocations.moves.filter((x) => units.has(x.origin) && units.has(x.destination) && x.origin !== x.destination);
  const industryRows = (rows: readonly FirmRelocation[]) => {
    const merged = new Map<string, { industry: string | null; section: string; firms: number; examples: string[] }>();
    for (const x of rows) {
      const key = `${x.industry ?? ''}\u0000${x.section}`;
      const had = merged.get(key);
      if (had === undefined) merged.set(key, { industry: x.industry, section: x.section, firms: x.firms, examples: [...x.examples] });
      else {
        had.firms += x.firms;
        had.examples.push(...x.examples);
      }
    }
    return [...merged.values()]
      .map((r) => ({ ...r, examples: r.examples.slice(0, 5) }))
      .sort((a, b) => b.firms - a.firms || byCode(a.industry ?? '~', b.industry ?? '~') || byCode(a.section, b.section));
  };
  const pairs = new Map<string, { origin: string; destination: string; industries: Set<string> }>();
  for (const mv of moves) {
    const key = `${mv.from}\u0000${mv.to}`;
    const had = pairs.get(key);
    if (had === undefined) pairs.set(key, { origin: mv.from, destination: mv.to, industries: new Set([mv.industry]) });
    else had.industries.add(mv.industry);
  }
  const sum = (rows: readonly FirmRelocation[]) => rows.reduce((s, x) => s + x.firms, 0);
  const scenarioPairs = [...pairs.values()].map((p) => {
    const rows = inMetro.filter((x) => x.origin === p.origin && x.destination === p.destination);
    const moved = [...p.industries].sort(byCode);
    return {
      origin: p.origin,
      destination: p.destination,
      movedIndustries: moved,
      firms: sum(rows),
      firmsInMovedIndustries: sum(rows.filter((x) => x.industry !== null && p.industries.has(x.industry))),
      reverseFirms: sum(inMetro.filter((x) => x.origin === p.destination && x.destination === p.origin)),
      industries: industryRows(rows),
    };
  });
  const flows = new Map<string, FirmRelocation[]>();
  for (const x of inMetro) {
    const key = `${x.origin}\u0000${x.destination}`;
    const list = flows.get(key);
    if (list === undefined) flows.set(key, [x]);
    else list.push(x);
  }
  const topFlows = [...flows.values()]
    .map((rows) => ({
      origin: (rows[0] as FirmRelocation).origin,
      destination: (rows[0] as FirmRelocation).destination,
      firms: sum(rows),
      industries: industryRows(rows),
    }))
    .sort((a, b) => b.firms - a.firms || byCode(a.origin, b.origin) || byCode(a.destination, b.destination))
    .slice(0, limit);
  return {
    source: relocations.source,
    years: [relocations.years[0], relocations.years[1]],
    notes: relocations.notes.map((x) => ({ ...x })),
    totalFirms: sum(inMetro),
    scenarioPairs,
    topFlows,
  };
}

/** What the scenario keeps as it is, said once. */
function scenarioNotes(input: MetroAnalysisInput, before: MetroAnalysis): LocalizedText[] {
  const earlier = (input.earlier ?? []).map((e) => e.year).filter((y) => y !== input.year);
  const notes: LocalizedText[] = [
    earlier.length === 0
      ? { en: `The moves change the ${input.year} matrix, the only year of the unit set.`, zh: `迁移改变 ${input.year} 年的矩阵（该单元集仅有这一年）。` }
      : {
          en: `The moves change the ${input.year} matrix only: earlier years (${earlier.join(', ')}) stay as observed, so a trend compares them with the moved ${input.year}.`,
          zh: `迁移只改变 ${input.year} 年的矩阵：更早年份（${earlier.join('、')}）保持观测值，趋势即以它们与迁移后的 ${input.year} 年比较。`,
        },
    {
      en: 'Population, GDP, three-sector value added and the industrial-gradient input are the observed ones: a relocation of the matrix does not move them (the benchmark is not run).',
      zh: '人口、GDP、三次产业增加值与产业梯度输入均为观测值：矩阵中的迁移不改变它们（不做对标）。',
    },
  ];
  if (!before.homogenisation.traded.judgeable)
    notes.push({
      en: `${input.unitSet.classification} has too few traded industries (${before.homogenisation.traded.industries.length}) to judge homogeneity or industry positions: only the broad sector shifts are meaningful here; judge industries on a unit set by sections or finer.`,
      zh: `${input.unitSet.classification} 的可贸易行业过少（${before.homogenisation.traded.industries.length} 个），无法判断同质化或产业定位：此处只有大类部门的变化有意义；判断产业请使用按门类或更细分类的单元集。`,
    });
  return notes;
}

/**
 * Apply relocation moves to a metro's current-year matrix and report what changes in its analysis.
 *
 * Each move takes `amount` (in the unit set's unit) or `share` (of the origin's value before the scenario) of one
 * industry from one unit to another; moves apply in order, and a move may not take more than the origin holds after
 * the earlier moves. Both analyses use the same options and no benchmark. Deterministic: the same input and moves
 * give the same document.
 *
 * @throws {InvalidInputError} `INVALID_MOVE` naming the move (position and text), what is wrong and what is
 *   expected: an unknown unit or industry, origin = destination, neither or both of amount and share, a negative
 *   amount, a share outside (0, 1], more than the origin holds, or a unit left with no activity; `INVALID_OPTION`;
 *   and the errors of {@link analyzeMetro}.
 * @example
 * const r = runScenario(input, [parseScenarioMove('CN-110000:C:100000->CN-130000')]);
 * r.specialisation.cells; // Beijing's and Hebei's manufacturing LQ before and after
 */
export function runScenario(input: MetroAnalysisInput, moves: readonly ScenarioMove[], options: ScenarioOptions = {}): ScenarioResult {
  const limit = options.limit ?? defaultScenarioOptions.limit;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidInputError(messages.badLimit(limit), { option: 'limit' }, 'INVALID_OPTION');
  const analysisOptions = resolveAnalysisOptions(options.analysis ?? {});
  const applied = applyMoves(input, moves);
  const { benchmark: _benchmark, ...base } = input;
  const before = analyzeMetro(base, analysisOptions);
  const after = analyzeMetro({ ...base, matrix: applied.matrix }, analysisOptions);
  const matrices = { before: ordered(input.matrix, before), after: ordered(applied.matrix, after) };
  const unitIds = new Set(before.units.map((u) => u.id));
  const relocations = options.relocations ?? null;
  return {
    schemaVersion: scenarioSchemaVersion,
    metro: { ...input.metro },
    unitSet: {
      id: input.unitSet.id,
      indicator: input.unitSet.indicator,
      classification: input.unitSet.classification,
      unit: input.unitSet.unit,
      measure: input.unitSet.measure,
      year: input.year,
    },
    units: before.units.map((u) => ({ id: u.id, nameEn: u.nameEn, nameZh: u.nameZh })),
    industries: before.industries.map((i) => ({ code: i.code, nameEn: i.nameEn, nameZh: i.nameZh })),
    note: options.note ?? null,
    limit,
    moves: applied.moves,
    specialisation: specialisationDelta(before, after, matrices, applied.moves, limit),
    homogenisation: homogenisationDelta(before, after, matrices, limit),
    complementarity: complementarityDelta(before, after, limit),
    linkage: linkageDelta(before, after, limit),
    pairTypes: pairTypeDelta(before, after, matrices, limit),
    findings: findingsDelta(before, after),
    observed: relocations === null ? null : observedDelta(relocations, applied.moves, unitIds, limit),
    observedAbsent:
      relocations === null
        ? {
            en: `No firm relocation panel for ${input.metro.id} (country ${input.metro.country}): the relocations that really happened cannot be shown beside the scenario.`,
            zh: `没有 ${input.metro.id}（国家 ${input.metro.country}）的企业迁移面板数据：无法在情景旁列出实际发生的迁移。`,
          }
        : null,
    notes: scenarioNotes(input, before),
  };
}
