/**
 * GET /api/metros/{id}/report?format=csv and ?format=md-zip over a copy of the embedded store: ZIP downloads read
 * back with jszip — the CSV report's files (every table, contents.csv, sources.csv, each with a byte-order mark) and
 * the Markdown with the SVG charts it links to, laid out as `metrocoop report` writes them. Rendering a report takes
 * a few seconds: the slower tier.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import JSZip from 'jszip';
import { openStoreCopy, type StoreCopy } from '../../../packages/data/test/support/store-template.ts';
import { createApp } from '../src/app.ts';
import { createServerDeps } from '../src/deps.ts';
import { registerComputeRoutes } from '../src/routes/compute.ts';

let copy: StoreCopy;
let app: OpenAPIHono;

/** The files of an archive (directory entries left out) as name → bytes, in the archive's order. */
async function unzip(res: Response): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
  const out = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.set(entry.name, await entry.async('uint8array'));
  return out;
}
const utf8 = (bytes: Uint8Array | undefined): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const bom = [0xef, 0xbb, 0xbf];

describe('GET /api/metros/{id}/report as a ZIP', () => {
  before(async () => {
    copy = await openStoreCopy('embedded');
    app = createApp(createServerDeps(copy.store, { limits: { timeoutMs: 120_000 } }), { routes: [registerComputeRoutes], log: () => {} });
  });
  after(() => copy.cleanup());

  it('downloads the CSV report as <metro>-report-csv.zip: every table, contents.csv and sources.csv, each with a BOM', async () => {
    const res = await app.request('/api/metros/JJJ/report?format=csv&compare=none');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="jjj-report-csv.zip"');
    const files = await unzip(res);
    const names = [...files.keys()];
    assert.ok(
      names.every((n) => /^jjj-report-csv\/[A-Za-z0-9._-]+\.csv$/.test(n)),
      names.join(' '),
    );
    for (const name of ['jjj-report-csv/contents.csv', 'jjj-report-csv/sources.csv', 'jjj-report-csv/overview.csv']) assert.ok(files.has(name), name);
    for (const [name, bytes] of files) assert.deepEqual([...bytes.subarray(0, 3)], bom, `${name} starts with a byte-order mark`);

    // A table: its header row is the column labels with their units, CRLF line ends; Chinese names as UTF-8.
    const overview = utf8(files.get('jjj-report-csv/overview.csv'));
    assert.ok(overview.startsWith('\uFEFFUnit,Ring,Area (km²),Population (persons),GDP (million CNY)'), overview.slice(0, 100));
    const lines = overview.slice(1).split('\r\n');
    assert.equal(lines.at(-1), '');
    // The whole metro and its three units.
    assert.deepEqual(
      lines
        .slice(1, -1)
        .map((l) => l.split(',')[0])
        .sort(),
      ['Beijing', 'Beijing–Tianjin–Hebei (all units)', 'Hebei', 'Tianjin'],
    );

    // contents.csv lists every table file of the archive, and sources.csv the sources.
    const contents = utf8(files.get('jjj-report-csv/contents.csv')).slice(1).split('\r\n');
    assert.equal(contents[0], 'file,chapter,table,rows,note,sources');
    const listed = contents
      .slice(1)
      .filter((l) => l !== '')
      .map((l) => `jjj-report-csv/${l.split(',')[0]}`);
    assert.deepEqual(listed.sort(), names.filter((n) => !/\/(contents|sources)\.csv$/.test(n)).sort());
    const sources = utf8(files.get('jjj-report-csv/sources.csv'));
    assert.ok(sources.startsWith('\uFEFFid,title,url,tables\r\n'));
    assert.match(sources, /NBS_PROV_URBAN_UNIT_EMP/);
  });

  it('downloads the Markdown report with its SVG charts as <metro>-report-md.zip, in Chinese on request', async () => {
    const res = await app.request('/api/metros/jjj/report?format=md-zip&compare=none&lang=zh');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="jjj-report-md.zip"');
    const files = await unzip(res);
    const md = utf8(files.get('jjj-report-md/jjj-report.md'));
    assert.match(md, /^# 京津冀/);
    const links = [...new Set([...md.matchAll(/\]\((jjj-report-charts\/[A-Za-z0-9_-]+\.svg)\)/g)].map((m) => m[1] as string))];
    assert.ok(links.length >= 5, `charts drawn and linked: ${links.join(' ')}`);
    for (const link of links) assert.match(utf8(files.get(`jjj-report-md/${link}`)), /^<svg[\s>]/, link);
    assert.equal(files.size, 1 + links.length, 'the Markdown and the charts it links to, nothing else');
  });

  it('still offers the Markdown alone (charts named, not drawn) as format=md', async () => {
    const res = await app.request('/api/metros/jjj/report?format=md&compare=none');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="jjj-report.md"');
    assert.doesNotMatch(await res.text(), /\.svg\)/);
  });
});
