import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { registerAnalyzeCommand } from '../src/commands/analyze.ts';
import type { CliContext } from '../src/context.ts';

const dir = mkdtempSync(join(tmpdir(), 'metrocoop-analyze-'));
const storePath = join(dir, 'store.duckdb');

async function run(args: string[], lang: 'en' | 'zh' = 'en'): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = { lang, out: (s) => (out += s), err: (s) => (err += s), interactive: false };
  const program = new Command('metrocoop').option('--store <file>').exitOverride();
  registerAnalyzeCommand(program, ctx);
  for (const c of program.commands) c.exitOverride();
  await program.parseAsync(['--store', storePath, ...args], { from: 'user' });
  return { out, err };
}

describe('metrocoop analyze', () => {
  before(async () => {
    // The store `Store.openDefault` would load: a copy of the embedded template.
    await storeCopyPath('embedded', dir, 'store.duckdb');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a readable English summary with the pair types and findings', async () => {
    const { out } = await run(['analyze', 'jjj', '--compare', 'none']);
    assert.match(out, /Beijing–Tianjin–Hebei \(jjj\)/);
    assert.match(out, /Pair types \(Table 1\)/);
    assert.match(out, /Beijing – Tianjin/);
    assert.match(out, /Beijing – Tianjin +vertical +functional \(×6\.2\)/);
    assert.match(out, /Tianjin – Hebei +competing/);
    assert.match(out, /Headline findings \(\d+ of \d+, by priority\)/);
  });

  it('prints the summary in Chinese with --lang zh context', async () => {
    const { out } = await run(['analyze', 'yrd', '--compare', 'none'], 'zh');
    assert.match(out, /长三角/);
    assert.match(out, /单元对合作类型/);
    assert.match(out, /上海/);
  });

  it('writes the JSON document to a file with --format json --out', async () => {
    const file = join(dir, 'tokyo.json');
    const { err } = await run(['analyze', 'tokyo', '--format', 'json', '--out', file, '--compare', 'nyc']);
    assert.match(err, /Wrote the analysis/);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(doc.metro.id, 'tokyo');
    assert.equal(doc.schemaVersion, '2.0.0');
    assert.equal(doc.benchmark.metros[1].metro, 'nyc');
    assert.deepEqual(doc.benchmark.ranked, ['tokyo', 'nyc']);
  });

  it('rejects a year that is not an integer with a usage error', async () => {
    await assert.rejects(run(['analyze', 'jjj', '--year', 'abc']), (e: unknown) => (e as { code?: string }).code === 'USAGE');
  });

  it('reports an unknown unit set as NotFound', async () => {
    await assert.rejects(
      run(['analyze', 'jjj', '--units', 'wards', '--compare', 'none']),
      (e: unknown) => (e as { code?: string }).code === 'UNKNOWN_UNIT_SET',
    );
  });
});
