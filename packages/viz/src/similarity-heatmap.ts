/**
 * `similarityHeatmap`: the similarity of every pair of units as a heat map, units ordered by ring then size. By
 * default the traded-structure similarity (cosine of the traded industry shares, the homogenisation verdict's
 * measure), with the pairs judged "same traded specialisations" marked; the structural similarity over all
 * industries (reference only) on request, or when no pair has a traded similarity.
 */
import type { MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage } from './chart.ts';
import { capWords, orderWords, unitOrder } from './internal/order.ts';
import { chartAbsence, chartSpec, sequentialRamp } from './internal/style.ts';
import { both, matrixSource, metroName, num, t, unitLabels } from './internal/text.ts';

/** Options of {@link similarityHeatmap}. */
export interface SimilarityHeatmapOptions {
  readonly lang: ChartLanguage;
  /** `traded` (default): traded-structure similarity; `structural`: similarity over all industries. */
  readonly measure?: 'traded' | 'structural';
  /** At most this many units (the largest). Default {@link defaultMatrixUnits}. */
  readonly maxUnits?: number;
}

/** Units shown at most in a unit × unit matrix (a bigger matrix is not read by anyone). */
export const defaultMatrixUnits = 40;

/**
 * The similarity heat map.
 *
 * Absent when the analysis has fewer than two units shown or, for `structural`, no pair (never for traded: it
 * falls back to structural and says so).
 */
export function similarityHeatmap(a: MetroAnalysis, options: SimilarityHeatmapOptions): Chart {
  const { lang } = options;
  const h = a.homogenisation;
  const p = h.pairs;
  const tradedAny = p.tradedSimilarity.some((v) => v !== null);
  const measure = options.measure === 'structural' || !tradedAny ? 'structural' : 'traded';
  const fellBack = options.measure !== 'structural' && measure === 'structural';
  const id = measure === 'traded' ? 'similarity-heatmap' : 'similarity-heatmap-structural';
  const name =
    measure === 'traded' ? t('traded-structure similarity', '可贸易产业结构相似度') : t('structural similarity (all industries)', '产业结构相似度（全部产业）');
  const title = both((l) => `${metroName(a, l)}${l === 'zh' ? '：单元间' : ': '}${name[l]}${l === 'zh' ? '' : ' between units'}`);
  const { order, basis, total } = unitOrder(a, Math.max(2, Math.floor(options.maxUnits ?? defaultMatrixUnits)));
  if (order.length < 2 || p.a.length === 0)
    return chartAbsence(id, title, t('Fewer than two units: there is no pair to compare.', '单元少于两个，没有可比较的单元对。'));
  const values = measure === 'traded' ? p.tradedSimilarity : p.similarity;
  const cell = new Map<string, { v: number | null; same: boolean | null }>();
  p.a.forEach((ai, k) => {
    const bi = p.b[k] as number;
    const c = { v: values[k] ?? null, same: measure === 'traded' ? (p.same[k] ?? null) : null };
    cell.set(`${ai}|${bi}`, c);
    cell.set(`${bi}|${ai}`, c);
  });
  const names = unitLabels(a.units, lang);
  const labels = order.map((k) => names.get((a.units[k] as MetroAnalysis['units'][number]).id) as string);
  const n = order.length;
  const showValues = n <= 15;
  const data: Record<string, unknown>[] = [];
  let gaps = 0;
  order.forEach((r, y) =>
    order.forEach((c, x) => {
      if (r === c) return;
      const v = cell.get(`${r}|${c}`);
      if (v === undefined || v.v === null) {
        gaps++;
        return;
      }
      // White text on the dark end of the ramp, dark text on the light end.
      data.push({
        value: [x, y, v.v],
        label: { formatter: `${v.v.toFixed(2)}${v.same === true ? '*' : ''}`, color: v.v >= 0.55 ? '#ffffff' : '#111111' },
      });
    }),
  );
  const size = Math.max(520, Math.min(1100, 200 + n * (showValues ? 52 : 22)));
  const option = {
    tooltip: { trigger: 'item' },
    grid: { left: 150, right: 90, top: 20, bottom: 130 },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { rotate: 45, fontSize: n > 25 ? 9 : 11, interval: 0 },
      splitArea: { show: false },
      axisTick: { show: false },
    },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { fontSize: n > 25 ? 9 : 11, interval: 0 }, axisTick: { show: false } },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 1,
      calculable: false,
      orient: 'vertical',
      right: 10,
      top: 'middle',
      itemHeight: 160,
      text: ['1', '0'],
      inRange: { color: sequentialRamp },
      textStyle: { fontSize: 11 },
    },
    series: [
      {
        type: 'heatmap',
        name: name[lang],
        data,
        label: { show: showValues, fontSize: 11 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
  };
  const caption = both((l) => {
    const ns = unitLabels(a.units, l);
    const ms = h.mostSimilar;
    const reading =
      measure === 'traded'
        ? l === 'zh'
          ? `可贸易产业结构相似度：两单元可贸易产业比重向量的余弦（0–1）。* 表示"可贸易专业化相同"（相似度高于随机排列至少 ${num(a.options.sameZ)} 个标准差且有共同的可贸易优势产业）。${ms === null ? '' : `最相似：${ns.get(ms.a)}—${ns.get(ms.b)} ${num(ms.tradedSimilarity)}。`}${h.meanTradedSimilarity === null ? '' : `平均 ${num(h.meanTradedSimilarity)}。`}`
          : `Traded-structure similarity: the cosine of the two units' traded industry shares (0–1). * = same traded specialisations (similarity at least ${num(a.options.sameZ)} standard deviations above a random arrangement, and a shared traded advantage industry).${ms === null ? '' : ` Most similar: ${ns.get(ms.a)}–${ns.get(ms.b)} ${num(ms.tradedSimilarity)}.`}${h.meanTradedSimilarity === null ? '' : ` Mean ${num(h.meanTradedSimilarity)}.`}`
        : l === 'zh'
          ? `产业结构相似度：两单元全部产业比重向量的余弦（0–1），仅作参考，不用于同质化判断。${fellBack ? '没有任何单元对有可贸易结构相似度（可贸易产业过少），故显示全部产业的相似度。' : ''}`
          : `Structural similarity: the cosine of the two units' shares over all industries (0–1), a reference only, not the homogenisation verdict.${fellBack ? ' No pair has a traded-structure similarity (too few traded industries), so the similarity over all industries is shown.' : ''}`;
    const gapText = gaps === 0 ? '' : l === 'zh' ? `${gaps / 2} 个单元对无数值（空白）。` : `${gaps / 2} pairs have no value (blank).`;
    const orderText = l === 'zh' ? `单元${orderWords(basis, l)}。` : `Units ${orderWords(basis, l)}.`;
    return [reading, gapText, orderText, capWords(n, total, basis, l), matrixSource(a, l)].filter((s) => s !== '').join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: size + 60, height: size });
}
