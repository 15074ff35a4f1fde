/**
 * Chapter 10, method appendix: the formulas, every threshold of the run (the analysis options) with its meaning, the
 * typology rules (Table 1 A as a matrix), the data gaps (cells withheld or missing, units and industries left out)
 * and every part that could not be computed with why (the `absent` lists), then the loaders' notes.
 */
import type { LocalizedText, MetroAnalysis } from '@metrocoop/core';
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import type { BuildContext } from './context.ts';
import { both, column, num, pairTypeNames, t, table } from './text.ts';

/** What each analysis option means (docs/methodology/from-measures-to-diagnosis.md). */
const optionMeanings: Record<keyof MetroAnalysis['options'], LocalizedText> = {
  advantageLq: t('LQ at which a traded industry is an advantage of a unit', '可贸易产业构成单元优势的区位熵门槛'),
  strongLq: t('LQ of a strong advantage (cluster candidate)', '强优势（产业集群候选）的区位熵门槛'),
  chainHigh: t('chain ratio of a division of chain stages', '构成产业链环节分工的产业链比'),
  chainDirection: t('stronger ÷ weaker direction for chain stages to run one way', '产业链单向判定：较强方向 ÷ 较弱方向'),
  chainLow: t('chain ratio below which a near pair is weakly complementary', '邻近单元对互补薄弱的产业链比上限'),
  functionalRatio: t('functional ratio of a division of functions', '构成功能分工的功能分工比'),
  sameZ: t('z above random for the same traded specialisations (one-sided 5%)', '判定可贸易专业化相同的标准分（单侧 5%）'),
  minTradedIndustries: t('fewest traded industries to judge homogenisation', '判断同质化所需的最少可贸易产业数'),
  headlineFindings: t('findings marked as headline', '列为主要发现的条数'),
  nearProximity: t('proximity score from which a pair counts as near', '视为邻近的邻近度得分'),
  planLq: t('LQ below which a stated position is not borne out', '规划定位不被数据支持的区位熵上限'),
  gradientRatio: t('industrial-gradient ratio that suggests industrial transfer', '建议产业转移的产业梯度比'),
  topLinks: t('supplier → buyer links kept per pair', '每个单元对保留的供给→采购联系数'),
  leadingIndustries: t('leading traded industries checked for missing links', '检查缺失环节的主导可贸易产业数'),
  keyInputCoefficient: t('input coefficient of a key input', '关键投入的投入系数门槛'),
  missingShareRatio: t('metro ÷ nation below which a key input is missing', '关键投入缺失的都市圈 ÷ 全国比值上限'),
  gravityExponent: t('distance exponent of gravity', '引力模型的距离指数'),
  nearMinutes: t('rail minutes at or below which proximity is 1', '邻近度为 1 的铁路分钟数上限'),
  farMinutes: t('rail minutes at or above which proximity is 0', '邻近度为 0 的铁路分钟数下限'),
  nearKm: t('km at or below which proximity is 1 (no rail times)', '邻近度为 1 的距离上限（无铁路时间时）'),
  farKm: t('km at or above which proximity is 0 (no rail times)', '邻近度为 0 的距离下限（无铁路时间时）'),
  hotSpotMinUnits: t('units holding a traded advantage for a hot spot', '构成热点所需的最少单元数'),
  trendRise: t('rise of the mean traded similarity that is reported', '报告同质化上升的平均相似度增幅'),
  driverMissing: t('metro driver score below which the driver is missing', '驱动因素视为缺失的都市圈得分'),
  includeOwnIndustry: t('own-industry purchases count in chain complementarity', '产业链互补是否计入本产业内部采购'),
};

const gapKinds: Record<string, LocalizedText> = {
  missing: t('missing', '缺失'),
  withheld: t('withheld', '保密未公布'),
  suppressed: t('suppressed', '保密未公布'),
  'other-programme': t('only from another statistical programme', '仅有其他统计口径的数据'),
  'zero-total': t('zero total', '合计为零'),
  'missing-year': t('no data for the year', '该年份无数据'),
};
const gapTreatments: Record<string, LocalizedText> = {
  'dropped-region': t('unit dropped', '剔除该单元'),
  'dropped-industry': t('industry dropped', '剔除该产业'),
  'not-filled': t('not filled', '未填补'),
  zero: t('counted as zero', '按零计'),
};
const droppedReasons: Record<string, LocalizedText> = {
  'gap-cells': t('withheld or missing cells', '有保密或缺失的单元格'),
  'no-data': t('no data for the year', '该年份无数据'),
  'other-programme': t('data only from another programme', '仅有其他统计口径的数据'),
  'zero-total': t('all zero', '全部为零'),
  'zero-in-every-unit': t('zero in every unit', '各单元均为零'),
  'not-published': t('not published for the year', '该年份未公布'),
};
const word = (table: Record<string, LocalizedText>, key: string): LocalizedText => table[key] ?? t(key, key);

