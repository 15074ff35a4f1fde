/**
 * The byte-level long-CSV reader: the same matrix as reading every cell with `Number` and every label as text
 * (random files with quoting, doubled quotes, CRLF, a BOM, blank lines, non-ASCII labels and every spelling of a
 * number), and the same errors (class, code, row, column).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError, mulberry32, RegionIndustryMatrix } from '@metrocoop/core';
import { parseLongCsv } from '../../src/io/read-long-csv.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

function throwsCsv(text: string, row: number, column: string): void {
  assert.throws(
    () => parseLongCsv(encode(text), 'x.csv'),
    (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_CSV' && e.details?.row === row && e.details?.column === column,
  );
}

describe('parseLongCsv', () => {
  it('reads random files like Number() and plain text labels would (quoting, CRLF, BOM, blank lines, number spellings)', () => {
    const random = mulberry32(3);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const regionNames = ['R1', 'R2', '北京', 'a"b', 'x,y', ' spaced ', 'R10', 'R1 ', 'Ω'];
    const industryNames = ['I1', 'I2', 'I3', 'manu"f', '制造业', 'I10'];
    const spell = (): string =>
      pick([
        () => String(Math.floor(random() * 100000)),
        () => (random() * 1000).toFixed(Math.floor(random() * 6)),
        () => String(random() * 10 ** Math.floor(random() * 20 - 8)),
        () => `${Math.floor(random() * 100)}.`,
        () => `.${Math.floor(random() * 1000)}`,
        () => `00${Math.floor(random() * 100)}`,
        () => ` ${Math.floor(random() * 100)} `,
        () => '1e3',
        () => '+4.5',
        () => '0x1F',
        () => '1234567890123456789',
        () => '0.1234567890123456789',
        () => '12345678901234.5',
      ])();
    for (let file = 0; file < 40; file++) {
      const eol = random() < 0.5 ? '\n' : '\r\n';
      const lines = [random() < 0.5 ? 'value,region,industry' : 'region,extra,industry,value'];
      const seen = new Set<string>();
      const regions: string[] = [];
      const industries: string[] = [];
      const rIdx: number[] = [];
      const iIdx: number[] = [];
      const vals: number[] = [];
      const valueFirst = lines[0]?.startsWith('value');
      for (let k = 0; k < 60; k++) {
        const region = pick(regionNames);
        const industry = pick(industryNames);
        if (seen.has(`${region}\u0000${industry}`)) continue;
        seen.add(`${region}\u0000${industry}`);
        const value = spell();
        const q = (s: string) => (random() < 0.3 || /[",]/.test(s) ? quote(s) : s);
        lines.push(valueFirst ? `${q(value)},${q(region)},${q(industry)}` : `${q(region)},${q('e')},${q(industry)},${q(value)}`);
        if (random() < 0.05) lines.push('');
        if (!regions.includes(region)) regions.push(region);
        if (!industries.includes(industry)) industries.push(industry);
        rIdx.push(regions.indexOf(region));
        iIdx.push(industries.indexOf(industry));
        vals.push(Number(value));
      }
      const text = `${random() < 0.3 ? '\uFEFF' : ''}${lines.join(eol)}${random() < 0.5 ? eol : ''}`;
      const options = { zeroTotals: 'keep' as const };
      const actual = parseLongCsv(encode(text), `f${file}.csv`, options);
      const expected = RegionIndustryMatrix.fromCoordinates(regions, industries, rIdx, iIdx, vals, options);
      assert.deepEqual(actual.regions, expected.regions, `file ${file}: regions`);
      assert.deepEqual(actual.industries, expected.industries, `file ${file}: industries`);
      assert.deepEqual(Array.from(actual.values), Array.from(expected.values), `file ${file}: values (exact)`);
    }
  });

  it('treats a label spelled with doubled quotes and the same label written plainly as one label', () => {
    const m = parseLongCsv(encode('region,industry,value\n"a""b",I1,1\na"b,I2,2\n"a""b",I2,3\nc,I1,4\n'), 'x.csv', { duplicates: 'sum' });
    assert.deepEqual(m.regions, ['a"b', 'c']);
    assert.deepEqual(Array.from(m.values), [1, 5, 4, 0]);
  });

  it('reports the row and column of a bad value, an empty id, a wrong field count, an empty file and a missing column', () => {
    throwsCsv('region,industry,value\nR1,I1,1\nR2,I1,abc\n', 3, 'value');
    throwsCsv('region,industry,value\nR1,I1,\n', 2, 'value');
    throwsCsv('region,industry,value\nR1,I1,-3\n', 2, 'value');
    throwsCsv('region,industry,value\nR1,I1,Infinity\n', 2, 'value');
    throwsCsv('region,industry,value\nR1,I1,1\n,I1,2\n', 3, 'region');
    throwsCsv('region,industry,value\nR1,"",2\n', 2, 'industry');
    throwsCsv('region,industry,value\nR1,I1,1\nR1,I2\n', 3, '(record)');
    throwsCsv('', 1, '(header)');
    throwsCsv('region,industry,value\n', 1, '(data)');
    throwsCsv('region,sector,value\nR1,I1,1\n', 1, 'industry');
    assert.throws(
      () => parseLongCsv(Uint8Array.from([0x72, 0x2c, 0xc4, 0x0a]), 'gbk.csv'),
      (e: unknown) => e instanceof InvalidInputError && e.details?.column === '(file)',
    );
  });

  it('reads a header wider than the first guess of fields', () => {
    const header = [...Array.from({ length: 100 }, (_, k) => `c${k}`), 'region', 'industry', 'value'];
    const row = [...Array.from({ length: 100 }, () => 'x'), 'R1', 'I1', '5'];
    const m = parseLongCsv(encode(`${header.join(',')}\n${row.join(',')}\n`), 'wide.csv');
    assert.deepEqual(Array.from(m.values), [5]);
  });
});
