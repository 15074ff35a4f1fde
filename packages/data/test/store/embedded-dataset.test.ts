/**
 * The store on the real embedded dataset (packages/data/dataset, built by the dataset helpers): it loads in one
 * transaction, every metro's default unit set yields a matrix, and known figures come out unchanged. The first
 * test loads the files itself; the others only read, from the embedded template opened read-only.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embeddedDatasetDir, loadDataset } from '../../src/store/load-default.ts';
import { listMetros, observations, unitSetMatrix } from '../../src/store/queries.ts';
import { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';

async function loadedStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await store.ensureSchema();
  const result = await loadDataset(store, { dir: embeddedDatasetDir });
  assert.equal(result.loaded, true);
  return store;
}

describe('the embedded dataset in the store', () => {
  it('loads every table and lists the five metros with non-zero counts', async () => {
    const store = await loadedStore();
    const metros = await listMetros(store);
    assert.deepEqual(
      metros.map((m) => m.id),
      ['boswash', 'jjj', 'nyc', 'tokyo', 'yrd'],
    );
    for (const m of metros) {
      assert.ok(m.memberCount > 0 && m.observationCount > 0 && m.unitSets.length > 0, m.id);
      assert.ok(
        m.unitSets.some((u) => u.isDefault),
        `${m.id} has its default unit set`,
      );
    }
    const again = await loadDataset(store, { dir: embeddedDatasetDir });
    assert.equal(again.loaded, false);
    store.close();
  });

  it("gives Beijing's 2019 GDP per capita as 164,220 yuan (China City Statistical Yearbook 2020 via CSMAR)", async () => {
    const store = await openStoreTemplate('embedded');
    const rows = await observations(store, { regions: ['CN-110000'], indicator: 'gdp_per_capita', years: [2019], classification: null });
    const csmar = rows.filter((r) => r.source === 'CSMAR_CRE_GDPCT');
    assert.equal(csmar.length, 1);
    assert.equal(csmar[0]?.value, 164220);
    assert.equal(csmar[0]?.unit, 'CNY/person');
    store.close();
  });

  it("gives Beijing's 2019 tertiary share as 83.5% (the paper's figure) from value added over GDP, one source and vintage", async () => {
    const store = await openStoreTemplate('embedded');
    const value = async (indicator: string, classification: string | null, industry?: string) => {
      const rows = await observations(store, { regions: ['CN-110000'], indicator, years: [2019], classification });
      const row = rows.find((r) => r.source === 'CSMAR_CRE_GDPCT' && (industry === undefined || r.industry === industry));
      assert.ok(row !== undefined && row.value !== null, `${indicator} ${industry ?? ''}`);
      return row.value as number;
    };
    const share = (100 * (await value('value_added', 'THREE-SECTOR', 'III'))) / (await value('gdp', null));
    assert.equal(share.toFixed(1), '83.5');
    const published = await value('value_added_share', 'THREE-SECTOR', 'III');
    assert.equal(published, 83.5);
    store.close();
  });

  it("builds each metro's default unit-set matrix for its latest year, reporting gaps instead of zeros", async () => {
    const store = await openStoreTemplate('embedded');
    for (const metro of await listMetros(store)) {
      const set = metro.unitSets.find((u) => u.isDefault);
      assert.ok(set !== undefined);
      const year = set.years.at(-1);
      assert.ok(year !== undefined, `${metro.id}/${set.id} has years`);
      const result = await unitSetMatrix(store, metro.id, set.id, year, { gaps: 'drop-industries', matrix: { zeroTotals: 'drop' } });
      assert.ok(result.matrix.regionCount > 0 && result.matrix.industryCount > 0, `${metro.id}/${set.id}`);
      assert.ok(result.gaps.every((g) => g.treatment === 'dropped-industry' && !result.matrix.industries.includes(g.industry)));
      assert.equal(result.choices.length + result.regionsWithoutData.length, set.memberCount);
    }
    store.close();
  });
});
