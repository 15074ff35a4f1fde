/**
 * Capability of every unit × candidate industry for the positioning optimiser (issue 10, point 1): a weighted sum of
 * documented components, each bounded, each an option weight, each left out (and said so) when the data cannot
 * carry it. docs/methodology/planning.md writes the model out.
 *
 *   c_ui = β_LQ · (LQ_ui − 1)/(LQ_ui + 1)                       symmetric RCA, [−1, 1]
 *        + β_RD · (rd_ui − mean_v rd_vi),  rd_ui = RD_ui / 100   relatedness density, centred, [−1, 1]
 *        + β_CS · (ρ_ui − 1)/(ρ_ui + 1)                          competitive shift, [−1, 1]
 *        + β_CH · (ch_ui − mean_v ch_vi)                         chain complementarity, centred, [−1, 1]
 *          ch_ui = Σ_v ŵ_uv Σ_{j∈T∖i} [LQ_vj ≥ 1] (a_ij + a_ji) / Σ_{j∈T∖i} (a_ij + a_ji)
 *
 * Every component is 0 for a unit like the metro's average: the LQ and the competitive shift by construction (LQ = 1,
 * growth like the metro's industry), relatedness density and the chain share once centred on their mean over the
 * units (unweighted, over the units that have a value). The optimiser takes a lead beyond its minimum only when the
 * score net of duplication is positive, so the zero must mean "no evidence": uncentred, the two shares lift every
 * cell by a level set by the industry, not the unit (the JJJ provinces' mean chain share runs from 0.36 to 0.64 by
 * industry), and Hebei would "lead" finance, which it lacks (LQ 0.86), on a chain share of 0.50: score +0.16
 * uncentred, −0.02 centred.
 *
 * - LQ: the analysis's location quotient (the metro as reference); the symmetric transform of Dalum, Laursen and
 *   Villumsen (1998) "Structural change in OECD export specialisation patterns", International Review of Applied
 *   Economics 12(3) — bounded, symmetric around 0 (LQ = 1), so a few extreme quotients cannot dominate.
 * - Relatedness density (Hidalgo et al. 2007, Science 317; EconGeo's `relatedness_density`, ../relatedness): the
 *   share of the industries related to i (co-occurrence across the metro's units) that u holds, less the units' mean
 *   for i. Co-occurrence over a handful of units says nothing about which industries go together: below
 *   `minUnitsForRelatedness` units the component is left out. An industry that co-occurs with no other has no
 *   density (null).
 * - Competitive shift (Dunn 1960; ../shift-share/dunn.ts) between `shiftBaseYear` and the analysis year: the cell's
 *   competitive shift relative to its expected level, ρ − 1 = e_ui,t / (e_ui,0 · g_i) − 1 (g_i the metro's growth
 *   of i): how much faster u grew in i than the metro's i. Bounded by the same symmetric transform. Null where the
 *   base is 0 or the unit or industry is missing in the base year; left out without an earlier year.
 * - Chain complementarity with partners: the share of industry i's direct input–output links with traded industries
 *   (what i buys, a_ji, and sells, a_ij; national coefficients ctx.input.inputOutput) that point to a traded
 *   advantage (LQ ≥ 1) of u's linked partners, each partner weighted by its linkage ŵ_uv (the duplication weights
 *   normalised to sum to 1 over u's partners), less the units' mean for i: how much more u's partners need i than
 *   the average unit's partners do. It reads the partners' current structure, not their chosen leads:
 *   the objective stays linear (a term on chosen pairs of choices would make it quadratic) and the model scales.
 *   Left out without an input–output table; null for an industry the table does not link.
 *
 * A null component contributes nothing to the score (never filled, never penalised) and is shown as null.
 */
