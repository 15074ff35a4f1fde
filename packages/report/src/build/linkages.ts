/**
 * Chapter 7, linkages and transport: how strongly the units are linked (gravity on one impedance for the metro), the
 * flow map, the most linked pairs with their distance and rail time, and the plan's transport priorities — strongly
 * interacting pairs with a slow or no direct train — with the pairs whose rail connection is unknown said apart.
 */
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { linkageFlowMap } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, capRanked, column, int, num, pairText, t, table } from './text.ts';

const railStatusNames = {
  direct: t('direct train', '有直达列车'),
  slow: t('slow direct train', '直达但慢'),
  'no-direct-train': t('no direct train', '无直达列车'),
  unknown: t('unknown', '未知'),
} as const;

export function linkagesChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const L = A.linkage;
  const T = ctx.plan?.transport ?? null;
  const blocks: ReportBlock[] = [];
  const sources = ctx.use(A.unitSet.source);
  blocks.push({
    kind: 'paragraph',
    text: both((l) =>
      l === 'zh'
        ? `联系强度按引力模型计算：R = √(人口·GDP)a × √(人口·GDP)b ÷ 距离^${num(L.exponent)}。${L.impedance.reason.zh} 联系强度除以本都市圈最强单元对，仅用于圈内排序。`
        : `Linkage is gravity: R = √(population·GDP)a × √(population·GDP)b ÷ distance^${num(L.exponent)}. ${L.impedance.reason.en} Linkage ÷ the metro's strongest pair ranks pairs within this metro only.`,
    ),
  });
  blocks.push(chartBlock(ctx, (lang) => linkageFlowMap(ctx, lang)));

  // The most linked pairs (the context's pair order), with the plan's rail status when there is a plan.
  const statusOf = new Map<string, keyof typeof railStatusNames>();
  if (T !== null)
    T.pairs.a.forEach((ka, p) => {
      const a = T.units[ka]?.id;
      const b = T.units[T.pairs.b[p] ?? -1]?.id;
      const s = T.pairs.status[p];
      if (a !== undefined && b !== undefined && s !== undefined) statusOf.set(`${a}|${b}`, s);
    });
  const unitId = (k: number | undefined) => (k === undefined ? '' : (A.units[k]?.id ?? ''));
  const rows: ReportCell[][] = ctx.pairOrder.map((p) => {
    const a = unitId(L.pairs.a[p]);
    const b = unitId(L.pairs.b[p]);
    const s = statusOf.get(`${a}|${b}`) ?? statusOf.get(`${b}|${a}`);
    return [
      pairText(ctx.unit(a), ctx.unit(b)),
      L.pairs.normalised[p] ?? null,
      L.pairs.km[p] ?? null,
      L.pairs.railMinutes[p] ?? null,
      s === undefined ? null : railStatusNames[s],
    ];
  });
  blocks.push({
    kind: 'table',
    table: table({
      id: 'linkage-pairs',
      title: t('The most strongly linked pairs', '联系最强的单元对'),
      columns: [
        column('pair', t('Pair', '单元对'), 'text'),
        column('linkage', t('Linkage (0–1)', '联系强度（0—1）'), 'number'),
        column('km', t('Distance', '距离'), 'number', t('km', '公里')),
        column('railMinutes', t('Fastest direct train', '最快直达列车'), 'number', t('minutes', '分钟')),
        column('rail', t('Rail connection', '铁路连接'), 'text'),
      ],
      ...capRanked(
        rows,
        t(
          'Distance: great-circle km between the units’ representative points. Rail: scheduled in-vehicle minutes of the fastest direct train where the timetable has one. — = not known.',
          '距离为单元代表点之间的大圆距离。铁路时间为时刻表中最快直达列车的计划运行分钟数。— 表示未知。',
        ),
      ),
      sources,
      shownRows: ctx.shownRows,
    }),
  });

  if (T === null) {
    blocks.push({
      kind: 'paragraph',
      text: t('No plan was given to this report: the transport priorities are not shown.', '本报告未附规划结果，故不列交通优先事项。'),
    });
  } else {
    const c = T.timetable.counts;
    const timetable = T.timetable.sources.map((s) => s.source);
    const tSources = [...sources, ...ctx.use(...timetable)];
    blocks.push({
      kind: 'paragraph',
      text: both((l) =>
        l === 'zh'
          ? `交通优先事项：预期相互作用（引力${T.basis.chain.used ? '与产业链互补' : ''}）位于前 ${num((1 - T.rules.interactionQuantile) * 100)}% 而铁路慢或无直达列车的单元对。${int(c.pairs)} 个单元对中：直达 ${int(c.direct)}，慢 ${int(c.slow)}，无直达 ${int(c.noDirectTrain)}，未知 ${int(c.unknown)}。${T.timetable.sources.map((s) => `时刻表：${s.source}，${s.label.zh}。`).join('')}`
          : `Transport priorities: pairs whose expected interaction (gravity${T.basis.chain.used ? ' and chain complementarity' : ''}) is in the top ${num((1 - T.rules.interactionQuantile) * 100)}% but whose train is slow or not direct. Of ${int(c.pairs)} pairs: ${int(c.direct)} direct, ${int(c.slow)} slow, ${int(c.noDirectTrain)} without a direct train, ${int(c.unknown)} unknown.${T.timetable.sources.map((s) => ` Timetable: ${s.source}, ${s.label.en}.`).join('')}`,
      ),
    });
    const priorities = [...T.headline, ...T.rest];
    if (priorities.length > 0)
      blocks.push({
        kind: 'table',
        table: table({
          id: 'transport-priorities',
          title: t('Transport priorities', '交通优先事项'),
          columns: [
            column('rank', t('Rank', '位次'), 'integer'),
            column('pair', t('Pair', '单元对'), 'text'),
            column('status', t('Rail connection', '铁路连接'), 'text'),
            column('km', t('Distance', '距离'), 'number', t('km', '公里')),
            column('minutes', t('Fastest direct train', '最快直达列车'), 'number', t('minutes', '分钟')),
            column('speed', t('Speed', '速度'), 'number', t('km/h', '公里/小时')),
            column('interaction', t('Expected interaction', '预期相互作用'), 'number'),
          ],
          rows: priorities.map((x) => [
            x.rank,
            pairText(ctx.unit(x.a.id), ctx.unit(x.b.id)),
            railStatusNames[x.status],
            x.km,
            x.rail.minutes,
            x.rail.speedKmh,
            x.interaction,
          ]),
          note: both((l) =>
            l === 'zh'
              ? `预期相互作用门槛 ${num(T.rules.interactionThreshold)}；“慢”指时间距离比高于中位数（${num(T.rules.medianTimeRatio)}）且直线速度低于 ${num(T.rules.speedFloorKmh)} 公里/小时。时刻表只列直达列车，换乘线路可能存在。`
              : `Threshold of expected interaction ${num(T.rules.interactionThreshold)}; slow = time-distance ratio above the median (${num(T.rules.medianTimeRatio)}) and straight-line speed below ${num(T.rules.speedFloorKmh)} km/h. The timetable lists direct trains only: a journey with a change may exist.`,
          ),
          sources: tSources,
          shownRows: ctx.shownRows,
        }),
      });
    else blocks.push({ kind: 'paragraph', text: t('No strongly interacting pair has a slow or no direct train.', '没有联系强而铁路慢或无直达列车的单元对。') });
    if (T.unknown.count > 0) blocks.push({ kind: 'paragraph', text: T.unknown.text });
    if (T.notes.length > 0) blocks.push({ kind: 'list', items: T.notes });
  }
  if (L.absent.length > 0) blocks.push({ kind: 'list', items: L.absent.map((a) => a.reason) });
  return { id: 'linkages', title: t('Linkages and transport', '空间联系与交通'), blocks };
}
