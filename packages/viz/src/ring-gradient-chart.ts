/**
 * `ringGradientChart`: the core → inner ring → outer ring gradient (`structure.ringGradient`): the tertiary share of
 * each ring as bars (left axis, %) and the producer-services ÷ manufacturing ratio as a line (right axis). A mature
 * metro's core is service-led and its rings production-led: both fall from the core outwards.
 */
import type { MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { chartAbsence, chartSpec } from './internal/style.ts';
import { both, list, matrixSource, metroName, num, ringNames, t, unitLabels } from './internal/text.ts';

/** Options of {@link ringGradientChart}. */
export interface RingGradientOptions {
  readonly lang: ChartLanguage;
}

/**
 * The core → ring gradient.
 *
 * Absent when no ring has a tertiary share or a services ÷ manufacturing ratio.
 */
export function ringGradientChart(a: MetroAnalysis, options: RingGradientOptions): Chart {
  const { lang } = options;
  const id = 'ring-gradient';
  const title = both((l) => (l === 'zh' ? `${metroName(a, l)}：核心至外圈的产业梯度` : `${metroName(a, l)}: the gradient from the core to the rings`));
  const rings = a.structure.ringGradient;
  if (rings.length === 0 || rings.every((r) => r.tertiaryShare === null && r.servicesToManufacturing === null))
    return chartAbsence(
      id,
      title,
      t(
        'No ring has a tertiary share (three-sector value added) or a producer-services ÷ manufacturing ratio (no such industries in the classification).',
        '没有任何圈层有第三产业比重（三次产业增加值）或生产性服务业与制造业之比（分类中无相应产业）。',
      ),
    );
  const fs = a.structure.functionalSpecialisation;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 4, left: 'center', textStyle: { fontSize: 11 } },
    grid: { left: 70, right: 80, top: 40, bottom: 60 },
    xAxis: {
      type: 'category',
      data: rings.map(
        (r) =>
          `${ringNames[r.ring][lang]}${lang === 'zh' ? `（${r.units.length} 个单元）` : ` (${r.units.length} ${r.units.length === 1 ? 'unit' : 'units'})`}`,
      ),
      axisTick: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        name: lang === 'zh' ? '第三产业比重（%）' : 'tertiary share (%)',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#e6e6e6' } },
      },
      { type: 'value', name: lang === 'zh' ? '生产性服务业 ÷ 制造业' : 'producer services ÷ manufacturing', min: 0, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: lang === 'zh' ? '第三产业比重' : 'tertiary share',
        yAxisIndex: 0,
        barMaxWidth: 60,
        itemStyle: { color: '#7fa6d0' },
        label: { show: true, position: 'top' },
        data: rings.map((r) =>
          r.tertiaryShare === null ? '-' : { value: r.tertiaryShare * 100, label: { formatter: `${(r.tertiaryShare * 100).toFixed(1)}%` } },
        ),
      },
      {
        type: 'line',
        name: lang === 'zh' ? '生产性服务业 ÷ 制造业' : 'producer services ÷ manufacturing',
        yAxisIndex: 1,
        symbol: 'circle',
        symbolSize: 9,
        lineStyle: { color: '#333', width: 2 },
        itemStyle: { color: '#333' },
        label: { show: true, position: 'right', fontSize: 11 },
        data: rings.map((r) =>
          r.servicesToManufacturing === null ? '-' : { value: r.servicesToManufacturing, label: { formatter: num(r.servicesToManufacturing) } },
        ),
      },
    ],
  };
  const caption = both((l) => {
    const names = unitLabels(a.units, l);
    const shape =
      a.structure.gradientShape === null
        ? ''
        : a.structure.gradientShape === 'descending'
          ? l === 'zh'
            ? '核心的第三产业比重高于各圈层：梯度由核心向外递减。'
            : "The core's tertiary share exceeds every ring's: the gradient descends from the core."
          : l === 'zh'
            ? '核心的第三产业比重不高于所有圈层：梯度平缓或倒置。'
            : "The core's tertiary share does not exceed every ring's: the gradient is flat or inverted.";
    const members = rings
      .map(
        (r) =>
          `${ringNames[r.ring][l]}${l === 'zh' ? '：' : ': '}${list(
            r.units.map((u) => names.get(u) ?? u),
            l,
            6,
          )}`,
      )
      .join(l === 'zh' ? '；' : '; ');
    const shares = a.overview.map((o) => o.sectorShares).filter((x) => x !== null);
    const shareSource =
      shares.length === 0
        ? ''
        : l === 'zh'
          ? `第三产业比重：各单元三次产业比重的平均（${[...new Set(shares.map((x) => x.year))].join('、')} 年；来源 ${[...new Set(shares.flatMap((x) => x.source.split('|')))].join('、')}）。`
          : `Tertiary share: the mean of the ring's units' sector shares (${[...new Set(shares.map((x) => x.year))].join(', ')}; ${[...new Set(shares.flatMap((x) => x.source.split('|')))].join(', ')}).`;
    const ratio =
      fs === null
        ? ''
        : l === 'zh'
          ? `生产性服务业 ÷ 制造业：圈层内各单元合计的管理类产业（${fs.management.join('、')}）与生产类产业（${fs.production.join('、')}）之比，来自分析矩阵。`
          : `Producer services ÷ manufacturing: the ring's units' management industries (${fs.management.join(', ')}) over production industries (${fs.production.join(', ')}), summed, from the analysis matrix.`;
    const values = rings
      .map(
        (r) =>
          `${ringNames[r.ring][l]} ${r.tertiaryShare === null ? '—' : `${(r.tertiaryShare * 100).toFixed(1)}%`}${l === 'zh' ? '，' : ', '}${num(r.servicesToManufacturing)}`,
      )
      .join(l === 'zh' ? '；' : '; ');
    return [shape, l === 'zh' ? `${values}。` : `${values}.`, `${members}${l === 'zh' ? '。' : '.'}`, shareSource, ratio, matrixSource(a, l)]
      .filter((x) => x !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: 760, height: 440 });
}
