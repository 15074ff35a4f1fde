/**
 * The dataset table `firm_relocations` (packages/data/dataset/firm_relocations/cn.csv, built by
 * scripts/build/cn/firms.ts inside the China part): its rows against a count made here, independently, from the raw
 * panel packages/data/raw/firms/firm_city_year_cn.csv; a relocation found by reading the raw panel (CN-001965 招商公路:
 * 北京市 2017 → 天津市 2018, CSRC 2012 G54 in 2018); the validator's checks of the table. The byte-identical rebuild
 * of the whole China part, with the builder's counts of what it could not judge, is in dataset-cn.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageRawDir } from '../../scripts/build/raw-dir.ts';
import { readPartCsv } from '../../scripts/build/shared.ts';
import { validateDataset } from '../../src/dataset/validate-dataset.ts';
import { datasetDir } from '../dataset-part.ts';

const moves = readPartCsv(datasetDir, 'firm_relocations', 'cn').rows;
const regions = readPartCsv(datasetDir, 'regions', 'cn').rows;

/**
 * The moves of the raw panel, counted without the builder: per firm, consecutive years whose place differs, where a
 * place is the prefecture code — with the city name for the compilers' `xx9000` codes, which stand for several
 * county-level units under one province — and a row without a code has no place (such pairs are not counted).
 */
function rawMoves(): { firm: string; from: number; to: number; fromCode: string; toCode: string }[] {
  const lines = readFileSync(join(packageRawDir(), 'firms', 'firm_city_year_cn.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = (lines[0] as string).split(',');
  const col = (name: string): number => header.indexOf(name);
  const [firmCol, yearCol, codeCol, nameCol] = [col('firm_id'), col('year'), col('prefecture_code'), col('city_name_source')];
  const byFirm = new Map<string, { year: number; place: string; code: string }[]>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const code = f[codeCol] as string;
    const place = code === '' ? '' : code.endsWith('9000') ? `${code}/${f[nameCol]}` : code;
    const list = byFirm.get(f[firmCol] as string) ?? [];
    list.push({ year: Number(f[yearCol]), place, code });
    byFirm.set(f[firmCol] as string, list);
  }
  const out: { firm: string; from: number; to: number; fromCode: string; toCode: string }[] = [];
  for (const [firm, list] of byFirm) {
    list.sort((a, b) => a.year - b.year);
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1] as (typeof list)[number];
      const b = list[k] as (typeof list)[number];
      if (a.place !== '' && b.place !== '' && a.place !== b.place) out.push({ firm, from: a.year, to: b.year, fromCode: a.code, toCode: b.code });
    }
  }
  return out;
}

describe('firm_relocations (dataset table)', () => {
  it('has one row per move of the raw panel, as counted here from the raw CSV (176 moves of 165 firms)', () => {
    const raw = rawMoves();
    assert.equal(moves.length, raw.length);
    assert.equal(new Set(moves.map((m) => m.firmId)).size, new Set(raw.map((m) => m.firm)).size);
    assert.deepEqual(moves.map((m) => `${m.firmId} ${m.yearFrom}→${m.yearTo}`).sort(), raw.map((m) => `${m.firm} ${m.from}→${m.to}`).sort());
    // The raw data's own statement (SOURCES.md): 165 firms change prefecture over the panel.
    assert.equal(new Set(moves.map((m) => m.firmId)).size, 165);
  });

  it('holds 招商公路 (CN-001965) moving from Beijing to Tianjin between 2017 and 2018, road transport (G54)', () => {
    const move = moves.find((m) => m.firmId === 'CN-001965');
    assert.deepEqual(move && { ...move, note: undefined }, {
      firmId: 'CN-001965',
      name: '招商公路',
      yearFrom: 2017,
      yearTo: 2018,
      origin: 'CN-110000',
      destination: 'CN-120000',
      section: 'G',
      industryCode: 'G54',
      source: 'CSMAR_LCI_2011_2023',
      note: undefined,
    });
  });

  it('names regions of the China part and keeps the section as the first letter of the code in year_to', () => {
    const ids = new Set(regions.map((r) => r.id));
    for (const m of moves) {
      assert.ok(ids.has(m.origin) && ids.has(m.destination), `${m.firmId}: regions exist`);
      assert.notEqual(m.origin, m.destination);
      assert.equal(m.yearTo, m.yearFrom + 1, `${m.firmId}: consecutive years`);
      assert.equal(m.section, m.industryCode?.slice(0, 1) ?? null);
      assert.match(m.note ?? '', /CSRC-2012-division|CAPCO-2023-division/);
    }
    // A county-level unit under a province (the raw 429000 pseudo code) is placed by name: 潜江市 = CN-429005.
    assert.equal(moves.find((m) => m.firmId === 'CN-600743')?.origin, 'CN-429005');
  });
});

describe('validateDataset (firm_relocations)', () => {
  it('reports a move to the same place and a move naming an unknown region', () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-firms-validate-'));
    try {
      const write = (table: string, text: string): void => {
        mkdirSync(join(dir, table), { recursive: true });
        writeFileSync(join(dir, table, 'cn.csv'), text);
      };
      write('sources', 'id,citation,publisher,table,where_found,url,licence,notes\nS,c,p,,,,,\n');
      write('regions', 'id,name_zh,name_en,name_local,level,parent,lon,lat,area_km2,source\nCN-110000,北京市,Beijing,,province,,,,,\n');
      write(
        'firm_relocations',
        'firm_id,name,year_from,year_to,origin,destination,section,industry_code,source,note\nCN-000001,A,2015,2016,CN-110000,CN-110000,C,C38,S,\nCN-000002,B,2015,2016,CN-110000,CN-999999,C,C38,S,\n',
      );
      const report = validateDataset(dir);
      const codes = report.problems.filter((p) => p.file === 'firm_relocations/cn.csv').map((p) => `${p.code} ${p.row}`);
      assert.deepEqual(codes.sort(), ['BAD_MOVE 2', 'MISSING_REFERENCE 3']);
      assert.equal(report.ok, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
