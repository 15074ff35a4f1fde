/**
 * `choroplethMap`: one per-unit measure on the units' boundaries — the location quotient or the share of an
 * industry, Krugman specialisation, functional specialisation, the ring, an overview indicator (population, GDP,
 * GDP per capita, area, tertiary share) or any measure the caller brings (`custom`). Units with a point but no
 * boundary are drawn as points on the same map and coloured alike; units without a value are grey and named in the
 * caption; the legend (visual map) carries the unit of measure.
 */
import type { LocalizedText, MetroAnalysis, SourcedValue } from '@metrocoop/core';
import type { Chart, ChartLanguage, UnitGeometries } from './chart.ts';
import { geoComponent, isAbsence, labelSeries, mapNotes, unitsMapOrAbsence } from './internal/map-layer.ts';
import { chartAbsence, chartSpec, gapColor, ringColors, sequentialRamp } from './internal/style.ts';
import { both, industryLabel, list, matrixSource, metroName, num, ringNames, scaledUnit, scaleFor, t, unitLabels, unitWord } from './internal/text.ts';

/** An overview indicator of the analysis (`overview[]`). */
export type OverviewIndicator = 'population' | 'gdp' | 'gdpPerCapita' | 'area' | 'tertiaryShare';

/** What a choropleth map shows. */
export type ChoroplethMeasure =
  /** The location quotient of one industry (metro = 1; `specialisation.lq`). */
  | { readonly kind: 'location-quotient'; readonly industry: string }
  /** The share of one industry in each unit's activity (`structure.composition`). */
  | { readonly kind: 'share'; readonly industry: string }
  /** Krugman specialisation of each unit against the metro (`specialisation.krugman`, 0–2). */
  | { readonly kind: 'krugman' }
  /** Functional specialisation FS (`structure.functionalSpecialisation`). */
  | { readonly kind: 'functional-specialisation' }
  /** The ring of each unit (core, inner, outer). */
  | { readonly kind: 'ring' }
  /** An overview indicator with its own unit, year and source. */
  | { readonly kind: 'overview'; readonly indicator: OverviewIndicator }
  /** Any other per-unit number: its id (in the chart id), name, unit, year and source, and the values by unit id (`null` = no value). */
  | {
      readonly kind: 'custom';
      readonly id: string;
      readonly name: LocalizedText;
      readonly unit: LocalizedText;
      readonly year: number;
      readonly source: string;
      readonly values: Readonly<Record<string, number | null>>;
    };

/** Options of {@link choroplethMap}. */
export interface ChoroplethOptions {
  /** The language of the option. */
  readonly lang: ChartLanguage;
  /** The units' boundaries (or points), e.g. from the data package's `loadUnitGeometries`; without them, units are drawn at their representative points. */
  readonly geometries?: UnitGeometries | null;
  readonly measure: ChoroplethMeasure;
}

/** The chart id of a measure (`map-lq-C`, `map-gdpPerCapita`, …), the same whether the map is drawn or absent. */
function chartIdOf(m: ChoroplethMeasure): string {
  switch (m.kind) {
    case 'location-quotient':
      return `map-lq-${m.industry}`;
    case 'share':
      return `map-share-${m.industry}`;
    case 'overview':
      return `map-${m.indicator}`;
    case 'custom':
      return `map-${m.id}`;
    default:
      return `map-${m.kind}`;
  }
}

/** The name of a measure (for the title of an absence as of a map). */
function measureName(a: MetroAnalysis, m: ChoroplethMeasure): LocalizedText {
  switch (m.kind) {
    case 'location-quotient':
      return both((l) =>
        l === 'zh' ? `${industryLabel(a.industries, m.industry, l)}区位熵` : `Location quotient of ${industryLabel(a.industries, m.industry, l)}`,
      );
    case 'share':
      return both((l) => (l === 'zh' ? `${industryLabel(a.industries, m.industry, l)}占比` : `Share of ${industryLabel(a.industries, m.industry, l)}`));
    case 'krugman':
      return t('Krugman specialisation', '克鲁格曼专业化指数');
    case 'functional-specialisation':
      return t('Functional specialisation', '功能专业化指数');
    case 'ring':
      return t('Core and rings', '核心与圈层');
    case 'overview':
      return overviewNames[m.indicator];
    case 'custom':
      return m.name;
  }
}

