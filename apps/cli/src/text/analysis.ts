/**
 * The readable summary of a metro analysis in one language (what `analyze` and `start` print): key figures, pair
 * types with their deciding numbers, drivers, benchmark and the top findings.
 */
import type { LocalizedText, MetroAnalysis } from '@metrocoop/core';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { benchmarkText } from './benchmark.ts';
import { inputsText } from './inputs.ts';
import { formatTable } from './table.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

const messages = {
  overview: t('Overview', '概况'),
  pairs: t('Pair types (Table 1)', '单元对合作类型（表1）'),
  drivers: t('Drivers (metro, 0–1)', '驱动因素（都市圈，0–1）'),
  findings: (shown: number, all: number) => t(`Headline findings (${shown} of ${all}, by priority)`, `主要发现（共 ${all} 条，按优先级列出前 ${shown} 条）`),
  moreFindings: (n: number) => t(`${n} more findings in the JSON (--format json).`, `另有 ${n} 条发现，见 JSON 输出（--format json）。`),
  notes: t('Notes', '说明'),
  legend: t('Industries', '产业'),
  missing: t('missing', '缺失'),
  head: {
    unit: t('unit', '单元'),
    ring: t('ring', '圈层'),
    pop: t('population (m)', '人口（百万）'),
    gdp: t('GDP', 'GDP'),
    tertiary: t('tertiary', '三产比重'),
    krugman: t('Krugman', '专业化指数'),
    fs: t('FS', '功能专业化'),
    adv: t('advantage industries', '优势产业'),
    pair: t('pair', '单元对'),
    type: t('type', '类型'),
    division: t('division of functions / stages', '职能或环节分工'),
    specialisation: t('traded specialisations', '可贸易产业专业化'),
    similarity: t('traded similarity (z)', '可贸易结构相似度（z）'),
    shared: t('shared', '共同优势'),
    link: t('linkage', '联系强度'),
    dist: t('distance', '距离'),
    driver: t('driver', '驱动因素'),
    score: t('score', '得分'),
    severity: t('severity', '级别'),
    finding: t('finding', '发现'),
  },
  type: {
    vertical: t('vertical', '垂直分工'),
    horizontal: t('horizontal', '水平分工'),
    mixed: t('mixed', '混合分工'),
    competing: t('competing', '同质竞争'),
    undetermined: t('undetermined', '无法判定'),
  } as Record<string, LocalizedText>,
  specialisation: {
    same: t('same', '相同'),
    different: t('different', '不同'),
    neither: t('no clear pattern', '无明显差异'),
    'not-judgeable': t('not judgeable', '无法判断'),
  } as Record<string, LocalizedText>,
  functional: (ratio: string) => t(`functional (×${ratio})`, `职能分工（×${ratio}）`),
  chainStages: (ratio: string, upstream: string) => t(`chain stages (${ratio}, ${upstream} upstream)`, `产业链环节（${ratio}，${upstream}在上游）`),
  noDivision: t('none', '无'),
  pairCounts: (c: Record<string, number>, total: number) =>
    t(
      `${total} pairs: vertical ${c.vertical}, mixed ${c.mixed}, horizontal ${c.horizontal}, competing ${c.competing}, undetermined ${c.undetermined}`,
      `共 ${total} 对：垂直分工 ${c.vertical}，混合分工 ${c.mixed}，水平分工 ${c.horizontal}，同质竞争 ${c.competing}，无法判定 ${c.undetermined}`,
    ),
  pairsShown: (shown: number, total: number) =>
    t(
      `The ${shown} pairs with the strongest linkage of ${total}; every pair is in the JSON (--format json).`,
      `以下为联系最强的 ${shown} 对（共 ${total} 对）；全部单元对见 JSON（--format json）。`,
    ),
  notJudgeable: t('Homogeneity is not judgeable at this level of detail (too few traded industries).', '此行业细分程度下无法判断同质化（可贸易行业过少）。'),
  ring: { core: t('core', '核心'), inner: t('inner', '内圈'), outer: t('outer', '外圈') } as Record<string, LocalizedText>,
  driver: {
    proximity: t('proximity & complementarity', '邻近与资源互补'),
    structure: t('structural difference', '结构差异'),
    market: t('market', '市场'),
    government: t('government', '政府'),
  } as Record<string, LocalizedText>,
  severity: { high: t('high', '高'), medium: t('medium', '中'), low: t('low', '低'), info: t('info', '信息') } as Record<string, LocalizedText>,
  title: (r: MetroAnalysis) => {
    const idx = r.homogenisation.index;
    const en = idx === null ? 'homogenisation not judgeable' : `${pct(idx)} of pairs with the same traded specialisations`;
    const zh = idx === null ? '同质化无法判断' : `可贸易产业专业化相同的单元对占 ${pct(idx)}`;
    return t(
      `${r.metro.nameEn} (${r.metro.id}) — ${r.unitSet.id}, ${r.unitSet.indicator} by ${r.unitSet.classification}, ${r.unitSet.year}; ${en}`,
      `${r.metro.nameZh}（${r.metro.id}）— ${r.unitSet.id}，${r.unitSet.indicator}，${r.unitSet.classification}，${r.unitSet.year} 年；${zh}`,
    );
  },
};

