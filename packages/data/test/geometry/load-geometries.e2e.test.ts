/**
 * loadUnitGeometries: on a hand-made in-memory store, each of the four steps (own boundary; the union of the
 * children's boundaries when every child has one; the representative point, own or the mean of the children's; none)
 * and the unknown unit set; on the embedded store (template, read-only), how many units of every embedded unit set
 * get a boundary or a point. The expected counts were made from the committed files: dataset/geometries/*.geojson
 * holds 54 Chinese features (Beijing, Tianjin, Shanghai and the prefecture-level cities of Hebei, Jiangsu, Zhejiang and
 * Anhui — no province of those four), 70 Japanese (the 8 prefectures and Tokyo-to's 62 municipalities) and 73 US
 * counties (the Boston–Washington corridor); dataset/regions/jp.csv has no lon/lat for the 281 municipalities outside
 * Tokyo-to, so those have neither.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { loadUnitGeometries } from '../../src/geometry/load-geometries.ts';
import { embeddedDatasetDir } from '../../src/store/load-default.ts';
import type { Store } from '../../src/store/store.ts';
import { emptyStore } from '../store/helpers.ts';
import { openStoreTemplate } from '../support/store-template.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

/** Regions: A (own boundary), P (no boundary, children P1 P2 with boundaries), Q (point; child Q1 without boundary), R (children with points only), S (nothing). */
async function handMadeStore(): Promise<Store> {
  const store = await emptyStore();
  const region = (id: string, parent: string | null, lon: number | null, lat: number | null) =>
    store.run(
      `INSERT INTO regions (id, name_en, name_zh, level, parent, lon, lat, source, dataset) VALUES ($1, $2, $3, 'city', $4, $5, $6, 'src-points', 'default')`,
      [id, `Name ${id}`, `名${id}`, parent, lon, lat],
    );
  for (const [id, parent, lon, lat] of [
    ['XX-A', null, 1.5, 1.5],
    ['XX-P', null, null, null],
    ['XX-P1', 'XX-P', 3.5, 1.5],
    ['XX-P2', 'XX-P', 4.5, 1.5],
    ['XX-Q', null, 7, 7],
    ['XX-Q1', 'XX-Q', 7.1, 7.1],
    ['XX-R', null, null, null],
    ['XX-R1', 'XX-R', 10, 20],
    ['XX-R2', 'XX-R', 12, 22],
    ['XX-S', null, null, null],
  ] as const)
    await region(id, parent, lon, lat);
  await store.run(`INSERT INTO metros VALUES ('town', '测试', 'Test town', 'CN', 'units', NULL, NULL, 'default')`);
  await store.run(`INSERT INTO unit_sets VALUES ('town', 'units', 'Units', '单元', 'employment', 'TEST', [2020], NULL, NULL, 'default')`);
  for (const id of ['XX-A', 'XX-P', 'XX-Q', 'XX-R', 'XX-S']) {
    await store.run(`INSERT INTO metro_members VALUES ('town', $1, 'core', 'default')`, [id]);
    await store.run(`INSERT INTO unit_set_members VALUES ('town', 'units', $1, 'default')`, [id]);
  }
  for (const [id, x, source] of [
    ['XX-A', 1, 'src-a'],
    ['XX-P1', 3, 'src-b'],
    ['XX-P2', 4, 'src-c'],
  ] as const)
    await store.run(`INSERT INTO geometries VALUES ($1, $2, $3, 'default')`, [id, JSON.stringify(square(x, 1)), source]);
  return store;
}

