/**
 * `metrocoop serve` through the real binary: prints its address, answers over HTTP, stops cleanly on SIGTERM
 * (exit 0); bound beyond loopback without METROCOOP_TOKEN it refuses to start, saying so in both languages.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { bin, runBin } from './support/run-bin.ts';

const envWithout = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.METROCOOP_TOKEN;
  delete env.PORT;
  return env;
};

describe('metrocoop serve', () => {
  it('prints http://127.0.0.1:<port>, serves /api/health and stops on SIGTERM with exit 0', async () => {
    const store = await storeCopyPath('embedded');
    const child = spawn(process.execPath, [bin, '--store', store, '--lang', 'en', 'serve', '--port', '0'], {
      env: envWithout(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.on('close', () => reject(new Error(`serve exited early: ${err}`)));
    });
    const res = await fetch(`${url}/api/health`);
    assert.equal(res.status, 200);
    assert.match(err, /listening on http:\/\/127\.0\.0\.1/);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(err, /Stopped; the store is closed/);
  });

  it('refuses --host 0.0.0.0 without METROCOOP_TOKEN, in English and Chinese', async () => {
    const store = await storeCopyPath('embedded');
    const result = await runBin(['--store', store, 'serve', '--host', '0.0.0.0', '--port', '0'], { env: envWithout() });
    assert.equal(result.code, 1);
    assert.match(result.err, /METROCOOP_TOKEN/);
    const zh = await runBin(['--store', store, '--lang', 'zh', 'serve', '--host', '0.0.0.0', '--port', '0'], { env: envWithout() });
    assert.equal(zh.code, 1);
    assert.match(zh.err, /需要令牌/);
  });

  it('rejects a port that is not a number with a usage error (exit 2)', async () => {
    const result = await runBin(['serve', '--port', 'eighty'], { env: envWithout() });
    assert.equal(result.code, 2);
    assert.match(result.err, /port/);
  });
});
