/**
 * Chapter 3, positions (the paper's Table 7 for any metro): for every unit the position stated in plans, what the
 * data reveal today (the strongest location quotients) and the plan's optimum (the lead industries the whole-metro
 * optimiser chose), then the chosen leads with the numbers that decided them. From `plan.positions`.
 */
import type { LocalizedText, PositionsStated, PositionsUnit } from '@metrocoop/core';
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { positionsChart } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, column, int, num, ringNames, t, table } from './text.ts';

/** A stated text is cut to this many characters in the table (the whole text is in the JSON). */
const statedLength = 90;

const cut = (s: string): string => (s.length > statedLength ? `${s.slice(0, statedLength - 1)}…` : s);

/** The stated positions of a unit in one cell: the industries named with their LQ today, or the text. */
function statedCell(ctx: BuildContext, stated: readonly PositionsStated[]): LocalizedText | null {
  if (stated.length === 0) return t('none stated', '未见规划定位');
  const parts = stated.map((s) =>
    both((l) => {
      if (!s.testable) {
        const why = s.note?.[l] ?? (l === 'zh' ? '在此层级无法检验' : 'not testable at this level');
        return l === 'zh' ? `${ctx.unit(s.region).zh}：${why}` : `${ctx.unit(s.region).en}: ${why}`;
      }
      if (s.industries.length > 0)
        return s.industries
          .map((i) => `${ctx.industry(i.industry)[l]}${l === 'zh' ? `（区位熵 ${num(i.lq)}）` : ` (LQ ${num(i.lq)})`}`)
          .join(l === 'zh' ? '、' : ', ');
      const text = l === 'zh' ? s.textZh : s.textEn;
      if (text !== null && text !== '') return cut(text);
      return l === 'zh' ? `仅有英文原文（${s.item}）` : `text in Chinese only (${s.item})`;
    }),
  );
  return both((l) => parts.map((p) => p[l]).join(l === 'zh' ? '；' : '; '));
}

function optimumCell(ctx: BuildContext, u: PositionsUnit): LocalizedText | null {
  if (u.chosen.length === 0) return null;
  return both((l) =>
    u.chosen
      .map((c) => `${ctx.industry(c.industry)[l]}${l === 'zh' ? `（区位熵 ${num(c.components.lq)}）` : ` (LQ ${num(c.components.lq)})`}`)
      .join(l === 'zh' ? '、' : ', '),
  );
}

function todayCell(ctx: BuildContext, u: PositionsUnit): LocalizedText | null {
  if (u.today.length === 0) return null;
  return both((l) => u.today.map((x) => `${ctx.industry(x.industry)[l]}${l === 'zh' ? `（${num(x.lq)}）` : ` (${num(x.lq)})`}`).join(l === 'zh' ? '、' : ', '));
}

