/**
 * Each importer on a small file in its real layout. The figures are synthetic test values (the layouts are the
 * publishers'); each expected number below says which fixture cell it comes from.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { detectFormat } from '../../src/import/detect.ts';
import { detectEncoding } from '../../src/import/encoding.ts';
import { importFile, validateFile } from '../../src/import/import.ts';
import type { Store } from '../../src/store/store.ts';
import { DataValidationError } from '../../src/validation/report.ts';
import { assertClose } from '../support/assert.ts';
import { observationsOf, seededStore } from './helpers.ts';

const inDir = join(import.meta.dirname, '..', 'fixtures', 'import', 'in');
let temp = '';
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'metrocoop-import-test-'));
});
after(() => rmSync(temp, { recursive: true, force: true }));

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await seededStore();
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const find = (rows: Record<string, unknown>[], region: string, industry: string | null) => {
  const row = rows.find((r) => r.region === region && r.industry === industry);
  assert.ok(row, `a row for ${region} ${industry}`);
  return row;
};

describe('detectFormat and detectEncoding', () => {
  it('recognises each layout from its extension or header', () => {
    assert.equal(detectFormat(join(inDir, 'withheld.csv')), 'canonical-csv');
    assert.equal(detectFormat(join(inDir, 'wide-gbk.csv')), 'wide-csv');
    assert.equal(detectFormat(join(inDir, 'cbp19co_excerpt.txt')), 'cbp-county');
    assert.equal(detectFormat(join(inDir, 'qcew_2019_excerpt.csv')), 'qcew-csv');
    assert.equal(detectFormat(join(inDir, 'observations.json')), 'json');
    assert.equal(detectFormat('x.xlsx'), 'xlsx-yearbook');
    assert.equal(detectFormat('x.parquet'), 'parquet');
  });

  it('tells UTF-8 from GBK and rejects bytes valid in neither', async () => {
    assert.equal(await detectEncoding(join(inDir, 'withheld.csv')), 'utf-8');
    assert.equal(await detectEncoding(join(inDir, 'wide-gbk.csv')), 'gb18030');
    assert.equal(await detectEncoding(join(inDir, 'unknown-encoding.csv')), null);
  });
});

describe('wide CSV (GBK)', () => {
  it('decodes GBK, maps section names to GB/T codes, resolves region names and converts 万人 to persons', async () => {
    await withStore(async (store) => {
      const result = await importFile(store, join(inDir, 'wide-gbk.csv'), {
        regionPrefix: 'CN',
        year: 2019,
        indicator: 'employment_urban_units',
        unit: '万人',
        source: 'test-wide',
      });
      assert.equal(result.report.encoding, 'gb18030');
      assert.equal(result.report.format, 'wide-csv');
      const rows = await observationsOf(store, 'wide-gbk');
      // 石家庄市: 合计 100.0, A 10.0, B 20.0, C 70.0 (万人); 唐山市: 合计 80.5, A 0.5, B … (withheld), C empty (gap).
      assert.equal(rows.length, 7);
      assertClose(find(rows, 'CN-130100', null).value as number, 1_000_000, 1e-6, 'Shijiazhuang total');
      assertClose(find(rows, 'CN-130100', 'C').value as number, 700_000, 1e-6, 'Shijiazhuang C');
      assert.equal(find(rows, 'CN-130100', 'C').classification, 'GBT4754-2017');
      assert.equal(find(rows, 'CN-130100', 'C').unit_original, '万人');
      const withheld = find(rows, 'CN-130200', 'B');
      assert.equal(withheld.withheld, true);
      assert.equal(withheld.value, null);
      assert.equal(
        rows.some((r) => r.region === 'CN-130200' && r.industry === 'C'),
        false,
        'an empty cell stays a gap',
      );
      assert.deepEqual(
        result.report.issues.map((i) => [i.code, i.row, i.column]),
        [['WITHHELD', 3, '采矿业']],
      );
    });
  });
});

describe('yearbook XLSX', () => {
  it('reads the year and unit from title rows, sections from the header, regions from rows, and skips footnotes', async () => {
    const file = join(temp, 'yearbook.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2-5');
    sheet.addRow(['2-5 分地区分行业城镇单位就业人员（2019年）']);
    sheet.addRow(['', '', '', '单位：万人']);
    sheet.addRow(['地区', '合计', 'A 农、林、牧、渔业', 'B 采矿业', 'C 制造业']);
    sheet.addRow(['石家庄市', 100, 10, 20, 70]);
    sheet.addRow(['唐山市', 80.5, 0.5, '-', 60]);
    sheet.addRow([]);
    sheet.addRow(['注：本表为城镇非私营单位数据。']);
    sheet.addRow(['资料来源：测试用表。']);
    await workbook.xlsx.writeFile(file);
    await withStore(async (store) => {
      const result = await importFile(store, file, { regionPrefix: 'CN', source: 'test-yb', dataset: 'yb' });
      const rows = await observationsOf(store, 'yb');
      // 8 cells with values; 唐山市 B "-" is withheld; 唐山 total 80.5 vs 0.5 + 60 incomplete (B withheld): no sum check.
      assert.equal(rows.length, 8);
      const c = find(rows, 'CN-130200', 'C');
      assert.equal(c.year, 2019, 'year from the title "（2019年）"');
      assert.equal(c.indicator, 'employment_urban_units', 'indicator from the title words 城镇单位就业人员');
      assertClose(c.value as number, 600_000, 1e-6, '唐山市 C 60 万人');
      assert.equal(find(rows, 'CN-130200', 'B').withheld, true);
      assert.deepEqual(
        result.report.issues.map((i) => [i.code, i.row, i.column, i.value]),
        [['WITHHELD', 5, 'B 采矿业', '-']],
      );
    });
  });

  it('reports a section total that disagrees with the sections (row and header of the total cell)', async () => {
    const file = join(temp, 'yearbook-bad.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('t');
    sheet.addRow(['三次产业增加值（2019年）', '', '单位：亿元']);
    sheet.addRow(['地区', '合计', '第一产业', '第二产业', '第三产业']);
    sheet.addRow(['石家庄市', 5809.9, 462.4, 1844.6, 3402.9]);
    await workbook.xlsx.writeFile(file);
    await withStore(async (store) => {
      const report = await validateFile(store, file, { regionPrefix: 'CN', source: 'test-yb' });
      // 462.4 + 1844.6 + 3402.9 = 5709.9 vs 5809.9: off by 1.7%.
      assert.deepEqual(
        report.issues.map((i) => [i.code, i.row, i.column]),
        [['SUM_MISMATCH', 3, '合计']],
      );
      await assert.rejects(importFile(store, file, { regionPrefix: 'CN', source: 'test-yb' }), DataValidationError);
      assert.equal(await store.count('observations'), 0);
    });
  });
});

describe('CBP county file', () => {
  it('keeps county totals and NAICS sectors, maps 31---- to 31-33, withholds emp_nf D, skips finer levels and statewide rows', async () => {
    await withStore(async (store) => {
      const result = await importFile(store, join(inDir, 'cbp19co_excerpt.txt'));
      const rows = await observationsOf(store, 'cbp19co_excerpt');
      assert.equal(result.report.skippedRows, 2, 'the 113/// row and the fipscty 999 row');
      assert.equal(rows.length, 5);
      assert.equal(find(rows, 'US-36061', null).value, 2_500_000);
      assert.equal(find(rows, 'US-36061', '31-33').value, 24_000);
      assert.equal(find(rows, 'US-36061', '44-45').value, 70_000);
      const d = find(rows, 'US-36061', '11');
      assert.equal(d.withheld, true);
      assert.equal(d.value, null, 'emp 0 with emp_nf D is withheld, never 0');
      assert.equal(d.year, 2019, 'year from the file name cbp19co');
      assert.equal(d.source, 'census-cbp-2019');
      assert.equal(d.indicator, 'employees');
    });
  });
});

describe('QCEW CSV', () => {
  it('keeps private annual totals and sectors, maps areas to region ids, withholds disclosure N', async () => {
    await withStore(async (store) => {
      const result = await importFile(store, join(inDir, 'qcew_2019_excerpt.csv'), { dataset: 'qcew' });
      const rows = await observationsOf(store, 'qcew');
      assert.equal(result.report.skippedRows, 3, 'own_code 0, the 3-digit 311 row and the unknown county 36999');
      assert.equal(rows.length, 4);
      assert.equal(find(rows, 'US-36061', null).value, 2_400_000);
      assert.equal(find(rows, 'US-36061', '31-33').value, 23_000);
      assert.equal(find(rows, 'US-36061', '11').withheld, true);
      assert.equal(find(rows, 'US-CBSA-35620', null).value, 8_000_000, 'C3562 → US-CBSA-35620');
    });
  });
});

describe('JSON and Parquet', () => {
  it('imports a JSON array with numbers, null and a withheld marker', async () => {
    await withStore(async (store) => {
      await importFile(store, join(inDir, 'observations.json'), { dataset: 'j' });
      const rows = await observationsOf(store, 'j');
      assert.equal(rows.length, 3);
      assertClose(find(rows, 'CN-130100', null).value as number, 5809.9e8, 1e-3, '5809.9 亿元');
      const w = find(rows, 'CN-130200', 'C');
      assert.equal(w.withheld, true);
      assert.equal(w.vintage, 'first');
    });
  });

  it('imports Parquet written by DuckDB from the same rows, with identical observations', async () => {
    await withStore(async (store) => {
      const parquet = join(temp, 'observations.parquet');
      await store.run(`COPY (SELECT * FROM read_json('${join(inDir, 'observations.json')}')) TO '${parquet}' (FORMAT parquet)`);
      await importFile(store, join(inDir, 'observations.json'), { dataset: 'j' });
      await importFile(store, parquet, { dataset: 'p' });
      assert.deepEqual(await observationsOf(store, 'p'), await observationsOf(store, 'j'));
    });
  });
});

describe('importFile', () => {
  it('replaces the previous rows of the same dataset (with replace) and registers it', async () => {
    await withStore(async (store) => {
      await importFile(store, join(inDir, 'withheld.csv'), { dataset: 'w' });
      await importFile(store, join(inDir, 'withheld.csv'), { dataset: 'w', replace: true });
      assert.equal(await store.count('observations', 'w'), 4);
      const registry = await store.rows(`SELECT kind FROM datasets WHERE name = 'w'`);
      assert.deepEqual(registry, [{ kind: 'import' }]);
      const sources = await store.rows(`SELECT id FROM sources WHERE dataset = 'w'`);
      assert.deepEqual(sources, [{ id: 'cbp' }]);
    });
  });

  it('refuses the dataset name default', async () => {
    await withStore(async (store) => {
      await assert.rejects(
        importFile(store, join(inDir, 'withheld.csv'), { dataset: 'default' }),
        (e: unknown) => (e as { code?: string }).code === 'INVALID_OPTION',
      );
    });
  });

  it('throws DataValidationError carrying the report and writes nothing', async () => {
    await withStore(async (store) => {
      const before = await store.count('observations');
      await assert.rejects(importFile(store, join(inDir, 'unknown-region.csv')), (e: unknown) => {
        assert.ok(e instanceof DataValidationError);
        assert.equal(e.code, 'DATA_VALIDATION');
        assert.equal(e.report.errorCount, 2);
        return true;
      });
      assert.equal(await store.count('observations'), before);
    });
  });

  it('lists at most maxIssuesPerCode issues per code but counts them all', async () => {
    const file = join(temp, 'many.csv');
    const lines = ['region,year,indicator,value,unit,source'];
    for (let k = 0; k < 250; k++) lines.push(`CN-9${String(k).padStart(5, '0')},2019,gdp,1,CNY,t`);
    await import('node:fs').then((fs) => fs.writeFileSync(file, `${lines.join('\n')}\n`));
    await withStore(async (store) => {
      const report = await validateFile(store, file, { maxIssuesPerCode: 10 });
      assert.equal(report.errorCount, 250);
      assert.equal(report.issues.length, 10);
      assert.deepEqual(report.omitted, { UNKNOWN_REGION: 240 });
      assert.equal(readFileSync(file, 'utf8').split('\n').length, 252);
    });
  });
});
