/**
 * `structureBars`: the composition of each unit as one stacked bar of its industry groups (agriculture and mining,
 * manufacturing, utilities and construction, producer services, other services — or the three sectors), in percent
 * of the unit's activity (`structure.composition` summed over `structure.industryGroups`). Units ordered by ring,
 * then size; the core on top.
 */
import type { IndustryGroup, MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { capWords, orderWords, unitOrder } from './internal/order.ts';
import { chartAbsence, chartSpec, groupColors } from './internal/style.ts';
import { both, groupName, list, matrixSource, metroName, t, unitLabels } from './internal/text.ts';

/** Options of {@link structureBars}. */
export interface StructureBarsOptions {
  readonly lang: ChartLanguage;
  /** At most this many units (the largest). Default 40. */
  readonly maxUnits?: number;
}

/** The order of the groups in the stack (bottom → top = left → right). */
const groupOrder: readonly IndustryGroup[] = [
  'primary',
  'production',
  'secondary',
  'utilities-construction',
  'producer-services',
  'other-services',
  'tertiary',
  'unknown',
];

/**
 * The stacked composition bars.
 *
 * Absent when the analysis has no composition.
 */
export function structureBars(a: MetroAnalysis, options: StructureBarsOptions): Chart {
  const { lang } = options;
  const s = a.structure;
  const id = 'structure-bars';
  const title = both((l) => (l === 'zh' ? `${metroName(a, l)}：各单元产业构成` : `${metroName(a, l)}: industry composition of each unit`));
  if (s.composition.length === 0 || s.industries.length === 0)
    return chartAbsence(id, title, t('The analysis has no industry composition.', '分析结果没有产业构成数据。'));
  const threeSector = Object.values(s.industryGroups).some((g) => g === 'secondary' || g === 'tertiary');
  const groupsPresent = groupOrder.filter((g) => s.industries.some((code) => (s.industryGroups[code] ?? 'unknown') === g));
  const { order, basis, total } = unitOrder(a, Math.max(1, Math.floor(options.maxUnits ?? 40)));
  const names = unitLabels(a.units, lang);
  const share = (row: number, g: IndustryGroup) =>
    s.industries.reduce((sum, code, k) => ((s.industryGroups[code] ?? 'unknown') === g ? sum + ((s.composition[row] as number[])[k] ?? 0) : sum), 0);
  const few = order.length <= 20;
  const series = groupsPresent.map((g) => ({
    type: 'bar',
    stack: 'share',
    name: groupName(g, threeSector)[lang],
    itemStyle: { color: groupColors[g] },
    barMaxWidth: 26,
    label: { show: few, position: 'inside', fontSize: 10, color: '#111', textBorderColor: '#fff', textBorderWidth: 2 },
    data: order.map((row) => {
      const v = share(row, g) * 100;
      return { value: v, label: { formatter: v >= 7 ? `${v.toFixed(0)}%` : '' } };
    }),
  }));
  const height = Math.max(300, 130 + order.length * (few ? 34 : 18));
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: series.map((x) => x.name), bottom: 4, left: 'center', textStyle: { fontSize: 11 }, itemWidth: 14, itemHeight: 10 },
    grid: { left: 150, right: 30, top: 16, bottom: 64 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#e6e6e6' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: order.map((row) => names.get((a.units[row] as MetroAnalysis['units'][number]).id)),
      axisTick: { show: false },
    },
    series,
  };
  const caption = both((l) => {
    const members = (g: IndustryGroup) => s.industries.filter((code) => (s.industryGroups[code] ?? 'unknown') === g);
    const groups = groupsPresent
      .map((g) => `${groupName(g, threeSector)[l]}${l === 'zh' ? '：' : ': '}${list(members(g), l, 12)}`)
      .join(l === 'zh' ? '；' : '; ');
    return [
      l === 'zh'
        ? `各单元经济活动按产业组的构成（%，合计 100%）；产业组按 ISIC 第4版门类归并（${groups}）。单元${orderWords(basis, l)}。`
        : `Each unit's activity by industry group (%, summing to 100%); groups from the industries' ISIC Rev.4 sections (${groups}). Units ${orderWords(basis, l)}.`,
      capWords(order.length, total, basis, l),
      matrixSource(a, l),
    ]
      .filter((x) => x !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: 860, height });
}
