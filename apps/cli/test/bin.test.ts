/**
 * The installed entry point (apps/cli/bin/metrocoop.js) as a user runs it: a reader that closes the pipe early
 * (`metrocoop … | head`) ends the output quietly — no EPIPE stack trace, exit 0.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/metrocoop.js', import.meta.url));

describe('bin/metrocoop.js', () => {
  it('ends quietly with exit 0 when the reader closes the pipe early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bin-'));
    try {
      const csv = join(dir, 'big.csv');
      const lines = ['region,industry,value'];
      for (let r = 0; r < 300; r++) for (let i = 0; i < 100; i++) lines.push(`R${r},I${i},${1 + ((r * 7 + i * 13) % 50)}`);
      writeFileSync(csv, `${lines.join('\n')}\n`);
      const child = spawn(process.execPath, [bin, 'measures', '--input', csv], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      });
      let err = '';
      child.stderr.on('data', (chunk) => {
        err += chunk;
      });
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, err);
      assert.doesNotMatch(err, /EPIPE|at .*\(/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
