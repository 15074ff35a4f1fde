/**
 * `planMetro`: the plan document of issue 10 — the positions (./positions.ts), the cooperation opportunities
 * (./opportunities.ts), the transport priorities (./transport.ts) and the observed firm relocations, gathered under
 * the paper's four recommendation headings. Each heading shows a few ranked items (`headline`, default 4), each traced
 * to the part and item it comes from and carrying the numbers that decided it; the parts keep every detail.
 *
 * - **Mechanism (合作机制):** the homogenisation hot spots that matter — traded, non-primary industries in which
 *   several units (at most a quarter of them; more is the metro's base) specialise at once while some of their pairs
 *   compete (typed `competing`: no division of functions or chain stages) — a division of labour to agree; then the strongest pairs' cooperation modes that need a joint institution
 *   (chain collaboration, innovation cooperation, jointly built park, enclave, factor and market integration), ranked
 *   by the opportunities' own order.
 * - **Planning and government (规划与政府):** the stated positions the data contradict (analysis finding F8), the
 *   stated positions the optimum does not choose, and the industrial transfers to guide (with the firms that really
 *   moved between the same units).
 * - **Positions (城市定位):** every unit's optimal leads, the largest unit first, with what plans state and what the
 *   data show today; or why the table cannot position industries.
 * - **Infrastructure (交通设施):** the ranked transport priorities, and how many strongly interacting pairs have no
 *   timetable data (unknown, never a gap).
 *
 * Reference: docs/methodology/planning.md.
 */
import type { Language, LocalizedText } from '../errors/metro-error.ts';
import { InvalidInputError } from '../errors/metro-error.ts';
import { findingNames, fmt } from '../text/findings-text.ts';
import { findOpportunities, type OpportunityOptions } from './opportunities.ts';
import type { OpportunitiesPart } from './opportunities-schema.ts';
import { type MetroPlan, metroPlanSchemaVersion, type PlanHeading, type PlanRecommendation, type PlanSection } from './plan-schema.ts';
import { type PlanPositionsOptions, planPositions } from './positions.ts';
import type { PositionsPart } from './positions-schema.ts';
import { type TransportOptions, transportPriorities } from './transport.ts';
import type { TransportPart } from './transport-schema.ts';
import type { CooperationMode, FirmRelocations, PlanningContext } from './types.ts';

/** Options of {@link planMetro}: each part's own, and how many items each heading shows. */
export interface PlanOptions {
  readonly positions?: PlanPositionsOptions;
  readonly opportunities?: OpportunityOptions;
  readonly transport?: TransportOptions;
  /** Recommendations shown per heading (integer ≥ 1). Default 4: a slide's worth. */
  readonly headline?: number;
}

export const defaultPlanHeadline = 4;

type Draft = Omit<PlanRecommendation, 'rank'>;
type Names = ReturnType<typeof findingNames>;

const headingTitles: Record<PlanHeading, LocalizedText> = {
  mechanism: { en: 'Cooperation mechanism', zh: '合作机制' },
  'planning-government': { en: 'Planning and the role of government', zh: '规划引导与政府作用' },
  positions: { en: 'Positions: a differentiated role for every unit', zh: '城市定位：错位发展' },
  infrastructure: { en: 'Infrastructure: transport that serves cooperation', zh: '基础设施：服务合作的交通' },
};

export const modeNames: Record<CooperationMode, LocalizedText> = {
  'industrial-transfer': { en: 'industrial transfer', zh: '产业转移' },
  'joint-park': { en: 'a jointly built park', zh: '共建园区' },
  enclave: { en: 'an enclave park (飞地)', zh: '飞地经济' },
  'chain-collaboration': { en: 'chain collaboration', zh: '产业链协作' },
  'innovation-cooperation': { en: 'innovation cooperation', zh: '创新合作' },
  'factor-market-integration': { en: 'factor and market integration', zh: '要素与市场一体化' },
};

