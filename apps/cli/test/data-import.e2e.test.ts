/**
 * `metrocoop data import | validate` in process, on a temp store loaded with the store's fixture dataset
 * (packages/data/test/fixtures/dataset: regions CN-110000 … CN-130100, THREE-SECTOR sectors; a copy of the fixture
 * store template). The figures in the files written here are synthetic test values.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Store } from '@metrocoop/data';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { main } from '../src/main.ts';

const fixtureDir = fileURLToPath(new URL('../../../packages/data/test/fixtures/dataset/', import.meta.url));

async function run(args: readonly string[], lang = 'en_US.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s), env: { LANG: lang } });
  return { code, out, err };
}

describe('metrocoop data import | validate', () => {
  let dir = '';
  let store = '';
  let good = '';
  let bad = '';
  const saved = process.env.METROCOOP_DATASET_DIR;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-cli-import-'));
    store = await storeCopyPath('fixture', dir, 'test.duckdb');
    process.env.METROCOOP_DATASET_DIR = fixtureDir;
    good = join(dir, 'hebei-va.csv');
    // wide layout: region names, three sectors by name, a total; 石家庄市 100 = 10 + 40 + 50.
    writeFileSync(good, '地区,合计,第一产业,第二产业,第三产业\n石家庄市,100,10,40,50\n河北省,1000,100,,500\n');
    bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'region,year,indicator,industry,classification,value,unit,source\nCN-999999,2019,gdp,,,1,亿元,t\nCN-130100,2019,gdp,,,abc,亿元,t\n');
  });
  after(() => {
    if (saved === undefined) delete process.env.METROCOOP_DATASET_DIR;
    else process.env.METROCOOP_DATASET_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('validate prints a table of the issues and exits 1 when the file has errors', async () => {
    const result = await run(['--store', store, 'data', 'validate', bad]);
    assert.equal(result.code, 1, result.err);
    assert.match(result.out, /2 rows, 2 error\(s\), 0 warning\(s\)/);
    assert.match(result.out, /UNKNOWN_REGION\s+2\s+region\s+CN-999999/);
    assert.match(result.out, /NON_NUMERIC\s+3\s+value\s+abc/);
  });

  it('validate --json prints the report; the messages are in both languages', async () => {
    const result = await run(['--store', store, 'data', 'validate', bad, '--json'], 'zh_CN.UTF-8');
    assert.equal(result.code, 1);
    const report = JSON.parse(result.out) as { errorCount: number; issues: { code: string; row: number; message: { en: string; zh: string } }[] };
    assert.equal(report.errorCount, 2);
    assert.deepEqual(
      report.issues.map((i) => [i.code, i.row]),
      [
        ['UNKNOWN_REGION', 2],
        ['NON_NUMERIC', 3],
      ],
    );
    assert.match(report.issues[0]?.message.zh ?? '', /未知的地区/);
  });

  it('import --json of a file with errors prints the report, exits 1 and writes nothing', async () => {
    const result = await run(['--store', store, 'data', 'import', bad, '--json']);
    assert.equal(result.code, 1);
    assert.equal((JSON.parse(result.out) as { imported: number }).imported, 0);
    const s = await Store.open(store);
    try {
      assert.equal(await s.count('observations', 'bad'), 0);
    } finally {
      s.close();
    }
  });

  it('import of a wide file with options writes the observations as the named dataset', async () => {
    const args = [
      '--store',
      store,
      'data',
      'import',
      good,
      '--region-prefix',
      'CN',
      '--year',
      '2019',
      '--indicator',
      'value_added',
      '--unit',
      '亿元',
      '--source',
      'test-src',
      '--dataset',
      'hebei',
    ];
    const result = await run(args);
    assert.equal(result.code, 0, result.out + result.err);
    assert.match(result.out, /Imported 7 observations as dataset hebei\./);
    const s = await Store.open(store);
    try {
      const rows = await s.rows(`SELECT region, industry, value FROM observations WHERE dataset = 'hebei' ORDER BY region, industry NULLS FIRST`);
      assert.deepEqual(rows[0], { region: 'CN-130000', industry: null, value: 1000e8 });
      assert.equal(rows.length, 7, '河北省 第二产业 is empty: a gap, no row');
    } finally {
      s.close();
    }
  });

  it('import into an existing dataset needs --replace; with it the dataset is replaced', async () => {
    const file = join(dir, 'again.csv');
    writeFileSync(file, 'region,year,indicator,industry,classification,value,unit,source\nCN-130100,2019,gdp,,,1,亿元,t\n');
    assert.equal((await run(['--store', store, 'data', 'import', file, '--dataset', 'again'])).code, 0);
    const refused = await run(['--store', store, 'data', 'import', file, '--dataset', 'again']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.err, /already has a dataset "again" \(1 observations.*add --replace to replace it, or choose another name with --dataset/);
    assert.doesNotMatch(refused.err, /importFile|unexpected failure/);
    const zh = await run(['--store', store, 'data', 'import', file, '--dataset', 'again'], 'zh_CN.UTF-8');
    assert.match(zh.err, /已有数据集 "again".*--replace/);
    const replaced = await run(['--store', store, 'data', 'import', file, '--dataset', 'again', '--replace']);
    assert.equal(replaced.code, 0, replaced.err);
  });

  it('import of a file with an unclosed quote reports PARSE_ERROR like validate (no unexpected failure)', async () => {
    const file = join(dir, 'quote.csv');
    writeFileSync(file, 'region,year,indicator,industry,classification,value,unit,source\nCN-130100,2019,gdp,,,"5809.9,亿元,t\n');
    const validated = await run(['--store', store, 'data', 'validate', file, '--json']);
    const imported = await run(['--store', store, 'data', 'import', file, '--json']);
    assert.equal(imported.code, 1, imported.err);
    assert.doesNotMatch(imported.err, /unexpected failure/);
    const { dataset: _d, imported: n, ...report } = JSON.parse(imported.out) as Record<string, unknown>;
    assert.equal(n, 0);
    // The same report, each message naming the command that was run (data import / data validate).
    assert.deepEqual(report, JSON.parse(validated.out.replaceAll('data validate', 'data import')));
    assert.equal((report.issues as { code: string }[])[0]?.code, 'PARSE_ERROR');
  });

  it('data datasets lists the datasets; data delete removes one and protects the embedded data', async () => {
    const file = join(dir, 'todelete.csv');
    writeFileSync(file, 'region,year,indicator,industry,classification,value,unit,source\nCN-130100,2018,gdp,,,1,亿元,t\nCN-130000,2019,gdp,,,2,亿元,t\n');
    assert.equal((await run(['--store', store, 'data', 'import', file])).code, 0);
    const listed = await run(['--store', store, 'data', 'datasets']);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.out, /name\s+kind\s+source\s+rows\s+regions\s+years\s+imported at/);
    assert.match(listed.out, /todelete\s+import\s+todelete\.csv \(canonical-csv\); t\s+2\s+2\s+2018–2019\s+\d{4}-\d\d-\d\dT/);
    assert.match(listed.out, /^default\s+embedded\s+metrocoop/m);
    const json = JSON.parse((await run(['--store', store, 'data', 'datasets', '--json'])).out) as { name: string; observations: number }[];
    assert.equal(json.find((d) => d.name === 'todelete')?.observations, 2);
    const deleted = await run(['--store', store, 'data', 'delete', 'todelete']);
    assert.equal(deleted.code, 0, deleted.err);
    assert.match(deleted.out, /Deleted dataset todelete \(\d+ rows\)/);
    assert.doesNotMatch((await run(['--store', store, 'data', 'datasets'])).out, /todelete/);
    const protectedDefault = await run(['--store', store, 'data', 'delete', 'default']);
    assert.notEqual(protectedDefault.code, 0);
    assert.match(protectedDefault.err, /"default" is metrocoop's embedded data and cannot be deleted/);
    const unknown = await run(['--store', store, 'data', 'delete', 'nope']);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.err, /there is no dataset "nope".*metrocoop data datasets/);
  });

  it('rejects a bad --year as a usage error (exit 2)', async () => {
    const result = await run(['--store', store, 'data', 'validate', good, '--year', '19']);
    assert.equal(result.code, 2);
  });
});
