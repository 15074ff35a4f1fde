/**
 * `driversChart`: the four drivers of cooperation (proximity and resource complementarity, structural difference,
 * market, government; `drivers`), each a 0–1 score — for the metro as a whole (one bar per driver), or per pair
 * (grouped bars for the most strongly linked pairs). A driver that cannot be measured is shown as such, never as 0.
 */
import type { MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { chartAbsence, chartSpec, driverColors } from './internal/style.ts';
import { both, driverNames, list, matrixSource, metroName, num, t, unitLabels } from './internal/text.ts';

/** Options of {@link driversChart}. */
export interface DriversChartOptions {
  readonly lang: ChartLanguage;
  /** `metro` (default): the metro's four scores; `pairs`: the four scores of the most strongly linked pairs. */
  readonly view?: 'metro' | 'pairs';
  /** Pairs shown in the `pairs` view (the strongest gravity linkage first). Default 8. */
  readonly pairs?: number;
}

const drivers = ['proximity', 'structure', 'market', 'government'] as const;

const meaning = {
  en: "Proximity: nearness (rail minutes or km) and, where measured, chain complementarity; structural difference: Krugman dissimilarity ÷ 2; market: gravity linkage ÷ the metro's strongest pair (a rank within the metro); government: 0.25 each for a metro-wide plan, a cooperation mechanism, stated positions and a cooperation project in the knowledge base.",
  zh: '邻近与资源互补：距离远近（铁路分钟或公里），以及有测算时的产业链互补；结构差异：克鲁格曼差异指数 ÷ 2；市场：引力联系 ÷ 本都市圈最强单元对（仅为圈内排序）；政府：知识库中有全圈规划、合作机制、功能定位、合作项目各计 0.25。',
};

/**
 * The drivers chart.
 *
 * Absent in the `pairs` view when the analysis has no pair.
 */
export function driversChart(a: MetroAnalysis, options: DriversChartOptions): Chart {
  const { lang } = options;
  const view = options.view ?? 'metro';
  const d = a.drivers;
  const id = view === 'metro' ? 'drivers' : 'drivers-pairs';
  const title = both((l) =>
    l === 'zh'
      ? `${metroName(a, l)}：合作的四个驱动因素${view === 'pairs' ? '（单元对）' : ''}`
      : `${metroName(a, l)}: the four drivers of cooperation${view === 'pairs' ? ' by pair' : ''}`,
  );
  const notMeasurable = lang === 'zh' ? '无法测算' : 'not measurable';
  const notes = both((l) => {
    const relative = d.relative.map((r) => r.reason[l]).join(l === 'zh' ? '' : ' ');
    const missing =
      d.missing.length === 0
        ? ''
        : l === 'zh'
          ? `缺失的驱动因素（得分低于 ${num(a.options.driverMissing)} 或无法测算）：${d.missing.map((x) => driverNames[x][l]).join('、')}。`
          : `Missing drivers (score below ${num(a.options.driverMissing)} or not measurable): ${d.missing.map((x) => driverNames[x][l]).join(', ')}.`;
    const items = d.metro.government.items;
    const gov =
      items.length === 0
        ? ''
        : l === 'zh'
          ? `政府得分依据的知识库条目：${list([...items], l, 6)}。`
          : `Knowledge items behind the government score: ${list([...items], l, 6)}.`;
    return [meaning[l], missing, relative, gov, matrixSource(a, l)].filter((x) => x !== '').join(l === 'zh' ? '' : ' ');
  });
  if (view === 'metro') {
    const option = {
      tooltip: { trigger: 'item' },
      grid: { left: 190, right: 60, top: 16, bottom: 36 },
      xAxis: { type: 'value', min: 0, max: 1, splitLine: { lineStyle: { color: '#e6e6e6' } } },
      yAxis: { type: 'category', inverse: true, data: drivers.map((k) => driverNames[k][lang]), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          name: lang === 'zh' ? '都市圈得分（0–1）' : 'metro score (0–1)',
          barMaxWidth: 30,
          label: { show: true, position: 'right' },
          data: drivers.map((k) => {
            const s = d.metro[k].score;
            return s === null
              ? { value: 0, itemStyle: { color: 'transparent' }, label: { formatter: notMeasurable } }
              : { value: s, itemStyle: { color: driverColors[k] }, label: { formatter: num(s) } };
          }),
        },
      ],
    };
    const caption = both((l) =>
      [
        l === 'zh'
          ? `都市圈整体的四个驱动因素得分（0–1，前三项为 ${d.pairs.a.length} 个单元对的平均）。`
          : `The metro's score of each driver (0–1; the first three are means over the ${d.pairs.a.length} pairs).`,
        notes[l],
      ].join(l === 'zh' ? '' : ' '),
    );
    return chartSpec(id, title, caption, option, { width: 760, height: 300 });
  }
  if (d.pairs.a.length === 0) return chartAbsence(id, title, t('Fewer than two units: there is no pair.', '单元少于两个，没有单元对。'));
  const shown = Math.max(1, Math.floor(options.pairs ?? 8));
  const link = a.linkage.pairs;
  const strength = new Map(link.a.map((ai, k) => [`${ai}|${link.b[k]}`, link.normalised[k] ?? null]));
  const pairs = d.pairs.a
    .map((ai, k) => ({ k, ai, bi: d.pairs.b[k] as number, s: strength.get(`${ai}|${d.pairs.b[k]}`) ?? null }))
    .sort((x, y) => (y.s ?? -1) - (x.s ?? -1) || x.k - y.k)
    .slice(0, shown);
  const names = unitLabels(a.units, lang);
  const pairName = (p: (typeof pairs)[number], ns: ReadonlyMap<string, string>, l: ChartLanguage) =>
    `${ns.get(a.units[p.ai]?.id as string)}${l === 'zh' ? '—' : '–'}${ns.get(a.units[p.bi]?.id as string)}`;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: drivers.map((k) => driverNames[k][lang]), bottom: 4, left: 'center', textStyle: { fontSize: 11 } },
    grid: { left: 190, right: 40, top: 16, bottom: 56 },
    xAxis: { type: 'value', min: 0, max: 1, splitLine: { lineStyle: { color: '#e6e6e6' } } },
    yAxis: { type: 'category', inverse: true, data: pairs.map((p) => pairName(p, names, lang)), axisTick: { show: false } },
    series: drivers.map((k) => ({
      type: 'bar',
      name: driverNames[k][lang],
      itemStyle: { color: driverColors[k] },
      barMaxWidth: 12,
      data: pairs.map((p) => {
        const v = d.pairs[k][p.k] ?? null;
        return v === null ? '-' : v;
      }),
    })),
  };
  const gaps = pairs.flatMap((p) => drivers.filter((k) => (d.pairs[k][p.k] ?? null) === null).map((k) => ({ p, k })));
  const caption = both((l) => {
    const ns = unitLabels(a.units, l);
    const gapText =
      gaps.length === 0
        ? ''
        : l === 'zh'
          ? `无法测算（无柱）：${list(
              gaps.map((g) => `${pairName(g.p, ns, l)} ${driverNames[g.k][l]}`),
              l,
              6,
            )}。`
          : `Not measurable (no bar): ${list(
              gaps.map((g) => `${pairName(g.p, ns, l)} ${driverNames[g.k][l]}`),
              l,
              6,
            )}.`;
    return [
      l === 'zh'
        ? `引力联系最强的 ${pairs.length} 个单元对（共 ${d.pairs.a.length} 对）的四个驱动因素得分（0–1）。`
        : `The four driver scores (0–1) of the ${pairs.length} most strongly linked of ${d.pairs.a.length} pairs.`,
      gapText,
      notes[l],
    ]
      .filter((x) => x !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: 760, height: Math.max(300, 110 + pairs.length * 56) });
}
