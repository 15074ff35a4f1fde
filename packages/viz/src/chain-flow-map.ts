/**
 * `chainFlowMap`: input–output chain complementarity between units on the map — the pairs whose traded
 * specialisations supply each other more than an average industry (chain ratio ≥ `chainLow`), the most targeted
 * first. Pairs with chain stages (the typology's one-way supplier → buyer relation) are solid arrows from the upstream
 * unit; the other complementary pairs are dashed lines without a direction. The tooltip names the strongest
 * supplier → buyer industry links of the pair (`complementarity.links`).
 */
import type { MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage, UnitGeometries } from './chart.ts';
import { type FlowLine, flowMapOption } from './internal/flows.ts';
import { isAbsence, mapNotes, unitsMapOrAbsence } from './internal/map-layer.ts';
import { chartAbsence, chartSpec } from './internal/style.ts';
import { both, industryLabel, list, metroName, num, t, unitLabels } from './internal/text.ts';
import { defaultFlowTop } from './linkage-flow-map.ts';

/** Options of {@link chainFlowMap}. */
export interface ChainFlowMapOptions {
  readonly lang: ChartLanguage;
  /** The units' boundaries (or points); without them, units are drawn at their representative points. */
  readonly geometries?: UnitGeometries | null;
  /** How many of the most targeted pairs to draw. Default 15. */
  readonly top?: number;
}

/**
 * The chain complementarity map.
 *
 * Absent when there is no input–output table (the analysis's reason), when no pair reaches a chain ratio of
 * `chainLow`, or when no unit can be placed on a map.
 */
