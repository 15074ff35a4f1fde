/**
 * Chapter 2, industry distribution (the paper's Tables 2, 4 and 6 for any metro): the composition of every unit, the
 * core → ring gradient, each unit's functional specialisation, and its leading traded industries with their location
 * quotients. Small metros get the industries × units composition; larger ones the units × industry groups.
 */
import type { IndustryGroup, LocalizedText } from '@metrocoop/core';
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { functionalMap, ringGradient, structureChart } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, column, indicatorWord, int, joinList, num, ringNames, t, table, unitWord } from './text.ts';

/** Units up to which the composition is shown industry by industry (one column per unit fits an A4 page). */
const maxUnitColumns = 6;
/** Leading traded industries listed per unit. */
const leadingPerUnit = 3;

export const groupNames: Record<IndustryGroup, LocalizedText> = {
  primary: t('primary', '第一产业'),
  production: t('manufacturing', '制造业'),
  'utilities-construction': t('utilities and construction', '公用事业与建筑业'),
  'producer-services': t('producer services', '生产性服务业'),
  'other-services': t('other services', '其他服务业'),
  secondary: t('secondary', '第二产业'),
  tertiary: t('tertiary', '第三产业'),
  unknown: t('unmapped', '未对应'),
};
const groupOrder: readonly IndustryGroup[] = [
  'primary',
  'production',
  'utilities-construction',
  'producer-services',
  'other-services',
  'secondary',
  'tertiary',
  'unknown',
];