/** A measure resolved on the analysis. */
interface Resolved {
  readonly id: string;
  readonly name: LocalizedText;
  /** The unit in the legend (already scaled), per language. */
  readonly unit: LocalizedText;
  /** Values by unit, in the legend's unit (per language: scales differ). */
  readonly values: Readonly<Record<ChartLanguage, readonly (number | null)[]>>;
  readonly reading: LocalizedText;
  /** Data line (measure, unit, year, source). */
  readonly data: LocalizedText;
  /** Fixed pieces (location quotient, ring) instead of a continuous scale. */
  readonly pieces?: (
    lang: ChartLanguage,
  ) => { readonly min?: number; readonly max?: number; readonly value?: number; readonly label: string; readonly color: string }[];
  /** Show values as percentages. */
  readonly percent?: boolean;
}

const overviewNames: Readonly<Record<OverviewIndicator, LocalizedText>> = {
  population: t('population', '人口'),
  gdp: t('GDP', '地区生产总值'),
  gdpPerCapita: t('GDP per capita', '人均地区生产总值'),
  area: t('land area', '土地面积'),
  tertiaryShare: t('tertiary share', '第三产业比重'),
};

/** "2020; source X" or "2019–2020; sources X, Y" from the values' years and sources. */
function yearsAndSources(vs: readonly (SourcedValue | { year: number; source: string } | null)[], lang: ChartLanguage): string {
  const present = vs.filter((v): v is { year: number; source: string } => v !== null);
  const years = [...new Set(present.map((v) => v.year))].sort((a, b) => a - b);
  const sources = [...new Set(present.flatMap((v) => v.source.split('|')))].sort();
  const y = years.length === 1 ? `${years[0]}` : `${years[0]}–${years[years.length - 1]}`;
  return lang === 'zh' ? `${y} 年；来源 ${sources.join('、')}` : `${y}; ${sources.length === 1 ? 'source' : 'sources'} ${sources.join(', ')}`;
}

