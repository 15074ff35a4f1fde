/**
 * Chapter 6, complementarity along supply chains: the input–output table used, the pairs whose traded
 * specialisations supply each other (chain ratio, both directions), the strongest supplier → buyer links, and the
 * key inputs of the leading industries that the metro holds far less of than the nation (missing links).
 */
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { chainFlowMap } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, capRanked, column, joinList, num, pairText, t, table } from './text.ts';

export function complementarityChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const C = A.complementarity;
  const blocks: ReportBlock[] = [];
  const title = t('Complementarity along supply chains', '产业链互补');
  const sources = ctx.use(A.unitSet.source);
  const io = C.table;
  blocks.push({
    kind: 'paragraph',
    text:
      io === null
        ? t(
            'No input–output table could be mapped to this classification: chain complementarity is not measured.',
            '没有可对应到本行业分类的投入产出表，故未测度产业链互补。',
          )
        : both((l) =>
            l === 'zh'
              ? `依据 ${io.year} 年全国投入产出表 ${io.id}（${io.mapping}）。产业链互补度 C_ab 衡量 a 的可贸易优势产业向 b 的优势产业供给多少；产业链比将其与向平均产业的供给相比，≥ ${num(A.options.chainHigh)} 且单向为产业链环节分工。都市圈的主导可贸易产业：${joinList(
                  C.leadingIndustries.map((c) => ctx.industry(c).zh),
                  l,
                )}。`
              : `From the national input–output table ${io.id} of ${io.year} (${io.mapping}). Chain complementarity C_ab measures how much a's traded specialisations supply b's; the chain ratio compares it with supplying an average industry — ≥ ${num(A.options.chainHigh)} one way is a division of chain stages. The metro's leading traded industries: ${joinList(
                  C.leadingIndustries.map((c) => ctx.industry(c).en),
                  l,
                )}.`,
          ),
  });
  if (io !== null) {
    blocks.push(chartBlock(ctx, (lang) => chainFlowMap(ctx, lang)));
    const P = C.pairs;
    const unitId = (k: number | undefined) => (k === undefined ? '' : (A.units[k]?.id ?? ''));
    const order = P.a.map((_, p) => p).sort((p, q) => (P.ratio[q] ?? -1) - (P.ratio[p] ?? -1) || p - q);
    const rows: ReportCell[][] = order.map((p) => {
      const a = unitId(P.a[p]);
      const b = unitId(P.b[p]);
      const ab = P.composite[p] ?? 0;
      const ba = P.reverse[p] ?? 0;
      const [from, to] = ab >= ba ? [a, b] : [b, a];
      return [pairText(ctx.unit(a), ctx.unit(b)), ab, ba, P.ratio[p] ?? null, both((l) => `${ctx.unit(from)[l]} → ${ctx.unit(to)[l]}`)];
    });
    blocks.push({
      kind: 'table',
      table: table({
        id: 'chain-pairs',
        title: t('Chain complementarity of the pairs', '单元对的产业链互补'),
        columns: [
          column('pair', t('Pair', '单元对'), 'text'),
          column('ab', t('C a→b', 'C a→b'), 'number'),
          column('ba', t('C b→a', 'C b→a'), 'number'),
          column('ratio', t('Chain ratio', '产业链比'), 'number'),
          column('direction', t('Stronger direction', '较强方向'), 'text'),
        ],
        ...capRanked(
          rows,
          t(
            'a is the first unit of the pair, b the second. Ranked by chain ratio (1 = no more tied than to any industry; 2 = twice as much).',
            'a 为单元对中的第一个单元，b 为第二个。按产业链比排序（1 = 与对任意产业的联系相当；2 = 两倍）。',
          ),
        ),
        sources,
        shownRows: ctx.shownRows,
      }),
    });
    if (C.links.length > 0)
      blocks.push({
        kind: 'table',
        table: table({
          id: 'chain-links',
          title: t('The strongest supplier → buyer links', '最强的供给→采购联系'),
          columns: [
            column('from', t('Supplying unit', '供给单元'), 'text'),
            column('supplier', t('Supplying industry', '供给产业'), 'text'),
            column('to', t('Buying unit', '采购单元'), 'text'),
            column('buyer', t('Buying industry', '采购产业'), 'text'),
            column('contribution', t('Contribution', '贡献'), 'number'),
          ],
          rows: C.links.map((x) => [ctx.unit(x.from), ctx.industry(x.supplier), ctx.unit(x.to), ctx.industry(x.buyer), x.contribution]),
          note: t(
            'Contribution = LQ⁺ of the supplier × input coefficient × LQ⁺ of the buyer (pairs with a high chain ratio only).',
            '贡献 = 供给方区位熵超额 × 投入系数 × 采购方区位熵超额（仅列产业链比高的单元对）。',
          ),
          sources,
          shownRows: ctx.shownRows,
        }),
      });
    if (C.missingLinks.length > 0)
      blocks.push({
        kind: 'table',
        table: table({
          id: 'missing-links',
          title: t('Missing links: key inputs the metro holds little of', '缺失环节：都市圈持有偏少的关键投入'),
          columns: [
            column('input', t('Input industry', '投入产业'), 'text'),
            column('buyer', t('Leading industry it supplies', '其供给的主导产业'), 'text'),
            column('coefficient', t('Input coefficient', '投入系数'), 'number'),
            column('metroRatio', t('Metro: input ÷ buyer', '都市圈：投入 ÷ 采购'), 'number'),
            column('nationalRatio', t('Nation: input ÷ buyer', '全国：投入 ÷ 采购'), 'number'),
            column('relative', t('Metro ÷ nation', '都市圈 ÷ 全国'), 'number'),
          ],
          rows: C.missingLinks.map((x) => [ctx.industry(x.input), ctx.industry(x.buyer), x.coefficient, x.metroRatio, x.nationalRatio, x.relative]),
          note: both((l) =>
            l === 'zh'
              ? `关键投入：投入系数 ≥ ${num(A.options.keyInputCoefficient)}；都市圈与全国之比低于 ${num(A.options.missingShareRatio)} 即为缺失。`
              : `Key input: coefficient ≥ ${num(A.options.keyInputCoefficient)}; missing when the metro's ratio is below ${num(A.options.missingShareRatio)} of the nation's.`,
          ),
          sources,
        }),
      });
  }
  if (C.absent.length > 0) blocks.push({ kind: 'list', items: C.absent.map((a) => a.reason) });
  return { id: 'complementarity', title, blocks };
}
