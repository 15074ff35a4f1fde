/**
 * Chapter 1, overview: what the metro is (units, rings, the data read), the five findings that matter most, a map,
 * and the paper's Table 5 for any metro — area, population, GDP, GDP per capita and sector shares of every unit,
 * with the year and source of each number (in the table's note: one line per indicator, by unit where they differ).
 */
import type { LocalizedText, SourcedValue, UnitOverview } from '@metrocoop/core';
import type { ReportBlock, ReportCell, ReportChapter } from '../model.ts';
import { overviewMap } from './charts.ts';
import { type BuildContext, chartBlock } from './context.ts';
import { both, column, indicatorWord, int, joinList, millionsOf, ringNames, t, table, unitWord, vintageWord } from './text.ts';

/** How many findings the overview lists ("would the first five go on a slide?"). */
const atAGlance = 5;

type Provenance = { readonly year: number | null; readonly source: string | null; readonly vintage: string | null };

/** The note line of one indicator: its year and source, once when every unit shares them, else by unit. */
function provenanceLine(ctx: BuildContext, label: LocalizedText, rows: readonly { unit: string; p: Provenance | null }[], sources: Set<string>): LocalizedText {
  const groups = new Map<string, { p: Provenance | null; units: string[] }>();
  for (const r of rows) {
    const key = r.p === null ? '' : `${r.p.year}|${r.p.source}|${r.p.vintage}`;
    const g = groups.get(key) ?? { p: r.p, units: [] };
    g.units.push(r.unit);
    groups.set(key, g);
  }
  const all = groups.size === 1;
  const parts = [...groups.values()].map((g) => {
    const who = both((l) => {
      if (all) return '';
      if (g.units.length > 4) return l === 'zh' ? `（${int(g.units.length)} 个单元）` : ` (${int(g.units.length)} units)`;
      const names = joinList(
        g.units.map((u) => ctx.unit(u)[l]),
        l,
      );
      return l === 'zh' ? `（${names}）` : ` (${names})`;
    });
    if (g.p === null) return both((l) => (l === 'zh' ? `无数据${who.zh}` : `no data${who.en}`));
    const p = g.p;
    const ids = ctx.use(p.source);
    for (const id of ids) sources.add(id);
    const cited = ids.join(' + ');
    const vintage = vintageWord(p.vintage);
    return both((l) =>
      l === 'zh'
        ? `${p.year ?? '—'} 年，${cited}${vintage === null ? '' : `（${vintage.zh}）`}${who.zh}`
        : `${p.year ?? '—'}, ${cited}${vintage === null ? '' : ` (${vintage.en})`}${who.en}`,
    );
  });
  return both((l) => `${label[l]}${l === 'zh' ? '：' : ': '}${parts.map((x) => x[l]).join(l === 'zh' ? '；' : '; ')}`);
}

const prov = (v: SourcedValue | null): Provenance | null =>
  v === null ? null : { year: v.year, source: v.source, vintage: v.vintage === undefined ? null : v.vintage };

/** A number with its unit and year (a sourced value of any kind). */
type Valued = { readonly value: number; readonly unit: string; readonly year: number };

/** The one unit of an indicator across units (`null` when they differ or none has it). */
function oneUnit(values: readonly (Valued | null)[]): string | null {
  const units = new Set(values.filter((v): v is Valued => v !== null).map((v) => v.unit));
  return units.size === 1 ? ([...units][0] as string) : null;
}

