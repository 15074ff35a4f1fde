/**
 * Official files of any area import (issue 9, point 7): a statewide QCEW file whose counties are in no metro but in
 * the store (every US county is), unknown regions reported once each with their rows and skipped on request,
 * NAICS "99" (industries not classified) kept apart from the sectors, and a CBP county file re-quoted by a
 * spreadsheet read as the published one. The fixtures keep the publishers' layouts (all 38 columns of a BLS QCEW
 * annual-averages CSV, the 26 columns of a Census CBP 2014 county file); the figures are synthetic test values.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectFormat } from '../../src/import/detect.ts';
import { importFile, validateFile } from '../../src/import/import.ts';
import type { Store } from '../../src/store/store.ts';
import { DataValidationError } from '../../src/validation/report.ts';
import { copiedStore } from '../support/store-template.ts';
import { observationsOf, seededStore } from './helpers.ts';

const inDir = join(import.meta.dirname, '..', 'fixtures', 'import', 'in');

async function withStore<T>(open: () => Promise<Store>, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await open();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const find = (rows: Record<string, unknown>[], region: string, indicator: string, industry: string | null) => {
  const hit = rows.filter((r) => r.region === region && r.indicator === indicator && r.industry === industry);
  assert.equal(hit.length, 1, `${region} ${indicator} ${industry}`);
  return hit[0] as Record<string, unknown>;
};

describe('a statewide QCEW file (Delaware)', () => {
  it('imports every county the store knows, metro member or not; the unknown-county row 10999 is skipped', async () => {
    await withStore(
      () => copiedStore('embedded'),
      async (store) => {
        const file = join(inDir, 'qcew_2019_delaware_statewide.csv');
        assert.equal(detectFormat(file), 'qcew-csv');
        const members = await store.rows(`SELECT count(*)::INTEGER AS n FROM metro_members WHERE region IN ('US-10001', 'US-10005')`);
        assert.equal(members[0]?.n, 0, 'Kent and Sussex are in no metro');
        const result = await importFile(store, file, { dataset: 'qcew-de' });
        assert.equal(result.report.errorCount, 0);
        const rows = await observationsOf(store, 'qcew-de');
        assert.deepEqual([...new Set(rows.map((r) => r.region))].sort(), ['US-10', 'US-10001', 'US-10003', 'US-10005']);
        assert.equal(find(rows, 'US-10001', 'employees', null).value, 48_000);
        assert.equal(find(rows, 'US-10005', 'employees', '72').value, 14_000);
        assert.equal(find(rows, 'US-10', 'employees', '31-33').value, 26_000);
        assert.equal(find(rows, 'US-10001', 'employees', '11').withheld, true);
        // own_code 0 (2 rows), the 3-digit 311 row and the unknown county 10999 are skipped on purpose.
        assert.equal(result.report.skippedRows, 4);
        assert.equal(rows.length, 16 - 4);
      },
    );
  });

  it('keeps QCEW industry 99 apart from the sectors: indicator employees_unclassified, no classification or industry', async () => {
    await withStore(
      () => copiedStore('embedded'),
      async (store) => {
        await importFile(store, join(inDir, 'qcew_2019_delaware_statewide.csv'), { dataset: 'qcew-de' });
        const rows = await observationsOf(store, 'qcew-de');
        assert.equal(rows.filter((r) => r.industry === '99').length, 0, 'no NAICS sector 99');
        const u = find(rows, 'US-10001', 'employees_unclassified', null);
        assert.equal(u.value, 15);
        assert.equal(u.classification, null);
        assert.match(String(u.note), /not a sector/);
        assert.equal(find(rows, 'US-10', 'employees_unclassified', null).value, 120);
      },
    );
  });
});

describe('regions the store does not know', () => {
  const file = join(inDir, 'unknown-regions-skip.csv');

  it('are ONE error per region, with its rows, and nothing is imported', async () => {
    await withStore(seededStore, async (store) => {
      const report = await validateFile(store, file);
      const unknown = report.issues.filter((i) => i.code === 'UNKNOWN_REGION');
      assert.deepEqual(
        unknown.map((i) => [i.row, i.value]),
        [
          [3, 'CN-999901'],
          [6, 'Atlantis'],
        ],
      );
      assert.equal(report.errorCount, 2);
      assert.match(unknown[0]?.expected ?? '', /3 rows: 3, 5, 7; --skip-unknown-regions/);
      assert.match(unknown[0]?.message.zh ?? '', /--skip-unknown-regions/);
      await assert.rejects(importFile(store, file, { dataset: 'skip' }), DataValidationError);
      assert.equal((await observationsOf(store, 'skip')).length, 0);
    });
  });

  it('are skipped with skipUnknownRegions: the rest imports and each skipped region is listed once with its rows', async () => {
    await withStore(seededStore, async (store) => {
      const result = await importFile(store, file, { dataset: 'skip', skipUnknownRegions: true });
      assert.equal(result.report.errorCount, 0);
      const skipped = result.report.issues.filter((i) => i.code === 'SKIPPED_REGION');
      assert.deepEqual(
        skipped.map((i) => [i.severity, i.row, i.value]),
        [
          ['warning', 3, 'CN-999901'],
          ['warning', 6, 'Atlantis'],
        ],
      );
      assert.match(skipped[0]?.expected ?? '', /skipped .*3 rows: 3, 5, 7/);
      const rows = await observationsOf(store, 'skip');
      assert.deepEqual(
        rows.map((r) => [r.region, r.year]),
        [
          ['CN-130100', 2018],
          ['CN-130100', 2019],
        ],
      );
      assert.equal(result.imported, 2);
    });
  });
});

describe('a CBP county file re-quoted by a spreadsheet (2014 layout)', () => {
  const file = join(inDir, 'cbp14co_requoted.txt');

  it('is detected and read like the published file, whether the format is given or not', async () => {
    assert.equal(detectFormat(file), 'cbp-county');
    for (const options of [{}, { format: 'cbp-county' as const }]) {
      await withStore(
        () => copiedStore('embedded'),
        async (store) => {
          const result = await importFile(store, file, { ...options, dataset: 'cbp14' });
          assert.equal(result.report.errorCount, 0, JSON.stringify(result.report.issues.slice(0, 3)));
          const rows = await observationsOf(store, 'cbp14');
          assert.equal(find(rows, 'US-10001', 'employees', null).value, 52_000);
          assert.equal(find(rows, 'US-10001', 'employees', '31-33').value, 4_000);
          assert.equal(find(rows, 'US-10001', 'employees', '11').withheld, true, 'empflag A: withheld, never 0');
          assert.equal(find(rows, 'US-10003', 'employees', null).value, 240_000);
          assert.equal(find(rows, 'US-10001', 'employees', null).year, 2014, 'year from the file name cbp14co');
          // NAICS 99---- kept apart from the sectors.
          assert.equal(rows.filter((r) => r.industry === '99').length, 0);
          assert.equal(find(rows, 'US-10001', 'employees_unclassified', null).value, 14);
          // The 113/// row and the statewide fipscty 999 row are skipped on purpose.
          assert.equal(result.report.skippedRows, 2);
          assert.equal(rows.length, 5);
        },
      );
    }
  });
});
