/**
 * Every chart kind on real metros: Beijing–Tianjin–Hebei (three provinces; Hebei drawn from its 11 cities) and the
 * Tokyo area (eight prefectures), analysed from the embedded store (template, read-only) with the default benchmark
 * (Tokyo and New York), planned, and drawn to SVG by ECharts' server-side rendering in both languages. Each chart
 * must draw without throwing and show its labels (unit names in the chart's language); the absences the data
 * imply are checked with their reasons (Tokyo's GDP per capita: GDP of 2022, population of 2020).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyzeMetro, type MetroAnalysis, type MetroPlan, planMetro } from '@metrocoop/core';
import { analyzeMetroFromStore, type LoadedUnitGeometries, loadPlanningContext, loadUnitGeometries, type Store } from '../../data/src/index.ts';
import { openStoreTemplate } from '../../data/test/support/store-template.ts';
import type { Chart, ChartLanguage, ChartSpec } from '../src/chart.ts';
import {
  benchmarkChart,
  chainFlowMap,
  choroplethMap,
  driversChart,
  linkageFlowMap,
  pairTypeMatrix,
  positionsChart,
  ringGradientChart,
  similarityHeatmap,
  structureBars,
} from '../src/index.ts';
import { assertChinese } from './support/assert-chart.ts';
import { renderSvg, svgPaths, svgTexts } from './support/render-svg.ts';

interface Metro {
  readonly analysis: MetroAnalysis;
  readonly plan: MetroPlan;
  readonly geo: LoadedUnitGeometries;
}

let store: Store;
const metros = new Map<string, Metro>();

before(async () => {
  store = await openStoreTemplate();
  for (const id of ['jjj', 'tokyo']) {
    const analysis = await analyzeMetroFromStore(store, id);
    const ctx = await loadPlanningContext(store, id);
    const plan = await planMetro({ ...ctx, analysis: analyzeMetro(ctx.input) }, { positions: { sensitivity: false } });
    metros.set(id, { analysis, plan, geo: await loadUnitGeometries(store, id) });
  }
});
after(() => store.close());

/** Every chart of a metro in one language. */
function charts(m: Metro, lang: ChartLanguage): Chart[] {
  const a = m.analysis;
  const geometries = m.geo.geometries;
  const production = a.structure.industries.find((code) => a.structure.industryGroups[code] === 'production') as string;
  return [
    choroplethMap(a, { lang, geometries, measure: { kind: 'location-quotient', industry: production } }),
    choroplethMap(a, { lang, geometries, measure: { kind: 'krugman' } }),
    choroplethMap(a, { lang, geometries, measure: { kind: 'ring' } }),
    choroplethMap(a, { lang, geometries, measure: { kind: 'overview', indicator: 'gdpPerCapita' } }),
    linkageFlowMap(a, { lang, geometries }),
    chainFlowMap(a, { lang, geometries }),
    similarityHeatmap(a, { lang }),
    structureBars(a, { lang }),
    ringGradientChart(a, { lang }),
    pairTypeMatrix(a, { lang }),
    driversChart(a, { lang }),
    driversChart(a, { lang, view: 'pairs' }),
    benchmarkChart(a, { lang }),
    positionsChart(m.plan, { lang }),
  ];
}

/** Draw a chart and check that it shows what it must. */
function draw(c: ChartSpec, names: readonly string[], lang: ChartLanguage): string[] {
  const svg = renderSvg(c);
  assert.ok(svg.startsWith('<svg') && svg.length > 2000, `${c.id}: an SVG`);
  assert.ok(svgPaths(svg) > 5, `${c.id}: shapes drawn`);
  assert.match(svg, /font-family:Noto Sans CJK SC, sans-serif/, `${c.id}: the CJK font`);
  const texts = svgTexts(svg).join('\n');
  const shown = names.filter((n) => texts.includes(n));
  assert.ok(shown.length >= Math.min(2, names.length), `${c.id} (${lang}): unit names drawn, got ${shown.join(', ')}`);
  return svgTexts(svg);
}