function resolve(a: MetroAnalysis, m: ChoroplethMeasure): Resolved | LocalizedText {
  const ids = a.units.map((u) => u.id);
  const same = (xs: readonly (number | null)[]) => ({ en: xs, zh: xs });
  switch (m.kind) {
    case 'location-quotient':
    case 'share': {
      const k = a.structure.industries.indexOf(m.industry);
      if (k < 0)
        return t(
          `Industry ${m.industry} is not in this analysis (its industries: ${a.structure.industries.join(', ')}).`,
          `本次分析没有产业 ${m.industry}（现有产业：${a.structure.industries.join('、')}）。`,
        );
      const label = both((lang) => industryLabel(a.industries, m.industry, lang));
      if (m.kind === 'share') {
        const raw = a.structure.composition.map((row) => row[k] ?? null);
        return {
          id: `map-share-${m.industry}`,
          name: both((lang) => (lang === 'zh' ? `${label.zh}占比` : `Share of ${label.en}`)),
          unit: t("% of the unit's activity", '占本单元比重（%）'),
          values: same(raw.map((v) => (v === null ? null : v * 100))),
          percent: true,
          reading: t(
            `The share of ${label.en} in each unit's ${a.unitSet.measure === 'output' ? 'output' : 'employment'}.`,
            `${label.zh}在各单元${a.unitSet.measure === 'output' ? '产出' : '就业'}中的比重。`,
          ),
          data: both((lang) => matrixSource(a, lang)),
        };
      }
      const raw = a.specialisation.lq.map((row) => row[k] ?? null);
      const adv = a.options.advantageLq;
      const strong = a.options.strongLq;
      return {
        id: `map-lq-${m.industry}`,
        name: both((lang) => (lang === 'zh' ? `${label.zh}区位熵` : `Location quotient of ${label.en}`)),
        unit: t('location quotient (metro = 1)', '区位熵（都市圈 = 1）'),
        values: same(raw),
        reading: t(
          `Location quotient: the industry's share of the unit ÷ its share of the metro; above 1 the unit is relatively specialised in it, ${num(adv)} or more is an advantage, ${num(strong)} or more a strong one.`,
          `区位熵 = 该产业在本单元的比重 ÷ 在都市圈的比重；大于 1 表示相对集中，不低于 ${num(adv)} 为优势产业，不低于 ${num(strong)} 为强优势。`,
        ),
        data: both((lang) => matrixSource(a, lang)),
        pieces: (lang) => [
          { max: 0.5, label: '< 0.5', color: '#2166ac' },
          { min: 0.5, max: 1, label: '0.5–1', color: '#92c5de' },
          { min: 1, max: adv, label: `1–${num(adv)}`, color: '#fddbc7' },
          { min: adv, max: strong, label: `${num(adv)}–${num(strong)}${lang === 'zh' ? '（优势）' : ' (advantage)'}`, color: '#ef8a62' },
          { min: strong, label: `≥ ${num(strong)}${lang === 'zh' ? '（强优势）' : ' (strong)'}`, color: '#b2182b' },
        ],
      };
    }
    case 'krugman': {
      const raw = ids.map((_, k) => a.specialisation.krugman[k] ?? null);
      return {
        id: 'map-krugman',
        name: t('Krugman specialisation', '克鲁格曼专业化指数'),
        unit: t('Krugman index (0–2)', '克鲁格曼指数（0–2）'),
        values: same(raw),
        reading: t(
          "Krugman specialisation: the sum of the absolute differences between the unit's industry shares and the metro's (0 = the metro's mix, 2 = nothing in common).",
          '克鲁格曼专业化指数：本单元与都市圈各产业比重之差的绝对值之和（0 表示与都市圈结构相同，2 表示完全不同）。',
        ),
        data: both((lang) => matrixSource(a, lang)),
      };
    }
    case 'functional-specialisation': {
      const fs = a.structure.functionalSpecialisation;
      if (fs === null || fs.values.every((v) => v === null))
        return (
          a.structure.absent.find((x) => x.what.includes('functional'))?.reason ??
          t(
            'Functional specialisation is not measured for this unit set (no management or production industries).',
            '本单元集未测算功能专业化（无管理或生产类产业）。',
          )
        );
      const raw = ids.map((_, k) => fs.values[k] ?? null);
      return {
        id: 'map-functional-specialisation',
        name: t('Functional specialisation', '功能专业化指数'),
        unit: t('FS (0 = the metro)', '功能专业化指数（0 = 都市圈平均）'),
        values: same(raw),
        reading: t(
          `Functional specialisation FS = (management ÷ production of the unit) ÷ (management ÷ production of the metro) − 1 (above 0: more management functions than the metro; management industries ${fs.management.join(', ')}, production ${fs.production.join(', ')}).`,
          `功能专业化指数 = （本单元管理类 ÷ 生产类）÷（都市圈管理类 ÷ 生产类）− 1（大于 0 表示管理职能多于都市圈平均；管理类产业 ${fs.management.join('、')}，生产类 ${fs.production.join('、')}）。`,
        ),
        data: both((lang) => matrixSource(a, lang)),
      };
    }
    case 'ring': {
      const order = { core: 0, inner: 1, outer: 2 } as const;
      const raw = a.units.map((u) => order[u.ring]);
      return {
        id: 'map-ring',
        name: t('Core and rings', '核心与圈层'),
        unit: t('ring', '圈层'),
        values: same(raw),
        reading: t("The metro's core and its inner and outer rings, as the metro is defined.", '都市圈的核心、内圈与外圈（按都市圈的界定）。'),
        data: t(`Rings as defined for ${a.metro.nameEn} (metro members).`, `圈层按${a.metro.nameZh}的界定（都市圈成员表）。`),
        pieces: (lang) =>
          (['core', 'inner', 'outer'] as const)
            .filter((r) => a.units.some((u) => u.ring === r))
            .map((r) => ({ value: order[r], label: ringNames[r][lang], color: ringColors[r] })),
      };
    }
    case 'overview': {
      const name = overviewNames[m.indicator];
      if (m.indicator === 'tertiaryShare') {
        const shares = a.overview.map((o) => o.sectorShares);
        if (shares.every((s) => s === null)) return t('No unit has three-sector shares in the overview.', '概况中没有任何单元的三次产业比重。');
        const raw = shares.map((s) => (s === null ? null : s.tertiary));
        const basis = shares.find((s) => s !== null)?.basis;
        return {
          id: 'map-tertiaryShare',
          name,
          unit: t('% of value added', '占增加值比重（%）'),
          values: same(raw.map((v) => (v === null ? null : v * 100))),
          percent: true,
          reading: t(
            `The tertiary sector's share of each unit's ${basis === 'analysis-matrix' ? 'activity in the analysis matrix' : 'value added'}.`,
            `第三产业占各单元${basis === 'analysis-matrix' ? '分析矩阵中经济活动' : '增加值'}的比重。`,
          ),
          data: both((lang) => (lang === 'zh' ? `数据：${yearsAndSources(shares, lang)}。` : `Data: ${yearsAndSources(shares, lang)}.`)),
        };
      }
      const indicator = m.indicator;
      const vs = a.overview.map((o) => o[indicator]);
      const first = vs.find((v) => v !== null);
      if (first === undefined || first === null) {
        const why =
          m.indicator === 'gdpPerCapita'
            ? t(
                ' (it is published, or derived as GDP ÷ population only when both are of the same year and vintage)',
                '（人均值仅在公布或地区生产总值与人口同年同版本时才计算）',
              )
            : t('', '');
        return t(`No unit has ${name.en} in the overview${why.en}.`, `概况中没有任何单元的${name.zh}${why.zh}。`);
      }
      const raw = vs.map((v) => (v === null ? null : v.value));
      const max = Math.max(...raw.filter((v): v is number => v !== null).map(Math.abs));
      const scale = { en: scaleFor(max, 'en'), zh: scaleFor(max, 'zh') };
      const derived = m.indicator === 'gdpPerCapita' && a.overview.some((o) => o.gdpPerCapita?.derived === true);
      return {
        id: `map-${m.indicator}`,
        name,
        unit: both((lang) => scaledUnit(scale[lang].word, first.unit, lang)),
        values: { en: raw.map((v) => (v === null ? null : v / scale.en.factor)), zh: raw.map((v) => (v === null ? null : v / scale.zh.factor)) },
        reading: both((lang) =>
          lang === 'zh'
            ? `各单元的${name.zh}（${scaledUnit(scale.zh.word, first.unit, 'zh')}）${derived ? '；部分为地区生产总值 ÷ 人口' : ''}。`
            : `${name.en[0]?.toUpperCase()}${name.en.slice(1)} of each unit (${scaledUnit(scale.en.word, first.unit, 'en')})${derived ? '; some derived as GDP ÷ population' : ''}.`,
        ),
        data: both((lang) =>
          lang === 'zh'
            ? `数据：${unitWord(first.unit, lang)}，${yearsAndSources(vs, lang)}。`
            : `Data: ${unitWord(first.unit, lang)}, ${yearsAndSources(vs, lang)}.`,
        ),
      };
    }
    case 'custom': {
      const raw = ids.map((id) => m.values[id] ?? null);
      if (raw.every((v) => v === null)) return t(`No unit has a value of ${m.name.en}.`, `没有任何单元有${m.name.zh}的数值。`);
      return {
        id: `map-${m.id}`,
        name: m.name,
        unit: m.unit,
        values: same(raw),
        reading: both((lang) => (lang === 'zh' ? `各单元的${m.name.zh}（${m.unit.zh}）。` : `${m.name.en} of each unit (${m.unit.en}).`)),
        data: both((lang) => (lang === 'zh' ? `数据：${m.year} 年；来源 ${m.source}。` : `Data: ${m.year}; source ${m.source}.`)),
      };
    }
  }
}