/** The sum over units when every unit has the value in the same unit and year, else `null` (never mixed). */
function total(values: readonly (Valued | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const vs = values as readonly Valued[];
  const first = vs[0] as Valued;
  if (vs.some((v) => v.unit !== first.unit || v.year !== first.year)) return null;
  return vs.reduce((s, v) => s + v.value, 0);
}

export function overviewChapter(ctx: BuildContext): ReportChapter {
  const A = ctx.analysis;
  const byUnit = new Map(A.overview.map((o) => [o.unit, o]));
  const rows: UnitOverview[] = ctx.units.map((u) => byUnit.get(u)).filter((o): o is UnitOverview => o !== undefined);
  const blocks: ReportBlock[] = [];

  // What the metro is and what was read.
  const rings = (['core', 'inner', 'outer'] as const).map((r) => ({ r, units: A.units.filter((u) => u.ring === r).map((u) => u.id) }));
  const core = rings[0]?.units ?? [];
  const matrixSources = ctx.use(A.unitSet.source);
  blocks.push({
    kind: 'paragraph',
    text: both((l) => {
      const coreNames = joinList(
        core.slice(0, 5).map((u) => ctx.unit(u)[l]),
        l,
      );
      const ringText = rings
        .slice(1)
        .filter((r) => r.units.length > 0)
        .map((r) => (l === 'zh' ? `${ringNames[r.r].zh} ${int(r.units.length)} 个` : `${int(r.units.length)} in the ${ringNames[r.r].en}`));
      const name = l === 'zh' ? A.metro.nameZh : A.metro.nameEn;
      const src = matrixSources.length === 0 ? (l === 'zh' ? '来源未注明' : 'source not given') : matrixSources.join(' + ');
      return l === 'zh'
        ? `${name}按 ${A.unitSet.id} 划分为 ${int(A.units.length)} 个分析单元：核心为${coreNames}${core.length > 5 ? `等 ${int(core.length)} 个` : ''}${ringText.length > 0 ? `，${ringText.join('，')}` : ''}。分析读取 ${A.unitSet.year} 年按 ${A.unitSet.classification} 分类的${indicatorWord(A.unitSet.indicator).zh}（${unitWord(A.unitSet.unit).zh}，${int(A.industries.length)} 个行业），来源：${src}。`
        : `${name} is read as ${int(A.units.length)} units (${A.unitSet.id}): ${coreNames}${core.length > 5 ? ` and ${int(core.length - 5)} more` : ''} at the core${ringText.length > 0 ? `, ${ringText.join(', ')}` : ''}. The analysis reads ${indicatorWord(A.unitSet.indicator).en} (${unitWord(A.unitSet.unit).en}) by ${A.unitSet.classification} (${int(A.industries.length)} industries) in ${A.unitSet.year}; source: ${src}.`;
    }),
  });

  // The findings that matter most, in their order (priority).
  const top = A.findings.filter((f) => f.headline && f.priority > 0).slice(0, atAGlance);
  if (top.length > 0) {
    blocks.push({ kind: 'paragraph', text: t('At a glance — the findings that matter most:', '要点——最重要的诊断发现：') });
    blocks.push({ kind: 'list', items: top.map((f) => f.title) });
  }

  blocks.push(chartBlock(ctx, (lang) => overviewMap(ctx, lang)));
  // The boundaries (or points) the maps are drawn from are sources too.
  ctx.use(...(ctx.geometries?.features ?? []).map((f) => f.properties.source));

  // Table 5.
  const area = rows.map((o) => o.area);
  const pop = rows.map((o) => o.population);
  const gdp = rows.map((o) => o.gdp);
  const gpc = rows.map((o) => o.gdpPerCapita);
  const gdpUnit = oneUnit(gdp);
  const gpcUnit = oneUnit(gpc);
  const cell = (v: Valued | null, unit: string | null, scale = 1): ReportCell => (v === null || v.unit !== unit ? null : v.value / scale);
  const shares = (o: UnitOverview): ReportCell[] => [o.sectorShares?.primary ?? null, o.sectorShares?.secondary ?? null, o.sectorShares?.tertiary ?? null];
  const tableRows: ReportCell[][] = rows.map((o) => [
    ctx.unit(o.unit),
    ringNames[o.ring],
    cell(o.area, 'km2'),
    cell(o.population, 'persons'),
    cell(o.gdp, gdpUnit, 1e6),
    cell(o.gdpPerCapita, gpcUnit),
    ...shares(o),
  ]);
  if (rows.length > 1) {
    // The metro as a whole first (Table 5 reads the metro, then its units).
    const tArea = total(area);
    const tPop = total(pop);
    const tGdp = total(gdp);
    const samePopGdpYear = pop[0]?.year !== undefined && pop.every((p) => p?.year === pop[0]?.year) && gdp.every((g) => g?.year === pop[0]?.year);
    tableRows.unshift([
      t(`${A.metro.nameEn} (all units)`, `${A.metro.nameZh}（全部单元）`),
      null,
      tArea,
      tPop,
      tGdp === null ? null : tGdp / 1e6,
      tGdp !== null && tPop !== null && samePopGdpYear && gpcUnit !== null ? tGdp / tPop : null,
      null,
      null,
      null,
    ]);
  }
  const sources = new Set<string>();
  const lines: LocalizedText[] = [
    provenanceLine(
      ctx,
      t('Area', '面积'),
      rows.map((o) => ({ unit: o.unit, p: prov(o.area) })),
      sources,
    ),
    provenanceLine(
      ctx,
      t('Population', '人口'),
      rows.map((o) => ({ unit: o.unit, p: prov(o.population) })),
      sources,
    ),
    provenanceLine(
      ctx,
      t('GDP', '地区生产总值'),
      rows.map((o) => ({ unit: o.unit, p: prov(o.gdp) })),
      sources,
    ),
    provenanceLine(
      ctx,
      t('GDP per capita', '人均地区生产总值'),
      rows.map((o) => ({
        unit: o.unit,
        p: o.gdpPerCapita === null ? null : { year: o.gdpPerCapita.year, source: o.gdpPerCapita.source, vintage: o.gdpPerCapita.vintage },
      })),
      sources,
    ),
    provenanceLine(
      ctx,
      t('Sector shares', '三次产业结构'),
      rows.map((o) => ({
        unit: o.unit,
        p:
          o.sectorShares === null
            ? null
            : {
                year: o.sectorShares.year,
                // Shares from the analysis matrix come from the matrix's own source.
                source: o.sectorShares.basis === 'analysis-matrix' ? A.unitSet.source : o.sectorShares.source,
                vintage: o.sectorShares.vintage,
              },
      })),
      sources,
    ),
  ];
  const derived = rows.filter((o) => o.gdpPerCapita?.derived === true).map((o) => o.unit);
  const basis = new Set(rows.map((o) => o.sectorShares?.basis).filter((b) => b !== undefined));
  const notes: LocalizedText[] = [...lines];
  if (derived.length > 0)
    notes.push(
      both((l) =>
        l === 'zh'
          ? `人均地区生产总值由同年同口径的地区生产总值 ÷ 人口计算：${joinList(
              derived.map((u) => ctx.unit(u).zh),
              l,
            )}。`
          : `GDP per capita derived as GDP ÷ population of the same year and vintage: ${joinList(
              derived.map((u) => ctx.unit(u).en),
              l,
            )}.`,
      ),
    );
  if (basis.has('analysis-matrix'))
    notes.push(
      t(
        'Sector shares marked from the analysis matrix are shares of the analysis indicator grouped by ISIC section (primary A–B, secondary C–F, tertiary G–U), not of value added.',
        '来自分析矩阵的三次产业结构为分析指标按ISIC门类归并的份额（第一产业A—B，第二产业C—F，第三产业G—U），不是增加值结构。',
      ),
    );
  notes.push(
    t(
      'The first row is the metro as a whole: sums only of values of one year and unit. — = no data (a gap, never filled).',
      '第一行为都市圈合计：仅加总同年份、同单位的数值。— 表示无数据（缺口，不作填补）。',
    ),
  );
  const note = both((l) => notes.map((n) => n[l]).join('\n'));
  blocks.push({
    kind: 'table',
    table: table({
      id: 'overview',
      title: t('Overview of the units (Table 5 of the paper)', '各单元概况（论文表5）'),
      columns: [
        column('unit', t('Unit', '单元'), 'text'),
        column('ring', t('Ring', '圈层'), 'text'),
        column('area', t('Area', '面积'), 'number', unitWord('km2')),
        column('population', t('Population', '人口'), 'integer', unitWord('persons')),
        column('gdp', t('GDP', '地区生产总值'), 'number', gdpUnit === null ? null : millionsOf(gdpUnit)),
        column('gdpPerCapita', t('GDP per capita', '人均地区生产总值'), 'number', gpcUnit === null ? null : unitWord(gpcUnit)),
        column('primary', t('Primary', '第一产业'), 'percent'),
        column('secondary', t('Secondary', '第二产业'), 'percent'),
        column('tertiary', t('Tertiary', '第三产业'), 'percent'),
      ],
      rows: tableRows,
      note,
      sources: [...sources],
      shownRows: Math.max(ctx.shownRows, 25),
    }),
  });
  return { id: 'overview', title: t('Overview', '概况'), blocks };
}
