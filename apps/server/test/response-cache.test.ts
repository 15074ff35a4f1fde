/**
 * The response cache's rules and bookkeeping (response-cache.ts), the rate limit's client key behind a proxy
 * (rate-limit.ts) and the warm-up's order (warm-up.ts). The cache over a real server: response-cache.e2e.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientKey } from '../src/rate-limit.ts';
import { acceptsGzip, cacheableRequest, cacheableResponse, matchesEtag, ResponseCache } from '../src/response-cache.ts';
import { warmTargets } from '../src/warm-up.ts';

const json = new Headers({ 'content-type': 'application/json; charset=utf-8', 'x-frame-options': 'DENY', 'content-length': '3', date: 'x' });
const body = (n: number, fill = 'a') => Buffer.from(fill.repeat(n));

describe('ResponseCache', () => {
  it('serves an entry only at the data version it was computed at, and drops it otherwise', () => {
    const cache = new ResponseCache();
    cache.put('/api/metros', 3, json, body(10));
    assert.ok(cache.get('/api/metros', 3));
    assert.equal(cache.get('/api/metros', 4), undefined);
    assert.equal(cache.size, 0, 'the stale entry is gone');
    assert.equal(cache.bytes, 0);
  });

  it('keeps the headers that describe the answer, not those of one message, and adds the validator', () => {
    const entry = new ResponseCache().put('/api/x', 0, json, body(3));
    assert.ok(entry);
    const names = entry.headers.filter((_, i) => i % 2 === 0);
    assert.deepEqual(names, ['content-type', 'x-frame-options', 'etag', 'cache-control', 'vary']);
    assert.match(entry.etag, /^"[A-Za-z0-9_-]{27}"$/);
    assert.equal(new ResponseCache().put('/api/y', 0, json, body(3))?.etag, entry.etag, 'same bytes, same ETag');
    assert.notEqual(new ResponseCache().put('/api/y', 0, json, body(3, 'b'))?.etag, entry.etag);
  });

  it('drops the least recently used entries beyond its entry and byte bounds, and refuses oversized bodies', () => {
    const byCount = new ResponseCache({ maxEntries: 2 });
    byCount.put('/a', 0, json, body(1));
    byCount.put('/b', 0, json, body(1));
    byCount.get('/a', 0); // /a is now the most recent
    byCount.put('/c', 0, json, body(1));
    assert.ok(byCount.get('/a', 0));
    assert.equal(byCount.get('/b', 0), undefined);
    assert.ok(byCount.get('/c', 0));

    const byBytes = new ResponseCache({ maxBytes: 250 });
    byBytes.put('/a', 0, json, body(100));
    byBytes.put('/b', 0, json, body(100));
    byBytes.put('/c', 0, json, body(100));
    assert.equal(byBytes.size, 2);
    assert.equal(byBytes.bytes, 200);
    assert.equal(byBytes.get('/a', 0), undefined);

    const small = new ResponseCache({ maxBodyBytes: 10 });
    assert.equal(small.put('/big', 0, json, body(11)), undefined);
    assert.equal(small.size, 0);
  });

  it('makes the gzip copy once, in the background, and only when it saves bytes', async () => {
    const cache = new ResponseCache();
    const entry = cache.put('/api/big', 0, json, body(20_000));
    assert.ok(entry);
    assert.equal(cache.gzipOf('/api/big', entry), undefined, 'the first request is answered as is');
    for (let i = 0; i < 100 && entry.gzip == null; i++) await new Promise((r) => setTimeout(r, 5));
    const zipped = cache.gzipOf('/api/big', entry);
    assert.ok(zipped !== undefined && zipped.length < 200);
    assert.equal(cache.bytes, 20_000 + zipped.length);
    const tiny = cache.put('/api/tiny', 0, json, body(100));
    assert.ok(tiny);
    assert.equal(cache.gzipOf('/api/tiny', tiny), undefined);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(cache.gzipOf('/api/tiny', tiny), undefined, 'bodies under 1 kB are never compressed');
  });
});

describe('what may be cached', () => {
  it('keeps GETs of read endpoints, not the health check, writes, the dashboard or the docs page', () => {
    assert.equal(cacheableRequest('GET', '/api/metros/jjj/analysis'), true);
    assert.equal(cacheableRequest('GET', '/openapi.json'), true);
    assert.equal(cacheableRequest('GET', '/api/health'), false);
    assert.equal(cacheableRequest('POST', '/api/datasets'), false);
    assert.equal(cacheableRequest('HEAD', '/api/metros'), false);
    assert.equal(cacheableRequest('GET', '/'), false);
    assert.equal(cacheableRequest('GET', '/docs'), false);
  });

  it('keeps 200 JSON answers only', () => {
    const ok = (init: ResponseInit) => cacheableResponse(new Response('{}', init));
    assert.equal(ok({ status: 200, headers: { 'content-type': 'application/json' } }), true);
    assert.equal(ok({ status: 404, headers: { 'content-type': 'application/json' } }), false);
    assert.equal(ok({ status: 200, headers: { 'content-type': 'application/pdf' } }), false);
    assert.equal(ok({ status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } }), false);
    assert.equal(ok({ status: 200, headers: { 'content-type': 'application/json', 'set-cookie': 'a=b' } }), false);
  });

  it('reads Accept-Encoding and If-None-Match as HTTP says', () => {
    assert.equal(acceptsGzip('gzip, deflate, br'), true);
    assert.equal(acceptsGzip('br;q=1, gzip;q=0.5'), true);
    assert.equal(acceptsGzip('gzip;q=0'), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip('*'), true);
    assert.equal(acceptsGzip(undefined), false);
    assert.equal(matchesEtag('"abc"', '"abc"'), true);
    assert.equal(matchesEtag('"x", W/"abc"', '"abc"'), true);
    assert.equal(matchesEtag('*', '"abc"'), true);
    assert.equal(matchesEtag('"abd"', '"abc"'), false);
    assert.equal(matchesEtag(undefined, '"abc"'), false);
  });
});

describe('clientKey', () => {
  it('is the socket address unless a proxy is trusted, then the address the proxy appended', () => {
    assert.equal(clientKey('127.0.0.1', '203.0.113.9', false), '127.0.0.1');
    assert.equal(clientKey('10.0.0.2', '198.51.100.1, 203.0.113.9', true), '203.0.113.9', 'the forged first hop does not count');
    assert.equal(clientKey('10.0.0.2', undefined, true), '10.0.0.2');
    assert.equal(clientKey('10.0.0.2', ' ', true), '10.0.0.2');
    assert.equal(clientKey(undefined, undefined, false), 'local');
  });
});

describe('warmTargets', () => {
  it('warms the embedded metros only, the dashboard default (jjj) first, each with its analysis and geometries', () => {
    const list = JSON.stringify({
      metros: [
        { id: 'tokyo', origin: 'embedded' },
        { id: 'mine', origin: 'user' },
        { id: 'JJJ', origin: 'embedded' },
      ],
    });
    assert.deepEqual(warmTargets(list), [
      '/api/metros/JJJ/analysis',
      '/api/metros/JJJ/geometries?detail=screen',
      '/api/metros/tokyo/analysis',
      '/api/metros/tokyo/geometries?detail=screen',
    ]);
  });
});
