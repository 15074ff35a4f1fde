/**
 * Property: random canonical observations → canonical long CSV → importFile → the same observations (values
 * exactly: a double printed by JS and read by DuckDB is the same double). fast-check with a fixed seed. Every case
 * imports into the same seeded store as dataset `rt`, which an import replaces whole, so each case reads back only
 * its own rows (and the replacement of a previous import is exercised on the way).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { importFile } from '../../src/import/import.ts';
import { csvField } from '../../src/import/raw-csv.ts';
import { propertyRuns } from '../support/property-runs.ts';
import { naicsSectors, seededStore, testRegions } from './helpers.ts';

interface Row {
  region: string;
  year: number;
  indicator: string;
  industry: string | null;
  classification: string | null;
  value: number;
  unit: string;
  source: string;
}

const gbt = 'ABCDEFGHIJKLMNOPQRST'.split('');
const regions = testRegions.map(([id]) => id);

// Totals (gdp) and sections (employment) are separate indicators so that no section sum meets a total.
const rowArb: fc.Arbitrary<Row> = fc.oneof(
  fc.record({
    region: fc.constantFrom(...regions),
    year: fc.integer({ min: 2000, max: 2020 }),
    indicator: fc.constant('gdp'),
    industry: fc.constant(null),
    classification: fc.constant(null),
    value: fc.double({ min: 0, max: 1e13, noNaN: true, noDefaultInfinity: true }),
    unit: fc.constant('CNY'),
    source: fc.constantFrom('src-a', 'src-b'),
  }),
  fc.record({
    region: fc.constantFrom(...regions),
    year: fc.integer({ min: 2000, max: 2020 }),
    indicator: fc.constant('employment_urban_units'),
    industry: fc.constantFrom(...gbt),
    classification: fc.constant('GBT4754-2017'),
    value: fc.integer({ min: 0, max: 5_000_000 }).map((v) => v),
    unit: fc.constant('persons'),
    source: fc.constantFrom('src-a', 'src-b'),
  }),
  fc.record({
    region: fc.constantFrom(...regions),
    year: fc.integer({ min: 2000, max: 2020 }),
    indicator: fc.constant('employees'),
    industry: fc.constantFrom(...naicsSectors),
    classification: fc.constant('NAICS-2017'),
    value: fc.integer({ min: 0, max: 5_000_000 }),
    unit: fc.constant('persons'),
    source: fc.constant('cbp'),
  }),
);

const key = (r: Row) => [r.region, r.year, r.indicator, r.classification ?? '', r.industry ?? '', r.source].join('|');

describe('canonical CSV round trip', () => {
  it('imports exactly the rows that were written (fast-check, seed 20261128)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-roundtrip-'));
    const store = await seededStore();
    try {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(rowArb, { minLength: 1, maxLength: 60, selector: key }), async (rows) => {
          const file = join(dir, 'rows.csv');
          const lines = ['region,year,indicator,industry,classification,value,unit,source'];
          for (const r of rows)
            lines.push(
              [r.region, String(r.year), r.indicator, r.industry, r.classification, String(r.value), r.unit, r.source].map((v) => csvField(v)).join(','),
            );
          writeFileSync(file, `${lines.join('\r\n')}\r\n`);
          const result = await importFile(store, file, { dataset: 'rt', replace: true });
          assert.equal(result.imported, rows.length);
          const back = await store.rows(`SELECT region, year, indicator, industry, classification, value, unit, source FROM observations WHERE dataset = 'rt'`);
          const sort = (a: Row[]) => [...a].sort((x, y) => (key(x) < key(y) ? -1 : 1));
          assert.deepEqual(sort(back as unknown as Row[]), sort(rows.map((r) => ({ ...r, value: r.value === 0 ? 0 : r.value }))));
        }),
        { seed: 20261128, numRuns: propertyRuns.duckdb },
      );
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
