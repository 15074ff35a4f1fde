/**
 * The PDF report printed by the real Debian Chromium (apt-get install chromium poppler-utils fonts-noto-cjk; .ci/run
 * installs them): a two-page document with Chinese and English text, checked with poppler's pdfinfo (page count)
 * and pdftotext (the text of both languages); no network request while printing; the browser's profile folder
 * removed after success and after a failure.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { renderPdf } from '../src/pdf.ts';

const html = (imageUrl: string) => `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>test</title>
<style>body { font-family: 'Noto Sans CJK SC', sans-serif; } .next { break-before: page; }</style></head>
<body>
<h1>京津冀都市圈协同发展 Jing-Jin-Ji metro area</h1>
<p>北京是以服务业为主的核心。Beijing is the service-led core.</p>
<img src="${imageUrl}" alt="">
<p class="next">第二页：天津与河北最相似。Page two: Tianjin and Hebei are the most similar pair.</p>
</body></html>`;

describe('renderPdf with Chromium', () => {
  const root = mkdtempSync(join(tmpdir(), 'metrocoop-pdf-test-'));
  const file = join(root, 'report.pdf');
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.end('');
  });
  let pdf: Buffer;
  let profiles: string;

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    profiles = mkdtempSync(join(root, 'profiles-'));
    pdf = await renderPdf(html(`http://127.0.0.1:${port}/tracker.png`), { tempRoot: profiles });
    writeFileSync(file, pdf);
  });
  after(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('prints an A4 PDF with one page per forced page break', () => {
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    assert.match(info, /^Pages:\s+2$/m);
    assert.match(info, /^Page size:.*\(A4\)$/m);
  });

  it('keeps the Chinese and the English text extractable (pdftotext)', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const part of [
      '京津冀都市圈协同发展',
      'Jing-Jin-Ji metro area',
      '北京是以服务业为主的核心',
      'Beijing is the service-led core',
      '天津与河北最相似',
      'Tianjin and Hebei',
    ]) {
      assert.ok(text.includes(part), part);
    }
    const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    assert.ok(second.includes('第二页'));
    assert.ok(!second.includes('Beijing is the service-led core'));
  });

  it('numbers the pages in the footer', () => {
    const last = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' });
    assert.match(last, /2\s*\/\s*2/);
  });

  it('fetches nothing over the network while printing', () => {
    assert.equal(requests, 0);
  });

  it('removes the browser profile folder afterwards', () => {
    assert.deepEqual(readdirSync(profiles), []);
  });

  it('removes the browser profile folder when printing fails', async () => {
    const failing = mkdtempSync(join(root, 'profiles-'));
    await assert.rejects(renderPdf('<p>x</p>', { tempRoot: failing, margin: { top: 'not a length', right: '1cm', bottom: '1cm', left: '1cm' } }));
    assert.deepEqual(readdirSync(failing), []);
  });
});
