/**
 * The ZIP archives of the report downloads (src/report-archive.ts), read back with jszip: files under one folder,
 * names checked (no `..`, no absolute path, no name twice). The archives of a real report, through the route, are
 * in report-archive.e2e.test.ts (rendering a report takes seconds).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { fileBase, isSafeArchivePath, zipArchive } from '../src/report-archive.ts';

/** The files of an archive (directories left out) as name → bytes. */
async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) if (!entry.dir) out.set(entry.name, await entry.async('uint8array'));
  return out;
}
const utf8 = (bytes: Uint8Array | undefined): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('zipArchive', () => {
  it('writes each file under the folder, text as UTF-8, bytes as they are', async () => {
    const bytes = await zipArchive(
      [
        { name: 'a.csv', content: '\uFEFFx,y\r\n1,北京\r\n' },
        { name: 'charts/b.svg', content: new Uint8Array([60, 115, 118, 103, 47, 62]) },
      ],
      'jjj-report-csv',
    );
    assert.equal(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0), 'PK');
    const files = await unzip(bytes);
    assert.deepEqual([...files.keys()], ['jjj-report-csv/a.csv', 'jjj-report-csv/charts/b.svg']);
    assert.equal(utf8(files.get('jjj-report-csv/a.csv')), '\uFEFFx,y\r\n1,北京\r\n');
    assert.equal(utf8(files.get('jjj-report-csv/charts/b.svg')), '<svg/>');
  });

  it('refuses a name that could leave the folder when unpacked, and a name used twice', async () => {
    for (const name of ['../x.csv', '/etc/x', 'a/../../x', 'a\\b.csv', 'C:x', '', 'a//b', './a']) {
      assert.equal(isSafeArchivePath(name), false, name);
      await assert.rejects(zipArchive([{ name, content: 'x' }]), /unsafe file name/, name);
    }
    await assert.rejects(zipArchive([{ name: '..', content: 'x' }], 'ok'), /unsafe file name/);
    await assert.rejects(
      zipArchive([
        { name: 'A.csv', content: '1' },
        { name: 'a.csv', content: '2' },
      ]),
      /used twice/,
    );
  });

  it('makes a metro id a file name part as the CLI does', () => {
    assert.equal(fileBase('jjj'), 'jjj');
    assert.equal(fileBase('my metro/..'), 'my-metro-..');
    assert.equal(fileBase('..'), 'metro');
  });
});
