/**
 * The builders' shared helpers (scripts/build/shared.ts) and the location of the build's input and output
 * (scripts/build/raw-dir.ts: packages/data/raw by default, another folder only through --from or METROCOOP_SHARED_DATA).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import { knowledgeFile, packageDatasetDir, packageRawDir, parseBuildArgs, rawDataDir, repoRoot } from '../scripts/build/raw-dir.ts';
import {
  compareText,
  observation,
  readPartCsv,
  readRawCsv,
  readRawRecords,
  sortUnique,
  writePartGeometries,
  writePartTables,
} from '../scripts/build/shared.ts';
import { CsvSyntaxError } from '../src/dataset/read-dataset.ts';
import type { Region } from '../src/model/schemas.ts';

const scratch = mkdtempSync(join(tmpdir(), 'metrocoop-build-shared-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let fileNo = 0;
const rawFile = (text: string): string => {
  const path = join(scratch, `raw-${fileNo++}.csv`);
  writeFileSync(path, text);
  return path;
};

const region = (id: string, parent: string | null = null): Region => ({
  id,
  nameZh: null,
  nameEn: id,
  nameLocal: null,
  level: 'county',
  parent,
  lon: null,
  lat: null,
  areaKm2: null,
  source: null,
});

describe('readRawRecords', () => {
  it('keys records by the header, with the line each starts on, through BOM, CRLF and quoted line breaks', () => {
    const path = rawFile('\ufeffcode,name,note\r\n01,"Tokyo, to","two\nlines"\r\n02,Osaka,\r\n');
    assert.deepEqual(readRawRecords(path, 'test', 'raw.csv'), [
      { line: 2, record: { code: '01', name: 'Tokyo, to', note: 'two\nlines' }, file: 'raw.csv' },
      { line: 4, record: { code: '02', name: 'Osaka', note: '' }, file: 'raw.csv' },
    ]);
  });

  it('skips blank lines and fills the missing cells of a short row with empty strings', () => {
    assert.deepEqual(readRawCsv(rawFile('a,b\n1\n\n3,4\n'), 'test'), [
      { a: '1', b: '' },
      { a: '3', b: '4' },
    ]);
  });

  it('throws NotFoundError for a missing file and CsvSyntaxError for a stray quote', () => {
    assert.throws(() => readRawCsv(join(scratch, 'absent.csv'), 'test'), NotFoundError);
    assert.throws(() => readRawCsv(rawFile('a\nx"y\n'), 'test'), CsvSyntaxError);
  });
});

describe('sortUnique', () => {
  it('sorts by the key in byte order (locale-independent), keeping equal first fields in input order', () => {
    const rows = [
      ['b', '2'],
      ['a', '9'],
      ['B', '1'],
      ['a', '10'],
      ['é', '0'],
    ];
    assert.deepEqual(
      sortUnique(rows, (r) => r, 'f', 'test'),
      [
        ['B', '1'],
        ['a', '10'],
        ['a', '9'],
        ['b', '2'],
        ['é', '0'],
      ],
    );
    assert.equal(compareText('Z', 'a'), -1);
  });

  it('throws InvalidInputError on a duplicate key', () => {
    assert.throws(
      () => sortUnique([{ k: 'x' }, { k: 'y' }, { k: 'x' }], (r) => [r.k], 'f.csv', 'test'),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_INPUT',
    );
  });
});

describe('writePartTables and readPartCsv', () => {
  it('writes only the tables given, sorted by key, and reads them back equal', () => {
    const out = join(scratch, 'part');
    const counts = writePartTables(out, 'xx', { regions: [region('XX-2', 'XX'), region('XX'), region('XX-1', 'XX')] }, 'test');
    assert.deepEqual(counts, { regions: 3 });
    assert.ok(!existsSync(join(out, 'observations')));
    const back = readPartCsv(out, 'regions', 'xx');
    assert.deepEqual(
      back.rows.map((r) => r.id),
      ['XX', 'XX-1', 'XX-2'],
    );
    assert.deepEqual(back.rows[1], region('XX-1', 'XX'));
    assert.equal(back.header[0], 'id');
  });

  it('uses a key override and throws on a duplicate key', () => {
    const out = join(scratch, 'override');
    writePartTables(out, 'xx', { regions: [region('A', 'Z'), region('B', 'Y')] }, 'test', {
      regions: (r) => [r.parent ?? '', r.id],
    });
    assert.deepEqual(
      readPartCsv(out, 'regions', 'xx').rows.map((r) => r.id),
      ['B', 'A'],
    );
    assert.throws(() => writePartTables(out, 'yy', { regions: [region('A'), region('A')] }, 'test'), InvalidInputError);
  });

  it('fills the observation defaults of a plain published figure', () => {
    const o = observation({
      region: 'XX',
      year: 2020,
      indicator: 'population',
      classification: null,
      industry: null,
      value: 1,
      unit: 'persons',
      valueOriginal: 1,
      unitOriginal: 'persons',
      source: 's',
      vintage: 'single',
    });
    assert.deepEqual([o.withheld, o.breakInSeries, o.estimated, o.vintageDate, o.note], [false, false, false, null, null]);
  });

  it('rejects a missing file and a row that breaks its schema', () => {
    const out = join(scratch, 'bad');
    assert.throws(() => readPartCsv(out, 'regions', 'xx'), InvalidInputError);
    writePartTables(out, 'xx', { regions: [region('XX')] }, 'test');
    const path = join(out, 'regions', 'xx.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace(',county,', ',planet,'));
    assert.throws(
      () => readPartCsv(out, 'regions', 'xx'),
      (e: unknown) => e instanceof InvalidInputError && JSON.stringify(e.details).includes('BAD_ROW'),
    );
  });
});

describe('writePartGeometries', () => {
  const feature = (region: string) => ({
    type: 'Feature' as const,
    properties: { region, source: 's' },
    geometry: { type: 'Point', coordinates: [1.234567, 2] },
  });

  it('writes features sorted by region with 5-decimal coordinates, and throws on a repeated region', () => {
    const out = join(scratch, 'geo');
    assert.equal(writePartGeometries(out, 'xx', [feature('B'), feature('A')], 'test'), 2);
    const text = readFileSync(join(out, 'geometries', 'xx.geojson'), 'utf8');
    assert.ok(text.indexOf('"A"') < text.indexOf('"B"'));
    assert.ok(text.includes('1.23457') && !text.includes('1.234567'));
    assert.throws(() => writePartGeometries(out, 'yy', [feature('A'), feature('A')], 'test'), InvalidInputError);
  });
});

describe('rawDataDir', () => {
  const withEnv = (value: string | undefined, body: () => void): void => {
    const saved = process.env.METROCOOP_SHARED_DATA;
    try {
      if (value === undefined) delete process.env.METROCOOP_SHARED_DATA;
      else process.env.METROCOOP_SHARED_DATA = value;
      body();
    } finally {
      if (saved === undefined) delete process.env.METROCOOP_SHARED_DATA;
      else process.env.METROCOOP_SHARED_DATA = saved;
    }
  };

  it('defaults to packages/data/raw inside the repository, found from the file, not the working directory', () => {
    const cwd = process.cwd();
    try {
      process.chdir(scratch);
      withEnv(undefined, () => {
        assert.equal(rawDataDir(), join(repoRoot(), 'packages', 'data', 'raw'));
        assert.equal(rawDataDir(), packageRawDir());
      });
      withEnv('', () => assert.equal(rawDataDir(), packageRawDir()));
      assert.ok(existsSync(join(repoRoot(), 'packages', 'data', 'package.json')));
      assert.ok(existsSync(join(packageRawDir(), 'cn', 'regions.csv')));
      assert.equal(packageDatasetDir(), join(repoRoot(), 'packages', 'data', 'dataset'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('follows METROCOOP_SHARED_DATA when set', () => {
    const copy = join(scratch, 'copy', 'data');
    mkdirSync(copy, { recursive: true });
    withEnv(copy, () => assert.equal(rawDataDir(), copy));
  });
});

describe('knowledgeFile', () => {
  it('is knowledge/knowledge.md inside the raw folder, or beside it in the shared layout (data/ next to knowledge/)', () => {
    assert.equal(knowledgeFile(packageRawDir()), join(packageRawDir(), 'knowledge', 'knowledge.md'));
    assert.ok(existsSync(knowledgeFile(packageRawDir())));
    const shared = join(scratch, 'shared-layout');
    mkdirSync(join(shared, 'data'), { recursive: true });
    mkdirSync(join(shared, 'knowledge'), { recursive: true });
    assert.equal(knowledgeFile(join(shared, 'data')), join(shared, 'data', 'knowledge', 'knowledge.md'), 'neither exists: the inside path');
    writeFileSync(join(shared, 'knowledge', 'knowledge.md'), '# kb\n');
    assert.equal(knowledgeFile(join(shared, 'data')), join(shared, 'knowledge', 'knowledge.md'));
  });
});

describe('parseBuildArgs', () => {
  it('defaults to the raw folder and the package dataset, and reads --from and --out (resolved from the working directory)', () => {
    const saved = process.env.METROCOOP_SHARED_DATA;
    try {
      delete process.env.METROCOOP_SHARED_DATA;
      assert.deepEqual(parseBuildArgs([]), { rawDir: packageRawDir(), outDir: packageDatasetDir() });
      process.env.METROCOOP_SHARED_DATA = join(scratch, 'env');
      assert.deepEqual(parseBuildArgs([]).rawDir, join(scratch, 'env'));
      assert.deepEqual(parseBuildArgs(['--from', join(scratch, 'arg')]).rawDir, join(scratch, 'arg'), '--from wins over the environment');
    } finally {
      if (saved === undefined) delete process.env.METROCOOP_SHARED_DATA;
      else process.env.METROCOOP_SHARED_DATA = saved;
    }
    assert.deepEqual(parseBuildArgs(['--from=raw-next', '--out', 'out']), { rawDir: resolve('raw-next'), outDir: resolve('out') });
  });

  it('rejects positional arguments, unknown options and empty folders with INVALID_INPUT', () => {
    for (const argv of [['some/dir'], ['--form', 'x'], ['--from'], ['--from=']]) {
      assert.throws(
        () => parseBuildArgs(argv),
        (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_INPUT',
        argv.join(' '),
      );
    }
  });
});
