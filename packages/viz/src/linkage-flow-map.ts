/**
 * `linkageFlowMap`: the gravity linkage between units as lines on the map — the strongest pairs, each line's width by
 * its strength relative to the metro's strongest pair (`linkage.pairs.normalised`, a rank within this metro).
 */
import type { MetroAnalysis } from '@metrocoop/core';
import type { Chart, ChartLanguage, UnitGeometries } from './chart.ts';
import { flowMapOption } from './internal/flows.ts';
import { isAbsence, mapNotes, unitsMapOrAbsence } from './internal/map-layer.ts';
import { chartAbsence, chartSpec } from './internal/style.ts';
import { both, list, metroName, num, t, unitLabels } from './internal/text.ts';

/** Options of {@link linkageFlowMap}. */
export interface LinkageFlowMapOptions {
  readonly lang: ChartLanguage;
  /** The units' boundaries (or points); without them, units are drawn at their representative points. */
  readonly geometries?: UnitGeometries | null;
  /** How many of the strongest pairs to draw. Default {@link defaultFlowTop}. */
  readonly top?: number;
}

/** Pairs drawn by default on a flow map. */
export const defaultFlowTop = 15;

/**
 * The gravity linkage map.
 *
 * Absent when no pair has a linkage strength (no population, GDP or distance: the analysis's reason) or no unit can
 * be placed on a map.
 */
export function linkageFlowMap(a: MetroAnalysis, options: LinkageFlowMapOptions): Chart {
  const { lang } = options;
  const id = 'linkage-flow-map';
  const title = both((l) => (l === 'zh' ? `${metroName(a, l)}：单元间引力联系` : `${metroName(a, l)}: gravity linkage between units`));
  const p = a.linkage.pairs;
  const pairs = p.a
    .map((ai, k) => ({
      a: a.units[ai]?.id as string,
      b: a.units[p.b[k] as number]?.id as string,
      strength: p.strength[k] ?? null,
      normalised: p.normalised[k] ?? null,
      k,
    }))
    .filter((x): x is typeof x & { strength: number; normalised: number } => x.strength !== null && x.normalised !== null);
  // The gaps of the gravity linkage itself (units without a point, population or GDP), not of urban flow.
  const relevant = a.linkage.absent.filter((x) => x.what === 'linkage.gravity' || x.what === 'linkage.km');
  if (pairs.length === 0) {
    const why = relevant.map((x) => x.reason);
    return chartAbsence(
      id,
      title,
      why.length > 0
        ? { en: why.map((w) => w.en).join(' '), zh: why.map((w) => w.zh).join('') }
        : t('No pair of units has a gravity linkage strength.', '没有任何单元对有引力联系强度。'),
    );
  }
  const layer = unitsMapOrAbsence(a, options.geometries, id, title);
  if (isAbsence(layer)) return layer;
  const top = Math.max(1, Math.floor(options.top ?? defaultFlowTop));
  const drawn = pairs
    .filter((x) => layer.anchors.has(x.a) && layer.anchors.has(x.b))
    .sort((x, y) => y.normalised - x.normalised || x.k - y.k)
    .slice(0, top);
  const names = unitLabels(a.units, lang);
  const impedance = a.linkage.impedance.kind;
  const dist = (k: number, l: ChartLanguage) => {
    const km = p.km[k] ?? null;
    const min = p.railMinutes[k] ?? null;
    const parts = [
      km === null ? null : l === 'zh' ? `${num(km)} 公里` : `${num(km)} km`,
      min === null ? null : l === 'zh' ? `铁路 ${num(min)} 分钟` : `rail ${num(min)} min`,
    ];
    return parts.filter((x) => x !== null).join(l === 'zh' ? '，' : ', ');
  };
  const lines = drawn.map((x) => ({
    from: x.a,
    to: x.b,
    width: 1 + 9 * x.normalised,
    name:
      lang === 'zh'
        ? `${names.get(x.a)} — ${names.get(x.b)}\n相对强度 ${num(x.normalised)}（最强 = 1）\n${dist(x.k, lang)}`
        : `${names.get(x.a)} — ${names.get(x.b)}\nrelative strength ${num(x.normalised)} (strongest = 1)\n${dist(x.k, lang)}`,
    label: drawn.length <= 8 ? num(x.normalised) : null,
  }));
  const labelUnits = new Set(a.units.length <= 20 ? a.units.map((u) => u.id) : drawn.flatMap((x) => [x.a, x.b]));
  const option = flowMapOption(a, layer, names, [{ name: lang === 'zh' ? '引力联系' : 'gravity linkage', color: '#3b6fb6', dashed: false, lines }], {
    lang,
    arrows: false,
    labelUnits,
  });
  const overviewSources = (key: 'population' | 'gdp', l: ChartLanguage) => {
    const vs = a.overview.map((o) => o[key]).filter((v) => v !== null);
    if (vs.length === 0) return l === 'zh' ? '无' : 'none';
    const years = [...new Set(vs.map((v) => v.year))].sort((x, y) => x - y);
    const sources = [...new Set(vs.flatMap((v) => v.source.split('|')))].sort();
    return `${years.length === 1 ? years[0] : `${years[0]}–${years[years.length - 1]}`}${l === 'zh' ? ' 年，' : ', '}${sources.join(l === 'zh' ? '、' : ', ')}`;
  };
  const caption = both((l) => {
    const n = unitLabels(a.units, l);
    const strongest = drawn
      .slice(0, 3)
      .map((x) => `${n.get(x.a)}${l === 'zh' ? '—' : '–'}${n.get(x.b)} ${num(x.normalised)}`)
      .join(l === 'zh' ? '；' : '; ');
    const gaps = relevant.map((x) => x.reason[l]).join(l === 'zh' ? '' : ' ');
    return [
      l === 'zh'
        ? `引力联系强度 R = √(人口×地区生产总值)ₐ·√(人口×地区生产总值)ᵦ ÷ 距离^${num(a.linkage.exponent)}；线宽按相对强度（本都市圈最强单元对 = 1，仅为圈内排序）。图中为 ${pairs.length} 个单元对中最强的 ${drawn.length} 个；最强：${strongest}。`
        : `Gravity linkage R = √(population × GDP)ₐ · √(population × GDP)ᵦ ÷ distance^${num(a.linkage.exponent)}; line width by relative strength (the metro's strongest pair = 1, a rank within this metro). The ${drawn.length} strongest of ${pairs.length} pairs are drawn; strongest: ${strongest}.`,
      a.linkage.impedance.reason[l],
      l === 'zh'
        ? `数据：人口 ${overviewSources('population', l)}；地区生产总值 ${overviewSources('gdp', l)}；${impedance === 'km' ? '大圆距离（公里）' : '铁路时刻表时间（分钟）'}。`
        : `Data: population ${overviewSources('population', l)}; GDP ${overviewSources('gdp', l)}; ${impedance === 'km' ? 'great-circle km' : 'scheduled rail minutes'}.`,
      gaps,
      mapNotes(layer, n, l, (xs) => list(xs, l)),
    ]
      .filter((s) => s !== '')
      .join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(id, title, caption, option, { width: 860, height: 660 }, { name: layer.name, geoJson: layer.geoJson });
}
