import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Api, ApiError, queryString } from '../src/api.ts';

/** A fetch that answers every request with `respond` and records the requests. */
function fakeFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init?: RequestInit | undefined }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('Api', () => {
  it('surfaces the server’s error code, message and issues', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(404, { error: { code: 'UNKNOWN_METRO', message: 'showMetro：未知都市圈 "xyz"', issues: [{ path: ['id'], message: 'unknown' }] } }),
    );
    const api = new Api({ fetch, lang: 'zh' });
    await assert.rejects(api.analysis('xyz'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 404);
      assert.equal(e.code, 'UNKNOWN_METRO');
      assert.equal(e.message, 'showMetro：未知都市圈 "xyz"');
      assert.equal(e.issues.length, 1);
      return true;
    });
    assert.equal(calls[0]?.url, '/api/metros/xyz/analysis');
    assert.equal((calls[0]!.init!.headers as Record<string, string>)['Accept-Language'], 'zh');
  });

  it('says what happened when the answer is not the API’s error shape', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await assert.rejects(new Api({ fetch, lang: 'en' }).metros(), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'HTTP_502');
      assert.match(e.message, /HTTP 502 Bad Gateway: <html>Bad Gateway<\/html>/);
      return true;
    });
  });

  it('turns a failed connection into a NETWORK error naming the request', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    await assert.rejects(new Api({ fetch, lang: 'en' }).plan('jjj', { units: 'cities' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.status, 0);
      assert.equal(e.code, 'NETWORK');
      assert.match(e.message, /GET \/api\/metros\/jjj\/plan\?units=cities\): fetch failed/);
      return true;
    });
  });

  it('rejects a 200 whose body is not JSON', async () => {
    const { fetch } = fakeFetch(() => new Response('not json', { status: 200 }));
    await assert.rejects(new Api({ fetch }).metros(), (e: unknown) => e instanceof ApiError && e.code === 'NOT_JSON');
  });

  it('keeps a successful GET and forgets a failed one, across languages', async () => {
    let fail = true;
    const { fetch, calls } = fakeFetch(() => (fail ? json(503, { error: { code: 'TIMEOUT', message: 'slow', issues: [] } }) : json(200, { metros: [] })));
    const api = new Api({ fetch });
    await assert.rejects(api.metros());
    fail = false;
    assert.deepEqual(await api.metros(), { metros: [] });
    assert.deepEqual(await api.withLang('en').metros(), { metros: [] });
    assert.equal(calls.length, 2);
  });

  it('encodes path ids and query values; a write clears the kept GETs', async () => {
    const { fetch, calls } = fakeFetch((url) => (url.startsWith('/api/datasets') ? json(201, { imported: 1 }) : json(200, {})));
    const api = new Api({ fetch });
    await api.geometries('a/b', { units: 'x y' });
    assert.equal(calls[0]?.url, '/api/metros/a%2Fb/geometries?units=x+y&detail=screen');
    await api.uploadDataset(new Blob(['a,b\n'], { type: 'text/csv' }), { name: 'x.csv' });
    assert.equal(calls[1]?.init?.method, 'POST');
    assert.equal((calls[1]!.init!.headers as Record<string, string>)['Content-Type'], 'text/csv');
    await api.geometries('a/b', { units: 'x y' });
    assert.equal(calls.length, 3);
  });
});

describe('queryString', () => {
  it('drops missing parameters and gives an empty string when none is left', () => {
    assert.equal(queryString({ a: undefined, b: null, c: '' }), '');
    assert.equal(queryString({ year: 2019, compare: 'none', x: false }), '?year=2019&compare=none&x=false');
  });
});
