/**
 * `pairTypeMatrix`: the cooperation type of every pair (Table 1 A: vertical, horizontal, mixed, competing,
 * undetermined; `typology.pairs.type`) as a categorical unit × unit heat map, with a legend of the types and their
 * counts. Units ordered by ring, then size.
 */
import type { MetroAnalysis, PairType } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { capWords, orderWords, unitOrder } from './internal/order.ts';
import { chartAbsence, chartSpec, pairTypeColors } from './internal/style.ts';
import { both, matrixSource, metroName, num, pairTypeNames, t, unitLabels } from './internal/text.ts';
import { defaultMatrixUnits } from './similarity-heatmap.ts';

/** Options of {@link pairTypeMatrix}. */
export interface PairTypeMatrixOptions {
  readonly lang: ChartLanguage;
  /** At most this many units (the largest). Default 40. */
  readonly maxUnits?: number;
}

export const pairTypes: readonly PairType[] = ['vertical', 'mixed', 'horizontal', 'competing', 'undetermined'];

const shortNames: Readonly<Record<PairType, { en: string; zh: string }>> = {
  vertical: { en: 'vert.', zh: '垂直' },
  horizontal: { en: 'horiz.', zh: '水平' },
  mixed: { en: 'mixed', zh: '混合' },
  competing: { en: 'comp.', zh: '竞争' },
  undetermined: { en: '?', zh: '待定' },
};

/**
 * The pair-type matrix.
 *
 * Absent when the analysis has no pair.
 */
export function pairTypeMatrix(a: MetroAnalysis, options: PairTypeMatrixOptions): Chart {
  const { lang } = options;
  const id = 'pair-type-matrix';
  const title = both((l) => (l === 'zh' ? `${metroName(a, l)}：单元对合作类型` : `${metroName(a, l)}: cooperation type of every pair`));
  const ty = a.typology;
  if (ty.pairs.a.length === 0) return chartAbsence(id, title, t('Fewer than two units: there is no pair.', '单元少于两个，没有单元对。'));
  const { order, basis, total } = unitOrder(a, Math.max(2, Math.floor(options.maxUnits ?? defaultMatrixUnits)));
  const typeOf = new Map<string, PairType>();
  ty.pairs.a.forEach((ai, k) => {
    const bi = ty.pairs.b[k] as number;
    const v = ty.pairs.type[k] as PairType;
    typeOf.set(`${ai}|${bi}`, v);
    typeOf.set(`${bi}|${ai}`, v);
  });
  const names = unitLabels(a.units, lang);
  const labels = order.map((k) => names.get((a.units[k] as MetroAnalysis['units'][number]).id) as string);
  const n = order.length;
  const showLabels = n <= 12;
  const data: Record<string, unknown>[] = [];
  order.forEach((r, y) =>
    order.forEach((c, x) => {
      if (r === c) return;
      const type = typeOf.get(`${r}|${c}`);
      if (type === undefined) return;
      data.push({
        value: [x, y, pairTypes.indexOf(type)],
        label: { formatter: shortNames[type][lang], color: type === 'undetermined' ? '#333333' : '#ffffff' },
      });
    }),
  );
  const size = Math.max(520, Math.min(1100, 200 + n * (showLabels ? 56 : 22)));
  const option = {
    tooltip: { trigger: 'item' },
    grid: { left: 150, right: 20, top: 20, bottom: 170 },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: 45, interval: 0, fontSize: n > 25 ? 9 : 11 }, axisTick: { show: false } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: n > 25 ? 9 : 11 }, axisTick: { show: false } },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 6,
      itemWidth: 14,
      itemHeight: 12,
      textStyle: { fontSize: 11 },
      pieces: pairTypes.map((type, k) => ({
        value: k,
        label: `${pairTypeNames[type][lang]}${lang === 'zh' ? `（${ty.counts[type]}）` : ` (${ty.counts[type]})`}`,
        color: pairTypeColors[type],
      })),
    },
    series: [
      {
        type: 'heatmap',
        name: lang === 'zh' ? '合作类型' : 'cooperation type',
        data,
        label: { show: showLabels, fontSize: 11 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
  const caption = both((l) => {
    const r = ty.rules;
    const counts = pairTypes.map((type) => `${pairTypeNames[type][l]} ${ty.counts[type]}`).join(l === 'zh' ? '，' : ', ');
    return [
      l === 'zh'
        ? `合作类型（表1）：由"有无职能或产业链环节分工"与"可贸易专业化相同或不同"两问决定——职能分工指功能专业化符号相反且两单元"生产性服务业/制造业"之比相差不低于 ${num(r.functionalRatio)} 倍；环节分工指产业链比值不低于 ${num(r.chainHigh)} 且单向（${num(r.chainDirection)} 倍）；相同专业化指可贸易结构相似度高于随机排列 ${num(r.sameZ)} 个标准差且有共同优势产业。共 ${ty.pairs.a.length} 对：${counts}。`
        : `Cooperation type (Table 1), from two answers: is there a division of functions or chain stages, and are the traded specialisations the same? A functional division is FS of opposite signs with the units' producer-services ÷ manufacturing ratios ${num(r.functionalRatio)}× apart or more; chain stages are a chain ratio of ${num(r.chainHigh)} or more, one way (${num(r.chainDirection)}×); the same specialisations are a traded similarity ${num(r.sameZ)} standard deviations above a random arrangement with a shared advantage industry. ${ty.pairs.a.length} pairs: ${counts}.`,
      l === 'zh' ? `单元${orderWords(basis, l)}。` : `Units ${orderWords(basis, l)}.`,
      capWords(n, total, basis, l),
      matrixSource(a, l),
    ]
      .filter((x) => x !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: size + 20, height: size + 40 });
}