describe('every chart on the embedded metros (SVG by ECharts SSR)', () => {
  for (const [id, absent] of [
    ['jjj', []],
    ['tokyo', ['map-gdpPerCapita']],
  ] as const) {
    for (const lang of ['en', 'zh'] as const) {
      it(`${id} (${lang}): every chart draws, with its unit names; absences only where the data lack`, () => {
        const m = metros.get(id) as Metro;
        const names = m.analysis.units.map((u) => (lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn));
        const all = charts(m, lang);
        assert.deepEqual(
          all.filter((c) => c.kind === 'absent').map((c) => c.id),
          absent,
        );
        for (const c of all) {
          if (c.kind === 'absent') continue;
          assert.doesNotMatch(`${c.title.en} ${c.caption.en}`, /[\u3040-\u30ff\u4e00-\u9fff]/, `${id} ${c.id}: English text without Chinese or Japanese`);
          if (lang === 'zh') {
            assertChinese(c.caption.zh, `${id} ${c.id} caption`);
            assertChinese(c.title.zh, `${id} ${c.id} title`);
          }
          // Benchmark and driver charts name metros and drivers rather than units.
          if (c.id === 'benchmark' || c.id === 'drivers' || c.id === 'ring-gradient') {
            draw(c, [], lang);
            continue;
          }
          const unitNames = c.id === 'positions' ? m.plan.units.map((u) => (lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn)) : names;
          draw(c, unitNames, lang);
        }
      });
    }
  }

  it('jjj: the maps draw all three provinces as areas (Hebei from its cities) and show the analysis’s numbers', () => {
    const m = metros.get('jjj') as Metro;
    const map = choroplethMap(m.analysis, { lang: 'zh', geometries: m.geo.geometries, measure: { kind: 'overview', indicator: 'gdpPerCapita' } }) as ChartSpec;
    assert.deepEqual(
      map.map?.geoJson.features.map((f) => f.properties.region),
      ['CN-110000', 'CN-120000', 'CN-130000'],
    );
    const texts = svgTexts(renderSvg(map));
    // Beijing's GDP per capita in 万元/人 under its name (3 significant digits).
    const bj = m.analysis.overview.find((o) => o.unit === 'CN-110000')?.gdpPerCapita?.value as number;
    assert.ok(texts.includes('北京市') && texts.includes(String(Number((bj / 1e4).toPrecision(3)))), texts.join(' | '));
    assert.match(map.caption.zh, /万元\/人/);
    assert.match(map.caption.zh, /按下级地区边界合并绘制（内部线条为下级地区界线）：河北省。/);
    const bench = svgTexts(renderSvg(benchmarkChart(m.analysis, { lang: 'zh' }) as ChartSpec));
    assert.ok(bench.includes('京津冀') && bench.includes('纽约都市区'), bench.join(' | '));
  });

  it('tokyo: GDP per capita is absent with the reason; the prefecture map keeps Izu Oshima and leaves the far islands out', () => {
    const m = metros.get('tokyo') as Metro;
    const gdppc = choroplethMap(m.analysis, { lang: 'en', geometries: m.geo.geometries, measure: { kind: 'overview', indicator: 'gdpPerCapita' } });
    assert.equal(gdppc.kind, 'absent');
    assert.match(gdppc.kind === 'absent' ? gdppc.reason.en : '', /same year and vintage/);
    const ring = choroplethMap(m.analysis, { lang: 'en', geometries: m.geo.geometries, measure: { kind: 'ring' } }) as ChartSpec;
    assert.match(ring.caption.en, /Far-off small islands not drawn: Tokyo\./);
    const [[, north], [, south]] = (ring.option.geo as { boundingCoords: [number, number][] }).boundingCoords as [[number, number], [number, number]];
    assert.ok(south > 34 && north < 38, `frame ${south}–${north}°N`);
  });
});
