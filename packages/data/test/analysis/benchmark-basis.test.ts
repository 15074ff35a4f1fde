import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareMetros } from '@metrocoop/core';
import { benchmarkBasisYears, loadBenchmarkBasis } from '../../src/analysis/benchmark-basis.ts';
import { loadBenchmarkBases } from '../../src/analysis/run-analysis.ts';
import type { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';

let store: Store;

const total = (values: readonly (readonly number[])[]): number => values.reduce((s, row) => s + row.reduce((a, v) => a + v, 0), 0);

describe('the benchmark basis of the embedded metros', () => {
  before(async () => {
    store = await openStoreTemplate('embedded');
  });
  after(() => store.close());

  it('lists the years each basis can be read for', async () => {
    assert.deepEqual(await benchmarkBasisYears(store, 'jjj'), [2008, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    assert.deepEqual(await benchmarkBasisYears(store, 'tokyo'), [2016, 2021]);
    assert.deepEqual(await benchmarkBasisYears(store, 'nyc'), [2017]);
  });

  it('JJJ, Tokyo and New York are compared on employment by ISIC sections, for 2017, 2016 and 2017', async () => {
    const [jjj, tokyo, nyc] = await loadBenchmarkBases(store, ['jjj', 'tokyo', 'nyc']);
    const head = (b: typeof jjj) =>
      b === undefined
        ? null
        : [b.indicator, b.sourceIndicator, b.classification, b.sourceClassification, b.year, b.source, b.unitSet, b.level, b.aggregatedFrom, b.units.length];
    assert.deepEqual(head(jjj), [
      'employment',
      'employment_urban_units',
      'ISIC-4',
      'GBT4754-2017',
      2017,
      'NBS_PROV_URBAN_UNIT_EMP',
      'provinces',
      'province',
      null,
      3,
    ]);
    assert.deepEqual(head(tokyo), [
      'employment',
      'persons_engaged_private',
      'ISIC-4',
      'JSIC-13',
      2016,
      'jp_ssdse_a_2023',
      'municipalities',
      'prefecture',
      'municipality',
      8,
    ]);
    assert.deepEqual(head(nyc), ['employment', 'employees', 'ISIC-4', 'NAICS-2017', 2017, 'us_census_abs2017_county', 'counties', 'county', null, 18]);
    assert.deepEqual(
      jjj?.units.map((u) => [u.id, u.ring]),
      [
        ['CN-110000', 'core'],
        ['CN-120000', 'inner'],
        ['CN-130000', 'inner'],
      ],
    );
    assert.deepEqual(
      tokyo?.units.filter((u) => u.ring === 'core').map((u) => u.id),
      ['JP-13'],
    );
    assert.deepEqual(
      nyc?.units.filter((u) => u.ring === 'core').map((u) => u.id),
      ['US-36005', 'US-36047', 'US-36061', 'US-36081', 'US-36085'],
      'every borough on the one programme (ABS), none from QCEW',
    );
    assert.deepEqual(jjj?.unmapped, []);
    assert.deepEqual(tokyo?.unmapped, []);
    assert.deepEqual(
      nyc?.unmapped.map((u) => [u.kind, u.code, u.reason]),
      [
        ['industry', '11', 'withheld'],
        ['industry', '21', 'withheld'],
        ['industry', '22', 'withheld'],
        ['industry', '55', 'withheld'],
        ['industry', '99', 'withheld'],
        ['unit', 'US-34019', 'withheld'],
        ['unit', 'US-34037', 'withheld'],
        ['unit', 'US-36079', 'withheld'],
        ['unit', 'US-36087', 'withheld'],
        ['unit', 'US-42103', 'withheld'],
      ],
    );
    // Nothing is lost or created by the mapping: Tokyo's basis holds exactly its municipalities' persons engaged.
    const [{ s }] = (await store.rows(
      `SELECT sum(value)::DOUBLE AS s FROM observations WHERE indicator = 'persons_engaged_private' AND classification = 'JSIC-13' AND year = 2016
       AND source = 'jp_ssdse_a_2023' AND region IN (SELECT region FROM unit_set_members WHERE metro = 'tokyo' AND unit_set = 'municipalities')`,
    )) as [{ s: number }];
    assert.ok(Math.abs(total(tokyo?.values ?? []) - s) < 1e-6 * s);
  });

  it('ranks the three metros (the bases match) and refuses a value-added basis against employment', async () => {
    const bases = await loadBenchmarkBases(store, ['jjj', 'tokyo', 'nyc']);
    const part = compareMetros(bases);
    assert.deepEqual(part.ranked, ['jjj', 'tokyo', 'nyc']);
    assert.deepEqual(part.notRanked, []);
    assert.equal(part.comparisons.filter((c) => c.statement !== null).length, 6);

    const tokyoValueAdded = await loadBenchmarkBasis(store, 'tokyo', { unitSet: 'prefectures', year: 2017 });
    assert.deepEqual(
      [tokyoValueAdded.indicator, tokyoValueAdded.classification, tokyoValueAdded.sourceClassification, tokyoValueAdded.year],
      ['output', 'ISIC-4', 'JSNA-2015-ACTIVITY', 2017],
    );
    const refused = compareMetros([bases[0] as (typeof bases)[number], tokyoValueAdded]);
    assert.deepEqual(refused.ranked, ['jjj']);
    assert.deepEqual(
      refused.notRanked.map((n) => [n.metro, n.code]),
      [['tokyo', 'indicator']],
    );
    assert.ok(refused.comparisons.every((c) => c.statement === null));
  });
});