const pct = (v: number): string => `${(v * 100).toFixed(0)}%`;

/** A money amount in words a reader scans: 3.59 trn CNY / 3.59 万亿 CNY, 840 bn / 8,400 亿. */
function money(value: number, unit: string, lang: CliContext['lang']): string {
  const abs = Math.abs(value);
  if (lang === 'zh') {
    if (abs >= 1e12) return `${f(value / 1e12)} 万亿 ${unit}`;
    if (abs >= 1e8) return `${f(value / 1e8)} 亿 ${unit}`;
    if (abs >= 1e4) return `${f(value / 1e4)} 万 ${unit}`;
    return `${f(value)} ${unit}`;
  }
  if (abs >= 1e12) return `${f(value / 1e12)} trn ${unit}`;
  if (abs >= 1e9) return `${f(value / 1e9)} bn ${unit}`;
  if (abs >= 1e6) return `${f(value / 1e6)} m ${unit}`;
  return `${f(value)} ${unit}`;
}

function f(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '—';
  if (Math.abs(v) >= 1e4) return v.toExponential(2);
  return Number(v.toPrecision(digits)).toString();
}

/** The readable summary of a result in one language. */
export function analysisText(r: MetroAnalysis, lang: CliContext['lang'], topFindings = Number.POSITIVE_INFINITY): string {
  const p = (x: LocalizedText) => pick(x, lang);
  const name = new Map(r.units.map((u) => [u.id, lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn]));
  const h = messages.head;
  const out: string[] = [`${p(messages.title(r))}\n`];
  out.push(inputsText(r, lang));
  out.push(`\n${p(messages.overview)}\n`);
  out.push(
    formatTable(
      [p(h.unit), p(h.ring), p(h.pop), p(h.gdp), p(h.tertiary), p(h.krugman), p(h.fs), p(h.adv)],
      r.overview.map((o, k) => [
        name.get(o.unit) ?? o.unit,
        p(messages.ring[o.ring] as LocalizedText),
        o.population === null ? '—' : f(o.population.value / 1e6),
        o.gdp === null ? '—' : money(o.gdp.value, o.gdp.unit, lang),
        o.sectorShares === null ? '—' : `${(o.sectorShares.tertiary * 100).toFixed(1)}%`,
        f(r.specialisation.krugman[k]),
        f(r.structure.functionalSpecialisation?.values[k] ?? null),
        (r.specialisation.advantage[k]?.industries ?? []).slice(0, 5).join(' '),
      ]),
    ),
  );
  const advantageCodes = new Set(r.specialisation.advantage.flatMap((a) => a.industries.slice(0, 5)));
  const legend = r.industries
    .filter((i) => advantageCodes.has(i.code))
    .map((i) => `${i.code} ${(lang === 'zh' ? (i.nameZh ?? i.nameEn) : (i.nameEn ?? i.nameZh)) ?? ''}`.trim());
  if (legend.length > 0) out.push(`${p(messages.legend)}${lang === 'zh' ? '：' : ': '}${legend.join(lang === 'zh' ? '；' : '; ')}\n`);
  out.push(`\n${p(messages.pairs)}\n`);
  const ty = r.typology;
  const hp = r.homogenisation.pairs;
  const total = ty.pairs.type.length;
  out.push(`${p(messages.pairCounts(ty.counts, total))}\n`);
  if (!r.homogenisation.traded.judgeable) out.push(`${p(messages.notJudgeable)}\n`);
  // Few and ranked: every pair of a small metro, else the pairs with the strongest gravity linkage.
  const limit = 15;
  let order = Array.from({ length: total }, (_, q) => q);
  if (total > limit) {
    const strength = (q: number) => r.linkage.pairs.strength[q] ?? -1;
    order = order.sort((x, y) => strength(y) - strength(x) || x - y).slice(0, limit);
    out.push(`${p(messages.pairsShown(limit, total))}\n`);
  }
  const unitId = (k: number) => r.units[k]?.id ?? String(k);
  out.push(
    formatTable(
      [p(h.pair), p(h.type), p(h.division), p(h.specialisation), p(h.similarity), p(h.shared), p(h.dist)],
      order.map((q) => {
        const a = unitId(ty.pairs.a[q] as number);
        const b = unitId(ty.pairs.b[q] as number);
        const minutes = r.linkage.pairs.railMinutes[q] ?? null;
        const km = r.linkage.pairs.km[q] ?? null;
        // The impedance the linkage used first; rail minutes beside km when the timetable has them.
        const kmText = km !== null ? `${f(km)} km` : '—';
        const minText = minutes !== null ? `${f(minutes)} ${lang === 'zh' ? '分钟' : 'min'}` : null;
        const dist = r.linkage.impedance.kind === 'rail-minutes' && minText !== null ? minText : minText === null ? kmText : `${kmText} (${minText})`;
        const division: string[] = [];
        if (ty.pairs.functional[q] === true) division.push(p(messages.functional(f(ty.pairs.functionalRatio[q] ?? null, 2))));
        const up = ty.pairs.upstream[q];
        if (ty.pairs.chainStages[q] === true && up != null)
          division.push(p(messages.chainStages(f(ty.pairs.chainRatio[q] ?? null, 2), name.get(unitId(up)) ?? '')));
        const z = hp.tradedZ[q];
        return [
          `${name.get(a)} – ${name.get(b)}`,
          p(messages.type[ty.pairs.type[q] as string] as LocalizedText),
          division.length === 0 ? p(messages.noDivision) : division.join(lang === 'zh' ? '；' : '; '),
          p(messages.specialisation[ty.pairs.specialisation[q] as string] as LocalizedText),
          `${f(hp.tradedSimilarity[q] ?? null)} (${f(z ?? null, 2)})`,
          (hp.sharedTraded[q] ?? []).join(' ') || '—',
          dist,
        ];
      }),
    ),
  );
  out.push(`\n${p(messages.drivers)}\n`);
  out.push(
    formatTable(
      [p(h.driver), p(h.score)],
      (['proximity', 'structure', 'market', 'government'] as const).map((k) => [
        p(messages.driver[k] as LocalizedText),
        `${f(r.drivers.metro[k].score)}${r.drivers.missing.includes(k) ? ` (${p(messages.missing)})` : ''}`,
      ]),
    ),
  );
  out.push(benchmarkText(r, lang));
  // Findings: the headline list (at most `headlineFindings`, ranked by priority), then how many more the JSON has.
  const headline = r.findings.filter((x) => x.headline).slice(0, topFindings);
  out.push(`\n${p(messages.findings(headline.length, r.findings.length))}\n`);
  headline.forEach((x, k) => out.push(`${String(k + 1).padStart(2)}. [${x.rule} · ${f(x.priority)}] ${p(x.title)}\n    ${p(x.detail)}\n`));
  if (r.findings.length > headline.length) out.push(`${p(messages.moreFindings(r.findings.length - headline.length))}\n`);
  if (r.notes.length > 0) {
    out.push(`\n${p(messages.notes)}\n`);
    for (const n of r.notes) out.push(`- ${p(n)}\n`);
  }
  return out.join('');
}
