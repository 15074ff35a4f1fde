/**
 * The readable summary of a metro analysis in one language (what `analyze` and `start` print): key figures, pair
 * types with their deciding numbers, drivers, benchmark and the top findings.
 */
import type { LocalizedText, MetroAnalysis } from '@metrocoop/core';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { inputsText } from './inputs.ts';
import { formatTable } from './table.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

const messages = {
  overview: t('Overview', '概况'),
  pairs: t('Pair types (Table 1)', '单元对合作类型（表1）'),
  drivers: t('Drivers (metro, 0–1)', '驱动因素（都市圈，0–1）'),
  benchmark: t('Benchmark', '对标'),
  findings: t('Top findings', '主要发现'),
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
    rule: t('rule', '规则'),
    s: t('S', '相似系数'),
    k: t('K', '差异指数'),
    chain: t('chain', '链互补比'),
    fsGap: t('ΔFS', '功能差'),
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
  } as Record<string, LocalizedText>,
  ring: { core: t('core', '核心'), inner: t('inner', '内圈'), outer: t('outer', '外圈') } as Record<string, LocalizedText>,
  driver: {
    proximity: t('proximity & complementarity', '邻近与资源互补'),
    structure: t('structural difference', '结构差异'),
    market: t('market', '市场'),
    government: t('government', '政府'),
  } as Record<string, LocalizedText>,
  severity: { high: t('high', '高'), medium: t('medium', '中'), low: t('low', '低'), info: t('info', '信息') } as Record<string, LocalizedText>,
  title: (r: MetroAnalysis) =>
    t(
      `${r.metro.nameEn} (${r.metro.id}) — ${r.unitSet.id}, ${r.unitSet.indicator} by ${r.unitSet.classification}, ${r.unitSet.year}; homogenisation index ${f(r.homogenisation.index)}`,
      `${r.metro.nameZh}（${r.metro.id}）— ${r.unitSet.id}，${r.unitSet.indicator}，${r.unitSet.classification}，${r.unitSet.year} 年；同质化指数 ${f(r.homogenisation.index)}`,
    ),
};

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
export function analysisText(r: MetroAnalysis, lang: CliContext['lang'], topFindings = 10): string {
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
  const linkOf = new Map(r.linkage.pairs.map((l) => [`${l.a}|${l.b}`, l]));
  out.push(
    formatTable(
      [p(h.pair), p(h.type), p(h.rule), p(h.s), p(h.k), p(h.chain), p(h.fsGap), p(h.dist)],
      r.typology.map((x) => {
        const l = linkOf.get(`${x.a}|${x.b}`);
        const dist = l?.railMinutes != null ? `${f(l.railMinutes)} ${lang === 'zh' ? '分钟' : 'min'}` : l?.km != null ? `${f(l.km)} km` : '—';
        return [
          `${name.get(x.a)} – ${name.get(x.b)}`,
          p(messages.type[x.type] as LocalizedText),
          x.rule,
          f(x.numbers.similarity),
          f(x.numbers.dissimilarity),
          f(x.numbers.chainRatio),
          f(x.numbers.functionalGap),
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
  if (r.benchmark !== null) {
    out.push(`\n${p(messages.benchmark)}\n`);
    for (const c of r.benchmark.comparisons) out.push(`- ${p(c.statement)}\n`);
    for (const c of r.benchmark.caveats) out.push(`  ! ${p(c)}\n`);
  }
  out.push(`\n${p(messages.findings)} (${Math.min(topFindings, r.findings.length)}/${r.findings.length})\n`);
  for (const x of r.findings.slice(0, topFindings)) out.push(`- [${p(messages.severity[x.severity] as LocalizedText)}] ${p(x.title)}: ${p(x.detail)}\n`);
  if (r.notes.length > 0) {
    out.push(`\n${p(messages.notes)}\n`);
    for (const n of r.notes) out.push(`- ${p(n)}\n`);
  }
  return out.join('');
}