const both = (f: (lang: Language) => string): LocalizedText => ({ en: f('en'), zh: f('zh') });
const list = (items: readonly string[], lang: Language): string => items.join(lang === 'zh' ? '、' : ', ');

/** The mechanism heading: hot spots first, then the pairs' institutional modes in the opportunities' order. */
function mechanism(ctx: PlanningContext, opp: OpportunitiesPart, n: Names): Draft[] {
  const A = ctx.analysis;
  const out: Draft[] = [];
  const lqOf = (unit: string, industry: string): number | null => {
    const r = A.units.findIndex((u) => u.id === unit);
    const i = A.industries.findIndex((x) => x.code === industry);
    return r < 0 || i < 0 ? null : ((A.specialisation.lq[r] as readonly number[])[i] ?? null);
  };
  // A hot spot is a division of labour to agree when units that share a traded, non-primary specialisation also
  // compete (pairs typed `competing`: the same traded specialisations and no division of functions or chain stages).
  // Ring units that all manufacture beside a service core are the core–ring model, not a duplication: an industry
  // shared by more than a quarter of the units (or the minimum of a hot spot, when larger) is the metro's base.
  const groups = A.structure.industryGroups;
  const ids = A.units.map((u) => u.id);
  const tp = A.typology.pairs;
  const shown = 6;
  const hot: { h: (typeof A.homogenisation.hotSpots)[number]; competing: [string, string][] }[] = [];
  for (const h of A.homogenisation.hotSpots) {
    if (
      h.units.length < A.options.hotSpotMinUnits ||
      h.units.length > Math.max(A.options.hotSpotMinUnits, A.units.length / 4) ||
      groups[h.industry] === 'primary'
    )
      continue;
    const members = new Set(h.units);
    const competing: [string, string][] = [];
    for (let p = 0; p < tp.type.length; p++) {
      const a = ids[tp.a[p] as number] as string;
      const b = ids[tp.b[p] as number] as string;
      if (tp.type[p] === 'competing' && members.has(a) && members.has(b)) competing.push([a, b]);
    }
    if (competing.length > 0) hot.push({ h, competing });
  }
  hot.sort((x, y) => y.competing.length - x.competing.length || y.h.score - x.h.score || (x.h.industry < y.h.industry ? -1 : 1));
  for (const { h, competing } of hot) {
    const names = (l: Language): string => {
      const named = h.units
        .slice(0, shown)
        .map((u) => (l === 'en' ? `${n.unit(u, l)} LQ ${fmt(lqOf(u, h.industry))}` : `${n.unit(u, l)} 区位熵 ${fmt(lqOf(u, h.industry))}`));
      const more = h.units.length - shown;
      return `${list(named, l)}${more > 0 ? (l === 'en' ? ` and ${more} more` : `等 ${h.units.length} 个`) : ''}`;
    };
    const pairs = (l: Language): string =>
      list(
        competing.slice(0, 3).map(([a, b]) => `${n.unit(a, l)}${l === 'en' ? '–' : '—'}${n.unit(b, l)}`),
        l,
      );
    out.push({
      id: `mechanism:hot-spot:${h.industry}`,
      kind: 'hot-spot',
      title: both((l) =>
        l === 'en'
          ? `Agree a division of labour in ${n.industry(h.industry, l)}: ${h.units.length} units specialise in it at once (${names(l)}), and ${competing.length} of their pairs compete with no division of functions or chain stages (${pairs(l)}).`
          : `在${n.industry(h.industry, l)}上协商分工：${h.units.length} 个单元同时专业化于此（${names(l)}），其中 ${competing.length} 对单元之间无职能或产业链分工而相互竞争（${pairs(l)}）。`,
      ),
      units: [...h.units],
      industries: [h.industry],
      values: {
        units: h.units.length,
        competingPairs: competing.length,
        score: h.score,
        ...Object.fromEntries(h.units.map((u) => [`lq:${u}`, lqOf(u, h.industry)])),
      },
      refs: [{ part: 'analysis', id: `hotSpot:${h.industry}` }, ...competing.map(([a, b]) => ({ part: 'analysis' as const, id: `pair:${a}|${b}` }))],
    });
  }
  const institutional: readonly CooperationMode[] = ['chain-collaboration', 'innovation-cooperation', 'joint-park', 'enclave', 'factor-market-integration'];
  const seen = new Set<string>();
  for (const o of opp.opportunities) {
    const mode = o.modes[0];
    if (mode === undefined || !institutional.includes(mode.mode)) continue;
    const key = `${mode.mode}:${o.from}>${o.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // An example by its id and the start of its text in that language (the knowledge base's words, up to the first dash).
    const examples = (l: Language): string[] =>
      mode.examples.map((e) => {
        // No English words in Chinese text: an item without Chinese text is named by its id there.
        const text = (l === 'zh' ? e.textZh : e.textEn) ?? '';
        const head = text.split(' — ')[0]?.trim() ?? '';
        return head === '' ? e.id : `${e.id} ${l === 'zh' ? `（${head}）` : `(${head})`}`;
      });
    out.push({
      id: `mechanism:${key}`,
      kind: mode.mode,
      title: both((l) => {
        // The opportunity's own sentence names the mode, the units and the numbers.
        const what = l === 'en' ? o.title.en : o.title.zh;
        const ex = mode.examples.length === 0 ? '' : l === 'en' ? `. Examples: ${list(examples(l), l)}.` : `。先例：${list(examples(l), l)}。`;
        return `${what}${ex}`;
      }),
      units: [o.from, o.to],
      industries: [...new Set([...o.fromIndustries, ...o.toIndustries])],
      values: { score: o.score, activityShare: o.activityShare, linkage: o.linkage, ...mode.values },
      refs: [{ part: 'opportunities', id: o.id }],
    });
  }
  const pairModes: readonly CooperationMode[] = ['joint-park', 'enclave', 'factor-market-integration'];
  for (const p of opp.pairs) {
    const modes = p.modes.filter((m) => pairModes.includes(m.mode) && !seen.has(`${m.mode}:${m.from ?? p.a}>${m.to ?? p.b}`));
    if (modes.length === 0) continue;
    const numbers = (l: Language): string =>
      [
        p.normalisedGravity === null ? null : `${l === 'en' ? 'linkage' : '联系强度'} ${fmt(p.normalisedGravity)}`,
        p.gdpPerCapitaRatio === null ? null : l === 'en' ? `GDP per capita ${fmt(p.gdpPerCapitaRatio)}×` : `人均地区生产总值 ${fmt(p.gdpPerCapitaRatio)} 倍`,
        p.railMinutes === null ? null : `${fmt(p.railMinutes)} ${l === 'en' ? 'min by rail' : '分钟铁路'}`,
        p.km === null ? null : `${fmt(p.km)} ${l === 'en' ? 'km' : '公里'}`,
        p.crossesBoundary === true ? (l === 'en' ? 'across an administrative boundary' : '跨行政边界') : null,
      ]
        .filter((x) => x !== null)
        .join(l === 'en' ? ', ' : '，');
    out.push({
      id: `mechanism:pair:${p.a}|${p.b}`,
      kind: modes.map((m) => m.mode).join('+'),
      title: both((l) =>
        l === 'en'
          ? `${n.unit(p.a, l)} and ${n.unit(p.b, l)}: ${list(
              modes.map((m) => modeNames[m.mode].en),
              l,
            )} (${numbers(l)}).`
          : `${n.unit(p.a, l)}与${n.unit(p.b, l)}：${list(
              modes.map((m) => modeNames[m.mode].zh),
              l,
            )}（${numbers(l)}）。`,
      ),
      units: [p.a, p.b],
      industries: [],
      values: { score: p.score, normalisedGravity: p.normalisedGravity, gdpPerCapitaRatio: p.gdpPerCapitaRatio, railMinutes: p.railMinutes, km: p.km },
      refs: [{ part: 'opportunities', id: `${p.a}|${p.b}` }],
    });
  }
  return out;
}

/** Planning and government: contradicted positions, positions the optimum passes over, transfers to guide. */
function planning(ctx: PlanningContext, pos: PositionsPart, opp: OpportunitiesPart, moves: FirmRelocations | null, n: Names): Draft[] {
  const out: Draft[] = [];
  const contradicted = ctx.analysis.findings.find((f) => f.kind === 'plan-contradicted');
  if (contradicted !== undefined && contradicted.kind === 'plan-contradicted') {
    for (const p of contradicted.data.positions) {
      out.push({
        id: `planning-government:contradicted:${p.unit}:${p.industry}`,
        kind: 'plan-contradicted',
        title: both((l) =>
          l === 'en'
            ? `Revisit the stated position of ${n.unit(p.unit, l)} in ${n.industry(p.industry, l)}: its location quotient is ${fmt(p.lq)}, below ${fmt(contradicted.data.threshold)} (${list(p.items, l)}).`
            : `重新审视${n.unit(p.unit, l)}在${n.industry(p.industry, l)}上的规划定位：其区位熵为 ${fmt(p.lq)}，低于 ${fmt(contradicted.data.threshold)}（${list(p.items, l)}）。`,
        ),
        units: [p.unit],
        industries: [p.industry],
        values: { lq: p.lq, threshold: contradicted.data.threshold },
        refs: [{ part: 'analysis', id: contradicted.id }],
      });
    }
  }
  if (pos.status === 'optimised') {
    for (const u of pos.units) {
      for (const s of u.stated) {
        if (!s.testable) continue;
        const passed = s.industries.filter((i) => i.candidate && !i.chosen && (i.lq ?? 0) >= 1);
        if (passed.length === 0) continue;
        out.push({
          id: `planning-government:passed-over:${u.unit}:${s.item}`,
          kind: 'stated-not-optimal',
          title: both((l) =>
            l === 'en'
              ? `${n.unit(u.unit, l)}: plans name ${list(
                  passed.map((i) => `${n.industry(i.industry, l)} (LQ ${fmt(i.lq)})`),
                  l,
                )}, but the metro-wide optimum gives it ${list(
                  u.chosen.map((c) => n.industry(c.industry, l)),
                  l,
                )} — the stated lead duplicates linked units or scores lower (${s.item}).`
              : `${n.unit(u.unit, l)}：规划提出${list(
                  passed.map((i) => `${n.industry(i.industry, l)}（区位熵 ${fmt(i.lq)}）`),
                  l,
                )}，但全域最优方案为${list(
                  u.chosen.map((c) => n.industry(c.industry, l)),
                  l,
                )}——规划主导产业与关联单元重复或得分较低（${s.item}）。`,
          ),
          units: [u.unit],
          industries: passed.map((i) => i.industry),
          values: Object.fromEntries(passed.map((i) => [`lq:${i.industry}`, i.lq])),
          refs: [{ part: 'positions', id: u.unit }],
        });
      }
    }
  }
  for (const o of opp.opportunities) {
    if (o.kind !== 'transfer') continue;
    const mode = o.modes.find((m) => m.mode === 'industrial-transfer');
    const observed = (moves?.moves ?? []).filter((m) => m.origin === o.from && m.destination === o.to);
    const firms = observed.reduce((s, m) => s + m.firms, 0);
    out.push({
      id: `planning-government:transfer:${o.id}`,
      kind: 'industrial-transfer',
      title: both((l) => {
        const v = mode?.values ?? {};
        const industries = list(
          o.fromIndustries.map((i) => n.industry(i, l)),
          l,
        );
        const numbers =
          l === 'en'
            ? `${opp.basis.gradient === 'industrial-gradient' ? 'industrial gradient' : 'location quotient'} ${fmt(v.gradientFrom ?? null)} → ${fmt(v.gradientTo ?? null)}, ×${fmt(v.gradientRatio ?? null)}; GDP per capita ×${fmt(v.costRatio ?? null)}`
            : `${opp.basis.gradient === 'industrial-gradient' ? '产业梯度系数' : '区位熵'} ${fmt(v.gradientFrom ?? null)} → ${fmt(v.gradientTo ?? null)}，${fmt(v.gradientRatio ?? null)} 倍；人均地区生产总值 ${fmt(v.costRatio ?? null)} 倍`;
        const head =
          l === 'en'
            ? `Guide the transfer of ${industries} from ${n.unit(o.from, l)} to ${n.unit(o.to, l)} (${numbers}).`
            : `引导${industries}从${n.unit(o.from, l)}向${n.unit(o.to, l)}转移（${numbers}）。`;
        const seenMoves =
          moves === null
            ? ''
            : l === 'en'
              ? ` Listed firms that moved ${n.unit(o.from, l)} → ${n.unit(o.to, l)} in ${moves.years[0]}–${moves.years[1]}: ${firms}.`
              : `${moves.years[0]}—${moves.years[1]} 年从${n.unit(o.from, l)}迁至${n.unit(o.to, l)}的上市公司：${firms} 家。`;
        return `${head}${seenMoves}`;
      }),
      units: [o.from, o.to],
      industries: [...o.fromIndustries],
      values: { score: o.score, ...(mode?.values ?? {}), observedFirms: moves === null ? null : firms },
      refs: [{ part: 'opportunities', id: o.id }, ...(moves === null ? [] : [{ part: 'relocations' as const, id: `${o.from}>${o.to}` }])],
    });
  }
  return out;
}

/** Positions: every unit's optimal leads, the largest unit first. */
function positions(ctx: PlanningContext, pos: PositionsPart, n: Names): Draft[] {
  if (pos.status !== 'optimised') return [];
  const totals = ctx.input.matrix.regionTotals();
  const size = new Map(ctx.input.matrix.regions.map((r, k) => [r, totals[k] as number]));
  const units = [...pos.units].sort((a, b) => (size.get(b.unit) ?? 0) - (size.get(a.unit) ?? 0) || (a.unit < b.unit ? -1 : 1));
  return units.map((u) => {
    const stated = u.stated.flatMap((s) => (s.testable ? s.industries.map((i) => i.industry) : []));
    const today = u.today.map((t) => t.industry);
    const unstable = u.chosen.filter((c) => c.sensitivity !== null && !c.sensitivity.stable).map((c) => c.industry);
    return {
      id: `positions:lead:${u.unit}`,
      kind: 'lead-industries',
      title: both((l) => {
        const chosen = list(
          u.chosen.map((c) =>
            l === 'en' ? `${n.industry(c.industry, l)} (LQ ${fmt(c.components.lq)})` : `${n.industry(c.industry, l)}（区位熵 ${fmt(c.components.lq)}）`,
          ),
          l,
        );
        const st =
          stated.length === 0
            ? l === 'en'
              ? 'none stated'
              : '无规划表述'
            : list(
                [...new Set(stated)].map((i) => n.industry(i, l)),
                l,
              );
        const td = list(
          today.map((i) => n.industry(i, l)),
          l,
        );
        const flips =
          unstable.length === 0
            ? ''
            : l === 'en'
              ? ` Sensitive to the weights: ${list(
                  unstable.map((i) => n.industry(i, l)),
                  l,
                )}.`
              : `对权重敏感：${list(
                  unstable.map((i) => n.industry(i, l)),
                  l,
                )}。`;
        return l === 'en'
          ? `${n.unit(u.unit, l)} should lead ${chosen}. Plans: ${st}. Today: ${td}.${flips}`
          : `${n.unit(u.unit, l)}宜主导${chosen}。规划：${st}。现状：${td}。${flips}`;
      }),
      units: [u.unit],
      industries: u.chosen.map((c) => c.industry),
      values: Object.fromEntries(u.chosen.flatMap((c) => [[`score:${c.industry}`, c.score] as const, [`lq:${c.industry}`, c.components.lq] as const])),
      refs: [{ part: 'positions', id: u.unit }],
    };
  });
}

/** Infrastructure: the transport priorities in their order. */
function infrastructure(tr: TransportPart, n: Names): Draft[] {
  return [...tr.headline, ...tr.rest].map((p) => ({
    id: `infrastructure:rail:${p.a.id}|${p.b.id}`,
    kind: p.status === 'slow' ? 'slow-rail' : 'no-direct-train',
    title: both((l) =>
      p.status === 'slow'
        ? l === 'en'
          ? `Speed up rail between ${n.unit(p.a.id, l)} and ${n.unit(p.b.id, l)}: the fastest direct train takes ${fmt(p.rail.minutes)} min for ${fmt(p.km)} km (${fmt(p.rail.speedKmh)} km/h straight-line), expected interaction ${fmt(p.interaction)} (rank ${p.rank}).`
          : `提速${n.unit(p.a.id, l)}—${n.unit(p.b.id, l)}铁路：最快直达列车 ${fmt(p.rail.minutes)} 分钟、直线距离 ${fmt(p.km)} 公里（直线速度 ${fmt(p.rail.speedKmh)} 公里/小时），预期联系强度 ${fmt(p.interaction)}（第 ${p.rank} 位）。`
        : l === 'en'
          ? `Link ${n.unit(p.a.id, l)} and ${n.unit(p.b.id, l)} by direct train: none in the timetable (${p.rail.timetableDate ?? p.rail.source}) for ${fmt(p.km)} km, expected interaction ${fmt(p.interaction)} (rank ${p.rank}); a change of trains may exist.`
          : `开通${n.unit(p.a.id, l)}—${n.unit(p.b.id, l)}直达列车：时刻表（${p.rail.timetableDate ?? p.rail.source}）中无直达车，直线距离 ${fmt(p.km)} 公里，预期联系强度 ${fmt(p.interaction)}（第 ${p.rank} 位）；或有换乘。`,
    ),
    units: [p.a.id, p.b.id],
    industries: [],
    values: { interaction: p.interaction, km: p.km, minutes: p.rail.minutes, speedKmh: p.rail.speedKmh, timeRatio: p.rail.timeRatio },
    refs: [{ part: 'transport' as const, id: `${p.a.id}|${p.b.id}` }],
  }));
}

const emptyText = {
  mechanism: { en: 'No hot spot and no pair with an institutional cooperation mode.', zh: '没有同质化热点，也没有需要合作机制的单元对。' },
  'planning-government': {
    en: 'No stated position is contradicted, and no transfer is indicated.',
    zh: '没有与数据相悖的规划定位，也没有指向产业转移的证据。',
  },
  infrastructure: (tr: TransportPart): LocalizedText =>
    tr.timetable.units.covered === 0
      ? { en: 'No timetable data for this metro: rail links are unknown, not gaps.', zh: '本都市圈没有时刻表数据：铁路联系未知，而非缺口。' }
      : {
          en: `No strongly interacting pair with a slow or missing direct train; ${tr.unknown.topPart} strongly interacting ${tr.unknown.topPart === 1 ? 'pair is' : 'pairs are'} unknown (a unit has no timetable data).`,
          zh: `没有联系强而铁路慢或无直达车的单元对；${tr.unknown.topPart} 个联系强的单元对情况未知（有单元无时刻表数据）。`,
        },
};

/**
 * The plan of one metro from its planning context (the analysis, parents, rail gaps and relocations). Async: the
 * positioning optimiser loads HiGHS on its first call. Throws the parts' InvalidInputErrors (`INFEASIBLE`,
 * `INVALID_OPTION`, `NOT_FOUND`).
 */
export async function planMetro(ctx: PlanningContext, options: PlanOptions = {}): Promise<MetroPlan> {
  const headline = options.headline ?? defaultPlanHeadline;
  if (!Number.isInteger(headline) || headline < 1)
    throw new InvalidInputError(
      {
        en: `planMetro: option headline is invalid (got ${JSON.stringify(headline)}); expected an integer ≥ 1.`,
        zh: `planMetro：选项 headline 无效（得到 ${JSON.stringify(headline)}）；应为 ≥ 1 的整数。`,
      },
      { option: 'headline' },
      'INVALID_OPTION',
    );
  const A = ctx.analysis;
  const pos = await planPositions(ctx, options.positions ?? {});
  const opp = findOpportunities(ctx, options.opportunities ?? {});
  const tr = transportPriorities(ctx, options.transport ?? {});
  const n = findingNames(A.units, A.industries);
  const drafts: Record<PlanHeading, Draft[]> = {
    mechanism: mechanism(ctx, opp, n),
    'planning-government': planning(ctx, pos, opp, ctx.relocations, n),
    positions: positions(ctx, pos, n),
    infrastructure: infrastructure(tr, n),
  };
  const empties: Record<PlanHeading, LocalizedText> = {
    mechanism: emptyText.mechanism,
    'planning-government': emptyText['planning-government'],
    positions: pos.reason ?? { en: 'No positions.', zh: '无定位结果。' },
    infrastructure: emptyText.infrastructure(tr),
  };
  const sections: PlanSection[] = (['mechanism', 'planning-government', 'positions', 'infrastructure'] as const).map((heading) => {
    const all = drafts[heading];
    return {
      heading,
      title: headingTitles[heading],
      items: all.slice(0, headline).map((d, k) => ({ ...d, rank: k + 1 })),
      more: Math.max(0, all.length - headline),
      empty: all.length === 0 ? empties[heading] : null,
    };
  });
  return {
    schemaVersion: metroPlanSchemaVersion,
    metro: A.metro,
    unitSet: { id: A.unitSet.id, indicator: A.unitSet.indicator, classification: A.unitSet.classification, measure: A.unitSet.measure, year: A.unitSet.year },
    units: A.units.map((u) => ({ id: u.id, nameEn: u.nameEn, nameZh: u.nameZh, ring: u.ring })),
    industries: A.industries.map((i) => ({ code: i.code, nameEn: i.nameEn, nameZh: i.nameZh })),
    headline,
    sections,
    positions: pos,
    opportunities: opp,
    transport: tr,
    relocations: ctx.relocations === null ? null : { ...ctx.relocations, years: [ctx.relocations.years[0], ctx.relocations.years[1]] },
    notes: [...dominanceNotes(ctx, n), ...(ctx.relocations?.notes ?? [])],
  };
}

/** Above this share of the metro's activity a unit's location quotients (metro reference) are compressed towards 1. */
export const dominantShare = 0.4;

/**
 * A unit holding much of the metro's activity is most of its own reference: its location quotients are pulled towards
 * 1 and understate what it specialises in (the New York MSA in BosWash, Tokyo-to among the eight prefectures). Said
 * beside the plan, since positions and opportunities read those quotients.
 */
function dominanceNotes(ctx: PlanningContext, n: Names): LocalizedText[] {
  const totals = ctx.input.matrix.regionTotals();
  const grand = totals.reduce((s, v) => s + v, 0);
  if (!(grand > 0)) return [];
  return ctx.input.matrix.regions.flatMap((id, k) => {
    const share = (totals[k] as number) / grand;
    if (share <= dominantShare) return [];
    const pct = `${(share * 100).toFixed(0)}%`;
    return [
      {
        en: `${n.unit(id, 'en')} holds ${pct} of the metro's activity: its location quotients are measured against a metro it largely is, so they lean towards 1 and understate its specialisations (read its positions with that in mind).`,
        zh: `${n.unit(id, 'zh')}占都市圈经济活动的 ${pct}：其区位熵以一个主要由它自身构成的都市圈为参照，趋近于 1，低估了其专业化程度（解读其定位时请注意）。`,
      },
    ];
  });
}
