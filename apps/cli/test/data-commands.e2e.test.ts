import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Store } from '@metrocoop/data';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { main } from '../src/main.ts';

const fixtureDir = fileURLToPath(new URL('../../../packages/data/test/fixtures/dataset/', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: readonly string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s), env: { LANG: 'en_US.UTF-8' } });
  return { code, out, err };
}

describe('metrocoop data (fixture dataset)', () => {
  let dir = '';
  let store = '';
  const saved = process.env.METROCOOP_DATASET_DIR;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-cli-'));
    store = join(dir, 'test.duckdb');
    process.env.METROCOOP_DATASET_DIR = fixtureDir;
  });
  after(() => {
    if (saved === undefined) delete process.env.METROCOOP_DATASET_DIR;
    else process.env.METROCOOP_DATASET_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('data list loads the dataset once (progress on stderr) and prints a table of the metros', async () => {
    const first = await run(['--store', store, 'data', 'list']);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /Loading the embedded dataset/);
    const lines = first.out.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^id\s+name\s+country\s+members/);
    assert.match(lines[2] ?? '', /^jjj\s+Beijing–Tianjin–Hebei\s+CN\s+3\s+province 3\s+cities, provinces\*/);
    assert.match(lines[3] ?? '', /^tokyo\s+Tokyo area\s+JP\s+2\s+prefecture 2/);
    const second = await run(['--store', store, 'data', 'list']);
    assert.equal(second.err, '');
    assert.equal(second.out, first.out);
  });

  it('data list --json prints the listMetros result', async () => {
    const result = await run(['--store', store, 'data', 'list', '--json']);
    assert.equal(result.code, 0, result.err);
    const metros = JSON.parse(result.out) as { id: string; memberCount: number; unitSets: { id: string; isDefault: boolean }[] }[];
    assert.deepEqual(
      metros.map((m) => [m.id, m.memberCount]),
      [
        ['jjj', 3],
        ['tokyo', 2],
      ],
    );
    assert.deepEqual(
      metros[0]?.unitSets.map((u) => [u.id, u.isDefault]),
      [
        ['cities', false],
        ['provinces', true],
      ],
    );
  });

  it('data list prints Chinese with --lang zh', async () => {
    const result = await run(['--lang', 'zh', '--store', store, 'data', 'list']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^编号\s+名称\s+国家/);
    assert.match(result.out, /jjj\s+京津冀\s+CN\s+3\s+省级 3/);
  });

  it('data show <metro> prints members by ring and unit sets; --json gives the detail', async () => {
    const text = await run(['--store', store, 'data', 'show', 'jjj']);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /core \(1\): Beijing CN-110000/);
    assert.match(text.out, /provinces\* Provinces: 3 × GBT4754-2017, employment_urban_units; 2019/);
    const json = await run(['--store', store, 'data', 'show', 'jjj', '--json']);
    const detail = JSON.parse(json.out) as { kind: string; id: string; members: unknown[] };
    assert.equal(detail.kind, 'metro');
    assert.equal(detail.members.length, 3);
  });

  it('data show <region> prints indicators and gaps, in Chinese too', async () => {
    const en = await run(['--store', store, 'data', 'show', 'CN-130100']);
    assert.equal(en.code, 0, en.err);
    assert.match(en.out, /value_added \[THREE-SECTOR\] CNY: 2018–2019 — fx-test; single; withheld 1/);
    assert.match(en.out, /value_added \[THREE-SECTOR\] 2019 II: withheld/);
    const zh = await run(['--lang', 'zh', '--store', store, 'data', 'show', 'CN-130100']);
    assert.match(zh.out, /^石家庄市 \/ Shijiazhuang（CN-130100）/);
    assert.match(zh.out, /2019 II: 隐去/);
    const json = JSON.parse((await run(['--store', store, 'data', 'show', 'CN-130000', '--json'])).out) as {
      kind: string;
      gaps: { kind: string; year: number }[];
    };
    assert.equal(json.kind, 'region');
    assert.deepEqual(
      json.gaps.map((g) => [g.kind, g.year]),
      [['missing-year', 2018]],
    );
  });

  it('data show exits 1 with a bilingual message for an unknown id', async () => {
    const en = await run(['--store', store, 'data', 'show', 'atlantis']);
    assert.equal(en.code, 1);
    assert.match(en.err, /"atlantis" is neither a metro nor a region; metros: jjj, tokyo/);
    const zh = await run(['--lang', 'zh', '--store', store, 'data', 'show', 'atlantis']);
    assert.match(zh.err, /既不是都市圈也不是地区/);
  });

  it('data export prints CSV (canonical layout) and JSON on stdout', async () => {
    const csv = await run(['--store', store, 'data', 'export', 'metro:tokyo', '--format', 'csv']);
    assert.equal(csv.code, 0, csv.err);
    const lines = csv.out.trimEnd().split('\n');
    assert.equal(lines[0], 'region,year,indicator,industry,classification,value,unit,source');
    assert.equal(lines[1], 'JP-13,2019,value_added,I,THREE-SECTOR,50000000000,JPY,fx-test');
    assert.equal(lines.length, 7);
    const json = await run(['--store', store, 'data', 'export', 'metros', '--format', 'json']);
    assert.deepEqual(
      (JSON.parse(json.out) as { id: string }[]).map((m) => m.id),
      ['jjj', 'tokyo'],
    );
  });

  it('data export --out writes parquet and xlsx files (reported on stderr, stdout empty)', async () => {
    const out = join(dir, 'obs.parquet');
    const result = await run(['--store', store, 'data', 'export', 'observations', '--format', 'parquet', '--out', out]);
    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, '');
    assert.match(result.err, /Wrote 38 rows to/);
    const reader = await Store.open(':memory:');
    const rows = await reader.rows(`SELECT count(*)::INTEGER AS n, sum(value) FILTER (WHERE indicator = 'gdp_per_capita') AS g FROM read_parquet('${out}')`);
    reader.close();
    assert.deepEqual(rows, [{ n: 38, g: 164220 }]);
    const xlsx = await run(['--store', store, 'data', 'export', 'regions', '--format', 'xlsx', '--out', join(dir, 'r.xlsx')]);
    assert.equal(xlsx.code, 0, xlsx.err);
    assert.match(xlsx.err, /Wrote 8 rows/);
  });

  it('data export exits 2 for a binary format without --out or an unknown format, 1 for an unknown table', async () => {
    const noOut = await run(['--store', store, 'data', 'export', 'regions', '--format', 'xlsx']);
    assert.equal(noOut.code, 2);
    assert.match(noOut.err, /needs a file/);
    const badFormat = await run(['--store', store, 'data', 'export', 'regions', '--format', 'pdf']);
    assert.equal(badFormat.code, 2);
    const unknown = await run(['--store', store, 'data', 'export', 'nothing', '--format', 'csv']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /unknown table "nothing"/);
  });
});

