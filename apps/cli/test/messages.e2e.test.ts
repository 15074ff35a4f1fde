/**
 * Messages for people (issue 9): no CLI message shows an internal function name (`readLongCsv:`, `exportTable:`)
 * or the API's option syntax (`duplicates: "sum"`). The scan runs the commands that fail most often, in both
 * languages, through the real entry `main`, and checks everything they print; `humanise` itself is tested on the
 * shapes it rewrites.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { main } from '../src/main.ts';
import { humanise, internalSyntax } from '../src/text/humanise.ts';

const dir = mkdtempSync(join(tmpdir(), 'metrocoop-messages-'));
const store = join(dir, 'store.duckdb');

async function run(args: readonly string[], lang: 'en' | 'zh'): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await main(['--lang', lang, '--store', store, ...args], { out: (s) => (text += s), err: (s) => (text += s), env: {} });
  return { code, text };
}

describe('CLI messages for people', () => {
  before(async () => {
    await storeCopyPath('embedded', dir, 'store.duckdb');
    writeFileSync(join(dir, 'dup.csv'), 'region,industry,value\nR1,A,1\nR1,A,2\nR2,B,3\n');
    writeFileSync(join(dir, 'zero.csv'), 'region,industry,value\nR1,A,1\nR2,B,0\nR2,A,0\n');
    writeFileSync(join(dir, 'withheld.csv'), 'region,year,indicator,industry,classification,value,unit,source\nCN-110000,2019,gdp,,,,亿元,my-source\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: readonly (readonly string[])[] = [
    ['measures', '--input', join(dir, 'missing.csv')],
    ['measures', '--input', join(dir, 'dup.csv')],
    ['measures', '--input', join(dir, 'zero.csv')],
    ['measures', '--input', join(dir, 'dup.csv'), '--option', 'threshold=abc'],
    ['measures', '--input', join(dir, 'dup.csv'), '--measures', 'nonsense'],
    ['shift-share', '--from', join(dir, 'missing.csv'), '--to', join(dir, 'missing.csv')],
    ['data', 'export', 'nosuch', '--format', 'csv'],
    ['data', 'show', 'XYZ'],
    ['data', 'validate', join(dir, 'withheld.csv')],
    ['analyze', 'nosuch'],
    ['analyze', 'jjj', '--year', '1990'],
    ['analyze', 'jjj', '--units', 'nosuch'],
  ];
  for (const lang of ['en', 'zh'] as const) {
    it(`shows no internal function name or API syntax (${lang})`, async () => {
      for (const args of cases) {
        const { text } = await run(args, lang);
        assert.ok(text.length > 0, args.join(' '));
        assert.deepEqual(internalSyntax(text), [], `${args.join(' ')}:\n${text}`);
        assert.doesNotMatch(text, /unexpected failure|意外错误/, args.join(' '));
      }
    });
  }

  it('names the command the user ran in place of the internal function', async () => {
    const { code, text } = await run(['measures', '--input', join(dir, 'dup.csv')], 'en');
    assert.equal(code, 1);
    assert.equal(text, 'measures: more than one row for region "R1" and industry "A"; pass --duplicates sum or first to combine them.\n');
  });

  it('rewrites the shapes it knows and leaves other text alone', () => {
    assert.equal(
      humanise('readLongCsv: cannot read a.csv (ENOENT); check the path.', 'shift-share'),
      'shift-share: cannot read a.csv (ENOENT); check the path.',
    );
    assert.equal(
      humanise('RegionIndustryMatrix.fromCoordinates：地区 "R2" 合计为 0；可设 zeroTotals: "drop" 或 "keep"。', 'measures'),
      'measures：地区 "R2" 合计为 0；可设 --zero-totals drop 或 keep。',
    );
    assert.equal(humanise('use components: "largest"', null), 'use --option components=largest');
    assert.equal(humanise('data show: "XYZ" is neither a metro nor a region.', 'data show'), 'data show: "XYZ" is neither a metro nor a region.');
    assert.deepEqual(internalSyntax('importFile: withheld cell\nfine: text'), ['importFile']);
  });
});
