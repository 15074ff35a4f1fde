/**
 * `positionsChart`: the three columns of the plan's positions (Table 7: stated vs revealed) as a dot matrix, units ×
 * industries — the industries stated for the unit in plans (hollow squares; only positions testable at this level),
 * the optimum's lead industries (filled circles) and today's strongest advantages by location quotient (diamonds).
 */
import type { MetroPlan } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { chartAbsence, chartSpec } from './internal/style.ts';
import { both, indicatorWord, industryLabel, list, metroName, num, ringOrder, t, unitLabels } from './internal/text.ts';

/** Options of {@link positionsChart}. */
export interface PositionsChartOptions {
  readonly lang: ChartLanguage;
  /** At most this many units (by ring, then code). Default 30. */
  readonly maxUnits?: number;
}

const colors = { stated: '#555555', optimum: '#2166ac', today: '#e08214' } as const;

/**
 * The positions dot matrix.
 *
 * Absent when the plan's positions were not judgeable (the plan's reason) or no unit has any of the three.
 */
export function positionsChart(plan: MetroPlan, options: PositionsChartOptions): Chart {
  const { lang } = options;
  const id = 'positions';
  const title = both((l) =>
    l === 'zh' ? `${metroName(plan, l)}：功能定位——规划、优化与现状` : `${metroName(plan, l)}: positions — stated, optimum and today`,
  );
  const p = plan.positions;
  if (p.status === 'not-judgeable')
    return chartAbsence(id, title, p.reason ?? t('The positions are not judgeable at this level of detail.', '此行业细分程度下无法判断功能定位。'));
  const cap = Math.max(1, Math.floor(options.maxUnits ?? 30));
  const units = [...p.units].sort((x, y) => ringOrder[x.ring] - ringOrder[y.ring] || (x.unit < y.unit ? -1 : x.unit > y.unit ? 1 : 0)).slice(0, cap);
  const stated = (u: (typeof units)[number]) => [...new Set(u.stated.filter((s) => s.testable).flatMap((s) => s.industries.map((i) => i.industry)))];
  const industries = [...new Set(units.flatMap((u) => [...stated(u), ...u.chosen.map((c) => c.industry), ...u.today.map((x) => x.industry)]))].sort();
  if (industries.length === 0)
    return chartAbsence(id, title, t('No unit has a stated, optimum or present lead industry.', '没有任何单元有规划、优化或现状的主导产业。'));
  const names = unitLabels(plan.units, lang);
  const x = new Map(industries.map((code, k) => [code, k]));
  const point = (uk: number, code: string, extra: Record<string, unknown> = {}) => ({ value: [x.get(code) as number, uk], ...extra });
  const few = units.length <= 15;
  const series = [
    {
      type: 'scatter',
      name: lang === 'zh' ? '规划定位' : 'stated in plans',
      symbol: 'rect',
      symbolSize: 22,
      z: 2,
      itemStyle: { color: 'rgba(0,0,0,0)', borderColor: colors.stated, borderWidth: 2 },
      data: units.flatMap((u, uk) => stated(u).map((code) => point(uk, code))),
    },
    {
      type: 'scatter',
      name: lang === 'zh' ? '优化结果' : 'optimum',
      symbol: 'circle',
      symbolSize: 13,
      z: 3,
      itemStyle: { color: colors.optimum },
      data: units.flatMap((u, uk) => u.chosen.map((c) => point(uk, c.industry, { score: c.score }))),
    },
    {
      type: 'scatter',
      name: lang === 'zh' ? '现状优势（区位熵）' : 'today (location quotient)',
      symbol: 'diamond',
      symbolSize: 9,
      z: 4,
      itemStyle: { color: colors.today, borderColor: '#fff', borderWidth: 1 },
      label: { show: few, position: 'right', fontSize: 9, color: '#8a4b08', distance: 6 },
      data: units.flatMap((u, uk) => u.today.map((d) => point(uk, d.industry, { label: { formatter: num(d.lq) } }))),
    },
  ];
  const option = {
    tooltip: { trigger: 'item' },
    legend: { data: series.map((s) => s.name), bottom: 4, left: 'center', textStyle: { fontSize: 11 } },
    grid: { left: 150, right: 30, top: 16, bottom: 120 },
    xAxis: {
      type: 'category',
      data: industries.map((code) => industryLabel(plan.industries, code, lang)),
      axisLabel: { rotate: 40, interval: 0, fontSize: 10, width: 130, overflow: 'truncate' },
      splitLine: { show: true, lineStyle: { color: '#eeeeee' } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => names.get(u.unit) ?? u.unit),
      splitLine: { show: true, lineStyle: { color: '#eeeeee' } },
      axisTick: { show: false },
    },
    series,
  };
  const caption = both((l) => {
    const agree = units.filter((u) => u.chosen.some((c) => u.today.some((d) => d.industry === c.industry))).length;
    const withStated = units.filter((u) => stated(u).length > 0).length;
    const untestable = units.reduce((s, u) => s + u.stated.filter((x) => !x.testable).length, 0);
    const nameList = (ns: ReadonlyMap<string, string>) =>
      list(
        units.map((u) => ns.get(u.unit) ?? u.unit),
        l,
        4,
      );
    const us = plan.unitSet;
    return [
      l === 'zh'
        ? `方框：规划中对该单元的定位所列产业（仅本层级可检验者）；圆点：综合能力、关联、竞争偏离、产业链互补并惩罚相邻单元重复后选出的主导产业（每单元 ${p.settings.leadsPerUnit} 个）；菱形：现状区位熵最高的优势产业（旁注区位熵）。${units.length} 个单元中 ${agree} 个的优化结果包含现状优势产业；${withStated} 个单元有可检验的规划定位${untestable > 0 ? `，另有 ${untestable} 条定位针对单元内部地区，在本层级无法检验` : ''}。`
        : `Squares: industries named in plans for the unit (positions testable at this level only); circles: the optimum's lead industries (${p.settings.leadsPerUnit} per unit: capability from location quotient, relatedness, competitive shift and chain complementarity, less duplication with linked units); diamonds: today's strongest advantages by location quotient (its value beside). The optimum keeps a present advantage in ${agree} of ${units.length} units; ${withStated} ${withStated === 1 ? 'unit has' : 'units have'} testable stated positions${untestable > 0 ? `; ${untestable} stated positions concern regions inside a unit and are not testable at this level` : ''}.`,
      p.units.length > units.length
        ? l === 'zh'
          ? `仅显示 ${p.units.length} 个单元中的 ${units.length} 个（${nameList(unitLabels(plan.units, l))}）。`
          : `Only ${units.length} of ${p.units.length} units are shown (${nameList(unitLabels(plan.units, l))}).`
        : '',
      l === 'zh'
        ? `数据：${indicatorWord(us.indicator, l)}，按 ${us.classification} 行业分类，${us.year} 年；规划定位来自知识库。`
        : `Data: ${indicatorWord(us.indicator, l)} by ${us.classification} industries, ${us.year}; stated positions from the knowledge base.`,
    ]
      .filter((s) => s !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  const width = Math.max(640, Math.min(1200, 260 + industries.length * 46));
  return chartSpec(id, title, caption, option, { width, height: Math.max(320, 160 + units.length * 34) });
}
