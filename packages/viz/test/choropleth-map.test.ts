import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fmt } from '@metrocoop/core';
import { assertClose } from '../../../test-support/numbers.ts';
import { choroplethMap } from '../src/choropleth-map.ts';
import { fixtureAnalysis, fixtureGeometries } from './fixtures.ts';
import { absence, assertChinese, drawnTexts, type Loose, series, spec } from './support/assert-chart.ts';
import { renderSvg } from './support/render-svg.ts';

const a = fixtureAnalysis();
const geometries = fixtureGeometries();
const unitIndex = (id: string) => a.units.findIndex((u) => u.id === id);

describe('choroplethMap', () => {
  it('maps the location quotient of an industry: boundaries as map regions, point units as scatter, values equal to the analysis', () => {
    const s = spec(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'location-quotient', industry: 'C' } }));
    assert.equal(s.id, 'map-lq-C');
    const c = a.structure.industries.indexOf('C');
    const lq = (id: string) => a.specialisation.lq[unitIndex(id)]?.[c] as number;
    const [areas, points, grey] = series(s);
    assert.equal(areas?.type, 'map');
    assert.equal(areas?.geoIndex, 0);
    assert.deepEqual(
      areas?.data.map((d: Loose) => d.name),
      ['Unit CORE', 'Unit WEST'],
    );
    for (const d of (areas?.data ?? []) as Loose[]) assertClose(d.value, lq(d.name.replace('Unit ', '')), 1e-12, d.name);
    assert.equal(points?.type, 'scatter');
    assert.equal(points?.coordinateSystem, 'geo');
    // EAST from its Point feature's unit (drawn at the analysis's representative point), PORT at the analysis's point.
    assert.deepEqual(
      points?.data.map((d: Loose) => [d.name, d.value[0], d.value[1]]),
      [
        ['Unit EAST', 117.0, 39.6],
        ['Unit PORT', 117.7, 39.0],
      ],
    );
    assertClose(points?.data[0].value[2], lq('EAST'));
    assert.deepEqual(grey?.data, []);
    // The legend: pieces at 1, the advantage and the strong thresholds, titled with the unit.
    const vm = s.option.visualMap as Loose;
    assert.equal(vm.type, 'piecewise');
    assert.deepEqual(
      vm.pieces.map((p: Loose) => [p.gte ?? null, p.lt ?? null]),
      [
        [null, 0.5],
        [0.5, 1],
        [1, a.options.advantageLq],
        [a.options.advantageLq, a.options.strongLq],
        [a.options.strongLq, null],
      ],
    );
    assert.equal(vm.text[0], 'location quotient (metro = 1)');
    // The map to register: the two boundaries; the geo names regions by unit id.
    assert.deepEqual(
      s.map?.geoJson.features.map((f) => f.properties.region),
      ['CORE', 'WEST'],
    );
    assert.equal((s.option.geo as Loose).map, s.map?.name);
    assert.equal((s.option.geo as Loose).nameProperty, 'region');
    assert.match(s.caption.en, /Data: employment \(persons\) by TEST industries, 2020; source not stated\./);
    assert.match(s.caption.en, /Drawn as points \(no boundary\): Unit EAST, Unit PORT\./);
    assert.match(s.caption.en, /Boundaries and points: test-boundaries, test-points\./);
    const texts = drawnTexts(s);
    for (const name of ['Unit CORE', 'Unit WEST', 'Unit EAST', 'Unit PORT']) assert.ok(texts.includes(name), name);
    assert.ok(texts.includes(fmt(lq('WEST'))), 'the value under the name');
  });

  it('switches language: Chinese names, legend and caption, with no English word', () => {
    const s = spec(choroplethMap(a, { lang: 'zh', geometries, measure: { kind: 'location-quotient', industry: 'C' } }));
    assert.deepEqual(
      series(s)[0]?.data.map((d: Loose) => d.name),
      ['单元CORE', '单元WEST'],
    );
    assert.equal((s.option.visualMap as Loose).text[0], '区位熵（都市圈 = 1）');
    assert.equal(s.title.zh, '测试都市圈：C 门类C区位熵');
    assertChinese(s.caption.zh, 'caption');
    assert.ok(drawnTexts(s).includes('单元WEST'));
  });

  it('shows GDP per capita from the overview in the reader’s scale, with its unit, year and source', () => {
    const zh = spec(choroplethMap(a, { lang: 'zh', geometries, measure: { kind: 'overview', indicator: 'gdpPerCapita' } }));
    const en = spec(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'overview', indicator: 'gdpPerCapita' } }));
    const core = a.overview[unitIndex('CORE')]?.gdpPerCapita?.value as number;
    assert.equal(core, 2e5);
    assertClose(series(zh)[0]?.data[0].value, core / 1e4);
    assertClose(series(en)[0]?.data[0].value, core / 1e3);
    assert.match((zh.option.visualMap as Loose).text[0], /万元\/人$/);
    assert.match((en.option.visualMap as Loose).text[0], /thousand CNY per person$/);
    assert.match(en.caption.en, /Data: CNY per person, 2020; sources test-accounts, test-census\./);
    assert.equal((en.option.visualMap as Loose).type, 'continuous');
  });

  it('draws units without a value grey and names them in the caption', () => {
    const s = spec(
      choroplethMap(a, {
        lang: 'en',
        geometries,
        measure: {
          kind: 'custom',
          id: 'jobs',
          name: { en: 'jobs', zh: '岗位' },
          unit: { en: 'persons', zh: '人' },
          year: 2021,
          source: 'test-jobs',
          values: { CORE: 10, WEST: null, EAST: null, PORT: 4 },
        },
      }),
    );
    assert.equal(s.id, 'map-jobs');
    const [areas, points, grey] = series(s);
    assert.deepEqual(
      areas?.data.map((d: Loose) => [d.name, d.value]),
      [
        ['Unit CORE', 10],
        ['Unit WEST', '-'],
      ],
    );
    assert.deepEqual(
      points?.data.map((d: Loose) => d.name),
      ['Unit PORT'],
    );
    assert.deepEqual(
      grey?.data.map((d: Loose) => d.name),
      ['Unit EAST'],
    );
    assert.match(s.caption.en, /No value \(grey\): Unit EAST, Unit WEST\./);
    assert.match(s.caption.en, /Data: 2021; source test-jobs\./);
  });

  it('maps the rings as categories and, without geometries, every unit as a point on a blank frame', () => {
    const s = spec(choroplethMap(a, { lang: 'en', measure: { kind: 'ring' } }));
    assert.deepEqual(
      (s.option.visualMap as Loose).pieces.map((p: Loose) => [p.value, p.label]),
      [
        [0, 'core'],
        [1, 'inner ring'],
        [2, 'outer ring'],
      ],
    );
    assert.deepEqual(
      series(s)[1]?.data.map((d: Loose) => [d.name, d.value[2]]),
      [
        ['Unit CORE', 0],
        ['Unit EAST', 1],
        ['Unit PORT', 2],
        ['Unit WEST', 1],
      ],
    );
    assert.deepEqual(
      s.map?.geoJson.features.map((f) => f.properties.region),
      ['__frame__'],
    );
    assert.match(s.caption.en, /representative points the analysis uses/);
    drawnTexts(s);
  });

  it('is absent, with the reason, for an industry the analysis lacks or an indicator no unit has', () => {
    const unknown = absence(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'location-quotient', industry: 'Z' } }));
    assert.equal(unknown.id, 'map-lq-Z');
    assert.equal(unknown.title.en, 'Test metro: Location quotient of Z');
    assert.match(unknown.reason.en, /Industry Z is not in this analysis/);
    assert.match(unknown.reason.zh, /没有产业 Z/);
    const area = absence(choroplethMap(a, { lang: 'zh', geometries, measure: { kind: 'overview', indicator: 'area' } }));
    assert.match(area.reason.en, /No unit has land area in the overview/);
    const noPlace = fixtureAnalysis({ units: fixtureAnalysis().units.map((u) => ({ ...u, lon: null, lat: null })) });
    assert.match(absence(choroplethMap(noPlace, { lang: 'en', measure: { kind: 'krugman' } })).reason.en, /nothing to draw a map on/);
  });

  it('maps Krugman specialisation, functional specialisation, an industry share and the tertiary share with the analysis’s values', () => {
    const k = spec(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'krugman' } }));
    assertClose(series(k)[0]?.data[0].value, a.specialisation.krugman[unitIndex('CORE')] as number);
    const fs = spec(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'functional-specialisation' } }));
    assertClose(series(fs)[0]?.data[0].value, a.structure.functionalSpecialisation?.values[unitIndex('CORE')] as number);
    const share = spec(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'share', industry: 'J' } }));
    assertClose(series(share)[0]?.data[0].value, 100 * (a.structure.composition[unitIndex('CORE')]?.[a.structure.industries.indexOf('J')] as number));
    const tertiary = spec(choroplethMap(a, { lang: 'en', geometries, measure: { kind: 'overview', indicator: 'tertiaryShare' } }));
    assertClose(series(tertiary)[0]?.data[0].value, 80, 1e-9);
  });

  it('draws names with markup as text: ECharts escapes them in the SVG', () => {
    const marked = { ...a, units: a.units.map((u) => (u.id === 'CORE' ? { ...u, nameEn: 'A & <script>x</script>' } : u)) };
    const svg = renderSvg(spec(choroplethMap(marked, { lang: 'en', geometries, measure: { kind: 'krugman' } })));
    assert.ok(!svg.includes('<script>'));
    assert.ok(svg.includes('A &amp; &lt;script&gt;x&lt;/script&gt;'));
  });
});
