/**
 * The response cache over a real server (start.ts, listener.ts): the warm-up fills it; a cached read is the app's
 * answer byte for byte, with the security headers, an ETag (304 on revalidation) and a gzip copy; the rate limit
 * still applies; a write makes every kept answer stale; behind a trusted proxy each forwarded client has its own
 * bucket.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { type RunningServer, startServer } from '../src/start.ts';

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET over node:http (no automatic decompression, so the wire is what the test sees). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the response cache on a running server', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, storePath: await storeCopyPath('embedded'), env: {}, handleSignals: false, log: () => undefined });
  });
  after(() => server.close());

  it('is warmed at start: the metro list, then each embedded metro’s analysis and geometries, jjj first', async () => {
    const warmed = await server.warmed;
    assert.deepEqual(warmed.slice(0, 3), ['/api/metros', '/api/metros/jjj/analysis', '/api/metros/jjj/geometries?detail=screen']);
    assert.ok(warmed.includes('/api/metros/tokyo/analysis'));
    assert.ok((server.responses?.size ?? 0) >= warmed.length);
    const kept = server.responses?.get('/api/metros/jjj/analysis', server.deps.dataVersion());
    assert.ok(kept !== undefined, 'the dashboard’s first analysis is kept, ready to serve');
    const res = await get(`${server.url}/api/metros/jjj/analysis`);
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(kept.body));
  });

  it('answers a cached read with the app’s bytes, the security headers, an ETag, and 304 on revalidation', async () => {
    const target = '/api/metros/tokyo?x=1';
    const first = await get(`${server.url}${target}`);
    const second = await get(`${server.url}${target}`);
    const fromApp = Buffer.from(await (await server.app.request(target)).arrayBuffer());
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.ok(second.body.equals(fromApp), 'the cached answer is the app’s answer');
    assert.ok(first.body.equals(second.body));
    assert.equal(second.headers.etag, first.headers.etag);
    assert.match(String(second.headers.etag), /^"[\w-]+"$/);
    assert.equal(second.headers['cache-control'], 'no-cache');
    assert.match(String(second.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(second.headers['x-frame-options'], 'DENY');
    assert.equal(second.headers['content-type'], first.headers['content-type']);
    assert.match(String(second.headers['content-type']), /^application\/json/);
    assert.match(String(second.headers['ratelimit-remaining']), /^\d+$/, 'a cached read is rate-limited too (see below)');
    const revalidated = await get(`${server.url}${target}`, { 'if-none-match': String(first.headers.etag) });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.body.length, 0);
    assert.equal(revalidated.headers.etag, first.headers.etag);
  });

  it('sends the gzip copy to clients that accept it (from the second request on)', async () => {
    const target = `${server.url}/api/metros/jjj/analysis`;
    const plain = await get(target);
    await get(target, { 'accept-encoding': 'gzip' });
    let zipped = await get(target, { 'accept-encoding': 'gzip' });
    for (let i = 0; i < 50 && zipped.headers['content-encoding'] !== 'gzip'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      zipped = await get(target, { 'accept-encoding': 'gzip' });
    }
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.ok(zipped.body.length < plain.body.length / 2);
    assert.ok(gunzipSync(zipped.body).equals(plain.body));
    assert.equal((await get(target, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding'], undefined);
  });

  it('never serves an answer from before a write: an upload shows in the next dataset list', async () => {
    const before = await get(`${server.url}/api/datasets`);
    assert.equal((await get(`${server.url}/api/datasets`)).body.equals(before.body), true);
    const csv = `${readFileSync(new URL('../../../docs/examples/boston-msa.csv', import.meta.url), 'utf8')
      .split('\n')
      .slice(0, 6)
      .join('\n')}\n`;
    const upload = await fetch(`${server.url}/api/datasets?name=cache-test.csv`, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    assert.equal(upload.status, 201, await upload.text());
    const afterUpload = await get(`${server.url}/api/datasets`);
    const names = (JSON.parse(afterUpload.body.toString('utf8')) as { datasets: { name: string }[] }).datasets.map((d) => d.name);
    assert.ok(names.includes('cache-test'), names.join(', '));
    assert.notEqual(afterUpload.headers.etag, before.headers.etag);
  });
});

describe('the rate limit in front of the response cache', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({
      port: 0,
      storePath: await storeCopyPath('embedded'),
      env: { METROCOOP_TRUST_PROXY: '1' },
      handleSignals: false,
      log: () => undefined,
      warmUp: false,
      limits: { ratePerMinute: 3 },
    });
  });
  after(() => server.close());

  it('refuses a client past its limit on cached reads too (bilingual 429), and counts forwarded clients apart', async () => {
    const target = `${server.url}/api/classifications`;
    const as = (client: string, lang = 'en') => get(target, { 'x-forwarded-for': `198.51.100.7, ${client}`, 'accept-language': lang });
    for (let i = 0; i < 3; i++) assert.equal((await as('203.0.113.1')).status, 200);
    const refused = await as('203.0.113.1', 'zh');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    const error = (JSON.parse(refused.body.toString('utf8')) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'RATE_LIMITED');
    assert.match(error.message, /[\u4e00-\u9fff]/, 'the message follows Accept-Language');
    assert.equal((await as('203.0.113.2')).status, 200, 'another client behind the proxy has its own bucket');
  });
});
