/**
 * `benchmarkChart`: the metro beside Tokyo and New York (or whichever metros the analysis was compared with) on the
 * same basis (`benchmark`): one small bar chart per scale-aware figure (core functional specialisation, the core ÷
 * ring services-to-manufacturing ratio, the ring units divided from the core, the ring's traded similarity, the
 * core's shares of activity and population), the subject metro in a darker colour. Only the metros whose basis
 * matches the subject's (indicator, classification, years within tolerance) are drawn; the others are named with the
 * reason in the caption.
 */
import { type BenchmarkMeasure, type BenchmarkPart, benchmarkMessages, type MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { chartAbsence, chartSpec } from './internal/style.ts';
import { both, levelWord, metroName, t } from './internal/text.ts';

/** Options of {@link benchmarkChart}. */
export interface BenchmarkChartOptions {
  readonly lang: ChartLanguage;
}

/** The figures that are shares (shown in %). */
const shares: ReadonlySet<string> = new Set(['coreEmploymentShare', 'corePopulationShare', 'ringPairsWithFunctionalDivision']);

const short: Readonly<Record<BenchmarkMeasure, { en: string; zh: string }>> = {
  coreFunctionalSpecialisation: { en: 'Core functional specialisation (FS)', zh: '核心功能专业化指数' },
  coreRingFunctionalRatio: { en: 'Core ÷ ring services/manufacturing', zh: '核心÷外围 服务/制造比' },
  ringPairsWithFunctionalDivision: { en: 'Ring units divided from the core (%)', zh: '与核心功能分工的外围单元（%）' },
  ringTradedSimilarity: { en: 'Traded similarity among ring units', zh: '外围单元间可贸易结构相似系数' },
  coreEmploymentShare: { en: 'Core share of the basis total (%)', zh: '核心占口径合计比重（%）' },
  corePopulationShare: { en: 'Core share of population (%)', zh: '核心人口占比（%）' },
};

/** The basis of one metro in words. */
function basisWords(m: BenchmarkPart['metros'][number], lang: ChartLanguage): string {
  const b = m.basis;
  const name = lang === 'zh' ? m.nameZh : m.nameEn;
  const level = b.level === null ? '' : levelWord(b.level, lang);
  const from = b.aggregatedFrom === null ? null : levelWord(b.aggregatedFrom, lang);
  if (lang === 'zh')
    return `${name} ${b.year} 年，${b.units} 个${level}单元${from === null ? '' : `（由${from}汇总）`}，来源 ${b.source}（${b.sourceIndicator}，${b.sourceClassification}）`;
  return `${name} ${b.year}, ${b.units} ${level === '' ? '' : `${level} `}units${from === null ? '' : ` (summed from ${from} figures)`}, source ${b.source} (${b.sourceIndicator}, ${b.sourceClassification})`;
}

/**
 * The benchmark chart.
 *
 * Absent when the analysis has no benchmark (run without metros to compare, or the others have no basis), or when no
 * other metro is on the subject's basis (the reasons).
 */
export function benchmarkChart(a: MetroAnalysis, options: BenchmarkChartOptions): Chart {
  const { lang } = options;
  const id = 'benchmark';
  const title = both((l) => (l === 'zh' ? `${metroName(a, l)}与国际都市圈的同口径比较` : `${metroName(a, l)} beside other metros on the same basis`));
  const b = a.benchmark;
  if (b === null || b.metros.length < 2)
    return chartAbsence(
      id,
      title,
      t(
        'No benchmark: the analysis was run without other metros to compare with, or none of them has a comparison basis.',
        '无对标：分析未指定对标都市圈，或对标都市圈没有可比口径。',
      ),
    );
  if (b.ranked.length < 2) {
    const reasons = b.notRanked.map((x) => x.text);
    return chartAbsence(
      id,
      title,
      reasons.length > 0
        ? {
            en: `No other metro is on the same basis. ${reasons.map((x) => x.en).join(' ')}`,
            zh: `没有其他都市圈与本都市圈口径相同。${reasons.map((x) => x.zh).join('')}`,
          }
        : t('No other metro is on the same basis.', '没有其他都市圈与本都市圈口径相同。'),
    );
  }
  const ranked = b.ranked.map((m) => b.metros.find((x) => x.metro === m)).filter((x): x is BenchmarkPart['metros'][number] => x !== undefined);
  const comparisons = b.comparisons.filter((c) => ranked.some((m) => c.values[m.metro] !== null && c.values[m.metro] !== undefined));
  if (comparisons.length === 0) return chartAbsence(id, title, t('No figure has a value for the compared metros.', '对标都市圈没有任何指标有数值。'));
  const cols = 3;
  const rows = Math.ceil(comparisons.length / cols);
  const cellW = 100 / cols;
  const cellH = 100 / rows;
  const metroLabel = (m: BenchmarkPart['metros'][number]) => (lang === 'zh' ? m.nameZh : m.nameEn);
  const grids = comparisons.map((_, k) => ({
    left: `${(k % cols) * cellW + 5}%`,
    width: `${cellW - 9}%`,
    top: `${Math.floor(k / cols) * cellH + 9}%`,
    height: `${cellH - 24}%`,
    containLabel: false,
  }));
  const option = {
    tooltip: { trigger: 'item' },
    title: comparisons.map((c, k) => ({
      text: short[c.measure as BenchmarkMeasure]?.[lang] ?? c.measure,
      left: `${(k % cols) * cellW + cellW / 2}%`,
      top: `${Math.floor(k / cols) * cellH + 1}%`,
      textAlign: 'center',
      textStyle: { fontSize: 12, fontWeight: 'bold' },
    })),
    grid: grids,
    xAxis: comparisons.map((_, k) => ({
      type: 'category',
      gridIndex: k,
      data: ranked.map(metroLabel),
      axisLabel: { interval: 0, fontSize: 10, width: 96, overflow: 'break' },
      axisTick: { show: false },
    })),
    yAxis: comparisons.map((_, k) => ({ type: 'value', gridIndex: k, min: 0, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#eeeeee' } } })),
    series: comparisons.map((c, k) => {
      const pct = shares.has(c.measure);
      return {
        type: 'bar',
        name: short[c.measure as BenchmarkMeasure]?.[lang] ?? c.measure,
        xAxisIndex: k,
        yAxisIndex: k,
        barMaxWidth: 34,
        label: { show: true, position: 'top', fontSize: 10 },
        data: ranked.map((m) => {
          const v = c.values[m.metro] ?? null;
          if (v === null) return { value: '-', label: { formatter: lang === 'zh' ? '无' : 'n/a' } };
          const shown = pct ? v * 100 : v;
          return {
            value: shown,
            itemStyle: { color: m.metro === b.subject ? '#b2182b' : '#8fa8c8' },
            label: { formatter: pct ? `${shown.toFixed(0)}%` : shown.toFixed(2) },
          };
        }),
      };
    }),
  };
  const caption = both((l) => {
    const first = ranked[0]?.basis;
    const head =
      first === undefined
        ? ''
        : l === 'zh'
          ? `同口径：按${benchmarkMessages.classification(first.classification).zh}${benchmarkMessages.indicator(first.indicator).zh}计。`
          : `Same basis: ${benchmarkMessages.indicator(first.indicator).en} by ${benchmarkMessages.classification(first.classification).en}.`;
    const bases = ranked.map((m) => basisWords(m, l)).join(l === 'zh' ? '；' : '; ');
    const figures = comparisons.map((c) => benchmarkMessages.measure[c.measure as BenchmarkMeasure]?.[l] ?? c.measure).join(l === 'zh' ? '；' : '; ');
    const notRanked = b.notRanked.map((x) => x.text[l]).join(l === 'zh' ? '' : ' ');
    const notes = b.notes.map((x) => x[l]).join(l === 'zh' ? '' : ' ');
    return [
      head,
      l === 'zh' ? `${bases}。` : `${bases}.`,
      l === 'zh' ? `指标：${figures}。深色为${metroName(a, l)}。` : `Figures: ${figures}. ${metroName(a, l)} in the darker colour.`,
      notRanked,
      notes,
    ]
      .filter((x) => x !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: 900, height: 260 * rows + 40 });
}
