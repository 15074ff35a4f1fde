/**
 * The XLSX report read back with exceljs: a contents sheet and a sheet per table, every number equal to the model's
 * (numbers as numbers, not text), gaps empty, the header frozen with units, percent format, text cells neutralised,
 * and both languages. The report here is a small hand-made model (figures invented for the test).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Report, ReportTable } from '../src/model.ts';
import { renderXlsx, uniqueSheetNames } from '../src/xlsx.ts';

const t = (en: string, zh: string) => ({ en, zh });

const units: ReportTable = {
  id: 'overview-units',
  title: t('Units of the metro area', '都市圈各单元'),
  columns: [
    { key: 'unit', label: t('Unit', '单元'), unit: null, kind: 'text' },
    { key: 'population', label: t('Population', '人口'), unit: t('persons', '人'), kind: 'integer' },
    { key: 'lq', label: t('Location quotient', '区位熵'), unit: null, kind: 'number' },
    { key: 'share', label: t('Service share', '服务业占比'), unit: null, kind: 'percent' },
  ],
  rows: [
    [t('Beijing', '北京'), 21_893_095, 1.2345678901234, 0.8195],
    [t('Tianjin', '天津'), 13_866_009, -0.25, null],
    ['=HYPERLINK("http://evil.example","click")', null, 0.000123, 0.5],
    ['-2+3', 1, 2, 0.1],
    ['@SUM(A1:A9)', 2, 3, 0.2],
    ['\tcmd', 3, 4, 0.3],
    ['\rcmd', 4, 5, 0.4],
    ['+1+2', 5, 6, 0.05],
    ['-12.5', 6, 7, 0.06],
  ],
  note: t('Invented figures.\nA second line.', '虚构数字。\n第二行。'),
  sources: ['test-source'],
};

const long: ReportTable = {
  id: 'a-table-id-that-is-much-longer-than-thirty-one',
  title: t('A long id', '长编号'),
  columns: [{ key: 'x', label: t('Value', '数值'), unit: t('CNY', '元'), kind: 'number' }],
  rows: [[1234.5], [null]],
  note: null,
  sources: [],
};

const report: Report = {
  schemaVersion: 'test',
  title: t('Test metro report', '测试都市圈报告'),
  subtitle: t('Employment, 2020', '就业，2020 年'),
  metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈' },
  unitSet: { id: 'cities', classification: 'GBT4754-2017', indicator: 'employment', year: 2020 },
  chapters: [
    {
      id: 'overview',
      title: t('Overview', '概况'),
      blocks: [
        { kind: 'paragraph', text: t('Text.', '文字。') },
        { kind: 'table', table: units },
      ],
    },
    {
      id: 'appendix',
      title: t('Appendix', '附录'),
      blocks: [
        { kind: 'table', table: long },
        { kind: 'table', table: { ...long, title: t('Again', '再次') } },
      ],
    },
  ],
  sources: [{ id: 'test-source', title: t('Test yearbook 2021', '测试年鉴 2021'), url: 'https://example.org/yearbook' }],
};

async function readBack(lang: 'en' | 'zh') {
  const workbook = new ExcelJS.Workbook();
  const bytes = await renderXlsx(report, lang);
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

describe('renderXlsx', () => {
  it('writes a contents sheet, then one sheet per table named by its id (≤ 31 characters, unique)', async () => {
    const wb = await readBack('en');
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['Contents', 'overview-units', 'a-table-id-that-is-much-longer-', 'a-table-id-that-is-much-longe-2'],
    );
    const contents = wb.getWorksheet('Contents');
    assert.ok(contents);
    assert.equal(contents.getCell('A1').value, 'Test metro report');
    const cells = contents
      .getSheetValues()
      .flat()
      .map((v) => (v !== null && typeof v === 'object' && 'text' in v ? v.text : v));
    for (const expected of ['Overview', 'Appendix', 'Units of the metro area', 'Test yearbook 2021', 'https://example.org/yearbook']) {
      assert.ok(cells.includes(expected), expected);
    }
    // The table list links to each sheet.
    const link = contents.getColumn(1).values.find((v) => v !== null && typeof v === 'object' && 'hyperlink' in v && v.text === 'overview-units');
    assert.deepEqual(link, { text: 'overview-units', hyperlink: "#'overview-units'!A1" });
  });

  it('keeps every number equal to the model’s, as a number, with gaps as empty cells', async () => {
    const wb = await readBack('en');
    for (const [name, table] of [
      ['overview-units', units],
      ['a-table-id-that-is-much-longer-', long],
    ] as const) {
      const sheet = wb.getWorksheet(name);
      assert.ok(sheet);
      table.rows.forEach((cells, i) => {
        cells.forEach((cell, j) => {
          const value = sheet.getRow(i + 3).getCell(j + 1).value;
          if (typeof cell === 'number') assert.equal(value, cell, `${name} row ${i} column ${j}`);
          if (cell === null) assert.equal(value, null, `${name} row ${i} column ${j} is a gap`);
        });
      });
    }
  });

  it('freezes the title and header rows, puts units in the header and formats percent and integer columns', async () => {
    const wb = await readBack('en');
    const sheet = wb.getWorksheet('overview-units');
    assert.ok(sheet);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 2);
    assert.equal(sheet.getCell('A1').value, 'Units of the metro area');
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), ['Unit', 'Population (persons)', 'Location quotient', 'Service share (%)']);
    assert.equal(sheet.getCell('D3').numFmt, '0.0%');
    assert.equal(sheet.getCell('B3').numFmt, '#,##0');
    assert.ok((sheet.getColumn(1).width ?? 0) >= 10);
    const tail = sheet
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    assert.ok(tail.includes('Note: Invented figures.'));
    assert.ok(tail.includes('A second line.'), 'each line of a note in a row of its own');
    assert.ok(tail.includes('Sources: Test yearbook 2021 [test-source]'));
  });

  it('neutralises text cells that start with =, +, -, @, tab or CR, and keeps a negative number a number', async () => {
    const wb = await readBack('en');
    const sheet = wb.getWorksheet('overview-units');
    assert.ok(sheet);
    const column = (r: number) => sheet.getRow(r).getCell(1).value;
    assert.equal(column(5), `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(column(6), "'-2+3");
    assert.equal(column(7), "'@SUM(A1:A9)");
    assert.equal(column(8), "'\tcmd");
    assert.equal(column(10), "'+1+2");
    assert.equal(column(11), '-12.5');
    assert.equal(sheet.getRow(4).getCell(3).value, -0.25);
    // No cell of the workbook is a formula.
    for (const s of wb.worksheets) s.eachRow((row) => row.eachCell((cell) => assert.notEqual(cell.type, ExcelJS.ValueType.Formula)));
  });

  it('picks bilingual cells and writes every heading in Chinese for lang zh', async () => {
    const wb = await readBack('zh');
    assert.equal(wb.worksheets[0]?.name, '目录');
    const sheet = wb.getWorksheet('overview-units');
    assert.ok(sheet);
    assert.equal(sheet.getCell('A1').value, '都市圈各单元');
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), ['单元', '人口（人）', '区位熵', '服务业占比（%）']);
    assert.equal(sheet.getCell('A3').value, '北京');
    const texts = sheet
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string');
    assert.ok(texts.includes('注：虚构数字。'));
    assert.ok(texts.includes('资料来源：测试年鉴 2021 [test-source]'));
  });
});

describe('uniqueSheetNames', () => {
  it('replaces forbidden characters, truncates to 31 and makes names unique regardless of case', () => {
    assert.deepEqual(uniqueSheetNames(['a:b', 'Contents', 'A-B', 'x'.repeat(40), 'x'.repeat(40), 'history'], ['contents']), [
      'a-b',
      'Contents-2',
      'A-B-2',
      'x'.repeat(31),
      `${'x'.repeat(29)}-2`,
      'history-2',
    ]);
  });
});
