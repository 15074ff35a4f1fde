/**
 * Chapter 8, international comparison: the metro beside Tokyo and New York (or whichever metros were compared) on one
 * basis — employment by ISIC sections, nearest years — with each metro's basis shown, rankings only between matching
 * bases, and why any metro is not ranked.
 */
import { type BenchmarkMeasure, benchmarkMessages } from '@metrocoop/core';
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { benchmarkChart } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, column, int, levelWord, t, table } from './text.ts';

export function benchmarkChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const B = A.benchmark;
  const title = t('International comparison', '国际比较');
  if (B === null || B.metros.length < 2)
    return {
      id: 'benchmark',
      title,
      blocks: [
        {
          kind: 'paragraph',
          text: t(
            'No other metro was compared (run with --compare tokyo,nyc to set this metro beside Tokyo and New York).',
            '未与其他都市圈比较（使用 --compare tokyo,nyc 可与东京圈、纽约都市区对照）。',
          ),
        },
      ],
    };
  const blocks: ReportBlock[] = [];
  const metros = B.metros;
  const sources = ctx.use(...metros.map((m) => m.basis.source));
  const name = (id: string) => {
    const m = metros.find((x) => x.metro === id);
    return m === undefined ? t(id, id) : t(m.nameEn, m.nameZh);
  };
  blocks.push({
    kind: 'paragraph',
    text: both((l) => {
      const ranked = B.ranked.map((m) => name(m)[l]).join(l === 'zh' ? '、' : ', ');
      return l === 'zh'
        ? `各都市圈在同一口径上比较：核心与外围各作为一个整体，生产性服务业为ISIC J、K、M、N，制造业为C。参与排名的都市圈：${ranked}（指标、分类相同，年份相差不超过 ${int(B.rule.yearTolerance)} 年）。`
        : `Every metro is measured on one basis: the core and the ring each as one aggregate, producer services ISIC J, K, M and N, manufacturing C. Ranked together: ${ranked} (same indicator and classification, years at most ${int(B.rule.yearTolerance)} apart).`;
    }),
  });
  blocks.push(chartBlock(ctx, (lang) => benchmarkChart(ctx, lang)));
  const rows: ReportCell[][] = B.comparisons.map((c) => {
    const m = c.measure as BenchmarkMeasure;
    return [
      benchmarkMessages.measure[m] ?? t(c.measure, c.measure),
      ...metros.map((x) => c.values[x.metro] ?? null),
      c.position === null ? null : both((l) => (l === 'zh' ? `第 ${c.position} / ${c.of}` : `${c.position} of ${c.of}`)),
    ];
  });
  blocks.push({
    kind: 'table',
    table: table({
      id: 'benchmark',
      title: both((l) => (l === 'zh' ? `${A.metro.nameZh}与对标都市圈` : `${A.metro.nameEn} beside the other metros`)),
      columns: [
        column('measure', t('Figure', '指标'), 'text'),
        ...metros.map((m) => column(`metro:${m.metro}`, t(m.nameEn, m.nameZh), 'number')),
        column('position', t('Position', '排名'), 'text'),
      ],
      rows,
      note: t(
        'Position: among the ranked metros with a value, 1 = the highest. Shares are fractions (0.5 = 50%).',
        '排名：在有数值且参与排名的都市圈中，1 为最高。比重以小数表示（0.5 即 50%）。',
      ),
      sources,
    }),
  });
  blocks.push({
    kind: 'table',
    table: table({
      id: 'benchmark-basis',
      title: t('What each metro is measured on', '各都市圈的比较口径'),
      columns: [
        column('metro', t('Metro', '都市圈'), 'text'),
        column('indicator', t('Indicator', '指标'), 'text'),
        column('classification', t('Classification', '行业分类'), 'text'),
        column('year', t('Year', '年份'), 'text'),
        column('units', t('Units', '单元数'), 'integer'),
        column('level', t('Unit level', '单元层级'), 'text'),
        column('coverage', t('Coverage of published totals', '占公布合计的比例'), 'percent'),
        column('source', t('Source', '来源'), 'text'),
      ],
      rows: metros.map((m) => [
        t(m.nameEn, m.nameZh),
        benchmarkMessages.indicator(m.basis.indicator),
        t(`${m.basis.sourceClassification} → ${m.basis.classification}`, `${m.basis.sourceClassification} → ${m.basis.classification}`),
        String(m.basis.year),
        m.basis.units,
        m.basis.level === null ? null : levelWord(m.basis.level),
        m.basis.coverage,
        m.basis.source,
      ]),
      note: null,
      sources,
    }),
  });
  const notes = [...B.notRanked.map((n) => n.text), ...B.notes];
  if (notes.length > 0) blocks.push({ kind: 'list', items: notes });
  return { id: 'benchmark', title, blocks };
}