describe('metrocoop data (the embedded dataset)', () => {
  let dir = '';
  let store = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-cli-embedded-'));
    // A copy of the embedded template: the store the first `data` command would have loaded (loading itself is
    // tested with the fixture dataset above and in packages/data).
    store = await storeCopyPath('embedded', dir, 'embedded.duckdb');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('data list --json shows the five metros, each with members, unit sets, indicators and observations', async () => {
    const saved = process.env.METROCOOP_DATASET_DIR;
    delete process.env.METROCOOP_DATASET_DIR;
    try {
      const result = await run(['--store', store, 'data', 'list', '--json']);
      assert.equal(result.code, 0, result.err);
      const metros = JSON.parse(result.out) as {
        id: string;
        memberCount: number;
        observationCount: number;
        unitSets: { isDefault: boolean }[];
        indicators: unknown[];
        sources: unknown[];
      }[];
      assert.deepEqual(
        metros.map((m) => m.id),
        ['boswash', 'jjj', 'nyc', 'tokyo', 'yrd'],
      );
      for (const m of metros) {
        assert.ok(m.memberCount > 0, m.id);
        assert.ok(m.observationCount > 0, m.id);
        assert.ok(m.indicators.length > 0, m.id);
        assert.ok(m.sources.length > 0, m.id);
        assert.equal(m.unitSets.filter((u) => u.isDefault).length, 1, m.id);
      }
    } finally {
      if (saved !== undefined) process.env.METROCOOP_DATASET_DIR = saved;
    }
  });

  it("exports Beijing's 2019 GDP per capita, 164,220 yuan, from the store", async () => {
    const saved = process.env.METROCOOP_DATASET_DIR;
    delete process.env.METROCOOP_DATASET_DIR;
    try {
      const result = await run(['--store', store, 'data', 'export', 'metro:jjj', '--format', 'csv']);
      assert.equal(result.code, 0, result.err);
      const lines = result.out.split('\n').filter((l) => l.startsWith('CN-110000,2019,gdp_per_capita,,,'));
      assert.ok(
        lines.some((l) => l.split(',')[5] === '164220' && l.split(',')[6] === 'CNY/person'),
        lines.join('\n'),
      );
    } finally {
      if (saved !== undefined) process.env.METROCOOP_DATASET_DIR = saved;
    }
  });
});