/**
 * A choropleth map of one measure per unit.
 *
 * Absent (with the reason) when the measure is not in the analysis (an unknown industry, no functional
 * specialisation, no unit with the overview indicator) or no unit can be placed on a map.
 *
 * @example
 * const chart = choroplethMap(analysis, { lang: 'zh', geometries, measure: { kind: 'location-quotient', industry: 'C' } });
 * if (chart.kind === 'chart' && chart.map) echarts.registerMap(chart.map.name, chart.map.geoJson);
 */
export function choroplethMap(a: MetroAnalysis, options: ChoroplethOptions): Chart {
  const { lang, measure } = options;
  const r = resolve(a, measure);
  const fallbackId = chartIdOf(measure);
  if (!('values' in r))
    return chartAbsence(
      fallbackId,
      both((l) => `${metroName(a, l)}${l === 'zh' ? '：' : ': '}${measureName(a, measure)[l]}`),
      r,
    );
  const title = both((l) => `${metroName(a, l)}${l === 'zh' ? '：' : ': '}${r.name[l]}`);
  const layer = unitsMapOrAbsence(a, options.geometries, r.id, title);
  if (isAbsence(layer)) return layer;
  const names = unitLabels(a.units, lang);
  const values = r.values[lang];
  const valueByUnit = new Map(a.units.map((u, k) => [u.id, values[k] ?? null]));
  const withoutValue = a.units.filter((u) => valueByUnit.get(u.id) === null).map((u) => u.id);
  const few = layer.areas.size + layer.pointUnits.length <= 20;
  const present = values.filter((v): v is number => v !== null);
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  const visualMap =
    r.pieces === undefined
      ? {
          type: 'continuous',
          min: lo === hi ? lo - 1 : lo,
          max: lo === hi ? hi + 1 : hi,
          text: [`${num(hi)}${r.percent ? '%' : ''}  ${r.unit[lang]}`, `${num(lo)}${r.percent ? '%' : ''}`],
          inRange: { color: sequentialRamp },
          calculable: false,
          seriesIndex: [0, 1],
          left: 12,
          bottom: 12,
          itemHeight: 120,
          textStyle: { fontSize: 11 },
        }
      : {
          type: 'piecewise',
          pieces: r.pieces(lang).map((p) => ({
            ...(p.min === undefined ? {} : { gte: p.min }),
            ...(p.max === undefined ? {} : { lt: p.max }),
            ...(p.value === undefined ? {} : { value: p.value }),
            label: p.label,
            color: p.color,
          })),
          text: [r.unit[lang], ''],
          showLabel: true,
          seriesIndex: [0, 1],
          left: 12,
          bottom: 12,
          itemWidth: 14,
          itemHeight: 10,
          textStyle: { fontSize: 11 },
        };
  const label = (id: string) => {
    const v = valueByUnit.get(id) ?? null;
    return v === null ? '' : `${num(v)}${r.percent ? '%' : ''}`;
  };
  const option = {
    tooltip: { trigger: 'item' },
    geo: geoComponent(layer, names, { left: 150 }),
    visualMap,
    series: [
      {
        type: 'map',
        geoIndex: 0,
        name: r.name[lang],
        data: [...layer.areas].map((id) => ({ name: names.get(id) ?? id, value: valueByUnit.get(id) ?? '-' })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        name: r.name[lang],
        symbolSize: 12,
        itemStyle: { borderColor: '#333', borderWidth: 0.6 },
        tooltip: { formatter: '{b}: {@[2]}' },
        data: layer.pointUnits
          .filter((id) => valueByUnit.get(id) !== null)
          .map((id) => {
            const p = layer.anchors.get(id) as readonly [number, number];
            return { name: names.get(id) ?? id, value: [p[0], p[1], valueByUnit.get(id) as number] };
          }),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        name: lang === 'zh' ? '无数值' : 'no value',
        symbolSize: 10,
        itemStyle: { color: gapColor, borderColor: '#777', borderWidth: 0.6 },
        data: layer.pointUnits
          .filter((id) => valueByUnit.get(id) === null)
          .map((id) => {
            const p = layer.anchors.get(id) as readonly [number, number];
            return { name: names.get(id) ?? id, value: [p[0], p[1]] };
          }),
      },
      // Names and values where the units sit, when there are few units (the legend gives the scale).
      labelSeries(layer, names, measure.kind === 'ring' ? null : label, few),
    ],
  };
  const caption = both((l) => {
    const n = unitLabels(a.units, l);
    const missing =
      withoutValue.length === 0
        ? ''
        : l === 'zh'
          ? `无数值（灰色）：${list(
              withoutValue.map((id) => n.get(id) ?? id),
              l,
            )}。`
          : `No value (grey): ${list(
              withoutValue.map((id) => n.get(id) ?? id),
              l,
            )}.`;
    return [r.reading[l], missing, r.data[l], mapNotes(layer, n, l, (xs) => list(xs, l))].filter((s) => s !== '').join(l === 'zh' ? '' : ' ');
  });
  return chartSpec(r.id, title, caption, option, { width: 860, height: 640 }, { name: layer.name, geoJson: layer.geoJson });
}
