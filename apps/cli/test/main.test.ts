import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../src/main.ts';

async function run(args: readonly string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s), env });
  return { code, out, err };
}

describe('metrocoop (the program)', () => {
  it('prints its help in English and in Chinese, every command listed, exit 0', async () => {
    const en = await run(['--help']);
    assert.equal(en.code, 0);
    assert.match(en.out, /^Usage: metrocoop/m);
    for (const command of ['start', 'data', 'measures', 'shift-share', 'analyze']) assert.match(en.out, new RegExp(`^  ${command}\\b`, 'm'));
    const zh = await run(['--lang', 'zh', '--help']);
    assert.equal(zh.code, 0);
    assert.match(zh.out, /^用法：/m);
    assert.match(zh.out, /都市圈产业合作/);
    assert.doesNotMatch(zh.out, /^Options:$/m);
  });

  it('takes the language from the locale when --lang is not given', async () => {
    const r = await run(['--help'], { LANG: 'zh_CN.UTF-8' });
    assert.match(r.out, /^命令：$/m);
  });

  it('exits 2 on a usage error: an unknown command or a bad --lang', async () => {
    assert.equal((await run(['nope'])).code, 2);
    const bad = await run(['--lang', 'fr', '--help']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /zh or en/);
  });
});
