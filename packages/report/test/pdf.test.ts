/** Finding Chromium for the PDF report, and the message when it is missing (no browser is started here). */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidInputError } from '@metrocoop/core';
import { chromiumEnvVar, findChromium, renderPdf } from '../src/pdf.ts';

const missing = (e: unknown) => e instanceof InvalidInputError && e.code === 'CHROMIUM_MISSING';

describe('renderPdf without Chromium', () => {
  it('fails with CHROMIUM_MISSING naming the Debian package and the variable, in both languages, and leaves no folder', async () => {
    const saved = process.env[chromiumEnvVar];
    const root = mkdtempSync(join(tmpdir(), 'metrocoop-pdf-test-'));
    process.env[chromiumEnvVar] = join(root, 'no-such-chromium');
    try {
      await assert.rejects(renderPdf('<p>x</p>', { tempRoot: root }), (e: unknown) => {
        assert.ok(missing(e));
        const { messages } = e as InvalidInputError;
        for (const text of [messages.en, messages.zh]) {
          assert.ok(text.includes('apt-get install chromium'), text);
          assert.ok(text.includes(chromiumEnvVar), text);
          assert.ok(text.includes('no-such-chromium'), text);
        }
        return true;
      });
      assert.deepEqual(readdirSync(root), []);
    } finally {
      if (saved === undefined) delete process.env[chromiumEnvVar];
      else process.env[chromiumEnvVar] = saved;
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails with CHROMIUM_MISSING when an executablePath option does not exist', async () => {
    await assert.rejects(renderPdf('<p>x</p>', { executablePath: join(tmpdir(), 'metrocoop-no-such-chromium') }), missing);
  });
});

describe('findChromium', () => {
  it('fails with CHROMIUM_MISSING when neither the variable nor the PATH has a browser', () => {
    const empty = mkdtempSync(join(tmpdir(), 'metrocoop-path-'));
    try {
      assert.throws(() => findChromium({ PATH: empty }), missing);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('does not take a folder named chromium for the browser', () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-path-'));
    try {
      assert.throws(() => findChromium({ [chromiumEnvVar]: dir }), missing);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