export function positionsChapter(ctx: BuildContext): ReportChapter {
  const title = t('Positions: stated in plans, revealed today, and the optimum', '功能定位：规划所述、现状与优化方案');
  const plan = ctx.plan;
  if (plan === null)
    return {
      id: 'positions',
      title,
      blocks: [{ kind: 'paragraph', text: t('No plan was given to this report: the positions are not shown.', '本报告未附规划结果，故不列功能定位。') }],
    };
  const P = plan.positions;
  const blocks: ReportBlock[] = [];
  const sources = ctx.use(ctx.analysis.unitSet.source);
  const solve = P.solve;
  blocks.push({
    kind: 'paragraph',
    text:
      P.status === 'not-judgeable'
        ? both((l) =>
            l === 'zh'
              ? `本数据无法优化各单元的主导产业：${P.reason?.zh ?? ''} 下表仍列出规划定位与现状。`
              : `The optimum cannot be computed on these data: ${P.reason?.en ?? ''} The table still shows the stated positions and today's strengths.`,
          )
        : both((l) =>
            l === 'zh'
              ? `优化方案为整个都市圈同时选择：每个单元至多 ${int(P.settings.leadsPerUnit)} 个主导产业，同一可贸易产业至多由 ${int(P.settings.maxLeadersPerIndustry)} 个单元主导；得分综合区位熵、${P.components.filter((c) => c.used && c.name !== 'location-quotient').length > 0 ? '竞争偏离与产业链互补' : '其他能力指标'}，关联单元重复主导同一产业须付出惩罚（λ = ${num(P.settings.duplicationPenalty)}）。${solve === null ? '' : solve.method === 'exact' ? `求解器 ${solve.solver} 给出精确最优解（目标值 ${num(solve.objective)}）。` : `启发式求解，目标值 ${num(solve.objective)}，与上界相差 ${num(solve.gap)}。`}`
              : `The optimum chooses for the whole metro at once: at most ${int(P.settings.leadsPerUnit)} lead industries per unit, at most ${int(P.settings.maxLeadersPerIndustry)} units leading one traded industry; the score combines the location quotient with ${P.components.filter((c) => c.used && c.name !== 'location-quotient').length > 0 ? 'competitive shift and chain complementarity' : 'the other capability measures'}, and linked units leading the same industry pay a penalty (λ = ${num(P.settings.duplicationPenalty)}). ${solve === null ? '' : solve.method === 'exact' ? `Solver ${solve.solver}: the exact optimum (objective ${num(solve.objective)}).` : `Heuristic solve: objective ${num(solve.objective)}, within ${num(solve.gap)} of the bound.`}`,
          ),
  });
  blocks.push(chartBlock(ctx, (lang) => positionsChart(ctx, lang)));

  const byUnit = new Map(P.units.map((u) => [u.unit, u]));
  const units = ctx.units.map((u) => byUnit.get(u)).filter((u): u is PositionsUnit => u !== undefined);
  blocks.push({
    kind: 'table',
    table: table({
      id: 'positions',
      title: t('Positions of every unit (Table 7 of the paper)', '各单元功能定位（论文表7）'),
      columns: [
        column('unit', t('Unit', '单元'), 'text'),
        column('ring', t('Ring', '圈层'), 'text'),
        column('stated', t('Stated in plans', '规划定位'), 'text'),
        column('today', t('Revealed today (LQ)', '现状优势（区位熵）'), 'text'),
        column('optimum', t('The optimum', '优化方案'), 'text'),
      ],
      rows: units.map((u) => [ctx.unit(u.unit), ringNames[u.ring], statedCell(ctx, u.stated), todayCell(ctx, u), optimumCell(ctx, u)]),
      note: t(
        'Stated: positions in plans and official documents for the unit itself (the industries they name, with their LQ today). Revealed today: the strongest location quotients (traded industries when the table can tell them apart). The optimum: the lead industries chosen for the whole metro. — = none.',
        '规划定位：规划与官方文件针对该单元本身的定位（所列产业及其现状区位熵）。现状优势：区位熵最高的产业（行业足够细时仅计可贸易产业）。优化方案：为整个都市圈同时选出的主导产业。— 表示无。',
      ),
      sources,
      shownRows: ctx.shownRows,
    }),
  });

  // The chosen leads with their numbers.
  const rows: ReportCell[][] = [];
  for (const u of units)
    for (const c of u.chosen)
      rows.push([
        ctx.unit(u.unit),
        ctx.industry(c.industry),
        c.components.lq,
        c.score,
        c.components.locationQuotient,
        c.components.relatedness,
        c.components.competitiveShift,
        c.components.chain,
        c.shared.units,
        c.fixed === null ? t('optimiser', '优化选择') : c.fixed === 'plan' ? t('fixed by a plan', '按规划固定') : t('fixed by option', '按选项固定'),
      ]);
  if (rows.length > 0)
    blocks.push({
      kind: 'table',
      table: table({
        id: 'positions-choices',
        title: t('The chosen lead industries and their scores', '优化方案所选主导产业及其得分'),
        columns: [
          column('unit', t('Unit', '单元'), 'text'),
          column('industry', t('Industry', '行业'), 'text'),
          column('lq', t('Location quotient', '区位熵'), 'number'),
          column('score', t('Score', '得分'), 'number'),
          column('cLq', t('LQ component', '区位熵分项'), 'number'),
          column('cRelatedness', t('Relatedness', '关联密度'), 'number'),
          column('cShift', t('Competitive shift', '竞争偏离'), 'number'),
          column('cChain', t('Chain', '产业链互补'), 'number'),
          column('shared', t('Linked units leading it too', '同样主导的关联单元'), 'integer'),
          column('how', t('Chosen by', '选定方式'), 'text'),
        ],
        rows,
        note: t(
          'Score = weighted sum of the components (docs/methodology/planning.md); — = a component left out or not measurable for the cell.',
          '得分为各分项的加权和（见 docs/methodology/planning.md）；— 表示该分项未采用或无法计算。',
        ),
        sources,
        shownRows: ctx.shownRows,
      }),
    });
  if (P.notes.length > 0) blocks.push({ kind: 'list', items: P.notes });
  return { id: 'positions', title, blocks };
}
