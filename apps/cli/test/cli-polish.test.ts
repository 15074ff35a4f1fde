/**
 * Small things a user meets first: `--version` (`-V`), metro ids in any case, and the progress line of a long
 * analysis (its timing given by a test clock, so nothing here depends on how fast the machine is).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import type { CliContext } from '../src/context.ts';
import { main, metrocoopVersion } from '../src/main.ts';
import { progressMessages, startProgress, withProgress } from '../src/progress.ts';

const rootPackage = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8')) as { version: string };

async function run(args: readonly string[], lang = 'en_US.UTF-8'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s), env: { LANG: lang } });
  return { code, out, err };
}

describe('metrocoop --version', () => {
  it('prints the root package.json version, with --version and -V, exit 0', async () => {
    assert.equal(metrocoopVersion(), rootPackage.version);
    for (const flag of ['--version', '-V']) {
      const result = await run([flag]);
      assert.equal(result.code, 0);
      assert.equal(result.out, `${rootPackage.version}\n`);
    }
    assert.equal((await run(['--lang', 'zh', '--version'])).out, `${rootPackage.version}\n`);
  });
});

describe('metro ids in any case', () => {
  let dir = '';
  let store = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'metrocoop-case-'));
    store = await storeCopyPath('embedded', dir, 'store.duckdb');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('data show Tokyo and JJJ show tokyo and jjj', async () => {
    const tokyo = await run(['--store', store, 'data', 'show', 'Tokyo', '--json']);
    assert.equal(tokyo.code, 0, tokyo.err);
    assert.equal((JSON.parse(tokyo.out) as { id: string }).id, 'tokyo');
    const jjj = await run(['--store', store, 'data', 'show', 'JJJ']);
    assert.equal(jjj.code, 0, jjj.err);
    assert.match(jjj.out, /\(jjj, CN\)/);
  });
});

describe('the progress line', () => {
  const context = (interactive: boolean, progress: boolean): { ctx: CliContext; err: string[] } => {
    const err: string[] = [];
    return { ctx: { lang: 'en', out: () => undefined, err: (s) => void err.push(s), interactive, progress }, err };
  };

  it('says nothing for work done within the delay', async () => {
    const { ctx, err } = context(false, true);
    await withProgress(ctx, progressMessages.analysing('jjj'), async () => 1, { afterMs: 60_000 });
    assert.deepEqual(err, []);
  });

  it('with --progress, one line once the delay has passed, and the time taken when done', () => {
    const { ctx, err } = context(false, true);
    let clock = 0;
    const progress = startProgress(ctx, progressMessages.analysing('jjj'), { afterMs: 1000, now: () => clock });
    progress.tick();
    assert.deepEqual(err, []);
    clock = 1200;
    progress.tick();
    progress.tick();
    clock = 2345;
    progress.stop();
    progress.stop();
    assert.deepEqual(err, ['Analysing jjj … 1 s\n', 'Analysed jjj in 2.3 s.\n']);
  });

  it('on a terminal, the line is rewritten in place; in Chinese too', async () => {
    const { ctx, err } = context(true, false);
    const zh: CliContext = { ...ctx, lang: 'zh' };
    let clock = 0;
    await withProgress(
      zh,
      progressMessages.analysing('yrd'),
      async () => {
        clock = 3000;
        await new Promise((resolve) => setTimeout(resolve, 30));
      },
      { afterMs: 5, everyMs: 5, now: () => clock },
    );
    assert.ok(err.length >= 2);
    assert.equal(err[0], '\r\x1b[K正在分析 yrd … 3 秒');
    assert.equal(err.at(-1), '\r\x1b[Kyrd 分析完成，用时 3.0 秒。\n');
  });

  it('neither a terminal nor asked: nothing', () => {
    const { ctx, err } = context(false, false);
    let clock = 0;
    const progress = startProgress(ctx, progressMessages.analysing('jjj'), { afterMs: 0, now: () => clock });
    clock = 5000;
    progress.tick();
    progress.stop();
    assert.deepEqual(err, []);
  });
});
