/**
 * Chapter 9, recommendations: the plan's four headings (the paper's: mechanism; planning and the role of government;
 * positions; infrastructure), each with its ranked items, then the analysis's headline findings with what they rest
 * on. Without a plan, the findings alone.
 */
import type { ReportBlock, ReportChapter } from '../model.ts';
import type { BuildContext } from './context.ts';
import { both, column, int, t, table } from './text.ts';

export function recommendationsChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const blocks: ReportBlock[] = [];
  const sources = ctx.use(A.unitSet.source);
  const plan = ctx.plan;
  if (plan === null)
    blocks.push({ kind: 'paragraph', text: t('No plan was given to this report: the findings below stand alone.', '本报告未附规划结果，以下仅列诊断发现。') });
  else {
    blocks.push({
      kind: 'paragraph',
      text: t(
        'Under the paper’s four headings, the items ranked by the plan; each item names the numbers that decided it.',
        '按论文的四个方面列出，各条按规划结果排序，并注明决定它的数值。',
      ),
    });
    for (const s of plan.sections) {
      const note =
        s.items.length === 0
          ? (s.empty ?? t('Nothing to recommend under this heading.', '此方面暂无建议。'))
          : s.more > 0
            ? both((l) => (l === 'zh' ? `另有 ${int(s.more)} 条，见规划 JSON。` : `${int(s.more)} more in the plan's JSON.`))
            : null;
      blocks.push({
        kind: 'table',
        table: table({
          id: `rec-${s.heading}`,
          title: s.title,
          columns: [column('rank', t('No.', '序号'), 'integer'), column('recommendation', t('Recommendation', '建议'), 'text')],
          rows: s.items.map((i) => [i.rank, i.title]),
          note,
          sources,
        }),
      });
    }
  }
  const headline = A.findings.filter((f) => f.headline);
  if (headline.length > 0)
    blocks.push({
      kind: 'table',
      table: table({
        id: 'findings',
        title: t('Headline findings of the analysis', '分析的主要诊断发现'),
        columns: [
          column('rank', t('No.', '序号'), 'integer'),
          column('finding', t('Finding', '发现'), 'text'),
          column('detail', t('What it rests on', '依据'), 'text'),
        ],
        rows: headline.map((f, k) => [k + 1, f.title, f.detail]),
        note: both((l) =>
          l === 'zh'
            ? `按重要性排序（效应大小 × 涉及的经济活动份额）；共 ${int(A.findings.length)} 条，完整列表见分析 JSON。`
            : `Ranked by how much they matter (effect size × share of the activity concerned); ${int(A.findings.length)} in all, every one in the analysis JSON.`,
        ),
        sources,
      }),
    });
  return { id: 'recommendations', title: t('Recommendations', '对策建议'), blocks };
}
