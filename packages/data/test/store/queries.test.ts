import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import { listMetros, observations, showMetro, showRegion, unitSetMatrix } from '../../src/store/queries.ts';
import type { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';
import { fixtureStore } from './helpers.ts';

// The queries only read: the tests that do not change the store share the fixture template, opened read-only
// (nothing can leak from one test to the next); the two that write get a fresh copy each.
let readOnly: Store;
before(async () => {
  readOnly = await openStoreTemplate('fixture');
});
after(() => readOnly.close());

const hasCode = (cls: abstract new (...args: never[]) => unknown, code: string) => (e: unknown) => e instanceof cls && (e as { code: string }).code === code;

describe('listMetros', () => {
  it('lists each metro with member counts by level and ring, unit sets with the default flag, indicators and sources', async () => {
    const store = readOnly;
    const metros = await listMetros(store);
    assert.deepEqual(
      metros.map((m) => m.id),
      ['jjj', 'tokyo'],
    );
    const jjj = metros[0]!;
    assert.equal(jjj.nameZh, '京津冀');
    assert.equal(jjj.memberCount, 3);
    assert.deepEqual(jjj.regionCounts, { province: 3 });
    assert.deepEqual(jjj.ringCounts, { core: 1, inner: 1, outer: 1 });
    assert.deepEqual(
      jjj.unitSets.map((u) => [u.id, u.isDefault, u.indicator, u.classification, u.years, u.memberCount]),
      [
        ['cities', false, 'value_added', 'THREE-SECTOR', [2018, 2019], 3],
        ['provinces', true, 'employment_urban_units', 'GBT4754-2017', [2019], 3],
      ],
    );
    // Shijiazhuang is a unit-set member but not a metro member: its observations count for the metro.
    assert.equal(jjj.observationCount, 32);
    const population = jjj.indicators.find((i) => i.indicator === 'population');
    assert.deepEqual(population, { indicator: 'population', classifications: [null], years: [2017, 2019], observations: 2, regions: 1 });
    assert.deepEqual(jjj.sources, ['fx-rev', 'fx-test']);
    assert.equal(typeof jjj.memberCount, 'number');
    assert.doesNotThrow(() => JSON.stringify(metros));
  });
});

describe('showMetro', () => {
  it('lists members by ring with names and levels, and the unit-set members', async () => {
    const store = readOnly;
    const jjj = await showMetro(store, 'jjj');
    assert.deepEqual(
      jjj.members.map((m) => [m.region, m.ring, m.level]),
      [
        ['CN-110000', 'core', 'province'],
        ['CN-120000', 'inner', 'province'],
        ['CN-130000', 'outer', 'province'],
      ],
    );
    assert.deepEqual(jjj.unitSetMembers.cities, ['CN-110000', 'CN-120000', 'CN-130100']);
  });

  it('throws UNKNOWN_METRO naming the known metros', async () => {
    const store = readOnly;
    await assert.rejects(showMetro(store, 'paris'), (e: unknown) => hasCode(NotFoundError, 'UNKNOWN_METRO')(e) && /jjj, tokyo/.test((e as Error).message));
  });
});

describe('showRegion', () => {
  it('gives names, level, parent, metros, indicators with years, sources and vintages', async () => {
    const store = readOnly;
    const beijing = await showRegion(store, 'CN-110000');
    assert.equal(beijing.nameZh, '北京市');
    assert.equal(beijing.level, 'province');
    assert.deepEqual(beijing.parent, { id: 'CN', nameEn: 'China', nameZh: '中国' });
    assert.deepEqual(beijing.metros, [{ metro: 'jjj', ring: 'core' }]);
    assert.equal(beijing.hasGeometry, true);
    const va = beijing.indicators.find((i) => i.indicator === 'value_added');
    assert.deepEqual(va?.years, [2018, 2019]);
    assert.deepEqual(va?.sources, ['fx-rev', 'fx-test']);
    assert.deepEqual(va?.vintages, ['first', 'revised', 'single']);
  });

  it('reports withheld cells and missing years inside a series as gaps', async () => {
    const store = readOnly;
    const shijiazhuang = await showRegion(store, 'CN-130100');
    assert.deepEqual(shijiazhuang.gaps, [{ indicator: 'value_added', classification: 'THREE-SECTOR', year: 2019, industry: 'II', kind: 'withheld' }]);
    const hebei = await showRegion(store, 'CN-130000');
    assert.deepEqual(hebei.gaps, [{ indicator: 'population', classification: null, year: 2018, industry: null, kind: 'missing-year' }]);
    assert.equal(hebei.childCount, 1);
  });

  it('throws UNKNOWN_REGION', async () => {
    const store = readOnly;
    await assert.rejects(showRegion(store, 'CN-999999'), hasCode(NotFoundError, 'UNKNOWN_REGION'));
  });
});

describe('observations', () => {
  it('filters by region, indicator, year and totals, with typed values', async () => {
    const store = readOnly;
    const rows = await observations(store, { regions: ['CN-110000'], indicator: 'gdp_per_capita', years: [2019], classification: null });
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.value, 164220);
    assert.equal(rows[0]?.unit, 'CNY/person');
    assert.equal(rows[0]?.withheld, false);
    assert.equal(rows[0]?.dataset, 'default');
  });

  it('filters by metro (members and unit-set members), vintage and withheld', async () => {
    const store = readOnly;
    assert.equal((await observations(store, { metro: 'tokyo' })).length, 6);
    assert.equal((await observations(store, { metro: 'jjj', vintage: 'revised' })).length, 3);
    const all = await observations(store, { metro: 'jjj' });
    const shown = await observations(store, { metro: 'jjj', withheld: false });
    assert.equal(all.length - shown.length, 1);
    assert.deepEqual(await observations(store, { regions: [] }), []);
  });
});

