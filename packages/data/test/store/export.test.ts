import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import ExcelJS from 'exceljs';
import { canonicalObservationColumns, exportTable, exportText } from '../../src/store/export.ts';
import type { Store } from '../../src/store/store.ts';
import { openStoreTemplate } from '../support/store-template.ts';
import { fixtureStore, withTempDir } from './helpers.ts';

// Exports only read the store: the tests that do not change it share the fixture template, opened read-only
// (nothing can leak from one test to the next); those that insert rows get a fresh copy each.
let readOnly: Store;
before(async () => {
  readOnly = await openStoreTemplate('fixture');
});
after(() => readOnly.close());

const hasCode = (cls: abstract new (...args: never[]) => unknown, code: string) => (e: unknown) => e instanceof cls && (e as { code: string }).code === code;

/** The table's rows as DuckDB sees them, for comparison with a read-back file. */
const tableRows = (store: Store, table: string) => store.rows(`SELECT * FROM ${table} ORDER BY ALL`);

describe('exportTable', () => {
  it('writes observations as CSV in the canonical long layout, read back by DuckDB with the same values', async () => {
    const store = readOnly;
    await withTempDir(async (dir) => {
      const out = join(dir, 'o.csv');
      const result = await exportTable(store, 'observations', 'csv', out);
      assert.equal(result.rows, 38);
      assert.deepEqual(result.columns, [...canonicalObservationColumns]);
      const back = await store.rows(
        `SELECT * FROM read_csv('${out}', header = true, auto_detect = false, columns = {'region': 'VARCHAR', 'year': 'INTEGER', 'indicator': 'VARCHAR', 'industry': 'VARCHAR', 'classification': 'VARCHAR', 'value': 'DOUBLE', 'unit': 'VARCHAR', 'source': 'VARCHAR'}) ORDER BY ALL`,
      );
      const expected = await store.rows(`SELECT region, year, indicator, industry, classification, value, unit, source FROM observations ORDER BY ALL`);
      assert.deepEqual(back, expected);
    });
  });

  it('writes Parquet with native types and lists, read back by DuckDB identical to the table', async () => {
    const store = readOnly;
    await withTempDir(async (dir) => {
      for (const table of ['observations', 'unit_sets', 'geometries']) {
        const out = join(dir, `${table}.parquet`);
        await exportTable(store, table, 'parquet', out);
        assert.deepEqual(await store.rows(`SELECT * FROM read_parquet('${out}') ORDER BY ALL`), await tableRows(store, table), table);
      }
    });
  });

  it('writes JSON (an array of rows), read back by DuckDB identical to the table', async () => {
    const store = readOnly;
    await withTempDir(async (dir) => {
      const out = join(dir, 'unit_sets.json');
      const result = await exportTable(store, 'unit_sets', 'json', out);
      assert.equal(result.rows, 3);
      const back = await store.rows(
        `SELECT metro, id, name_en, name_zh, indicator, classification, years::INTEGER[] AS years, note_en, note_zh, dataset FROM read_json('${out}') ORDER BY ALL`,
      );
      assert.deepEqual(back, await tableRows(store, 'unit_sets'));
    });
  });

  it('writes a table as CSV in the dataset layout (lists |-joined), which DuckDB reads back', async () => {
    const store = readOnly;
    await withTempDir(async (dir) => {
      const out = join(dir, 'classifications.csv');
      await exportTable(store, 'classifications', 'csv', out);
      const back = await store.rows(`SELECT id, string_split(levels, '|') AS levels, source, dataset FROM read_csv('${out}', header = true) ORDER BY id`);
      assert.deepEqual(back, await store.rows(`SELECT id, levels, source, dataset FROM classifications ORDER BY id`));
    });
  });

  it('writes a metro’s observations as XLSX with a header row and every row (read back with exceljs)', async () => {
    const store = readOnly;
    await withTempDir(async (dir) => {
      const out = join(dir, 'jjj.xlsx');
      const result = await exportTable(store, 'metro:jjj', 'xlsx', out);
      assert.equal(result.rows, 32);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.getWorksheet('metro-jjj');
      assert.ok(sheet);
      assert.equal(sheet.rowCount, 33);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header, result.columns);
      const valueCol = result.columns.indexOf('value') + 1;
      const regionCol = result.columns.indexOf('region') + 1;
      const indicatorCol = result.columns.indexOf('indicator') + 1;
      let found = false;
      sheet.eachRow((row) => {
        if (row.getCell(regionCol).value === 'CN-110000' && row.getCell(indicatorCol).value === 'gdp_per_capita') {
          assert.equal(row.getCell(valueCol).value, 164220);
          found = true;
        }
      });
      assert.ok(found);
    });
  });

  it('limits an export to one dataset', async () => {
    const store = await fixtureStore();
    await store.run(`INSERT INTO sources (id, citation, publisher, dataset) VALUES ('mine', 'c', 'p', 'yearbook')`);
    const text = await exportText(store, 'sources', 'csv', { dataset: 'yearbook' });
    assert.equal(text.rows, 1);
    assert.match(text.text, /^id,citation,publisher,table,where_found,url,licence,notes,dataset\nmine,c,p,,,,,,yearbook\n$/);
    store.close();
  });

  it('refuses unknown tables, metros and formats', async () => {
    const store = readOnly;
    await withTempDir(async (dir) => {
      await assert.rejects(exportTable(store, 'nothing', 'csv', join(dir, 'x')), hasCode(NotFoundError, 'UNKNOWN_TABLE'));
      await assert.rejects(exportTable(store, 'metro:paris', 'csv', join(dir, 'x')), hasCode(NotFoundError, 'UNKNOWN_METRO'));
      await assert.rejects(exportTable(store, 'regions', 'pdf' as 'csv', join(dir, 'x')), hasCode(InvalidInputError, 'UNKNOWN_FORMAT'));
    });
  });
});