/** Every `absent` entry anywhere in a document (deduplicated by what and reason). */
function absences(doc: unknown): { what: string; reason: LocalizedText }[] {
  const out: { what: string; reason: LocalizedText }[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      // Columns of numbers or strings (pair data: tens of thousands of values) hold no `absent` list.
      if (value.length > 0 && (value[0] === null || typeof value[0] !== 'object')) return;
      for (const v of value) walk(v);
    } else if (value !== null && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'absent' && Array.isArray(v)) {
          for (const a of v as { what: string; reason: LocalizedText }[]) {
            const k = `${a.what}|${a.reason.en}`;
            if (!seen.has(k)) out.push(a);
            seen.add(k);
          }
        } else walk(v);
      }
  };
  walk(doc);
  return out;
}

export function methodChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const blocks: ReportBlock[] = [];
  blocks.push({
    kind: 'paragraph',
    text: t(
      'Every statement of this report is computed from the numbers by a documented rule (docs/methodology/from-measures-to-diagnosis.md, docs/methodology/planning.md); nothing is written per metro. The main formulas:',
      '本报告的每一条结论都由文档所述的规则从数据算出（docs/methodology/from-measures-to-diagnosis.md、docs/methodology/planning.md），没有针对某个都市圈单独撰写的内容。主要公式：',
    ),
  });
  blocks.push({
    kind: 'list',
    items: [
      t('Location quotient: LQ_ik = (x_ik ÷ x_i) ÷ (X_k ÷ X), the metro as reference.', '区位熵：LQ_ik =（x_ik ÷ x_i）÷（X_k ÷ X），以都市圈为参照。'),
      t(
        'Functional specialisation: FS_i = (M_i ÷ P_i) ÷ (M ÷ P) − 1, M producer services (ISIC J, K, M, N), P manufacturing (C).',
        '功能专业化：FS_i =（M_i ÷ P_i）÷（M ÷ P）− 1，M 为生产性服务业（ISIC J、K、M、N），P 为制造业（C）。',
      ),
      t(
        'Same traded specialisations: z = (Σ x_k y_k − 1/m) ÷ sd of a random arrangement of the traded shares, with a shared traded advantage.',
        '可贸易专业化相同：z =（Σ x_k y_k − 1/m）÷ 随机排列下的标准差，且有共同的可贸易优势产业。',
      ),
      t(
        'Chain complementarity: C_ab = Σ_k Σ_l LQ⁺_ak · a_kl · LQ⁺_bl over traded industries, LQ⁺ = max(LQ − 1, 0); the chain ratio divides it by supplying an average industry.',
        '产业链互补：C_ab = Σ_k Σ_l LQ⁺_ak · a_kl · LQ⁺_bl（仅可贸易产业），LQ⁺ = max(LQ − 1, 0)；产业链比为其与向平均产业供给之比。',
      ),
      t(
        'Gravity linkage: R_ab = √(P_a G_a) · √(P_b G_b) ÷ D_ab^β, P population, G GDP, D distance.',
        '引力联系：R_ab = √(P_a G_a) · √(P_b G_b) ÷ D_ab^β，P 为人口，G 为地区生产总值，D 为距离。',
      ),
      t(
        'Priority of a finding = effect (distance beyond its threshold) × share of the activity it concerns.',
        '诊断发现的重要性 = 效应（超出阈值的程度）× 涉及的经济活动份额。',
      ),
    ],
  });

  const options = Object.entries(A.options) as [keyof MetroAnalysis['options'], number | boolean][];
  blocks.push({
    kind: 'table',
    table: table({
      id: 'thresholds',
      title: t('Thresholds of this run', '本次运行的阈值'),
      columns: [column('option', t('Option', '选项'), 'text'), column('value', t('Value', '取值'), 'number'), column('meaning', t('Meaning', '含义'), 'text')],
      rows: options.map(([k, v]) => [k, typeof v === 'boolean' ? (v ? t('yes', '是') : t('no', '否')) : v, optionMeanings[k] ?? t(k, k)]),
      note: t(
        'Options of the analysis (MetroAnalysisOptions); each is documented with its reference.',
        '分析选项（MetroAnalysisOptions），每一项的依据见文档。',
      ),
      sources: [],
    }),
  });

  const R = A.typology.rules;
  blocks.push({
    kind: 'table',
    table: table({
      id: 'typology-rules',
      title: t('How a pair’s type is decided (Table 1 A of the paper)', '单元对类型的判定规则（论文表1 A）'),
      columns: [
        column('division', t('Division of functions or chain stages?', '是否有功能或产业链环节分工'), 'text'),
        column('same', t('Same traded specialisations', '可贸易专业化相同'), 'text'),
        column('different', t('Different', '不同'), 'text'),
        column('neither', t('No evidence', '无明显证据'), 'text'),
        column('notJudgeable', t('Not judgeable', '无法判定'), 'text'),
      ],
      rows: [
        [
          t('yes', '是'),
          both((l) => `${pairTypeNames.vertical[l]}${l === 'zh' ? '（注明重复）' : ' (duplication noted)'}`),
          pairTypeNames.mixed,
          pairTypeNames.vertical,
          pairTypeNames.vertical,
        ],
        [t('no', '否'), pairTypeNames.competing, pairTypeNames.horizontal, pairTypeNames.horizontal, pairTypeNames.undetermined],
      ],
      note: both((l) =>
        l === 'zh'
          ? `功能分工：功能分工比 ≥ ${num(R.functionalRatio)}；产业链环节分工：产业链比 ≥ ${num(R.chainHigh)} 且较强方向 ≥ 较弱方向的 ${num(R.chainDirection)} 倍；专业化相同：标准分 ≥ ${num(R.sameZ)} 且有共同的可贸易优势产业；可贸易产业少于 ${num(R.minTradedIndustries)} 个时无法判定。`
          : `Division of functions: functional ratio ≥ ${num(R.functionalRatio)}; of chain stages: chain ratio ≥ ${num(R.chainHigh)} and the stronger direction ≥ ${num(R.chainDirection)} × the weaker; same specialisations: z ≥ ${num(R.sameZ)} and a shared traded advantage; not judgeable with fewer than ${num(R.minTradedIndustries)} traded industries.`,
      ),
      sources: [],
    }),
  });

  // Data gaps: withheld or missing cells, and what was left out of the matrix.
  const gapRows: ReportCell[][] = A.gaps.map((g) => [
    ctx.unit(g.unit),
    g.industry === null ? null : ctx.industry(g.industry),
    g.what,
    word(gapKinds, g.kind),
    word(gapTreatments, g.treatment),
  ]);
  const dropped = A.unitSet.dropped;
  const droppedRows: ReportCell[][] = [
    ...dropped.units.map((u): ReportCell[] => [
      t('unit', '单元'),
      t(u.nameEn, u.nameZh ?? u.nameEn),
      word(droppedReasons, u.reason),
      u.industries.join(', ') || null,
    ]),
    ...dropped.industries.map((i): ReportCell[] => [
      t('industry', '产业'),
      ctx.industry(i.code),
      word(droppedReasons, i.reason),
      i.units.length === 0 ? null : both((l) => (l === 'zh' ? `${i.units.length} 个单元` : `${i.units.length} units`)),
    ]),
  ];
  const matrixSources = ctx.use(A.unitSet.source);
  if (droppedRows.length > 0)
    blocks.push({
      kind: 'table',
      table: table({
        id: 'left-out',
        title: t('Units and industries left out of the matrix', '矩阵中剔除的单元与产业'),
        columns: [
          column('kind', t('Kind', '类别'), 'text'),
          column('name', t('Name', '名称'), 'text'),
          column('reason', t('Why', '原因'), 'text'),
          column('where', t('Cells concerned', '涉及的单元格'), 'text'),
        ],
        rows: droppedRows,
        note: t('Gaps are removed, never filled.', '缺口只剔除、不填补。'),
        sources: matrixSources,
        shownRows: ctx.shownRows,
      }),
    });
  if (gapRows.length > 0)
    blocks.push({
      kind: 'table',
      table: table({
        id: 'data-gaps',
        title: t('Gaps in the data', '数据缺口'),
        columns: [
          column('unit', t('Unit', '单元'), 'text'),
          column('industry', t('Industry', '行业'), 'text'),
          column('what', t('What', '指标'), 'text'),
          column('kind', t('Kind', '类型'), 'text'),
          column('treatment', t('Treatment', '处理'), 'text'),
        ],
        rows: gapRows,
        note: null,
        sources: matrixSources,
        shownRows: ctx.shownRows,
      }),
    });
  if (droppedRows.length === 0 && gapRows.length === 0)
    blocks.push({ kind: 'paragraph', text: t('The matrix has no gaps: no cell was withheld or missing.', '矩阵无缺口：没有保密或缺失的单元格。') });

  const absent = [...absences(A), ...(ctx.plan === null ? [] : absences(ctx.plan))];
  if (absent.length > 0) {
    blocks.push({ kind: 'paragraph', text: t('What could not be computed, and why:', '无法计算的部分及原因：') });
    blocks.push({ kind: 'list', items: absent.map((a) => both((l) => `${a.what}${l === 'zh' ? '：' : ': '}${a.reason[l]}`)) });
  }
  const notes = [...A.notes, ...(ctx.plan?.notes ?? [])];
  if (notes.length > 0) {
    blocks.push({ kind: 'paragraph', text: t('Notes of the data and the plan:', '数据与规划的说明：') });
    blocks.push({ kind: 'list', items: notes });
  }
  return { id: 'method', title: t('Method, thresholds, sources and data gaps', '方法、阈值、资料来源与数据缺口'), blocks };
}
