/**
 * Chapter 4, cooperation types (the paper's Table 1 for every pair): how many pairs of each type, the matrix of
 * types, each pair's type with the numbers that decided it (functional ratio, chain ratio and direction, same or
 * different traded specialisations, the z of their similarity) and the suggested modes; then the four drivers.
 * Pairs are ranked by how strongly they are linked (normalised gravity), the most linked first.
 */
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { driversChart, pairTypeMatrix } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, column, int, joinTexts, modeName, num, pairText, pairTypeNames, specialisationNames, t, table } from './text.ts';

const driverNames = {
  proximity: t('Proximity and resource complementarity', '空间邻近与资源互补'),
  structure: t('Structural difference', '产业结构差异'),
  market: t('Market (linkage)', '市场联系'),
  government: t('Government (plans, mechanisms, projects)', '政府推动（规划、机制、项目）'),
} as const;

export function cooperationTypesChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const T = A.typology;
  const H = A.homogenisation;
  const blocks: ReportBlock[] = [];
  const sources = ctx.use(A.unitSet.source);
  const n = T.pairs.a.length;
  const c = T.counts;
  blocks.push({
    kind: 'paragraph',
    text: both((l) => {
      const parts = (['vertical', 'horizontal', 'mixed', 'competing', 'undetermined'] as const).map((k) =>
        l === 'zh' ? `${pairTypeNames[k].zh} ${int(c[k])} 对` : `${int(c[k])} ${pairTypeNames[k].en}`,
      );
      return l === 'zh'
        ? `${int(n)} 个单元对中：${parts.join('，')}。类型由两个问题决定：有无功能或产业链环节分工（功能比 ≥ ${num(T.rules.functionalRatio)}，或链比 ≥ ${num(T.rules.chainHigh)} 且单向），以及可贸易专业化相同还是不同（结构相似度高于随机排列 ${num(T.rules.sameZ)} 个标准差且有共同优势产业为相同）。`
        : `Of ${int(n)} pairs: ${parts.join(', ')}. Two questions decide the type: is there a division of functions or chain stages (functional ratio ≥ ${num(T.rules.functionalRatio)}, or chain ratio ≥ ${num(T.rules.chainHigh)} one way), and are the traded specialisations the same or different (same: similarity ${num(T.rules.sameZ)} standard deviations above a random arrangement and a shared advantage industry)?`;
    }),
  });
  blocks.push(chartBlock(ctx, (lang) => pairTypeMatrix(ctx, lang)));

  const unit = (k: number | null | undefined) => (k === null || k === undefined ? null : A.units[k]?.id);
  const rows: ReportCell[][] = ctx.pairOrder.map((p) => {
    const a = unit(T.pairs.a[p]) as string;
    const b = unit(T.pairs.b[p]) as string;
    const up = unit(T.pairs.upstream[p]);
    const modes = T.pairs.modes[p] ?? [];
    return [
      pairText(ctx.unit(a), ctx.unit(b)),
      pairTypeNames[T.pairs.type[p] ?? 'undetermined'],
      T.pairs.functionalRatio[p] ?? null,
      T.pairs.chainRatio[p] ?? null,
      up === null || up === undefined ? null : ctx.unit(up),
      specialisationNames[T.pairs.specialisation[p] ?? 'not-judgeable'],
      H.pairs.tradedZ[p] ?? null,
      A.linkage.pairs.normalised[p] ?? null,
      modes.length === 0 ? null : joinTexts(modes.map(modeName)),
    ];
  });
  blocks.push({
    kind: 'table',
    table: table({
      id: 'pair-types',
      title: t('Cooperation type of every pair (Table 1 of the paper)', '各单元对的合作类型（论文表1）'),
      columns: [
        column('pair', t('Pair', '单元对'), 'text'),
        column('type', t('Type', '类型'), 'text'),
        column('functionalRatio', t('Functional ratio', '功能分工比'), 'number'),
        column('chainRatio', t('Chain ratio', '产业链比'), 'number'),
        column('upstream', t('Upstream unit', '上游单元'), 'text'),
        column('specialisation', t('Traded specialisations', '可贸易专业化'), 'text'),
        column('tradedZ', t('Similarity z', '相似度标准分'), 'number'),
        column('linkage', t('Linkage (0–1)', '联系强度（0—1）'), 'number'),
        column('modes', t('Suggested modes', '建议合作方式'), 'text'),
      ],
      rows,
      note: t(
        'Ranked by linkage (gravity ÷ the metro’s strongest pair), the most linked first. Functional ratio = (1 + FS of the more service-led unit) ÷ (1 + FS of the other); chain ratio = how much more one unit’s traded specialisations supply the other’s than an average industry; similarity z = standard deviations above a random arrangement.',
        '按联系强度（引力 ÷ 本都市圈最强单元对）排序，联系最强者在前。功能分工比 =（1 + 服务职能较强单元的 FS）÷（1 + 另一单元的 FS）；产业链比 = 一方可贸易优势产业对另一方优势产业的供给是对平均产业的几倍；相似度标准分 = 高于随机排列的标准差数。',
      ),
      sources,
      shownRows: ctx.shownRows,
    }),
  });

  // The four drivers.
  const D = A.drivers;
  blocks.push(chartBlock(ctx, (lang) => driversChart(ctx, lang)));
  const relative = new Map(D.relative.map((r) => [r.driver, r.reason]));
  blocks.push({
    kind: 'table',
    table: table({
      id: 'drivers',
      title: t('The four drivers of cooperation (metro scores)', '合作的四个驱动因素（都市圈得分）'),
      columns: [
        column('driver', t('Driver', '驱动因素'), 'text'),
        column('score', t('Score (0–1)', '得分（0—1）'), 'number'),
        column('state', t('Reading', '判读'), 'text'),
      ],
      rows: (['proximity', 'structure', 'market', 'government'] as const).map((k) => [
        driverNames[k],
        D.metro[k].score,
        relative.get(k) ??
          (D.missing.includes(k)
            ? t(`missing (below ${num(A.options.driverMissing)})`, `缺失（低于 ${num(A.options.driverMissing)}）`)
            : D.metro[k].score === null
              ? t('not measurable', '无法测度')
              : t('present', '存在')),
      ]),
      note: t(
        'Means over the pairs (government: from the knowledge base of plans, mechanisms and projects). A driver below the threshold is missing; the market score ranks pairs within this metro only.',
        '各单元对得分的平均（政府推动据规划、机制与项目知识库）。低于阈值的驱动因素视为缺失；市场联系得分仅用于本都市圈内排序。',
      ),
      sources,
    }),
  });
  return { id: 'cooperation-types', title: t('Cooperation types', '合作类型'), blocks };
}
