/**
 * The CSV report: one RFC 4180 file per table plus contents.csv and sources.csv, each with a byte-order mark and
 * CRLF line ends, parsed back here with a strict RFC 4180 reader: headers with units, numbers in full precision,
 * percent columns in percentage points, gaps empty, quoting of commas, quotes and line breaks, text neutralised.
 * The report is a small hand-made model (figures invented for the test).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvByteOrderMark, csvField, renderCsv } from '../src/csv.ts';
import type { Report, ReportTable } from '../src/model.ts';

const t = (en: string, zh: string) => ({ en, zh });

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      assert.ok(text[i] === ',' || text.startsWith('\r\n', i), `a quoted field ends at a comma or CRLF (at ${i})`);
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      assert.ok(text[i] !== '\r' && text[i] !== '\n' && text[i] !== '"', `a bare CR, LF or quote at ${i}`);
      field += text[i];
      i++;
    }
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

const units: ReportTable = {
  id: 'overview-units',
  title: t('Units, of the metro "area"', '都市圈各单元'),
  columns: [
    { key: 'unit', label: t('Unit', '单元'), unit: null, kind: 'text' },
    { key: 'population', label: t('Population', '人口'), unit: t('persons', '人'), kind: 'integer' },
    { key: 'lq', label: t('Location quotient', '区位熵'), unit: null, kind: 'number' },
    { key: 'share', label: t('Service share', '服务业占比'), unit: null, kind: 'percent' },
  ],
  rows: [
    [t('Beijing', '北京'), 21_893_095, 1.2345678901234, 0.253],
    [t('Tianjin, city', '天津，市'), 13_866_009, -0.25, null],
    ['say "hi"', null, 1e-7, 0.5],
    ['two\r\nlines', 1, 2, 1],
    ['=HYPERLINK("http://evil.example","click")', 2, 3, 0],
    ['-2+3', 3, 4, 0.1],
    ['@SUM(A1:A9)', 4, 5, 0.2],
    ['\tcmd', 5, 6, 0.3],
    ['-12.5', 6, 7, 0.07],
  ],
  note: t('Invented, for the test.', '虚构数字。'),
  sources: ['src-a', 'src-b'],
};

const report: Report = {
  schemaVersion: 'test',
  title: t('Test metro report', '测试都市圈报告'),
  subtitle: t('Employment, 2020', '就业，2020 年'),
  metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈' },
  unitSet: { id: 'cities', classification: 'GBT4754-2017', indicator: 'employment', year: 2020 },
  chapters: [
    { id: 'overview', title: t('Overview', '概况'), blocks: [{ kind: 'table', table: units }] },
    {
      id: 'appendix',
      title: t('Appendix', '附录'),
      blocks: [
        {
          kind: 'table',
          table: {
            id: 'sources',
            title: t('Named like a fixed file', '与固定文件同名'),
            columns: units.columns.slice(0, 1),
            rows: [['x']],
            note: null,
            sources: ['src-b'],
          },
        },
      ],
    },
  ],
  sources: [
    { id: 'src-a', title: t('Yearbook A, 2021', '甲年鉴 2021'), url: 'https://example.org/a' },
    { id: 'src-b', title: t('Survey B', '乙调查'), url: null },
  ],
};

describe('renderCsv', () => {
  it('writes one file per table, then contents.csv and sources.csv, names unique', () => {
    assert.deepEqual(
      renderCsv(report, 'en').map((f) => f.name),
      ['overview-units.csv', 'sources-2.csv', 'contents.csv', 'sources.csv'],
    );
  });

  it('starts every file with a byte-order mark and ends every record with CRLF (RFC 4180)', () => {
    for (const file of renderCsv(report, 'zh')) {
      assert.ok(file.content.startsWith(csvByteOrderMark), file.name);
      assert.ok(file.content.endsWith('\r\n'), file.name);
      parseCsv(file.content.slice(1));
    }
  });

  it('reads back with units in the header, numbers in full precision, percent points and empty gaps', () => {
    const file = renderCsv(report, 'en')[0];
    assert.ok(file);
    const rows = parseCsv(file.content.slice(1));
    assert.deepEqual(rows[0], ['Unit', 'Population (persons)', 'Location quotient', 'Service share (%)']);
    assert.deepEqual(rows[1], ['Beijing', '21893095', '1.2345678901234', '25.3']);
    assert.deepEqual(rows[2], ['Tianjin, city', '13866009', '-0.25', '']);
    assert.deepEqual(rows[3], ['say "hi"', '', '1e-7', '50']);
    assert.deepEqual(rows[4], ['two\r\nlines', '1', '2', '100']);
    assert.equal(Number(rows[9]?.[3]), 7, '0.07 × 100 without binary noise');
    // Every number reads back as the model's (percent ÷ 100 within rounding of the decimal form).
    units.rows.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        if (typeof cell !== 'number') return;
        const back = Number(rows[i + 1]?.[j]);
        if (units.columns[j]?.kind === 'percent') assert.ok(Math.abs(back / 100 - cell) <= 1e-15, `${i},${j}`);
        else assert.equal(back, cell, `${i},${j}`);
      }),
    );
  });

  it('quotes fields with a comma, quote or line break and nothing else', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('北京，市'), '北京，市');
    const text = renderCsv(report, 'en')[0]?.content ?? '';
    assert.ok(text.includes('\r\n"Tianjin, city",13866009,-0.25,\r\n'));
    assert.ok(text.includes('\r\n"say ""hi""",,1e-7,50\r\n'));
  });

  it('neutralises text that starts with =, +, -, @, tab or CR, and leaves numbers alone', () => {
    const rows = parseCsv(renderCsv(report, 'en')[0]?.content.slice(1) ?? '');
    assert.equal(rows[5]?.[0], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(rows[6]?.[0], "'-2+3");
    assert.equal(rows[7]?.[0], "'@SUM(A1:A9)");
    assert.equal(rows[8]?.[0], "'\tcmd");
    assert.equal(rows[9]?.[0], '-12.5');
    assert.equal(rows[2]?.[2], '-0.25');
  });

  it('lists the tables in contents.csv and each source with the files that use it in sources.csv, in Chinese for zh', () => {
    const files = renderCsv(report, 'zh');
    const contents = parseCsv(files.find((f) => f.name === 'contents.csv')?.content.slice(1) ?? '');
    assert.deepEqual(contents, [
      ['文件', '章节', '表格', '行数', '注', '资料来源'],
      ['overview-units.csv', '概况', '都市圈各单元', '9', '虚构数字。', 'src-a|src-b'],
      ['sources-2.csv', '附录', '与固定文件同名', '1', '', 'src-b'],
    ]);
    const sources = parseCsv(files.find((f) => f.name === 'sources.csv')?.content.slice(1) ?? '');
    assert.deepEqual(sources, [
      ['编号', '名称', '网址', '表格'],
      ['src-a', '甲年鉴 2021', 'https://example.org/a', 'overview-units.csv'],
      ['src-b', '乙调查', '', 'overview-units.csv|sources-2.csv'],
    ]);
    const table = parseCsv(files[0]?.content.slice(1) ?? '');
    assert.deepEqual(table[0], ['单元', '人口（人）', '区位熵', '服务业占比（%）']);
    assert.deepEqual(table[2]?.[0], '天津，市');
  });
});