export function chainFlowMap(a: MetroAnalysis, options: ChainFlowMapOptions): Chart {
  const { lang } = options;
  const id = 'chain-flow-map';
  const title = both((l) => (l === 'zh' ? `${metroName(a, l)}：产业链互补（供给 → 需求）` : `${metroName(a, l)}: chain complementarity (supplier → buyer)`));
  const c = a.complementarity;
  if (c.table === null) {
    const why = c.absent.map((x) => x.reason);
    return chartAbsence(
      id,
      title,
      why.length > 0
        ? { en: why.map((w) => w.en).join(' '), zh: why.map((w) => w.zh).join('') }
        : t('No input–output table: chain complementarity is not measured.', '没有投入产出表，未测算产业链互补。'),
    );
  }
  const o = a.options;
  const ty = a.typology.pairs;
  const stageOf = new Map(ty.a.map((ai, k) => [`${ai}|${ty.b[k]}`, { stages: ty.chainStages[k] ?? null, upstream: ty.upstream[k] ?? null }]));
  const pairs = c.pairs.a
    .map((ai, k) => {
      const bi = c.pairs.b[k] as number;
      const s = stageOf.get(`${ai}|${bi}`);
      return {
        k,
        a: a.units[ai]?.id as string,
        b: a.units[bi]?.id as string,
        ratio: c.pairs.ratio[k] ?? null,
        ab: c.pairs.composite[k] as number,
        ba: c.pairs.reverse[k] as number,
        stages: s?.stages === true,
        upstream: s?.upstream === null || s?.upstream === undefined ? null : (a.units[s.upstream]?.id ?? null),
      };
    })
    .filter((x): x is typeof x & { ratio: number } => x.ratio !== null && x.ratio >= o.chainLow);
  if (pairs.length === 0)
    return chartAbsence(
      id,
      title,
      t(
        `No pair's traded specialisations supply each other more than an average industry (every chain ratio is below ${num(o.chainLow)}; table ${c.table.id}).`,
        `没有任何单元对的可贸易专业化产业之间的供需联系强于平均水平（所有产业链比值均低于 ${num(o.chainLow)}；投入产出表 ${c.table.id}）。`,
      ),
    );
  const layer = unitsMapOrAbsence(a, options.geometries, id, title);
  if (isAbsence(layer)) return layer;
  const top = Math.max(1, Math.floor(options.top ?? defaultFlowTop));
  const drawn = pairs
    .filter((x) => layer.anchors.has(x.a) && layer.anchors.has(x.b))
    .sort((x, y) => y.ratio - x.ratio || x.k - y.k)
    .slice(0, top);
  const maxRatio = Math.max(...drawn.map((x) => x.ratio), o.chainHigh);
  const linksOf = (x: (typeof drawn)[number], l: ChartLanguage, names: ReadonlyMap<string, string>) =>
    c.links
      .filter((k) => k.a === x.a && k.b === x.b)
      .slice(0, 3)
      .map(
        (k) =>
          `${names.get(k.from)} ${industryLabel(a.industries, k.supplier, l)} → ${names.get(k.to)} ${industryLabel(a.industries, k.buyer, l)}${l === 'zh' ? `（贡献 ${num(k.contribution)}）` : ` (contribution ${num(k.contribution)})`}`,
      );
  const names = unitLabels(a.units, lang);
  const line = (x: (typeof drawn)[number]): FlowLine => {
    const from = x.stages && x.upstream !== null ? x.upstream : x.a;
    const to = from === x.a ? x.b : x.a;
    const links = linksOf(x, lang, names);
    const head =
      lang === 'zh'
        ? `${names.get(from)} ${x.stages ? '→' : '—'} ${names.get(to)}\n产业链比值 ${num(x.ratio)}；${names.get(x.a)} 供给 ${names.get(x.b)} ${num(x.ab)}，反向 ${num(x.ba)}`
        : `${names.get(from)} ${x.stages ? '→' : '–'} ${names.get(to)}\nchain ratio ${num(x.ratio)}; ${names.get(x.a)} supplies ${names.get(x.b)} ${num(x.ab)}, the reverse ${num(x.ba)}`;
    return {
      from,
      to,
      width: 1 + 8 * (x.ratio / maxRatio),
      name: links.length === 0 ? head : `${head}\n${links.join('\n')}`,
      label: drawn.length <= 8 ? num(x.ratio) : null,
    };
  };
  const stages = drawn.filter((x) => x.stages).map(line);
  const others = drawn.filter((x) => !x.stages).map(line);
  const labelUnits = new Set(a.units.length <= 20 ? a.units.map((u) => u.id) : drawn.flatMap((x) => [x.a, x.b]));
  const option = flowMapOption(
    a,
    layer,
    names,
    [
      { name: lang === 'zh' ? '产业链环节分工（上游 → 下游）' : 'chain stages (upstream → downstream)', color: '#c0392b', dashed: false, lines: stages },
      { name: lang === 'zh' ? '互补但无单向环节分工' : 'complementary, no one-way stage', color: '#e08e45', dashed: true, lines: others },
    ],
    { lang, arrows: true, labelUnits },
  );
  // The dashed series has no direction: no arrow heads.
  const series = option.series as Record<string, unknown>[];
  series[1] = { ...(series[1] as Record<string, unknown>), symbol: ['none', 'none'] };
  const caption = both((l) => {
    const n = unitLabels(a.units, l);
    const strongest = drawn.slice(0, 3).map((x) => {
      const from = x.stages && x.upstream !== null ? x.upstream : x.a;
      const to = from === x.a ? x.b : x.a;
      const ls = linksOf(x, l, n);
      return `${n.get(from)}${x.stages ? ' → ' : l === 'zh' ? '—' : '–'}${n.get(to)} ${num(x.ratio)}${ls.length === 0 ? '' : l === 'zh' ? `（${ls[0]}）` : ` (${ls[0]})`}`;
    });
    return [
      l === 'zh'
        ? `产业链互补：一方可贸易专业化产业向另一方可贸易专业化产业供给投入的强度（Σ LQ⁺·a·LQ⁺），以产业链比值表示（相对于向平均产业的供给，1 = 无针对性；不低于 ${num(o.chainHigh)} 为有针对性的供给）。线宽按比值。图中为 ${pairs.length} 个比值不低于 ${num(o.chainLow)} 的单元对中最强的 ${drawn.length} 个；最强：${strongest.join('；')}。`
        : `Chain complementarity: how much one unit's traded specialisations supply the other's (Σ LQ⁺·a·LQ⁺), as the chain ratio against what they sell to an average industry (1 = not targeted; ${num(o.chainHigh)} or more = targeted suppliers). Line width by the ratio. The ${drawn.length} most targeted of the ${pairs.length} pairs with a ratio of ${num(o.chainLow)} or more are drawn; strongest: ${strongest.join('; ')}.`,
      l === 'zh'
        ? `数据：投入产出表 ${c.table?.id}（${c.table?.year} 年，经行业对应表映射到分析分类）的直接消耗系数；区位熵来自分析矩阵（${a.unitSet.classification}，${a.unitSet.year} 年，来源 ${a.unitSet.source ?? '未注明'}）。`
        : `Data: technical coefficients of input–output table ${c.table?.id} (${c.table?.year}, ${c.table?.mapping}); location quotients from the analysis matrix (${a.unitSet.classification}, ${a.unitSet.year}, source ${a.unitSet.source ?? 'not stated'}).`,
      mapNotes(layer, n, l, (xs) => list(xs, l)),
    ]
      .filter((s) => s !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: 860, height: 660 }, { name: layer.name, geoJson: layer.geoJson });
}
