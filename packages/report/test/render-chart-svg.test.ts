import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderChartSvg } from '@metrocoop/report';
import type { ChartSpec, UnitGeometries } from '@metrocoop/viz';

const bar = (id: string): ChartSpec => ({
  kind: 'chart',
  id,
  title: { en: 'Bars', zh: '柱状图' },
  caption: { en: '', zh: '' },
  option: {
    title: { text: '北京 <a> & b' },
    tooltip: {},
    xAxis: { type: 'category', data: ['a', 'b'] },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: [1, 2] }],
  },
  map: null,
  width: 400,
  height: 240,
});

const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];
const geo: UnitGeometries = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { region: 'A' }, geometry: { type: 'Polygon', coordinates: square(0, 0) } },
    { type: 'Feature', properties: { region: 'B' }, geometry: { type: 'Polygon', coordinates: square(1, 0) } },
  ],
};

describe('renderChartSvg', () => {
  it('draws an ECharts option as one SVG document with its text escaped', () => {
    const svg = renderChartSvg(bar('bars'));
    assert.match(svg, /^<svg width="400" height="240" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<\/svg>$/);
    assert.match(svg, /北京 &lt;a&gt; &amp; b/);
    assert.match(svg, /font-family:'Noto Sans CJK SC'/);
  });

  it('is deterministic and names its ids and classes after the chart (safe to inline many in one page)', () => {
    const a = renderChartSvg(bar('bars'));
    const b = renderChartSvg(bar('bars'));
    assert.equal(a, b);
    assert.doesNotMatch(a, /\bzr\d+-/);
    assert.doesNotMatch(a, /<style/);
    assert.doesNotMatch(a, /ecmeta_/);
    assert.doesNotMatch(a, / class="/);
  });

  it('renames ECharts ids after the chart, the same in every run', () => {
    const clipped = (id: string): ChartSpec => ({
      ...bar(id),
      option: {
        xAxis: { type: 'value' },
        yAxis: { type: 'value' },
        series: [
          {
            type: 'line',
            data: [
              [0, 1],
              [1, 3],
              [2, 2],
            ],
            areaStyle: {},
          },
        ],
      },
    });
    const first = renderChartSvg(clipped('line-chart'));
    renderChartSvg(bar('between'));
    assert.equal(renderChartSvg(clipped('line-chart')), first);
    for (const id of first.match(/id="[^"]*"/g) ?? []) assert.match(id, /^id="c-line-chart-\d+"$/);
  });

  it('registers the map a map series needs and draws its regions', () => {
    const chart: ChartSpec = {
      kind: 'chart',
      id: 'map-test',
      title: { en: 'Map', zh: '地图' },
      caption: { en: '', zh: '' },
      option: {
        visualMap: { min: 0, max: 10, inRange: { color: ['#ffffff', '#ff0000'] } },
        series: [
          {
            type: 'map',
            map: 'report-test-map',
            nameProperty: 'region',
            data: [
              { name: 'A', value: 2 },
              { name: 'B', value: 9 },
            ],
          },
        ],
      },
      map: { name: 'report-test-map', geoJson: geo },
      width: 300,
      height: 200,
    };
    const svg = renderChartSvg(chart);
    assert.ok((svg.match(/<path /g) ?? []).length >= 2);
  });
});
