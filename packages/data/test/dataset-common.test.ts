/**
 * The common part of the embedded dataset and its building blocks: the CSV reader, readDatasetTable's typed
 * conversion, the knowledge-base parser, classifications, crosswalks, metros and rings; and a rebuild of the common
 * part from packages/data/raw that must give byte-identical files.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MetroError } from '@metrocoop/core';
import { buildCommon } from '../scripts/build/common.ts';
import { industriesOf, modesOf, parseKnowledge, projectModes, yearOf } from '../scripts/build/common-knowledge.ts';
import { knowledgeFile, packageRawDir } from '../scripts/build/raw-dir.ts';
import { CsvSyntaxError, parseCsv, readDatasetTable } from '../src/dataset/read-dataset.ts';
import { classificationIds } from '../src/model/schemas.ts';

const datasetDir = new URL('../dataset', import.meta.url).pathname;
const knowledgePath = knowledgeFile(packageRawDir());

describe('parseCsv', () => {
  it('reads quoted fields with commas, line breaks and doubled quotes, and CRLF line ends', () => {
    const records = parseCsv('a,b,c\r\n"x, y","line1\nline2","say ""hi"""\r\n,,\n');
    assert.deepEqual(
      records.map((r) => r.fields),
      [
        ['a', 'b', 'c'],
        ['x, y', 'line1\nline2', 'say "hi"'],
        ['', '', ''],
      ],
    );
    assert.deepEqual(
      records.map((r) => r.line),
      [1, 2, 4],
    );
  });

  it('skips a BOM and accepts a missing final newline', () => {
    assert.deepEqual(
      parseCsv('\ufeffid\nx').map((r) => r.fields),
      [['id'], ['x']],
    );
  });

  it('rejects an unclosed quote and a stray quote with the line', () => {
    assert.throws(
      () => parseCsv('a\n"open,b\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 2,
    );
    assert.throws(() => parseCsv('a\nx"y\n'), CsvSyntaxError);
    assert.throws(() => parseCsv('a\n"x"y\n'), CsvSyntaxError);
  });
});

describe('readDatasetTable', () => {
  const withDir = (files: Record<string, string>, run: (dir: string) => void): void => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-ds-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('converts snake_case columns, | arrays, booleans, numbers and empty cells', () => {
    const header = 'metro,id,name_en,name_zh,indicator,classification,years,note_en,note_zh\n';
    withDir(
      {
        'unit_sets/cn.csv': `${header}jjj,provinces,Provinces,省,employment_urban_units,GBT4754-2017,2012|2013,,"a, b"\njjj,empty,E,空,x,T,,,\n`,
      },
      (dir) => {
        const rows = readDatasetTable(dir, 'unit_sets');
        assert.deepEqual(rows[0], {
          metro: 'jjj',
          id: 'provinces',
          nameEn: 'Provinces',
          nameZh: '省',
          indicator: 'employment_urban_units',
          classification: 'GBT4754-2017',
          years: [2012, 2013],
          noteEn: null,
          noteZh: 'a, b',
        });
        assert.deepEqual(rows[1]?.years, []);
      },
    );
    const obsHeader =
      'region,year,indicator,classification,industry,value,unit,value_original,unit_original,source,vintage,vintage_date,withheld,break_in_series,estimated,note\n';
    withDir(
      {
        'observations/us.csv': `${obsHeader}US-1,2017,employees,NAICS-2017,11,,persons,,persons,s,single,,true,false,false,\n`,
      },
      (dir) => {
        const [row] = readDatasetTable(dir, 'observations');
        assert.equal(row?.value, null);
        assert.equal(row?.withheld, true);
        assert.equal(row?.year, 2017);
        assert.equal(row?.breakInSeries, false);
      },
    );
  });

  it('throws DATASET_INVALID listing a bad header and a row that breaks its schema', () => {
    withDir({ 'metros/cn.csv': 'id,name\nx,y\n' }, (dir) => {
      assert.throws(
        () => readDatasetTable(dir, 'metros'),
        (e: unknown) => e instanceof MetroError && e.code === 'DATASET_INVALID',
      );
    });
    const header = 'metro,region,ring\n';
    withDir({ 'metro_members/cn.csv': `${header}jjj,CN-110000,middle\n` }, (dir) => {
      assert.throws(
        () => readDatasetTable(dir, 'metro_members'),
        (e: unknown) =>
          e instanceof MetroError &&
          e.code === 'DATASET_INVALID' &&
          Array.isArray(e.details?.problems) &&
          (e.details.problems as { row: number }[])[0]?.row === 2,
      );
    });
  });

  it('rejects an unknown table with INVALID_INPUT', () => {
    assert.throws(
      () => readDatasetTable(datasetDir, 'nope' as 'metros'),
      (e: unknown) => e instanceof MetroError && e.code === 'INVALID_INPUT',
    );
  });
});

describe('parseKnowledge', () => {
  const parsed = parseKnowledge(readFileSync(knowledgePath, 'utf8'));

  it('reads every table row of knowledge.md (49) and its prose blocks', () => {
    assert.equal(parsed.tableRows, 49);
    assert.ok(parsed.proseBlocks >= 10, `prose blocks ${parsed.proseBlocks}`);
    assert.equal(new Set(parsed.items.map((i) => i.id)).size, parsed.items.length);
  });

  it('marks every entry carrying [K] unverified and only those (13 in the 2026-11-28 file)', () => {
    for (const item of parsed.items) assert.equal(item.verified, !/\[K[\]:]/.test(item.textEn ?? ''), item.id);
    assert.equal(parsed.items.filter((i) => !i.verified).length, 13);
  });

  it('resolves [S#] tags to source rows with the listed url', () => {
    const s17 = parsed.sources.find((s) => s.id === 'kb-S117');
    assert.ok(s17?.url?.startsWith('https://fidreport.com/'));
    const shougang = parsed.items.find((i) => i.textEn?.startsWith('Shougang'));
    assert.equal(shougang?.source, 'kb-S43|kb-S44|kb-S45|kb-S46|kb-S117');
    assert.equal(shougang?.kind, 'project');
    assert.equal(shougang?.region, 'CN-130200');
    assert.equal(shougang?.year, 2005);
  });

  it('gives kinds, metros and regions by section', () => {
    const plans = parsed.items.filter((i) => i.metro === 'tokyo' && i.kind === 'plan');
    assert.equal(plans.length, 10);
    const shanghai = parsed.items.find((i) => i.region === 'CN-310000');
    assert.equal(shanghai?.metro, 'yrd');
    assert.equal(shanghai?.kind, 'positioning');
    assert.equal(shanghai?.verified, false);
    assert.ok(parsed.items.some((i) => i.kind === 'mechanism' && i.metro === 'yrd'));
  });

  it('gives every project its cooperation modes, quoted from its own text, and no other item any mode', () => {
    const projects = parsed.items.filter((i) => i.kind === 'project');
    assert.equal(projects.length, 9);
    assert.deepEqual(Object.keys(projectModes).sort(), projects.map((i) => i.id).sort(), 'an entry per project, none stale');
    for (const item of parsed.items) {
      if (item.kind !== 'project') assert.deepEqual(item.modes, [], item.id);
      else {
        assert.ok(item.modes.length > 0, item.id);
        for (const mode of item.modes) assert.ok(item.textEn?.includes(projectModes[item.id]?.evidence[mode] ?? '\u0000'), `${item.id} ${mode}`);
      }
    }
    const byId = new Map(parsed.items.map((i) => [i.id, i.modes]));
    assert.deepEqual(byId.get('kb-jjj-relocation-01'), ['industrial-transfer']); // Shougang → Caofeidian
    assert.deepEqual(byId.get('kb-jjj-relocation-02'), ['joint-park']); // the co-built Caofeidian zone
    assert.deepEqual(byId.get('kb-jjj-relocation-04'), ['industrial-transfer', 'chain-collaboration']); // Hyundai → Cangzhou
  });

  it('refuses a project mode its text does not justify, and a project without modes', () => {
    const item = { id: 'kb-jjj-relocation-02', kind: 'project' as const, textEn: 'Caofeidian platform, text changed' };
    assert.throws(
      () => modesOf(item),
      (e: unknown) => e instanceof MetroError && e.code === 'INVALID_INPUT' && /joint-park/.test(e.message),
    );
    assert.throws(
      () => modesOf({ id: 'kb-new-project', kind: 'project', textEn: 'x' }),
      (e: unknown) => e instanceof MetroError && /no cooperation modes/.test(e.message),
    );
  });

  it('treats a synthetic entry with [K] as unverified and fails on an unknown source tag', () => {
    const md = (tag: string): string =>
      `## Table 3 — New York plans\n\n| Plan | Date | Main contents | Source |\n|---|---|---|---|\n| X | 1999 | y [K] | [${tag}] |\n\n## Sources\n- S1 a page — https://example.org/a\n`;
    const ok = parseKnowledge(md('S1'));
    assert.equal(ok.items[0]?.verified, false);
    assert.equal(ok.items[0]?.year, 1999);
    assert.throws(
      () => parseKnowledge(md('S2')),
      (e: unknown) => e instanceof MetroError && e.code === 'INVALID_INPUT',
    );
  });
});

describe('industriesOf and yearOf', () => {
  it('maps only clear terms to codes of the classification', () => {
    assert.deepEqual(industriesOf('Finance & insurance, steel', classificationIds.jsic13), ['JSIC-13:E', 'JSIC-13:J']);
    assert.deepEqual(industriesOf('Federal government, universities', classificationIds.naics2017), ['NAICS-2017:61', 'NAICS-2017:92']);
    assert.deepEqual(industriesOf('HQ economy', classificationIds.gbt4754), []);
    assert.deepEqual(industriesOf('steel', null), []);
  });

  it('finds the first year named', () => {
    assert.equal(yearOf('June 1986 (target 2000)'), 1986);
    assert.equal(yearOf('no year here, 12,887'), null);
  });
});

describe('common part files', () => {
  const classifications = readDatasetTable(datasetDir, 'classifications');
  const industries = readDatasetTable(datasetDir, 'industries');
  const crosswalks = readDatasetTable(datasetDir, 'crosswalks');
  const members = readDatasetTable(datasetDir, 'metro_members');

  it('has every classification id of the model with names in both languages', () => {
    for (const id of Object.values(classificationIds)) {
      const row = classifications.find((c) => c.id === id);
      assert.ok(row, id);
      assert.ok(row.nameEn.length > 0 && row.nameZh.length > 0, id);
    }
  });

  it('has the sections and sectors of the common classifications', () => {
    const count = (c: string): number => industries.filter((i) => i.classification === c).length;
    assert.equal(count(classificationIds.gbt4754), 20);
    assert.equal(count(classificationIds.threeSector), 3);
    assert.equal(count(classificationIds.jsic13), 20);
    assert.equal(count(classificationIds.isic4), 21);
    assert.ok(industries.some((i) => i.classification === classificationIds.naics2017 && i.code === '31-33' && i.nameEn === 'Manufacturing'));
  });

  it('maps GB/T sections to three sectors by the NBS rules (05, 11, 43 tertiary)', () => {
    const to = (from: string): string[] =>
      crosswalks
        .filter((c) => c.fromClassification === classificationIds.gbt4754 && c.fromCode === from && c.toClassification === classificationIds.threeSector)
        .map((c) => `${c.toCode}:${c.kind}`)
        .sort();
    assert.deepEqual(to('A'), ['I:main', 'III:partial']);
    assert.deepEqual(to('C'), ['II:main', 'III:partial']);
    assert.deepEqual(to('E'), ['II:main']);
    assert.deepEqual(to('J'), ['III:main']);
  });

  it('loads weights only where the source states them (IO sector wholly in one section)', () => {
    const common = crosswalks.filter((c) => ['cw-gbt4754-isic4', 'cw-jsic13-isic4', 'cw-naics2017-isic4', 'std-three-sector-2018'].includes(c.source));
    assert.ok(common.length > 100);
    assert.ok(common.every((c) => c.weight === null));
    const io = crosswalks.filter((c) => c.source === 'cw-cnio42-gbt4754');
    assert.equal(io.length, 42);
    assert.ok(io.every((c) => c.weight === 1 && c.kind === 'main'));
    // "major" relations of the analyst table are partial: GB L splits over ISIC M and N
    const l = crosswalks.filter(
      (c) => c.fromClassification === classificationIds.gbt4754 && c.fromCode === 'L' && c.toClassification === classificationIds.isic4,
    );
    assert.deepEqual(l.map((c) => `${c.toCode}:${c.kind}`).sort(), ['M:partial', 'N:partial']);
  });

  it('gives the rings of the README rule', () => {
    const ring = (metro: string, region: string): string | undefined => members.find((m) => m.metro === metro && m.region === region)?.ring;
    assert.equal(ring('jjj', 'CN-110000'), 'core');
    assert.equal(ring('jjj', 'CN-131000'), 'inner'); // Langfang borders Beijing
    assert.equal(ring('jjj', 'CN-130200'), 'outer'); // Tangshan does not
    assert.equal(ring('yrd', 'CN-310000'), 'core');
    assert.equal(ring('yrd', 'CN-320500'), 'inner'); // Suzhou, central area
    assert.equal(ring('yrd', 'CN-320300'), 'outer'); // Xuzhou, not central
    assert.equal(ring('yrd', 'CN-340000'), 'outer'); // Anhui does not border Shanghai
    assert.equal(ring('tokyo', 'JP-13'), 'core');
    assert.equal(ring('tokyo', 'JP-13101'), 'core');
    assert.equal(ring('tokyo', 'JP-13201'), 'inner'); // Hachioji, Tama
    assert.equal(ring('tokyo', 'JP-13421'), 'outer'); // Ogasawara, islands
    assert.equal(ring('tokyo', 'JP-14100'), 'inner');
    assert.equal(ring('tokyo', 'JP-08'), 'outer');
    assert.equal(ring('nyc', 'US-36061'), 'core');
    assert.equal(ring('nyc', 'US-34003'), 'inner');
    assert.equal(ring('boswash', 'US-CBSA-35620'), 'core');
    assert.equal(ring('boswash', 'US-CBSA-37980'), 'inner');
    assert.equal(ring('boswash', 'US-CBSA-14460'), 'outer');
    assert.equal(ring('boswash', 'US-42101'), 'inner');
  });
});

describe('buildCommon', () => {
  it('rebuilds byte-identical files from packages/data/raw (given the committed country observations, read for the years)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'metrocoop-common-build-'));
    try {
      mkdirSync(join(out, 'observations'));
      for (const part of ['cn', 'jp', 'us']) copyFileSync(join(datasetDir, 'observations', `${part}.csv`), join(out, 'observations', `${part}.csv`));
      const { counts, warnings } = await buildCommon(packageRawDir(), out);
      assert.deepEqual(warnings, []);
      for (const table of Object.keys(counts)) {
        const rel = join(table, 'common.csv');
        assert.equal(readFileSync(join(out, rel), 'utf8'), readFileSync(join(datasetDir, rel), 'utf8'), rel);
      }
      assert.equal(Object.keys(counts).length, 9);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