export function industryChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const S = A.structure;
  const H = A.homogenisation;
  const blocks: ReportBlock[] = [];
  const sources = ctx.use(A.unitSet.source);
  const traded = new Set(H.traded.industries);
  const matrixLine = both((l) =>
    l === 'zh'
      ? `${indicatorWord(A.unitSet.indicator).zh}（${unitWord(A.unitSet.unit).zh}），${A.unitSet.classification}，${A.unitSet.year} 年`
      : `${indicatorWord(A.unitSet.indicator).en} (${unitWord(A.unitSet.unit).en}), ${A.unitSet.classification}, ${A.unitSet.year}`,
  );

  blocks.push({
    kind: 'paragraph',
    text: both((l) => {
      const tr = joinList(
        H.traded.industries.map((c) => ctx.industry(c)[l]),
        l,
      );
      return l === 'zh'
        ? `按 ${matrixLine.zh} 计算。可贸易产业（面向都市圈以外市场，专业化与同质化只在这些产业上判断）共 ${int(H.traded.industries.length)} 个：${tr}；其余 ${int(H.traded.local.length)} 个为本地服务型产业，各地都按人口比例存在，不构成专业化或竞争。`
        : `On ${matrixLine.en}. Traded industries — those that sell beyond the metro, where specialisation and homogenisation are judged — are ${int(H.traded.industries.length)}: ${tr}; the other ${int(H.traded.local.length)} ${H.traded.local.length === 1 ? 'is' : 'are'} local-serving, present everywhere in proportion to population, and make no unit a specialist or a competitor.`;
    }),
  });
  blocks.push(chartBlock(ctx, (lang) => structureChart(ctx, lang)));

  // Composition: industries × units (small metros) or units × groups.
  const uIdx = ctx.units.map((u) => S.units.indexOf(u));
  if (S.units.length <= maxUnitColumns) {
    const rows: ReportCell[][] = S.industries.map((code, k) => [
      ctx.industry(code),
      groupNames[S.industryGroups[code] ?? 'unknown'],
      traded.has(code) ? t('traded', '可贸易') : t('local', '本地'),
      ...uIdx.map((r) => S.composition[r]?.[k] ?? null),
    ]);
    blocks.push({
      kind: 'table',
      table: table({
        id: 'composition',
        title: t('Industry composition of every unit (Table 2 of the paper)', '各单元产业构成（论文表2）'),
        columns: [
          column('industry', t('Industry', '行业'), 'text'),
          column('group', t('Group', '类别'), 'text'),
          column('kind', t('Traded or local', '可贸易/本地'), 'text'),
          ...ctx.units.map((u) => column(`share:${u}`, ctx.unit(u), 'percent')),
        ],
        rows,
        note: both((l) =>
          l === 'zh'
            ? `各单元 ${matrixLine.zh} 中各行业所占份额；每列合计为 100%。`
            : `Share of each industry in the unit's ${matrixLine.en}; each column sums to 100%.`,
        ),
        sources,
      }),
    });
  } else {
    const groups = groupOrder.filter((g) => S.industries.some((c) => (S.industryGroups[c] ?? 'unknown') === g));
    const rows: ReportCell[][] = ctx.units.map((u, n) => {
      const r = uIdx[n] ?? -1;
      const shares = groups.map((g) => S.industries.reduce((s, c, k) => s + ((S.industryGroups[c] ?? 'unknown') === g ? (S.composition[r]?.[k] ?? 0) : 0), 0));
      const unit = A.units[ctx.unitIndex(u)];
      return [ctx.unit(u), unit === undefined ? null : ringNames[unit.ring], ...shares];
    });
    blocks.push({
      kind: 'table',
      table: table({
        id: 'composition',
        title: t('Composition of every unit by industry group (Table 2 of the paper)', '各单元按产业类别的构成（论文表2）'),
        columns: [
          column('unit', t('Unit', '单元'), 'text'),
          column('ring', t('Ring', '圈层'), 'text'),
          ...groups.map((g) => column(`group:${g}`, groupNames[g], 'percent')),
        ],
        rows,
        note: both((l) =>
          l === 'zh'
            ? `各单元 ${matrixLine.zh} 按行业类别（据ISIC门类）归并的份额；逐行业的构成见 JSON。`
            : `Shares of the unit's ${matrixLine.en} by industry group (from the ISIC section); the composition by industry is in the JSON.`,
        ),
        sources,
        shownRows: ctx.shownRows,
      }),
    });
  }

  // The core → ring gradient.
  blocks.push(chartBlock(ctx, (lang) => ringGradient(ctx, lang)));
  blocks.push({
    kind: 'table',
    table: table({
      id: 'ring-gradient',
      title: t('From the core to the rings', '从核心到外围的梯度'),
      columns: [
        column('ring', t('Ring', '圈层'), 'text'),
        column('units', t('Units', '单元数'), 'integer'),
        column('tertiary', t('Tertiary share', '第三产业份额'), 'percent'),
        column('servicesToManufacturing', t('Producer services ÷ manufacturing', '生产性服务业 ÷ 制造业'), 'number'),
      ],
      rows: S.ringGradient.map((g) => [ringNames[g.ring], g.units.length, g.tertiaryShare, g.servicesToManufacturing]),
      note: both((l) => {
        const shape =
          S.gradientShape === null
            ? l === 'zh'
              ? '梯度无法判断'
              : 'the gradient cannot be judged'
            : S.gradientShape === 'descending'
              ? l === 'zh'
                ? '核心的第三产业份额高于各圈层：梯度自核心向外递减'
                : "the core's tertiary share exceeds every ring's: the gradient descends from the core"
              : l === 'zh'
                ? '核心的第三产业份额并不高于所有圈层：梯度平缓或倒置'
                : "the core's tertiary share does not exceed every ring's: the gradient is flat or inverted";
        return l === 'zh' ? `圈层内各单元加总后计算。${shape}。` : `Aggregates of each ring's units. Here ${shape}.`;
      }),
      sources,
    }),
  });

  // Functional specialisation and specialisation per unit.
  const fs = S.functionalSpecialisation;
  blocks.push(chartBlock(ctx, (lang) => functionalMap(ctx, lang)));
  const advantage = new Map(A.specialisation.advantage.map((a) => [a.unit, a]));
  const unitRows: ReportCell[][] = ctx.units.map((u) => {
    const r = ctx.unitIndex(u);
    const unit = A.units[r];
    const adv = advantage.get(u);
    return [
      ctx.unit(u),
      unit === undefined ? null : ringNames[unit.ring],
      fs === null ? null : (fs.values[r] ?? null),
      A.specialisation.krugman[r] ?? null,
      adv === undefined ? null : adv.industries.length,
      adv === undefined
        ? null
        : both(
            (l) =>
              joinList(
                adv.industries.map((c) => c),
                l,
              ) || '—',
          ),
    ];
  });
  const fsOrder = ctx.units.map((u, n) => ({ n, v: fs === null ? null : (fs.values[ctx.unitIndex(u)] ?? null) }));
  // Ranked by FS when the table is long: the most service-led first.
  const ranked =
    ctx.units.length > ctx.shownRows
      ? fsOrder
          .slice()
          .sort((x, y) => (y.v ?? Number.NEGATIVE_INFINITY) - (x.v ?? Number.NEGATIVE_INFINITY) || x.n - y.n)
          .map((x) => unitRows[x.n] as ReportCell[])
      : unitRows;
  blocks.push({
    kind: 'table',
    table: table({
      id: 'unit-specialisation',
      title: t('Functional specialisation and specialisation of every unit', '各单元的功能专业化与专业化程度'),
      columns: [
        column('unit', t('Unit', '单元'), 'text'),
        column('ring', t('Ring', '圈层'), 'text'),
        column('fs', t('Functional specialisation FS', '功能专业化指数 FS'), 'number'),
        column('krugman', t('Krugman specialisation (0–2)', '克鲁格曼专业化指数（0—2）'), 'number'),
        column('advantages', t('Traded advantage industries', '可贸易优势产业数'), 'integer'),
        column('codes', t('Their codes', '优势产业代码'), 'text'),
      ],
      rows: ranked,
      note: both((l) =>
        l === 'zh'
          ? `FS = (生产性服务业/制造业)单元 ÷ (生产性服务业/制造业)都市圈 − 1：大于 0 为总部与服务职能，小于 0 为生产职能${fs === null ? '（本数据无法计算）' : ''}。克鲁格曼指数衡量单元与都市圈其余部分的结构差异。优势产业：可贸易产业中区位熵 ≥ ${num(A.options.advantageLq)}。${ctx.units.length > ctx.shownRows ? '按 FS 从高到低排列。' : ''}`
          : `FS = (producer services ÷ manufacturing) of the unit ÷ that of the metro − 1: above 0 headquarters and service functions, below 0 production${fs === null ? ' (not computable from these data)' : ''}. Krugman's index measures how the unit's structure differs from the rest of the metro. Advantage industries: traded industries with LQ ≥ ${num(A.options.advantageLq)}.${ctx.units.length > ctx.shownRows ? ' Ranked by FS, highest first.' : ''}`,
      ),
      sources,
      shownRows: ctx.shownRows,
    }),
  });

  // Leading traded industries per unit (Tables 4 and 6): the three highest LQs among traded industries.
  const lq = A.specialisation.lq;
  const leadRows: ReportCell[][] = [];
  for (const u of ctx.units) {
    const r = ctx.unitIndex(u);
    const s = S.units.indexOf(u);
    const row = lq[r];
    if (row === undefined) continue;
    const top = A.industries
      .map((ind, k) => ({ code: ind.code, k, lq: row[k] ?? 0 }))
      .filter((x) => traded.has(x.code) && x.lq > 0)
      .sort((x, y) => y.lq - x.lq || x.k - y.k)
      .slice(0, leadingPerUnit);
    top.forEach((x, n) => {
      const k = S.industries.indexOf(x.code);
      leadRows.push([
        ctx.unit(u),
        n + 1,
        ctx.industry(x.code),
        x.lq,
        k < 0 ? null : (S.composition[s]?.[k] ?? null),
        x.lq >= A.options.strongLq ? t('strong', '强') : x.lq >= A.options.advantageLq ? t('advantage', '优势') : t('below threshold', '未达阈值'),
      ]);
    });
  }
  blocks.push({
    kind: 'table',
    table: table({
      id: 'leading-industries',
      title: t('Leading traded industries of every unit (Tables 4 and 6 of the paper)', '各单元的主要可贸易产业（论文表4、表6）'),
      columns: [
        column('unit', t('Unit', '单元'), 'text'),
        column('rank', t('Rank', '位次'), 'integer'),
        column('industry', t('Industry', '行业'), 'text'),
        column('lq', t('Location quotient', '区位熵'), 'number'),
        column('share', t('Share of the unit', '占本单元份额'), 'percent'),
        column('level', t('Specialisation', '专业化程度'), 'text'),
      ],
      rows: leadRows,
      note: both((l) =>
        l === 'zh'
          ? `每个单元区位熵最高的 ${leadingPerUnit} 个可贸易产业（以都市圈为参照）；优势：区位熵 ≥ ${num(A.options.advantageLq)}，强：≥ ${num(A.options.strongLq)}。`
          : `The ${leadingPerUnit} traded industries with the highest location quotient in each unit (the metro as reference); advantage: LQ ≥ ${num(A.options.advantageLq)}, strong: ≥ ${num(A.options.strongLq)}.`,
      ),
      sources,
      shownRows: ctx.shownRows * leadingPerUnit,
    }),
  });
  if (S.absent.length > 0) blocks.push({ kind: 'list', items: S.absent.map((a) => a.reason) });
  return { id: 'industry', title: t('Industry distribution', '产业分布'), blocks };
}
