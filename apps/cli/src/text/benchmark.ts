/**
 * The benchmark block of the readable summary: every compared metro with its basis (indicator, classification,
 * year, source, units) and its scale-aware figures side by side, then the ranking sentences (only between metros
 * whose bases match), why the others are not ranked, and what could not be put on each basis. Every word is in the
 * chosen language; codes (classifications, sources, industry and region codes) stay as they are.
 */
import { type BenchmarkMeasure, benchmarkMeasures, benchmarkMessages, type LocalizedText, type MetroAnalysis } from '@metrocoop/core';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';
import { formatTable } from './table.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

const messages = {
  title: t('Benchmark (like for like)', '对标（同口径比较）'),
  head: t('figure', '指标'),
  basis: t('basis', '口径'),
  source: t('source', '来源'),
  units: t('units', '单元'),
  coverage: t('coverage of totals', '占合计比重'),
  notRanked: t('not ranked', '不排名'),
  short: {
    coreFunctionalSpecialisation: t('core FS (core as one aggregate)', '核心功能专业化（整体）'),
    coreRingFunctionalRatio: t('core ÷ ring services/manufacturing', '核心÷外围 服务/制造比'),
    ringPairsWithFunctionalDivision: t('ring units divided from core', '与核心功能分工的外围单元'),
    ringTradedSimilarity: t('traded similarity among ring units', '外围可贸易结构相似系数'),
    coreEmploymentShare: t('core share of the basis total', '核心占口径合计比重'),
    corePopulationShare: t('core share of population', '核心人口占比'),
  } satisfies Record<BenchmarkMeasure, LocalizedText>,
  rankedNone: t('No ranking: no other metro is measured on the same basis.', '不作排名：没有其他都市圈与本都市圈口径相同。'),
  unmappedTitle: t('Not on the basis', '未纳入对标口径'),
  industries: t('industries', '产业'),
  unitsWord: t('units', '单元'),
  reason: {
    'no-isic-mapping': t('no ISIC mapping', '无ISIC对应'),
    withheld: t('withheld cells', '数据保密'),
    'no-data': t('no data', '无数据'),
  } as Record<string, LocalizedText>,
  level: {
    province: t('province', '省级'),
    prefecture: t('prefecture', '都县'),
    county: t('county', '县'),
    municipality: t('municipality', '市区町村'),
    city: t('city', '城市'),
    msa: t('metropolitan area', '大都市统计区'),
  } as Record<string, LocalizedText>,
  unitsCell: (n: number, level: string, core: number, ring: number, from: string | null) =>
    t(
      `${n} units (${level}${from === null ? '' : `, summed from ${from}`}); core ${core}, ring ${ring}`,
      `${n} 个${level}单元${from === null ? '' : `（由${from}汇总）`}；核心 ${core}，外围 ${ring}`,
    ),
  basisCell: (indicator: LocalizedText, classification: string, from: string, year: number) =>
    t(
      `${indicator.en}, ${classification}${from === classification ? '' : ` (from ${from})`}, ${year}`,
      `${indicator.zh}，${classification}${from === classification ? '' : `（由 ${from} 对应）`}，${year} 年`,
    ),
};

const f = (v: number | null): string => (v === null ? '—' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const isShare = (m: BenchmarkMeasure): boolean => m === 'ringPairsWithFunctionalDivision' || m === 'coreEmploymentShare' || m === 'corePopulationShare';

/** The benchmark block (empty when the result has no benchmark). */
export function benchmarkText(r: MetroAnalysis, lang: CliContext['lang']): string {
  const b = r.benchmark;
  if (b === null || b.metros.length === 0) return '';
  const p = (x: LocalizedText): string => pick(x, lang);
  const level = (code: string | null): string => (code === null ? '' : p(messages.level[code] ?? t(code, code)));
  const out: string[] = [`\n${p(messages.title)}\n`];
  const heads = [p(messages.head), ...b.metros.map((m) => `${m.metro}${b.ranked.includes(m.metro) ? '' : ` (${p(messages.notRanked)})`}`)];
  const rows: string[][] = [
    [
      p(messages.basis),
      ...b.metros.map((m) =>
        p(messages.basisCell(benchmarkMessages.indicator(m.basis.indicator), m.basis.classification, m.basis.sourceClassification, m.basis.year)),
      ),
    ],
    [p(messages.source), ...b.metros.map((m) => `${m.basis.source} (${m.basis.sourceIndicator})`)],
    [
      p(messages.units),
      ...b.metros.map((m) =>
        p(
          messages.unitsCell(
            m.basis.units,
            level(m.basis.level),
            m.basis.coreUnits,
            m.basis.ringUnits,
            m.basis.aggregatedFrom === null ? null : level(m.basis.aggregatedFrom),
          ),
        ),
      ),
    ],
    [p(messages.coverage), ...b.metros.map((m) => pct(m.basis.coverage))],
    ...benchmarkMeasures.map((k) => [p(messages.short[k]), ...b.metros.map((m) => (isShare(k) ? pct(m[k]) : f(m[k])))]),
  ];
  out.push(formatTable(heads, rows));
  const statements = b.comparisons.filter((c) => c.statement !== null);
  if (b.ranked.length < 2) out.push(`- ${p(messages.rankedNone)}\n`);
  for (const c of statements) out.push(`- ${p(c.statement as LocalizedText)}\n`);
  for (const n of b.notRanked) out.push(`  ! ${p(n.text)}\n`);
  for (const n of b.notes) out.push(`  ! ${p(n)}\n`);
  const lists = b.metros.flatMap((m) => {
    if (m.basis.unmapped.length === 0) return [];
    const parts: string[] = [];
    for (const kind of ['industry', 'unit'] as const)
      for (const reason of ['withheld', 'no-isic-mapping', 'no-data'] as const) {
        const codes = m.basis.unmapped.filter((u) => u.kind === kind && u.reason === reason).map((u) => u.code);
        if (codes.length > 0)
          parts.push(
            lang === 'zh'
              ? `${p(kind === 'industry' ? messages.industries : messages.unitsWord)} ${codes.join('、')}（${p(messages.reason[reason] as LocalizedText)}）`
              : `${p(kind === 'industry' ? messages.industries : messages.unitsWord)} ${codes.join(', ')} (${p(messages.reason[reason] as LocalizedText)})`,
          );
      }
    return [lang === 'zh' ? `${m.nameZh}：${parts.join('；')}` : `${m.nameEn}: ${parts.join('; ')}`];
  });
  if (lists.length > 0) out.push(`  ${p(messages.unmappedTitle)} — ${lists.join(lang === 'zh' ? '｜' : ' | ')}\n`);
  return out.join('');
}