describe('loadUnitGeometries (hand-made store)', () => {
  let store: Store;
  before(async () => {
    store = await handMadeStore();
  });
  after(() => store.close());

  it('takes the own boundary, else the children’s union, else the point (own or the children’s mean), else lists the unit as missing', async () => {
    const { geometries, missing, sources, notes } = await loadUnitGeometries(store, 'town');
    assert.equal(geometries.type, 'FeatureCollection');
    const by = new Map(geometries.features.map((f) => [f.properties.region, f]));
    assert.deepEqual(
      geometries.features.map((f) => [f.properties.region, f.properties.basis, f.geometry.type, f.properties.source]),
      [
        ['XX-A', 'boundary', 'Polygon', 'src-a'],
        ['XX-P', 'children', 'MultiPolygon', 'src-b|src-c'],
        ['XX-Q', 'point', 'Point', 'src-points'],
        ['XX-R', 'child-points', 'Point', 'src-points'],
      ],
    );
    assert.deepEqual(by.get('XX-A')?.geometry, square(1, 1));
    assert.deepEqual(by.get('XX-P')?.geometry.coordinates, [square(3, 1).coordinates, square(4, 1).coordinates]);
    assert.deepEqual(by.get('XX-Q')?.geometry.coordinates, [7, 7]);
    assert.deepEqual(by.get('XX-R')?.geometry.coordinates, [11, 21]);
    assert.deepEqual(missing, ['XX-S']);
    assert.deepEqual(sources, ['src-a', 'src-b', 'src-c', 'src-points']);
    const en = notes.map((n) => n.en).join(' ');
    assert.match(en, /Name XX-P \(XX-P\) has no boundary of its own: it is drawn as the union of the boundaries of its 2 child regions/);
    assert.match(en, /1 unit has no boundary in the store and is drawn as representative points: Name XX-Q \(XX-Q\)/);
    assert.match(en, /mean point of its 2 child regions/);
    assert.match(notes.map((n) => n.zh).join(''), /名XX-P（XX-P）没有自身边界/);
  });

  it('rejects an unknown unit set with UNKNOWN_UNIT_SET and an unknown metro with UNKNOWN_METRO', async () => {
    await assert.rejects(loadUnitGeometries(store, 'town', { units: 'nope' }), (e: unknown) => (e as { code?: string }).code === 'UNKNOWN_UNIT_SET');
    await assert.rejects(loadUnitGeometries(store, 'nowhere'), (e: unknown) => (e as { code?: string }).code === 'UNKNOWN_METRO');
  });
});

describe('loadUnitGeometries (embedded dataset)', () => {
  let store: Store;
  before(async () => {
    store = await openStoreTemplate();
  });
  after(() => store.close());

  it('counts, for every embedded unit set, the units drawn by their own boundary, by their children, by a point, or not at all', async () => {
    const expected: Record<string, [boundary: number, children: number, points: number, missing: number]> = {
      'boswash/counties': [72, 0, 0, 0],
      'boswash/msas': [0, 5, 0, 0],
      'jjj/cities': [13, 0, 0, 0],
      'jjj/provinces': [2, 1, 0, 0],
      'nyc/counties': [23, 0, 0, 0],
      'tokyo/municipalities': [62, 0, 0, 281],
      'tokyo/prefectures': [8, 0, 0, 0],
      'tokyo/prefectures-employment': [8, 0, 0, 0],
      'yrd/central-cities': [27, 0, 0, 0],
      'yrd/cities': [41, 0, 0, 0],
      'yrd/provinces': [1, 3, 0, 0],
    };
    for (const [key, counts] of Object.entries(expected)) {
      const [metro, units] = key.split('/') as [string, string];
      const r = await loadUnitGeometries(store, metro, { units });
      const n = (basis: string) => r.geometries.features.filter((f) => f.properties.basis === basis).length;
      assert.deepEqual([n('boundary'), n('children'), n('point') + n('child-points'), r.missing.length], counts, key);
    }
  });

  it('draws Beijing and Tianjin by their own boundaries (as in cn.geojson) and Hebei as the union of its 11 cities', async () => {
    const { geometries, sources, notes } = await loadUnitGeometries(store, 'jjj');
    const file = JSON.parse(readFileSync(`${embeddedDatasetDir}/geometries/cn.geojson`, 'utf8')) as {
      features: { properties: { region: string }; geometry: { type: string; coordinates: unknown[] } }[];
    };
    const inFile = new Map(file.features.map((f) => [f.properties.region, f.geometry]));
    const by = new Map(geometries.features.map((f) => [f.properties.region, f]));
    assert.deepEqual(by.get('CN-110000')?.geometry, inFile.get('CN-110000'));
    assert.deepEqual(by.get('CN-120000')?.geometry, inFile.get('CN-120000'));
    const hebeiCities = file.features.filter((f) => f.properties.region.startsWith('CN-13'));
    assert.equal(hebeiCities.length, 11);
    const parts = hebeiCities.reduce((s, f) => s + (f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length), 0);
    const hebei = by.get('CN-130000');
    assert.equal(hebei?.properties.basis, 'children');
    assert.equal(((hebei?.geometry.coordinates ?? []) as unknown[]).length, parts);
    assert.deepEqual(sources, ['ECHARTS_4_1_0_MAPS']);
    assert.deepEqual(
      notes.map((n) => n.zh),
      ['河北省（CN-130000）没有自身边界：按其 11 个下级地区边界的合并绘制。'],
    );
  });
});
