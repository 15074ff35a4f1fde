import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, type MetroPlan, metroPlanSchema } from '@metrocoop/core';
import { Command } from 'commander';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { registerPlanCommand } from '../src/commands/plan.ts';
import type { CliContext } from '../src/context.ts';
import { runBin } from './support/run-bin.ts';

const dir = mkdtempSync(join(tmpdir(), 'metrocoop-plan-test-'));
const storePath = join(dir, 'store.duckdb');
const examples = fileURLToPath(new URL('../../../docs/examples/', import.meta.url));

async function run(args: string[], lang: 'en' | 'zh' = 'en'): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = { lang, out: (s) => (out += s), err: (s) => (err += s), interactive: false };
  const program = new Command('metrocoop').option('--store <file>').exitOverride();
  registerPlanCommand(program, ctx);
  for (const c of program.commands) c.exitOverride();
  await program.parseAsync(['--store', storePath, ...args], { from: 'user' });
  return { out, err };
}

const parse = (text: string): MetroPlan => {
  const parsed = metroPlanSchema.safeParse(JSON.parse(text));
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  return parsed.data as MetroPlan;
};
const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

describe('metrocoop plan', () => {
  before(async () => {
    await storeCopyPath('embedded', dir, 'store.duckdb');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the four headings, then every unit’s three columns (stated, optimum, today)', async () => {
    const { out } = await run(['plan', 'jjj', '--no-sensitivity']);
    const headings = ['1. Cooperation mechanism', '2. Planning and the role of government', '3. Positions', '4. Infrastructure'];
    let at = -1;
    for (const h of headings) {
      const k = out.indexOf(h);
      assert.ok(k > at, `${h} after the previous heading`);
      at = k;
    }
    assert.match(out, /Unit +Stated in plans +Optimum +Today \(LQ\)/);
    assert.match(out, /Beijing should lead /);
    assert.match(out, /Optimiser \(highs, exact optimum\)/);
  });

  it('writes a JSON plan that validates, with one or two leads for every unit and the observed relocations', async () => {
    const file = join(dir, 'jjj.json');
    await run(['plan', 'jjj', '--format', 'json', '--out', file]);
    const plan = parse(readFileSync(file, 'utf8'));
    assert.equal(plan.positions.status, 'optimised');
    assert.equal(plan.positions.units.length, 3);
    for (const u of plan.positions.units) assert.ok(u.chosen.length >= 1 && u.chosen.length <= 2, u.unit);
    assert.ok(plan.positions.sensitivity !== null);
    assert.ok(plan.relocations !== null);
    assert.equal(plan.relocations.years[0], 2011);
  });

  it('says why three-sector city tables cannot position industries, and still ranks the missing rail links', async () => {
    const { out } = await run(['plan', 'jjj', '--units', 'cities', '--format', 'json']);
    const plan = parse(out);
    assert.equal(plan.positions.status, 'not-judgeable');
    assert.match(plan.positions.reason?.en ?? '', /too coarse/);
    assert.ok(plan.positions.units.every((u) => u.chosen.length === 0));
    assert.ok(plan.positions.units.some((u) => u.today.length > 0));
    const infra = plan.sections.find((s) => s.heading === 'infrastructure');
    assert.ok((infra?.items.length ?? 0) > 0);
  });

  it('speaks Chinese with --lang zh', async () => {
    const { out } = await run(['plan', 'yrd', '--no-sensitivity'], 'zh');
    assert.match(out, /1\. 合作机制/);
    assert.match(out, /规划定位 +优化结果 +现状（区位熵）/);
    assert.match(out, /上海/);
  });

  it('changes the optimum with the options, and refuses settings that cannot be met, naming the constraint', async () => {
    const one = parse((await run(['plan', 'jjj', '--leads', '1', '--no-sensitivity', '--format', 'json'])).out);
    assert.ok(one.positions.units.every((u) => u.chosen.length === 1));
    const fixed = parse((await run(['plan', 'jjj', '--fix', 'CN-130000:C', '--no-sensitivity', '--format', 'json'])).out);
    assert.ok(fixed.positions.units.find((u) => u.unit === 'CN-130000')?.chosen.some((c) => c.industry === 'C' && c.fixed === 'explicit'));
    await assert.rejects(run(['plan', 'jjj', '--leads', '40']), (e: unknown) => isCode('INFEASIBLE')(e) && /leadsPerUnit|lead/.test((e as Error).message));
    await assert.rejects(run(['plan', 'jjj', '--weights', 'lq=x']), isCode('USAGE'));
    await assert.rejects(run(['plan', 'jjj', '--leads', '0']), isCode('USAGE'));
  });

  it('plans a user-defined metro from its definition and data files (the installed binary)', async () => {
    const result = await runBin([
      'plan',
      '--metro-file',
      join(examples, 'boston-msa.json'),
      '--data',
      join(examples, 'boston-msa.csv'),
      '--format',
      'json',
      '--no-sensitivity',
    ]);
    assert.equal(result.code, 0, result.err);
    const plan = parse(result.out);
    assert.ok(plan.positions.units.length >= 2);
    const bad = await runBin(['plan', 'jjj', '--store', storePath, '--leads', '40']);
    assert.notEqual(bad.code, 0);
    assert.doesNotMatch(bad.err, /\n\s+at /);
  });
});
