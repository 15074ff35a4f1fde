import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UnitGeometries } from '../../src/chart.ts';
import { frameRegion, mapLayer } from '../../src/internal/map-layer.ts';

const box = (x: number, y: number, r: number) => [
  [
    [x - r, y - r],
    [x + r, y - r],
    [x + r, y + r],
    [x - r, y + r],
    [x - r, y - r],
  ],
];

describe('mapLayer', () => {
  // A mainland of ten units 0.2° apart, plus ISLE, a unit 5° south; MAIN (drawn from its children) has a tiny island 4° south of it.
  const units = [
    ...Array.from({ length: 10 }, (_, k) => ({ id: `U${k}`, lon: 139 + 0.2 * k, lat: 35.7 })),
    { id: 'MAIN', lon: 139.5, lat: 36.0 },
    { id: 'ISLE', lon: 139.5, lat: 30.7 },
    { id: 'NOWHERE', lon: null, lat: null },
  ];
  const geometries: UnitGeometries = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { region: 'MAIN', source: 's1', basis: 'children' },
        geometry: { type: 'MultiPolygon', coordinates: [box(139.5, 36.0, 0.3), box(139.5, 32.0, 0.01)] },
      },
      { type: 'Feature', properties: { region: 'ISLE', source: 's1' }, geometry: { type: 'Polygon', coordinates: box(139.5, 30.7, 0.05) } },
      { type: 'Feature', properties: { region: 'U0', source: 's2' }, geometry: { type: 'Point', coordinates: [139, 35.7] } },
    ],
  };

  it('leaves far-off units out of the frame and trims far-off small parts, naming both', () => {
    const layer = mapLayer('t', units, geometries);
    assert.deepEqual(layer.offFrame, ['ISLE']);
    assert.deepEqual(layer.trimmed, ['MAIN']);
    assert.deepEqual(layer.unlocated, ['NOWHERE']);
    assert.deepEqual([...layer.areas], ['MAIN']);
    assert.equal(layer.pointUnits.length, 10);
    // MAIN is drawn without its island: one polygon.
    assert.equal(layer.geoJson.features[0]?.geometry.type, 'Polygon');
    // The frame covers the mainland only (south of 35.7 by the padding, not down to 30.7).
    const [[west, north], [east, south]] = layer.frame;
    assert.ok(south > 35 && north > 36.2 && west < 139 && east > 140.8, JSON.stringify(layer.frame));
    assert.deepEqual(layer.sources, ['s1', 's2']);
    assert.equal(layer.analysisPoints, true);
    assert.deepEqual(layer.fromChildren, ['MAIN']);
  });

  it('keeps every unit when the far-off ones would be more than a quarter', () => {
    const layer = mapLayer('t', [units[0], units[1], units[11]] as typeof units, geometries);
    assert.deepEqual(layer.offFrame, []);
  });

  it('draws a blank frame around the points when no unit has a boundary', () => {
    const layer = mapLayer('t', units.slice(0, 3), null);
    assert.deepEqual(
      layer.geoJson.features.map((f) => f.properties.region),
      [frameRegion],
    );
    assert.equal(layer.areas.size, 0);
    assert.deepEqual(layer.pointUnits, ['U0', 'U1', 'U2']);
  });
});