import { byCode } from '../analysis/internal.ts';
import type { LocalizedText } from '../errors/metro-error.ts';
import { InvalidInputError } from '../errors/metro-error.ts';
import { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { relatednessDensity } from '../relatedness/relatedness-density.ts';
import { dunnShiftShare } from '../shift-share/dunn.ts';
import { planningMessages as m } from './messages.ts';
import type { PlanningContext } from './types.ts';

/** The weights of the capability components. */
export interface CapabilityWeights {
  /** β_LQ, symmetric RCA of the location quotient. */
  readonly locationQuotient: number;
  /** β_RD, relatedness density. */
  readonly relatedness: number;
  /** β_CS, competitive shift. */
  readonly competitiveShift: number;
  /** β_CH, chain complementarity with partners. */
  readonly chain: number;
}

/**
 * Default weights: the location quotient carries the unit's present position (Table 7 of the paper reads it), so it
 * weighs 1; the three other components are evidence of where the unit can go (relatedness: Hidalgo et al. 2007;
 * momentum: Dunn 1960) or of what its partners need (chain), each weighed half as much. A convention, not an
 * estimate: the sensitivity analysis halves and doubles each weight and reports which choices flip.
 */
export const defaultCapabilityWeights: CapabilityWeights = { locationQuotient: 1, relatedness: 0.5, competitiveShift: 0.5, chain: 0.5 };

/** Options of {@link unitCapability}. */
export interface CapabilityOptions {
  /** Component weights (each finite, ≥ 0). Defaults {@link defaultCapabilityWeights}. */
  readonly weights?: Partial<CapabilityWeights>;
  /** Fewest units for relatedness density (integer ≥ 2). Default 20. */
  readonly minUnitsForRelatedness?: number;
  /** Base year of the competitive shift (one of the earlier years). Default: the latest earlier year. */
  readonly shiftBaseYear?: number;
  /** Candidate industries: the traded ones (default) or every classified industry (`all`; local ones uncapped). */
  readonly candidates?: 'traded' | 'all';
}

/** The component names, in output order. */
export const capabilityComponentNames = ['location-quotient', 'relatedness-density', 'competitive-shift', 'chain-complementarity'] as const;
export type CapabilityComponentName = (typeof capabilityComponentNames)[number];

/** One component: its weight, whether it is used, its reference, what it was computed on, and why it is left out. */
export interface CapabilityComponent {
  readonly name: CapabilityComponentName;
  readonly weight: number;
  readonly used: boolean;
  readonly reference: string;
  readonly detail: LocalizedText | null;
  readonly reason: LocalizedText | null;
}

/** The duplication (and partner) weights between units. */
export interface LinkageWeights {
  /** `gravity`: the analysis's normalised gravity linkage; `equal`: every pair 1/(U − 1) (linkage missing). */
  readonly basis: 'gravity' | 'equal';
  /** Units × units, symmetric, zero diagonal. */
  readonly weights: Float64Array;
  readonly pairs: number;
  /** Pairs without a gravity linkage. */
  readonly missingPairs: number;
  readonly reason: LocalizedText;
}

/** The capability of every unit × candidate industry, its components and the linkage weights. */
export interface UnitCapability {
  /** Unit ids (the analysis's order). */
  readonly units: readonly string[];
  /** Candidate industry codes (the analysis's order). */
  readonly industries: readonly string[];
  /** 1 = traded (capped, penalised), per candidate. */
  readonly traded: Uint8Array;
  /** Index of each candidate in the analysis's industries. */
  readonly column: Int32Array;
  /**
   * Raw LQ and the components as they enter the score, units × candidates row-major; a component is `null` when left
   * out. `relatedness` and `chain` are centred on their mean over the units (see the file header).
   */
  readonly lq: Float64Array;
  readonly locationQuotient: Float64Array;
  readonly relatedness: Float64Array | null;
  readonly competitiveShift: Float64Array | null;
  readonly chain: Float64Array | null;
  /**
   * The means the two shares are centred on, per candidate (relatedness density / 100 and the chain share; a cell's
   * share = its component + the mean): `null` when the component is left out, and per candidate when no unit has a
   * value.
   */
  readonly relatednessMean: readonly (number | null)[] | null;
  readonly chainMean: readonly (number | null)[] | null;
  /** 1 where a used component has no value for the cell (shown as null, contributes 0). */
  readonly relatednessAbsent: Uint8Array | null;
  readonly competitiveShiftAbsent: Uint8Array | null;
  readonly chainAbsent: Uint8Array | null;
  readonly weights: CapabilityWeights;
  /** The score c_ui with these weights. */
  readonly score: Float64Array;
  readonly components: readonly CapabilityComponent[];
  readonly linkage: LinkageWeights;
  /** Shift base year actually used, or `null`. */
  readonly shiftBaseYear: number | null;
  /**
   * For the explanation of one cell: the partners whose advantages carry its chain share (before centring; the
   * contributions sum to it), strongest first.
   */
  chainPartners(unit: number, candidate: number): { unit: string; weight: number; contribution: number; industries: string[] }[];
}

const fn = 'planPositions';

const text = {
  gravity: (pairs: number): LocalizedText => ({
    en: `Duplication and chain partners are weighted by the normalised gravity linkage of each of the ${pairs} pairs (the strongest pair = 1).`,
    zh: `重复与产业链伙伴按 ${pairs} 对单元各自的归一化引力联系强度加权（最强的一对 = 1）。`,
  }),
  equal: (missing: number, pairs: number): LocalizedText => ({
    en:
      `The gravity linkage is missing for ${missing} of ${pairs} pairs (population, GDP or location not in the data): every pair weighs the same, ` +
      `1/(units − 1), so that each unit's partners weigh 1 in all — duplication is then a matter of how many units lead an industry, not which.`,
    zh:
      `${pairs} 对单元中有 ${missing} 对缺少引力联系强度（数据中没有人口、GDP 或位置）：每对单元权重相同，为 1/(单元数 − 1)，` +
      `每个单元的伙伴权重合计为 1——此时重复只取决于有多少单元主导同一行业，而不取决于是哪些单元。`,
  }),
  tooFewUnits: (units: number, min: number): LocalizedText => ({
    en: `Relatedness density left out: co-occurrence over ${units} units cannot tell which industries go together (at least ${min} needed, option minUnitsForRelatedness).`,
    zh: `未使用关联密度：${units} 个单元的共现无法说明哪些行业相互关联（至少需要 ${min} 个，选项 minUnitsForRelatedness）。`,
  }),
  relatednessOn: (units: number, absent: readonly string[]): LocalizedText => ({
    en:
      `Relatedness density from the co-occurrence of industries (LQ ≥ 1) across the ${units} units` +
      (absent.length > 0 ? `; no density for ${absent.join(', ')} (related to no other industry).` : '.'),
    zh: `关联密度由 ${units} 个单元中各行业（LQ ≥ 1）的共现计算${absent.length > 0 ? `；${absent.join('、')} 没有关联密度（与其他行业均无关联）。` : '。'}`,
  }),
  noEarlier: (): LocalizedText => ({
    en: 'Competitive shift left out: the unit set has no earlier year.',
    zh: '未使用竞争偏离分量：该单元集没有更早年份的数据。',
  }),
  shiftOn: (from: number, to: number, units: number, industries: number): LocalizedText => ({
    en: `Competitive shift ${from} → ${to} (Dunn shift-share over the ${units} units and ${industries} industries present in both years).`,
    zh: `竞争偏离 ${from} → ${to}（对两年都有数据的 ${units} 个单元、${industries} 个行业做 Dunn 偏离—份额分解）。`,
  }),
  noTable: (): LocalizedText => ({
    en: 'Chain complementarity left out: the metro has no input–output table.',
    zh: '未使用产业链互补分量：该都市圈没有投入产出表。',
  }),
  chainOn: (id: string, year: number, unlinked: readonly string[]): LocalizedText => ({
    en:
      `Chain complementarity from the direct coefficients of ${id} (${year}) and the partners' traded advantages (LQ ≥ 1)` +
      (unlinked.length > 0 ? `; no value for ${unlinked.join(', ')} (not linked in the table).` : '.'),
    zh:
      `产业链互补由 ${id}（${year}）的直接消耗系数与伙伴的可贸易优势行业（LQ ≥ 1）计算` +
      (unlinked.length > 0 ? `；${unlinked.join('、')} 在表中无关联，无此值。` : '。'),
  }),
  badYear: (year: number, years: readonly number[]): LocalizedText => ({
    en: `${fn}: option shiftBaseYear is not an earlier year of the unit set (got ${year}); use one of ${years.join(', ') || '(none)'}.`,
    zh: `${fn}：选项 shiftBaseYear 不是该单元集的更早年份（得到 ${year}）；请使用 ${years.join('、') || '（无）'} 之一。`,
  }),
} as const;

/** The resolved weights, checked. */
export function resolveCapabilityWeights(weights: Partial<CapabilityWeights> = {}): CapabilityWeights {
  const w = { ...defaultCapabilityWeights, ...Object.fromEntries(Object.entries(weights).filter(([, v]) => v !== undefined)) } as CapabilityWeights;
  for (const [k, v] of Object.entries(w))
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new InvalidInputError(m.invalidOption(fn, `weights.${k}`, v, 'a finite number ≥ 0'), { option: k }, 'INVALID_OPTION');
  return w;
}

/** The duplication weights: normalised gravity when every pair has it, else equal weights (said so). */
export function linkageWeights(ctx: PlanningContext): LinkageWeights {
  const U = ctx.analysis.units.length;
  const p = ctx.analysis.linkage.pairs;
  const pairs = (U * (U - 1)) / 2;
  const weights = new Float64Array(U * U);
  let missing = 0;
  const known = new Map<number, number>();
  for (let q = 0; q < p.a.length; q++) {
    const value = p.normalised[q];
    const key = (p.a[q] as number) * U + (p.b[q] as number);
    if (value === null || value === undefined) missing++;
    else known.set(key, value);
  }
  missing += pairs - p.a.length;
  if (missing === 0) {
    for (const [key, value] of known) {
      const a = Math.floor(key / U);
      const b = key % U;
      weights[a * U + b] = value;
      weights[b * U + a] = value;
    }
    return { basis: 'gravity', weights, pairs, missingPairs: 0, reason: text.gravity(pairs) };
  }
  const w = U > 1 ? 1 / (U - 1) : 0;
  for (let a = 0; a < U; a++) for (let b = 0; b < U; b++) if (a !== b) weights[a * U + b] = w;
  return { basis: 'equal', weights, pairs, missingPairs: missing, reason: text.equal(missing, pairs) };
}

/** Symmetric transform (x − 1)/(x + 1) of a ratio x ≥ 0. */
const symmetric = (x: number): number => (x - 1) / (x + 1);

/** The analysis matrix with regions and industries in the analysis's order. */
function analysisMatrix(matrix: RegionIndustryMatrix, units: readonly string[], industries: readonly string[]): RegionIndustryMatrix {
  const values = new Float64Array(units.length * industries.length);
  units.forEach((unit, r) => {
    const src = matrix.regions.indexOf(unit);
    if (src < 0) return;
    industries.forEach((code, i) => {
      const col = matrix.industries.indexOf(code);
      if (col >= 0) values[r * industries.length + i] = matrix.at(src, col);
    });
  });
  return RegionIndustryMatrix.fromWide(units, industries, values, { order: 'input', zeroTotals: 'keep' });
}

/**
 * Computes every component and the score of every unit × candidate industry (see the file header for the formulas,
 * their references and when each is left out). Throws InvalidInputError `INVALID_OPTION` for a bad weight, unit
 * minimum or base year.
 * @example
 * const cap = unitCapability(ctx, { weights: { chain: 1 } });
 * cap.components.filter((c) => !c.used); // what was left out, each with its reason
 */
export function unitCapability(ctx: PlanningContext, options: CapabilityOptions = {}): UnitCapability {
  const weights = resolveCapabilityWeights(options.weights);
  const minUnits = options.minUnitsForRelatedness ?? 20;
  if (!Number.isInteger(minUnits) || minUnits < 2)
    throw new InvalidInputError(m.invalidOption(fn, 'minUnitsForRelatedness', minUnits, 'an integer ≥ 2'), undefined, 'INVALID_OPTION');
  const candidatesMode = options.candidates ?? 'traded';
  if (candidatesMode !== 'traded' && candidatesMode !== 'all')
    throw new InvalidInputError(m.invalidOption(fn, 'candidates', candidatesMode, '"traded" or "all"'), undefined, 'INVALID_OPTION');
  const a = ctx.analysis;
  const units = a.units.map((u) => u.id);
  const all = a.industries.map((i) => i.code);
  const tradedSet = new Set(a.homogenisation.traded.industries);
  const localSet = new Set(a.homogenisation.traded.local);
  const candidates = all.filter((c) => tradedSet.has(c) || (candidatesMode === 'all' && localSet.has(c)));
  const U = units.length;
  const C = candidates.length;
  const I = all.length;
  const column = Int32Array.from(candidates, (c) => all.indexOf(c));
  const traded = Uint8Array.from(candidates, (c) => (tradedSet.has(c) ? 1 : 0));
  const lqAll = a.specialisation.lq;
  const lq = new Float64Array(U * C);
  const locationQuotient = new Float64Array(U * C);
  for (let u = 0; u < U; u++)
    for (let c = 0; c < C; c++) {
      const v = (lqAll[u] as number[])[column[c] as number] as number;
      lq[u * C + c] = v;
      locationQuotient[u * C + c] = symmetric(v);
    }
  const components: CapabilityComponent[] = [
    {
      name: 'location-quotient',
      weight: weights.locationQuotient,
      used: true,
      reference: 'Dalum, Laursen & Villumsen (1998), Int. Rev. Applied Economics 12(3): symmetric RCA (LQ − 1)/(LQ + 1)',
      detail: null,
      reason: null,
    },
  ];
  const matrix = analysisMatrix(ctx.input.matrix, units, all);

  // Relatedness density.
  let relatedness: Float64Array | null = null;
  let relatednessAbsent: Uint8Array | null = null;
  const rdReference = 'Hidalgo et al. (2007), Science 317(5837); Boschma, Balland & Kogler (2015): relatedness density';
  if (U < minUnits) {
    components.push({
      name: 'relatedness-density',
      weight: weights.relatedness,
      used: false,
      reference: rdReference,
      detail: null,
      reason: text.tooFewUnits(U, minUnits),
    });
  } else {
    const rd = relatednessDensity(matrix);
    relatedness = new Float64Array(U * C);
    relatednessAbsent = new Uint8Array(U * C);
    for (let u = 0; u < U; u++)
      for (let c = 0; c < C; c++) {
        const k = u * I + (column[c] as number);
        if (rd.absent?.[k]) relatednessAbsent[u * C + c] = 1;
        else relatedness[u * C + c] = (rd.values[k] as number) / 100;
      }
    const absent = rd.notes.map((n) => n.label).filter((l) => candidates.includes(l));
    components.push({
      name: 'relatedness-density',
      weight: weights.relatedness,
      used: true,
      reference: rdReference,
      detail: text.relatednessOn(U, absent),
      reason: null,
    });
  }

  // Competitive shift.
  let competitiveShift: Float64Array | null = null;
  let competitiveShiftAbsent: Uint8Array | null = null;
  let shiftBaseYear: number | null = null;
  const csReference = 'Dunn (1960), Papers and Proceedings of the Regional Science Association 6: competitive (regional) shift';
  const earlier = (ctx.input.earlier ?? []).filter((e) => e.year < ctx.input.year);
  const years = earlier.map((e) => e.year).sort((x, y) => x - y);
  if (options.shiftBaseYear !== undefined && !years.includes(options.shiftBaseYear))
    throw new InvalidInputError(text.badYear(options.shiftBaseYear, years), { option: 'shiftBaseYear' }, 'INVALID_OPTION');
  const base = options.shiftBaseYear ?? years[years.length - 1];
  const baseMatrix = earlier.find((e) => e.year === base)?.matrix;
  if (base === undefined || baseMatrix === undefined) {
    components.push({
      name: 'competitive-shift',
      weight: weights.competitiveShift,
      used: false,
      reference: csReference,
      detail: null,
      reason: text.noEarlier(),
    });
  } else {
    shiftBaseYear = base;
    const commonUnits = units.filter((u) => baseMatrix.regions.includes(u));
    const commonIndustries = all.filter((c) => baseMatrix.industries.includes(c));
    competitiveShift = new Float64Array(U * C);
    competitiveShiftAbsent = new Uint8Array(U * C).fill(1);
    if (commonUnits.length >= 2 && commonIndustries.length >= 1) {
      const t1 = analysisMatrix(baseMatrix, commonUnits, commonIndustries);
      const t2 = analysisMatrix(ctx.input.matrix, commonUnits, commonIndustries);
      const ss = dunnShiftShare(t1, t2, { zeroBase: 'exclude' });
      const nI = commonIndustries.length;
      const regional = ss.cells.regionalShare.values;
      for (let r = 0; r < commonUnits.length; r++) {
        const u = units.indexOf(commonUnits[r] as string);
        for (let i = 0; i < nI; i++) {
          const c = candidates.indexOf(commonIndustries[i] as string);
          if (c < 0) continue;
          const e1 = t1.values[r * nI + i] as number;
          const e2 = t2.values[r * nI + i] as number;
          // Expected later level e1·g_i = e2 − regional share.
          const expected = e2 - (regional[r * nI + i] as number);
          if (!(e1 > 0) || !(expected > 0)) continue;
          competitiveShift[u * C + c] = symmetric(e2 / expected);
          competitiveShiftAbsent[u * C + c] = 0;
        }
      }
    }
    components.push({
      name: 'competitive-shift',
      weight: weights.competitiveShift,
      used: true,
      reference: csReference,
      detail: text.shiftOn(base, ctx.input.year, commonUnits.length, commonIndustries.length),
      reason: null,
    });
  }

  // Linkage weights (duplication and chain partners).
  const linkage = linkageWeights(ctx);
  const partnerWeight = new Float64Array(U * U);
  for (let u = 0; u < U; u++) {
    let s = 0;
    for (let v = 0; v < U; v++) if (v !== u) s += linkage.weights[u * U + v] as number;
    if (s > 0) for (let v = 0; v < U; v++) if (v !== u) partnerWeight[u * U + v] = (linkage.weights[u * U + v] as number) / s;
  }

  // Chain complementarity.
  let chain: Float64Array | null = null;
  let chainAbsent: Uint8Array | null = null;
  const chReference = 'Input–output chain links (national direct coefficients) with partners’ traded advantages, weighted by linkage (methods.md M11)';
  const io = ctx.input.inputOutput;
  const tradedAll = Int32Array.from(all.flatMap((code, i) => (tradedSet.has(code) ? [i] : [])));
  // link[c·I + j] = a_ij + a_ji for candidate c = industry i and traded j ≠ i; total[c] = Σ_j link.
  const link = new Float64Array(C * I);
  const total = new Float64Array(C);
  // adv[v·I + j] = 1 when partner v holds traded j with LQ ≥ 1.
  const adv = new Uint8Array(U * I);
  if (io === undefined) {
    components.push({ name: 'chain-complementarity', weight: weights.chain, used: false, reference: chReference, detail: null, reason: text.noTable() });
  } else {
    const n = io.industries.length;
    const toIo = Int32Array.from(all, (code) => io.industries.indexOf(code));
    for (let c = 0; c < C; c++) {
      const i = column[c] as number;
      const ii = toIo[i] as number;
      if (ii < 0) continue;
      for (const j of tradedAll) {
        const jj = toIo[j] as number;
        if (j === i || jj < 0) continue;
        const value = (io.coefficients[ii * n + jj] as number) + (io.coefficients[jj * n + ii] as number);
        link[c * I + j] = value;
        total[c] = (total[c] as number) + value;
      }
    }
    for (let v = 0; v < U; v++) for (const j of tradedAll) if (((lqAll[v] as number[])[j] as number) >= 1) adv[v * I + j] = 1;
    // P[u·I + j] = Σ_v ŵ_uv adv_vj, then chain_uc = Σ_j P_uj link_cj / total_c: O(U²·T + U·C·T).
    const reach = new Float64Array(U * I);
    for (let u = 0; u < U; u++)
      for (let v = 0; v < U; v++) {
        const w = partnerWeight[u * U + v] as number;
        if (w === 0) continue;
        for (const j of tradedAll) if (adv[v * I + j]) reach[u * I + j] = (reach[u * I + j] as number) + w;
      }
    chain = new Float64Array(U * C);
    chainAbsent = new Uint8Array(U * C);
    for (let c = 0; c < C; c++) {
      const t = total[c] as number;
      for (let u = 0; u < U; u++) {
        if (!(t > 0)) {
          chainAbsent[u * C + c] = 1;
          continue;
        }
        let s = 0;
        for (const j of tradedAll) s += (reach[u * I + j] as number) * (link[c * I + j] as number);
        chain[u * C + c] = s / t;
      }
    }
    const unlinked = candidates.filter((_, c) => !((total[c] as number) > 0));
    components.push({
      name: 'chain-complementarity',
      weight: weights.chain,
      used: true,
      reference: chReference,
      detail: text.chainOn(io.id, io.year, unlinked),
      reason: null,
    });
  }

  const relatednessMean = relatedness === null ? null : centre(relatedness, relatednessAbsent, U, C);
  const chainMean = chain === null ? null : centre(chain, chainAbsent, U, C);
  const parts = { locationQuotient, relatedness, competitiveShift, chain };
  const score = capabilityScore(parts, weights, U * C);
  return {
    units,
    industries: candidates,
    traded,
    column,
    lq,
    locationQuotient,
    relatedness,
    competitiveShift,
    chain,
    relatednessMean,
    chainMean,
    relatednessAbsent,
    competitiveShiftAbsent,
    chainAbsent,
    weights,
    score,
    components,
    linkage,
    shiftBaseYear,
    chainPartners(u: number, c: number) {
      const t = total[c] as number;
      if (chain === null || !(t > 0)) return [];
      const out: { unit: string; weight: number; contribution: number; industries: string[] }[] = [];
      for (let v = 0; v < U; v++) {
        const w = partnerWeight[u * U + v] as number;
        if (v === u || w === 0) continue;
        const linked: { code: string; value: number }[] = [];
        let s = 0;
        for (const j of tradedAll) {
          const value = link[c * I + j] as number;
          if (adv[v * I + j] && value > 0) {
            linked.push({ code: all[j] as string, value });
            s += value;
          }
        }
        if (s === 0) continue;
        linked.sort((x, y) => y.value - x.value || byCode(x.code, y.code));
        out.push({ unit: units[v] as string, weight: w, contribution: (w * s) / t, industries: linked.map((l) => l.code) });
      }
      return out.sort((x, y) => y.contribution - x.contribution || byCode(x.unit, y.unit));
    },
  };
}

/**
 * Subtracts from every cell with a value its candidate's mean over the units that have one, in place; returns the
 * means (`null` for a candidate no unit has a value for). O(U·C).
 */
function centre(values: Float64Array, absent: Uint8Array | null, U: number, C: number): (number | null)[] {
  const means: (number | null)[] = [];
  for (let c = 0; c < C; c++) {
    let sum = 0;
    let n = 0;
    for (let u = 0; u < U; u++)
      if (!absent?.[u * C + c]) {
        sum += values[u * C + c] as number;
        n++;
      }
    if (n === 0) {
      means.push(null);
      continue;
    }
    const mean = sum / n;
    for (let u = 0; u < U; u++) if (!absent?.[u * C + c]) values[u * C + c] = (values[u * C + c] as number) - mean;
    means.push(mean);
  }
  return means;
}

/** c = Σ_k β_k · component_k (a left-out component, or a null cell, adds nothing). */
export function capabilityScore(
  parts: {
    readonly locationQuotient: Float64Array;
    readonly relatedness: Float64Array | null;
    readonly competitiveShift: Float64Array | null;
    readonly chain: Float64Array | null;
  },
  weights: CapabilityWeights,
  size: number,
): Float64Array {
  const score = new Float64Array(size);
  const add = (values: Float64Array | null, w: number) => {
    if (values === null || w === 0) return;
    for (let k = 0; k < size; k++) score[k] = (score[k] as number) + w * (values[k] as number);
  };
  add(parts.locationQuotient, weights.locationQuotient);
  add(parts.relatedness, weights.relatedness);
  add(parts.competitiveShift, weights.competitiveShift);
  add(parts.chain, weights.chain);
  return score;
}

/** The short names of the weights in `name=value` lists (the CLI's `--weights`, the API's `weights=`). */
export const capabilityWeightNames: Readonly<Record<string, keyof CapabilityWeights>> = {
  lq: 'locationQuotient',
  relatedness: 'relatedness',
  shift: 'competitiveShift',
  chain: 'chain',
};

/**
 * Reads a weights list such as `lq=1,relatedness=0.5,shift=0.5,chain=0.5` (any subset); `null` when a name is unknown
 * or a value is not a finite number ≥ 0 (the caller says so in its own words).
 */
export function parseCapabilityWeights(text: string): Partial<CapabilityWeights> | null {
  const out: Partial<Record<keyof CapabilityWeights, number>> = {};
  for (const part of text.split(',')) {
    const [name, raw] = part.split('=').map((s) => s.trim());
    const key = capabilityWeightNames[name ?? ''];
    const v = Number(raw);
    if (key === undefined || raw === undefined || raw === '' || !Number.isFinite(v) || v < 0) return null;
    out[key] = v;
  }
  return out;
}
