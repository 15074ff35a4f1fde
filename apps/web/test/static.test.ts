import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { mountStatic, staticFilePath } from '../../server/src/static.ts';

const root = join(import.meta.dirname, 'fixtures', 'dist');

function app() {
  const a = new Hono();
  mountStatic(a, { root });
  a.get('/api/health', (c) => c.json({ status: 'ok' }));
  a.notFound((c) => c.json({ error: { code: 'NOT_FOUND' } }, 404));
  return a;
}

describe('mountStatic (the dashboard served by the API server)', () => {
  it('serves index.html at / and hashed assets with their content type and a long cache', async () => {
    const page = await app().request('/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.match(await page.text(), /fixture/);
    const js = await app().request('/assets/app-1234.js');
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  });

  it('answers the app’s routes with index.html, a missing asset and the API with the API', async () => {
    assert.match(await (await app().request('/some/route')).text(), /fixture/);
    assert.equal((await app().request('/assets/missing.js')).status, 404);
    assert.deepEqual(await (await app().request('/api/health')).json(), { status: 'ok' });
    assert.equal((await app().request('/api/nope')).status, 404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '/%00.js']) {
      const r = await app().request(`http://x${path}`);
      assert.doesNotMatch(await r.text(), /secret/, path);
    }
    assert.equal(staticFilePath(root, '/%2e%2e/outside.txt'), null);
    assert.equal(staticFilePath(root, '/a/../../outside.txt'), null);
    assert.equal(staticFilePath(root, '/%E0%A4%A'), null);
    assert.equal(staticFilePath(root, '/assets/app-1234.js'), join(root, 'assets', 'app-1234.js'));
  });
});
