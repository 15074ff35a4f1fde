/**
 * Chapter 5, homogenisation: do units chase the same traded industries? The metro's index (share of pairs with the
 * same traded specialisations), the most similar pair, the trend, the hot spots (traded advantages held by several
 * units), the similarity heat map and the most similar pairs with their numbers.
 */
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { similarityHeatmap } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, capRanked, column, joinTexts, num, pairText, pct, t, table, yesNo } from './text.ts';

export function homogenisationChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const H = A.homogenisation;
  const blocks: ReportBlock[] = [];
  const sources = ctx.use(A.unitSet.source);
  const ms = H.mostSimilar;
  blocks.push({
    kind: 'paragraph',
    text: both((l) => {
      const judge = H.traded.judgeable
        ? l === 'zh'
          ? `具有相同可贸易专业化的单元对占 ${pct(H.index)}，可贸易结构平均相似度 ${num(H.meanTradedSimilarity)}。`
          : `${pct(H.index)} of the pairs have the same traded specialisations; the mean traded-structure similarity is ${num(H.meanTradedSimilarity)}.`
        : l === 'zh'
          ? `行业分类过粗（可贸易产业少于 ${num(A.options.minTradedIndustries)} 个），无法判断同质化；可贸易结构平均相似度 ${num(H.meanTradedSimilarity)} 仅供参考。`
          : `The classification is too coarse to judge homogenisation (fewer than ${num(A.options.minTradedIndustries)} traded industries); the mean traded similarity ${num(H.meanTradedSimilarity)} is for reference only.`;
      const most =
        ms === null
          ? ''
          : l === 'zh'
            ? `可贸易结构最相似的是${pairText(ctx.unit(ms.a), ctx.unit(ms.b)).zh}（${num(ms.tradedSimilarity)}），${ms.same === null ? '无法判断是否相同' : ms.same ? '判定为相同专业化' : '在此分类粒度下不算相同'}。`
            : `The most similar pair is ${pairText(ctx.unit(ms.a), ctx.unit(ms.b)).en} (${num(ms.tradedSimilarity)}): ${ms.same === null ? 'not judgeable' : ms.same ? 'the same specialisations' : 'not the same at this granularity'}.`;
      const trend =
        H.trend.length > 1
          ? l === 'zh'
            ? `历年平均相似度：${H.trend.map((x) => `${x.year} 年 ${num(x.meanTradedSimilarity)}`).join('，')}。`
            : `Mean similarity over the years: ${H.trend.map((x) => `${x.year} ${num(x.meanTradedSimilarity)}`).join(', ')}.`
          : '';
      return `${judge}${l === 'zh' ? '' : ' '}${most}${l === 'zh' || trend === '' ? '' : ' '}${trend}`;
    }),
  });
  blocks.push(chartBlock(ctx, (lang) => similarityHeatmap(ctx, lang)));

  // Hot spots: traded advantages held by several units, scored by how near the holders are.
  const hotFinding = A.findings.find((f) => f.kind === 'hot-spots');
  const meanLq = new Map(hotFinding?.kind === 'hot-spots' ? hotFinding.data.industries.map((x) => [x.industry, x.meanLq]) : []);
  if (H.hotSpots.length > 0)
    blocks.push({
      kind: 'table',
      table: table({
        id: 'hot-spots',
        title: t('Hot spots: traded advantages held by several units', '热点：多个单元同时具有优势的可贸易产业'),
        columns: [
          column('industry', t('Industry', '行业'), 'text'),
          column('units', t('Units with an advantage', '具有优势的单元'), 'text'),
          column('count', t('Units', '单元数'), 'integer'),
          column('meanLq', t('Mean LQ', '平均区位熵'), 'number'),
          column('score', t('Score', '得分'), 'number'),
        ],
        rows: H.hotSpots.map((h) => [
          ctx.industry(h.industry),
          joinTexts(h.units.map((u) => ctx.unit(u))),
          h.units.length,
          meanLq.get(h.industry) ?? null,
          h.score,
        ]),
        note: t(
          'Score = the sum, over the pairs of holders, of their proximity (1 within an hour or 100 km, 0 beyond three hours or 300 km): duplication among near units weighs more. Ranked by score.',
          '得分为各持有单元两两之间邻近度之和（1 小时或 100 公里以内为 1，3 小时或 300 公里以外为 0）：邻近单元的重复更重要。按得分排序。',
        ),
        sources,
        shownRows: ctx.shownRows,
      }),
    });

  // The most similar pairs.
  const P = H.pairs;
  const unitId = (k: number | undefined) => (k === undefined ? '' : (A.units[k]?.id ?? ''));
  const order = P.a.map((_, p) => p).sort((p, q) => (P.tradedSimilarity[q] ?? -1) - (P.tradedSimilarity[p] ?? -1) || p - q);
  const rows: ReportCell[][] = order.map((p) => [
    pairText(ctx.unit(unitId(P.a[p])), ctx.unit(unitId(P.b[p]))),
    P.tradedSimilarity[p] ?? null,
    P.tradedZ[p] ?? null,
    yesNo(P.same[p] ?? null),
    (P.sharedTraded[p] ?? []).length === 0 ? null : (P.sharedTraded[p] ?? []).join(', '),
    P.similarity[p] ?? null,
    P.dissimilarity[p] ?? null,
  ]);
  blocks.push({
    kind: 'table',
    table: table({
      id: 'similarity-pairs',
      title: t('The most similar pairs', '结构最相似的单元对'),
      columns: [
        column('pair', t('Pair', '单元对'), 'text'),
        column('tradedSimilarity', t('Traded similarity', '可贸易结构相似度'), 'number'),
        column('tradedZ', t('z above random', '高于随机的标准分'), 'number'),
        column('same', t('Same specialisations', '专业化相同'), 'text'),
        column('shared', t('Shared traded advantages', '共同的可贸易优势产业'), 'text'),
        column('similarity', t('Similarity, all industries', '全行业结构相似系数'), 'number'),
        column('dissimilarity', t('Krugman dissimilarity (0–2)', '克鲁格曼差异指数（0—2）'), 'number'),
      ],
      ...capRanked(
        rows,
        t(
          'Traded similarity: cosine of the two units’ traded-industry shares; the verdict needs z ≥ the threshold and a shared traded advantage. The similarity and dissimilarity over all industries are shown for reference and decide nothing: with few industries any two structures look alike.',
          '可贸易结构相似度为两单元可贸易产业份额向量的余弦；判定为相同须标准分达到阈值且有共同的可贸易优势产业。全行业相似系数与差异指数仅供参考、不作判定：行业越少，任何两个结构看起来都越相似。',
        ),
      ),
      sources,
      shownRows: ctx.shownRows,
    }),
  });
  if (H.trend.length > 1)
    blocks.push({
      kind: 'table',
      table: table({
        id: 'homogenisation-trend',
        title: t('Homogenisation over the years', '同质化的变化'),
        columns: [
          column('year', t('Year', '年份'), 'text'),
          column('index', t('Pairs with the same specialisations', '专业化相同的单元对占比'), 'percent'),
          column('meanTradedSimilarity', t('Mean traded similarity', '可贸易结构平均相似度'), 'number'),
        ],
        rows: H.trend.map((x) => [String(x.year), x.index, x.meanTradedSimilarity]),
        note: null,
        sources,
      }),
    });
  if (H.absent.length > 0) blocks.push({ kind: 'list', items: H.absent.map((a) => a.reason) });
  return { id: 'homogenisation', title: t('Homogenisation', '产业同构'), blocks };
}