describe('unitSetMatrix', () => {
  it('builds the matrix of a unit set for a year, preferring the revised vintage for a whole region row', async () => {
    const store = readOnly;
    const result = await unitSetMatrix(store, 'jjj', 'cities', 2018);
    assert.deepEqual(result.matrix.regions, ['CN-110000', 'CN-120000', 'CN-130100']);
    assert.deepEqual(result.matrix.industries, ['I', 'II', 'III']);
    assert.equal(result.unit, 'CNY');
    assert.equal(result.matrix.at(0, 0), 12e9);
    assert.equal(result.matrix.at(0, 2), 2.5e12);
    const beijing = result.choices.find((c) => c.region === 'CN-110000');
    assert.equal(beijing?.vintage, 'revised');
    assert.equal(beijing?.source, 'fx-rev');
    assert.deepEqual(beijing?.alternatives, [{ dataset: 'default', source: 'fx-test', vintage: 'first', cells: 3 }]);
    assert.deepEqual(result.gaps, []);
  });

  it('uses the first-published vintage when asked, and never mixes vintages in a row', async () => {
    const store = readOnly;
    const result = await unitSetMatrix(store, 'jjj', 'cities', 2018, { vintage: 'first' });
    assert.equal(result.matrix.at(0, 0), 11.8e9);
    assert.equal(result.matrix.at(0, 1), 550e9);
    assert.equal(result.matrix.at(0, 2), 2.4e12);
    assert.equal(result.choices.find((c) => c.region === 'CN-110000')?.vintage, 'first');
  });

  it('throws GAPS_IN_MATRIX by default, listing the withheld cell', async () => {
    const store = readOnly;
    await assert.rejects(unitSetMatrix(store, 'jjj', 'cities', 2019), (e: unknown) => {
      assert.ok(hasCode(InvalidInputError, 'GAPS_IN_MATRIX')(e));
      assert.deepEqual((e as InvalidInputError).details?.gaps, [{ region: 'CN-130100', industry: 'II', kind: 'withheld' }]);
      return true;
    });
  });

  it('treats gaps as the caller chooses and reports the treatment: zero, drop-regions, drop-industries', async () => {
    const store = readOnly;
    const zero = await unitSetMatrix(store, 'jjj', 'cities', 2019, { gaps: 'zero' });
    assert.equal(zero.matrix.at(zero.matrix.regionIndex('CN-130100'), zero.matrix.industryIndex('II')), 0);
    assert.deepEqual(zero.gaps, [{ region: 'CN-130100', industry: 'II', kind: 'withheld', treatment: 'zero' }]);
    const dropR = await unitSetMatrix(store, 'jjj', 'cities', 2019, { gaps: 'drop-regions' });
    assert.deepEqual(dropR.matrix.regions, ['CN-110000', 'CN-120000']);
    assert.equal(dropR.gaps[0]?.treatment, 'dropped-region');
    const dropI = await unitSetMatrix(store, 'jjj', 'cities', 2019, { gaps: 'drop-industries' });
    assert.deepEqual(dropI.matrix.industries, ['I', 'III']);
    assert.equal(dropI.matrix.regionCount, 3);
  });

  it('uses the top level of the classification, reports industries nobody has, and a missing cell as a gap', async () => {
    const store = readOnly;
    const result = await unitSetMatrix(store, 'jjj', 'provinces', 2019, { gaps: 'drop-industries' });
    assert.equal(result.level, 'section');
    assert.deepEqual(result.absentIndustries, ['T']);
    assert.deepEqual(result.gaps, [{ region: 'CN-130000', industry: 'I', kind: 'missing', treatment: 'dropped-industry' }]);
    assert.deepEqual(result.matrix.industries, ['C', 'J']);
    assert.equal(result.unit, 'persons');
  });

  it('throws NO_DATA_FOR_YEAR listing the years that have data, and NotFound for unknown metro or unit set', async () => {
    const store = readOnly;
    await assert.rejects(unitSetMatrix(store, 'jjj', 'cities', 2005), (e: unknown) => {
      assert.ok(hasCode(InvalidInputError, 'NO_DATA_FOR_YEAR')(e));
      assert.deepEqual((e as InvalidInputError).details?.years, [2018, 2019]);
      return true;
    });
    await assert.rejects(unitSetMatrix(store, 'nowhere', 'cities', 2019), hasCode(NotFoundError, 'UNKNOWN_METRO'));
    await assert.rejects(unitSetMatrix(store, 'jjj', 'districts', 2019), hasCode(NotFoundError, 'UNKNOWN_UNIT_SET'));
    await assert.rejects(unitSetMatrix(store, 'jjj', 'cities', 2019, { gaps: 'guess' as 'zero' }), hasCode(InvalidInputError, 'INVALID_OPTION'));
  });

  it('refuses to mix units in one matrix (UNIT_MISMATCH)', async () => {
    const store = await fixtureStore();
    await store.run(`UPDATE observations SET unit = 'USD' WHERE region = 'JP-14'`);
    await assert.rejects(unitSetMatrix(store, 'tokyo', 'prefectures', 2019), hasCode(InvalidInputError, 'UNIT_MISMATCH'));
    store.close();
  });

  it('includes an imported dataset when it ranks higher, and can be limited to one dataset', async () => {
    const store = await fixtureStore();
    await store.run(
      `INSERT INTO observations SELECT region, year, indicator, classification, industry, value * 2, unit, value_original, unit_original, 'mine', 'final', '2021', withheld, break_in_series, estimated, note, 'yearbook'
       FROM observations WHERE region = 'JP-13'`,
    );
    const all = await unitSetMatrix(store, 'tokyo', 'prefectures', 2019);
    assert.equal(all.choices.find((c) => c.region === 'JP-13')?.dataset, 'yearbook');
    assert.equal(all.matrix.at(0, 0), 100e9);
    const only = await unitSetMatrix(store, 'tokyo', 'prefectures', 2019, { dataset: 'default' });
    assert.equal(only.matrix.at(0, 0), 50e9);
    store.close();
  });
});
