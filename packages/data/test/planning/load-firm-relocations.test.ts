/**
 * loadFirmRelocations on the embedded store (template, read-only) and on copies changed on purpose: moves walked up
 * to the units of each unit set, moves inside one unit kept out of the list and counted, the section mapped into the
 * unit set's classification (GB/T 4754 one to one; three sectors through the crosswalk, or by the NBS rule without
 * one; S = 综合 to no industry), the year bound, `null` outside China and the errors. Expected moves are read from the
 * committed table (packages/data/dataset/firm_relocations/cn.csv): within JJJ only 招商公路 (Beijing → Tianjin, 2018)
 * crosses a provincial line; 晶澳科技 moves Qinhuangdao → Xingtai inside Hebei (2020).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MetroError } from '@metrocoop/core';
import { readPartCsv } from '../../scripts/build/shared.ts';
import { loadFirmRelocations, relocationsBetweenUnits } from '../../src/planning/load-firm-relocations.ts';
import type { Store } from '../../src/store/store.ts';
import { datasetDir } from '../dataset-part.ts';
import { copiedStore, openStoreTemplate } from '../support/store-template.ts';

let store: Store;
before(async () => {
  store = await openStoreTemplate();
});
after(() => store.close());

const table = readPartCsv(datasetDir, 'firm_relocations', 'cn').rows;
const regionParent = new Map(readPartCsv(datasetDir, 'regions', 'cn').rows.map((r) => [r.id, r.parent]));
/** The province-level region of a Chinese region (walking parents up to just below `CN`). */
const provinceOf = (id: string): string => {
  let cur = id;
  while (regionParent.get(cur) !== 'CN' && regionParent.get(cur) != null) cur = regionParent.get(cur) as string;
  return cur;
};

describe('loadFirmRelocations', () => {
  it('lists Beijing → Tianjin road transport (招商公路, 2017→2018) as the one move between the JJJ provinces', async () => {
    const r = await loadFirmRelocations(store, 'jjj', { units: 'provinces' });
    assert.ok(r !== null);
    assert.deepEqual(r.moves, [
      { origin: 'CN-110000', destination: 'CN-120000', industry: 'G', section: 'G', firms: 1, examples: ['CN-001965 招商公路 (2017→2018)'] },
    ]);
    assert.deepEqual(r.years, [2011, 2023]);
    assert.equal(r.source, 'CSMAR_LCI_2011_2023');
    // Qinhuangdao → Xingtai stays inside Hebei: counted in a note, not listed.
    assert.match(r.notes.map((n) => n.en).join(' '), /moves inside one unit 1 /);
    for (const note of r.notes) assert.ok(note.en.length > 0 && note.zh.length > 0, 'bilingual notes');
  });

  it('maps sections to three sectors through the crosswalk for the JJJ cities and lists the move inside Hebei', async () => {
    const r = await loadFirmRelocations(store, 'jjj', { units: 'cities' });
    assert.deepEqual(
      r?.moves.map((m) => [m.origin, m.destination, m.section, m.industry, m.firms]),
      [
        ['CN-110000', 'CN-120000', 'G', 'III', 1],
        ['CN-130300', 'CN-130500', 'C', 'II', 1],
      ],
    );
    assert.match(r?.notes.at(-1)?.en ?? '', /crosswalk GBT4754-2017 → THREE-SECTOR/);
  });

  it('counts the moves between YRD provinces as the committed table does', async () => {
    const yrd = new Set(['CN-310000', 'CN-320000', 'CN-330000', 'CN-340000']);
    const expected = table.filter((m) => {
      const [a, b] = [provinceOf(m.origin), provinceOf(m.destination)];
      return yrd.has(a) && yrd.has(b) && a !== b;
    });
    const r = await loadFirmRelocations(store, 'yrd');
    assert.ok(expected.length > 0);
    assert.equal(
      r?.moves.reduce((s, m) => s + m.firms, 0),
      new Set(expected.map((m) => `${provinceOf(m.origin)}|${provinceOf(m.destination)}|${m.section}|${m.firmId}`)).size,
    );
    for (const m of r?.moves ?? []) {
      assert.notEqual(m.origin, m.destination);
      assert.equal(m.industry, m.section, 'GB/T 4754 sections are the codes of the provinces unit set');
      assert.ok(m.examples.length <= 5 && m.examples.length >= 1);
    }
  });

  it('counts only moves up to the year given', async () => {
    const r = await loadFirmRelocations(store, 'jjj', { units: 'provinces', year: 2017 });
    assert.deepEqual(r?.moves, []);
    assert.match(r?.notes[2]?.en ?? '', /up to 2017/);
  });

  it('returns null for a metro outside China', async () => {
    assert.equal(await loadFirmRelocations(store, 'nyc'), null);
    assert.equal(await loadFirmRelocations(store, 'tokyo', { units: 'municipalities' }), null);
  });

  it('throws UNKNOWN_UNIT_SET and INVALID_OPTION with the names to use', async () => {
    await assert.rejects(loadFirmRelocations(store, 'jjj', { units: 'wards' }), (e: unknown) => e instanceof MetroError && e.code === 'UNKNOWN_UNIT_SET');
    await assert.rejects(loadFirmRelocations(store, 'jjj', { year: 2019.5 }), (e: unknown) => e instanceof MetroError && e.code === 'INVALID_OPTION');
  });
});

describe('relocationsBetweenUnits (changed stores)', () => {
  it('gives a conglomerate (S 综合) no industry, and uses the NBS rule when the store has no GB/T → three-sector crosswalk', async () => {
    const copy = await copiedStore();
    try {
      await copy.run(
        `INSERT INTO firm_relocations VALUES ('CN-999999', 'Test', 2015, 2016, 'CN-110000', 'CN-130100', 'S', 'S90', 'CSMAR_LCI_2011_2023', NULL, 'test')`,
      );
      await copy.run(`DELETE FROM crosswalks WHERE from_classification = 'GBT4754-2017' AND to_classification = 'THREE-SECTOR'`);
      const r = await relocationsBetweenUnits(copy, { units: ['CN-110000', 'CN-120000', 'CN-130100'], classification: 'THREE-SECTOR', set: 'test' });
      assert.deepEqual(
        r?.moves.map((m) => [m.origin, m.destination, m.section, m.industry]),
        [
          ['CN-110000', 'CN-120000', 'G', 'III'],
          ['CN-110000', 'CN-130100', 'S', null],
        ],
      );
      assert.match(r?.notes.at(-1)?.en ?? '', /NBS three-sector rule/);
      const other = await relocationsBetweenUnits(copy, { units: ['CN-110000', 'CN-120000'], classification: 'NAICS-2017', set: 'test' });
      assert.deepEqual(
        other?.moves.map((m) => m.industry),
        [null],
      );
    } finally {
      copy.close();
    }
  });

  it('returns null when the store holds no firm relocation', async () => {
    const copy = await copiedStore();
    try {
      await copy.run('DELETE FROM firm_relocations');
      assert.equal(await relocationsBetweenUnits(copy, { units: ['CN-110000'], classification: 'GBT4754-2017', set: 'test' }), null);
    } finally {
      copy.close();
    }
  });
});