describe('exportText', () => {
  it('returns CSV and JSON text, and refuses binary formats without a file', async () => {
    const store = readOnly;
    const csv = await exportText(store, 'metro:tokyo', 'csv');
    assert.equal(csv.text.split('\n')[0], canonicalObservationColumns.join(','));
    assert.equal(csv.text.trimEnd().split('\n').length, 7);
    const json = await exportText(store, 'metros', 'json');
    assert.deepEqual(
      JSON.parse(json.text).map((m: { id: string }) => m.id),
      ['jjj', 'tokyo'],
    );
    const empty = await exportText(store, 'knowledge', 'json');
    assert.deepEqual(JSON.parse(empty.text), []);
    await assert.rejects(exportText(store, 'regions', 'parquet'), hasCode(InvalidInputError, 'NEEDS_OUT_FILE'));
  });
});

describe('export → import round trip (canonical long CSV)', () => {
  const columns = 'region, year, indicator, industry, classification, value, unit, source';
  const flags = 'vintage, vintage_date, withheld, break_in_series, estimated, note';
  const differences = (store: Store, cols: string, dataset: string) =>
    store.rows(
      `SELECT count(*)::INTEGER AS n FROM ((SELECT ${cols} FROM observations WHERE dataset = 'default' EXCEPT ALL SELECT ${cols} FROM observations WHERE dataset = '${dataset}')
         UNION ALL (SELECT ${cols} FROM observations WHERE dataset = '${dataset}' EXCEPT ALL SELECT ${cols} FROM observations WHERE dataset = 'default'))`,
    );

  it('extended layout: the importer reads every observation back unchanged, withheld flags and vintages included', async () => {
    const { importFile } = await import('../../src/import/import.ts');
    const store = await fixtureStore();
    await withTempDir(async (dir) => {
      const out = join(dir, 'o.csv');
      await exportTable(store, 'observations', 'csv', out, { layout: 'extended' });
      const result = await importFile(store, out, { dataset: 'roundtrip' });
      assert.equal(result.imported, 38);
      assert.deepEqual(await differences(store, `${columns}, ${flags}`, 'roundtrip'), [{ n: 0 }]);
    });
    store.close();
  });

  it('canonical layout: every number reads back; the withheld cell (an empty value) reads back as a gap', async () => {
    const { importFile } = await import('../../src/import/import.ts');
    const store = await fixtureStore();
    await withTempDir(async (dir) => {
      const out = join(dir, 'o.csv');
      await exportTable(store, 'observations', 'csv', out);
      const result = await importFile(store, out, { dataset: 'roundtrip' });
      assert.equal(result.imported, 37);
      const missing = await store.rows(
        `SELECT region, industry FROM observations WHERE dataset = 'default' AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.dataset = 'roundtrip' AND o.region = observations.region AND o.year = observations.year AND o.indicator = observations.indicator AND o.industry IS NOT DISTINCT FROM observations.industry AND o.source = observations.source)`,
      );
      assert.deepEqual(missing, [{ region: 'CN-130100', industry: 'II' }]);
    });
    store.close();
  });
});
