/**
 * Imports that never lose or corrupt data (issue 9 point 4): each hole found by trying the importer as a new user
 * would, with the test that closes it. The figures are synthetic test values.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deleteDataset, listDatasets } from '../../src/import/datasets.ts';
import { importFile, validateFile } from '../../src/import/import.ts';
import type { Store } from '../../src/store/store.ts';
import { DataValidationError, type ValidationReport } from '../../src/validation/report.ts';
import { seededStore, storeChecksum } from './helpers.ts';

let temp = '';
before(() => {
  temp = mkdtempSync(join(tmpdir(), 'metrocoop-hardening-'));
});
after(() => rmSync(temp, { recursive: true, force: true }));

const header = 'region,year,indicator,industry,classification,value,unit,source';
function csv(name: string, ...rows: string[]): string {
  const path = join(temp, name);
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return path;
}

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await seededStore();
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

const issues = (report: ValidationReport) => report.issues.map((i) => [i.code, i.row, i.column, i.value]);

async function rejectedReport(promise: Promise<unknown>): Promise<ValidationReport> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DataValidationError, `a DataValidationError, got ${String(error)}`);
    return error.report;
  }
  assert.fail('the import should have been refused');
}

describe('replacing a dataset', () => {
  it('needs replace: an import into an existing dataset is refused with DATASET_EXISTS and writes nothing', async () => {
    await withStore(async (store) => {
      const first = csv('a.csv', 'CN-130100,2019,gdp,,,5809.9,亿元,s1');
      const second = csv('b.csv', 'CN-130100,2019,gdp,,,6000,亿元,s1', 'CN-130200,2019,gdp,,,7000,亿元,s1');
      await importFile(store, first, { dataset: 'hebei' });
      const before = await storeChecksum(store);
      await assert.rejects(importFile(store, second, { dataset: 'hebei' }), (e: unknown) => {
        const err = e as { code?: string; message?: string; localized?: { zh: string } };
        assert.equal(err.code, 'DATASET_EXISTS');
        assert.match(err.message ?? '', /dataset "hebei" \(1 observations.*--replace.*--dataset/);
        return true;
      });
      assert.equal(await storeChecksum(store), before);
      const result = await importFile(store, second, { dataset: 'hebei', replace: true });
      assert.equal(result.imported, 2);
      assert.equal(await store.count('observations', 'hebei'), 2);
    });
  });

  it('never happens with 0 rows: a header-only file is a NO_ROWS error and the existing dataset stays', async () => {
    await withStore(async (store) => {
      await importFile(store, csv('full.csv', 'CN-130100,2019,gdp,,,5809.9,亿元,s1'), { dataset: 'hebei' });
      const before = await storeChecksum(store);
      const empty = csv('empty.csv');
      const validated = await validateFile(store, empty);
      assert.deepEqual(issues(validated), [['NO_ROWS', null, null, null]]);
      assert.equal(validated.errorCount, 1);
      const report = await rejectedReport(importFile(store, empty, { dataset: 'hebei', replace: true }));
      assert.deepEqual(issues(report), [['NO_ROWS', null, null, null]]);
      // only empty cells: no observation either
      const gaps = csv('gaps.csv', 'CN-130100,2019,gdp,,,,亿元,s1');
      assert.deepEqual(issues(await rejectedReport(importFile(store, gaps, { dataset: 'hebei', replace: true }))), [['NO_ROWS', null, null, null]]);
      assert.equal(await storeChecksum(store), before);
    });
  });
});

describe('values and years', () => {
  it('rejects a value that is finite as written but not after unit conversion (1e308 亿元), with row and column', async () => {
    await withStore(async (store) => {
      const file = csv('huge.csv', 'CN-130100,2019,gdp,,,1e308,亿元,s1', 'CN-130200,2019,gdp,,,1e300,亿元,s1', 'CN-130000,2019,gdp,,,inf,亿元,s1');
      const before = await storeChecksum(store);
      const report = await rejectedReport(importFile(store, file));
      assert.deepEqual(issues(report), [
        ['OUT_OF_RANGE', 2, 'value', '1e308'],
        ['NON_NUMERIC', 4, 'value', 'inf'],
      ]);
      assert.match(report.issues[0]?.expected ?? '', /finite in CNY after ×100000000 \(at most about 1.8e\+300 亿元\)/);
      assert.match(report.issues[0]?.message.zh ?? '', /第 2 行 "value" 列/);
      assert.equal(await storeChecksum(store), before);
    });
  });

  it('rejects a negative count (the model: counts and amounts are non-negative)', async () => {
    await withStore(async (store) => {
      const report = await validateFile(store, csv('neg.csv', 'CN-130100,2019,population,,,-5,万人,s1'));
      assert.deepEqual(issues(report), [['NEGATIVE_VALUE', 2, 'value', '-5']]);
    });
  });

  it('warns about future years and, for Chinese regions, years before 1949 — unless earliestYear says so', async () => {
    await withStore(async (store) => {
      const future = new Date().getUTCFullYear() + 9;
      const file = csv('years.csv', `CN-130100,${future},gdp,,,1,亿元,s1`, 'CN-130100,1920,gdp,,,1,亿元,s2', 'US-36061,1920,gdp,,,1,USD,s3');
      const report = await validateFile(store, file);
      assert.equal(report.errorCount, 0);
      assert.deepEqual(issues(report), [
        ['IMPLAUSIBLE_YEAR', 2, 'year', String(future)],
        ['IMPLAUSIBLE_YEAR', 3, 'year', '1920'],
      ]);
      assert.match(report.issues[0]?.expected ?? '', /no later than \d{4} \(the current year\)/);
      assert.match(report.issues[1]?.expected ?? '', /--earliest-year/);
      const historical = await validateFile(store, file, { earliestYear: 1900 });
      assert.deepEqual(issues(historical), [['IMPLAUSIBLE_YEAR', 2, 'year', String(future)]]);
      // warnings do not stop the import
      assert.equal((await importFile(store, file)).imported, 3);
    });
  });
});

describe('parse failures', () => {
  it('an unclosed quote: import reports the same PARSE_ERROR as validate (no aborted transaction) and writes nothing', async () => {
    await withStore(async (store) => {
      const file = csv('quote.csv', 'CN-130100,2019,gdp,,,"5809.9,亿元,s1', 'CN-130200,2019,gdp,,,1,亿元,s1');
      const before = await storeChecksum(store);
      const validated = await validateFile(store, file);
      const report = await rejectedReport(importFile(store, file));
      assert.deepEqual(report, validated);
      assert.equal(report.issues[0]?.code, 'PARSE_ERROR');
      assert.equal(await storeChecksum(store), before);
      // the store is still usable afterwards
      assert.equal((await importFile(store, csv('ok.csv', 'CN-130100,2019,gdp,,,1,亿元,s1'))).imported, 1);
    });
  });
});

describe('parse failures are precise', () => {
  it('names the row and column of an unclosed quote, a ragged record and text after a closing quote', async () => {
    await withStore(async (store) => {
      const cases: [string, string, (string | number)[]][] = [
        ['CN-130100,2019,gdp,,,"5809.9,亿元,s1\nCN-130200,2019,gdp,,,1,亿元,s1', 'unclosed', [2, 'value']],
        ['CN-130100,2019,gdp,,,1,亿元,s1\nCN-130200,2019,gdp,,,1,亿元,s1,extra', 'ragged', [3, 'column 9']],
        ['CN-130100,2019,gdp,,,"1"x,亿元,s1', 'after-quote', [2, 'value']],
      ];
      for (const [body, name, [row, column]] of cases) {
        const report = await validateFile(store, csv(`${name}.csv`, ...body.split('\n')));
        assert.deepEqual(
          report.issues.map((i) => [i.code, i.row, i.column]),
          [['PARSE_ERROR', row, column]],
          name,
        );
        assert.match(report.issues[0]?.message.zh ?? '', new RegExp(`第 ${row} 行`));
      }
    });
  });
});

describe('UTF-16 text (Excel "Unicode text")', () => {
  const utf16 = (text: string, endian: 'le' | 'be'): Buffer => {
    const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
    if (endian === 'le') return le;
    const be = Buffer.alloc(le.length);
    for (let k = 0; k + 1 < le.length; k += 2) {
      be[k] = le[k + 1] as number;
      be[k + 1] = le[k] as number;
    }
    return be;
  };

  it('reads UTF-16LE with BOM, tab-separated, as the canonical layout', async () => {
    await withStore(async (store) => {
      const path = join(temp, 'unicode.txt');
      const rows = [header.split(',').join('\t'), ['石家庄市', '2019', 'gdp', '', '', '5809.9', '亿元', 's1'].join('\t')];
      writeFileSync(path, utf16(`${rows.join('\r\n')}\r\n`, 'le'));
      const result = await importFile(store, path, { regionPrefix: 'CN' });
      assert.equal(result.report.encoding, 'utf-16le');
      assert.equal(result.report.format, 'canonical-csv');
      assert.equal(result.imported, 1);
      const [row] = await store.rows(`SELECT region, value FROM observations WHERE dataset = 'unicode'`);
      assert.deepEqual(row, { region: 'CN-130100', value: 5809.9e8 });
    });
  });

  it('reads a UTF-16BE wide table and refuses odd bytes as UNKNOWN_ENCODING', async () => {
    await withStore(async (store) => {
      const path = join(temp, 'wide16.csv');
      writeFileSync(path, utf16('地区,合计,第一产业,第二产业,第三产业\n石家庄市,100,10,40,50\n', 'be'));
      const report = await validateFile(store, path, { regionPrefix: 'CN', year: 2019, indicator: 'value_added', unit: '亿元', source: 's' });
      assert.equal(report.encoding, 'utf-16be');
      assert.equal(report.errorCount, 0, JSON.stringify(report.issues));
      assert.equal(report.observations, 4);
      const broken = join(temp, 'broken16.csv');
      writeFileSync(broken, Buffer.concat([utf16(`${header}\n`, 'le'), Buffer.from([0x41])]));
      assert.deepEqual(issues(await validateFile(store, broken)), [['UNKNOWN_ENCODING', null, null, null]]);
    });
  });
});

describe('section sums', () => {
  it('a total above the sum of a subset of sections is no SUM_MISMATCH (the store publishes some sections only)', async () => {
    await withStore(async (store) => {
      const file = csv(
        'subset.csv',
        'CN-130100,2019,employment_urban_units,,,5923000,persons,s1',
        'CN-130100,2019,employment_urban_units,A,GBT4754-2017,26000,persons,s1',
        'CN-130100,2019,employment_urban_units,C,GBT4754-2017,3000000,persons,s1',
      );
      const report = await validateFile(store, file);
      assert.deepEqual(issues(report), []);
    });
  });
});

describe('datasets', () => {
  it('lists the datasets with rows, regions and years, deletes one in a transaction and protects the embedded one', async () => {
    await withStore(async (store) => {
      await importFile(store, csv('one.csv', 'CN-130100,2018,gdp,,,1,亿元,s1', 'CN-130200,2019,gdp,,,2,亿元,s1'), { dataset: 'one' });
      await importFile(store, csv('two.csv', 'US-36061,2019,gdp,,,3,USD,s2'), { dataset: 'two' });
      const list = await listDatasets(store);
      const one = list.find((d) => d.name === 'one');
      assert.deepEqual(
        { ...one, loadedAt: typeof one?.loadedAt },
        {
          name: 'one',
          kind: 'import',
          origin: 'one.csv (canonical-csv)',
          sources: ['s1'],
          observations: 2,
          regions: 2,
          firstYear: 2018,
          lastYear: 2019,
          loadedAt: 'string',
        },
      );
      const before = await storeChecksum(store);
      await assert.rejects(deleteDataset(store, 'default'), (e: unknown) => (e as { code?: string }).code === 'PROTECTED_DATASET');
      await assert.rejects(deleteDataset(store, 'nope'), (e: unknown) => {
        assert.equal((e as { code?: string }).code, 'UNKNOWN_DATASET');
        assert.match((e as Error).message, /one, two/);
        return true;
      });
      assert.equal(await storeChecksum(store), before);
      const result = await deleteDataset(store, 'one');
      assert.deepEqual(result.deleted, { observations: 2, sources: 1 });
      assert.equal(await store.count('observations', 'one'), 0);
      assert.deepEqual(
        (await listDatasets(store)).map((d) => d.name).filter((n) => n !== 'default'),
        ['two'],
      );
      // the name is free again: an import without replace succeeds
      await importFile(store, csv('one-again.csv', 'CN-130100,2018,gdp,,,1,亿元,s1'), { dataset: 'one' });
    });
  });
});
