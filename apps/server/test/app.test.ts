/**
 * The API in process (app.request, no ports) over a copy of the embedded store: every read endpoint, the error
 * shape and statuses, the limits (413, 429, timeout), the token rule, the security headers and the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createRoute, z } from '@hono/zod-openapi';
import { createApp } from '../src/app.ts';
import type { RouteModule } from '../src/context.ts';
import { createServerDeps } from '../src/deps.ts';
import { routeModules } from '../src/routes/index.ts';
import { errorResponses } from '../src/schemas.ts';
import { checkBinding, isLoopback, startServer } from '../src/start.ts';
import { type ErrorJson, json, type TestApp, testApp } from './support/app.ts';

/** A route module of test-only endpoints: a JSON body echo, an upload, a crash and a slow route. */
const testRoutes: RouteModule = (app) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/test/echo',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ name: z.string(), count: z.number().int() }) } } } },
      responses: {
        200: { description: 'echo', content: { 'application/json': { schema: z.object({ name: z.string(), count: z.number() }) } } },
        ...errorResponses(413, 415),
      },
    }),
    (c) => c.json(c.req.valid('json'), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/test/upload',
      request: { body: { content: { 'text/csv': { schema: z.string() } } } },
      responses: { 200: { description: 'size', content: { 'application/json': { schema: z.object({ bytes: z.number() }) } } }, ...errorResponses(413) },
    }),
    async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }, 200),
  );
  app.get('/api/test/crash', () => {
    throw new Error('secret internal detail at /home/someone/file.ts');
  });
  app.get('/api/test/zod', () => {
    z.object({ size: z.number() }).parse({ size: 'big' });
    throw new Error('not reached');
  });
  app.get('/api/test/slow', async (c) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return c.json({ ok: true });
  });
  app.delete('/api/test/thing', (c) => c.json({ deleted: true }));
};

let t: TestApp;
before(async () => {
  t = await testApp({ limits: { bodyBytes: 1000, uploadBytes: 5000, rows: 500 }, app: { routes: [...routeModules, testRoutes] } });
});
after(() => t.cleanup());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });

describe('read endpoints', () => {
  it('GET /api/health says ok with the version and uptime, never the store path', async () => {
    const res = await get('/api/health');
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.status, 'ok');
    assert.match(String(body.version), /^\d+\.\d+\.\d+/);
    assert.equal(typeof body.uptimeSeconds, 'number');
    assert.deepEqual(body.store, { open: true, schemaVersion: (await t.deps.store.schemaVersion()) ?? null });
    assert.ok(!JSON.stringify(body).includes(t.deps.store.path), 'the store path is hidden');
  });

  it('GET /api/metros lists the embedded metros with origin, unit sets and sources', async () => {
    const body = await json<{ metros: { id: string; origin: string; unitSets: unknown[]; sources: string[]; memberCount: number }[] }>(
      await get('/api/metros'),
    );
    const ids = body.metros.map((m) => m.id);
    for (const id of ['jjj', 'yrd', 'tokyo', 'nyc']) assert.ok(ids.includes(id), id);
    const jjj = body.metros.find((m) => m.id === 'jjj');
    assert.equal(jjj?.origin, 'embedded');
    assert.ok((jjj?.unitSets.length ?? 0) > 0 && (jjj?.sources.length ?? 0) > 0 && (jjj?.memberCount ?? 0) >= 3);
  });

  it('GET /api/metros/{id} matches the id without regard to case and lists members by ring', async () => {
    const res = await get('/api/metros/JJJ');
    assert.equal(res.status, 200);
    const body = await json<{ id: string; members: { region: string; ring: string }[] }>(res);
    assert.equal(body.id, 'jjj');
    assert.ok(body.members.some((m) => m.region === 'CN-110000' && m.ring === 'core'));
  });

  it('GET /api/regions pages the regions of a metro with their ring, filtered by level', async () => {
    const body = await json<{ total: number; limit: number; regions: { id: string; level: string; ring: string | null }[] }>(
      await get('/api/regions?metro=jjj&level=province&limit=2'),
    );
    assert.equal(body.total, 3);
    assert.equal(body.regions.length, 2);
    assert.ok(body.regions.every((r) => r.level === 'province'));
    assert.equal(body.regions.find((r) => r.id === 'CN-110000')?.ring, 'core');
  });

  it('GET /api/regions/{id} gives a region with indicators and gaps', async () => {
    const body = await json<{ id: string; indicators: { indicator: string; sources: string[] }[] }>(await get('/api/regions/CN-110000'));
    assert.equal(body.id, 'CN-110000');
    assert.ok(body.indicators.length > 0 && body.indicators.every((i) => i.sources.length > 0));
  });

  it('GET /api/classifications lists classifications with industry counts; one has its industries', async () => {
    const body = await json<{ classifications: { id: string; industries: number }[] }>(await get('/api/classifications'));
    const gb = body.classifications.find((c) => c.id === 'GBT4754-2017');
    assert.ok(gb !== undefined && gb.industries > 0);
    const one = await json<{ id: string; industryList: { code: string }[] }>(await get('/api/classifications/gbt4754-2017'));
    assert.equal(one.id, 'GBT4754-2017');
    assert.equal(one.industryList.length, gb.industries);
  });

  it('GET /api/sources lists every source with its citation', async () => {
    const body = await json<{ sources: { id: string; citation: string }[] }>(await get('/api/sources'));
    assert.ok(body.sources.length > 5);
    assert.ok(body.sources.every((s) => s.citation.length > 0));
  });

  it('GET /api/observations pages the numbers of a unit set and year, each with unit, year and source', async () => {
    const first = await json<{ total: number; observations: { region: string; year: number; unit: string; source: string; indicator: string }[] }>(
      await get('/api/observations?metro=jjj&unitSet=provinces&year=2019&limit=5'),
    );
    assert.ok(first.total > 5);
    assert.equal(first.observations.length, 5);
    assert.ok(first.observations.every((o) => o.year === 2019 && o.unit !== '' && o.source !== ''));
    const next = await json<{ observations: { region: string; industry: string | null }[] }>(
      await get('/api/observations?metro=jjj&unitSet=provinces&year=2019&limit=5&offset=5'),
    );
    assert.notDeepEqual(next.observations[0], first.observations[0]);
  });

  it('GET /api/metros/{id}/geometries gives a feature per unit, the stored outlines by default and fewer points for the screen', async () => {
    type Geo = {
      metro: string;
      detail: string;
      geometries: { features: { properties: { region: string; basis: string }; geometry: { coordinates: unknown } }[] };
      missing: string[];
      sources: string[];
    };
    const full = await json<Geo>(await get('/api/metros/jjj/geometries'));
    const screen = await json<Geo>(await get('/api/metros/jjj/geometries?detail=screen'));
    const points = (g: Geo) => (JSON.stringify(g.geometries.features.map((f) => f.geometry.coordinates)).match(/\[-?\d/g) ?? []).length;
    assert.equal(full.detail, 'full');
    assert.equal(screen.detail, 'screen');
    const regions = (g: Geo) => g.geometries.features.map((f) => f.properties.region).sort();
    assert.deepEqual(regions(full), ['CN-110000', 'CN-120000', 'CN-130000']);
    assert.deepEqual(regions(screen), regions(full), 'no unit lost');
    assert.ok(full.sources.length > 0);
    assert.ok(points(screen) < points(full) / 2, `${points(screen)} of ${points(full)} points`);
    assert.equal((await get('/api/metros/jjj/geometries?detail=coarse')).status, 400);
    assert.equal((await get('/api/metros/nowhere/geometries')).status, 404);
  });

  it('answers a cached read from the cache and recomputes after a write', async () => {
    let computed = 0;
    await t.deps.cache.get('probe', async () => ++computed);
    await t.deps.cache.get('probe', async () => ++computed);
    assert.equal(computed, 1);
    await t.deps.write(async () => undefined);
    assert.equal(t.deps.cache.size, 0);
    await t.deps.cache.get('probe', async () => ++computed);
    assert.equal(computed, 2);
  });
});

describe('errors', () => {
  it('an unknown metro is a 404 with the error shape, in Chinese when asked', async () => {
    const res = await get('/api/metros/atlantis', { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    assert.equal(res.status, 404);
    const body = await json<ErrorJson>(res);
    assert.equal(body.error.code, 'UNKNOWN_METRO');
    assert.match(body.error.message, /[\u4e00-\u9fff]/);
    assert.deepEqual(body.error.issues, []);
    const en = await json<ErrorJson>(await get('/api/metros/atlantis'));
    assert.doesNotMatch(en.error.message, /[\u4e00-\u9fff]/);
  });

  it('unknown regions, unit sets, classifications and endpoints are 404', async () => {
    for (const path of [
      '/api/regions/CN-999999',
      '/api/observations?metro=jjj&unitSet=nope',
      '/api/classifications/nope',
      '/api/nothing-here',
      '/api/regions?metro=atlantis',
    ]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.ok((await json<ErrorJson>(res)).error.code.length > 0);
    }
  });

  it('wrong types in a query are a 400 listing each issue', async () => {
    const res = await get('/api/observations?year=abc&limit=100000');
    assert.equal(res.status, 400);
    const body = await json<ErrorJson>(res);
    assert.equal(body.error.code, 'INVALID_REQUEST');
    assert.deepEqual(body.error.issues.map((i) => i.path).sort(), ['limit', 'year']);
  });

  it('a zod error thrown by a handler is the same 400 with issues', async () => {
    const res = await get('/api/test/zod');
    assert.equal(res.status, 400);
    assert.deepEqual(
      (await json<ErrorJson>(res)).error.issues.map((i) => i.path),
      ['size'],
    );
  });

  it('a unitSet without metro is a 400', async () => {
    assert.equal((await get('/api/observations?unitSet=provinces')).status, 400);
  });

  it('malformed JSON is a 400 MALFORMED_BODY; a wrong body type a 400 with issues; another media type a 415', async () => {
    const post = (body: string, type = 'application/json') => t.app.request('/api/test/echo', { method: 'POST', body, headers: { 'Content-Type': type } });
    const malformed = await post('{"name": ');
    assert.equal(malformed.status, 400);
    assert.equal((await json<ErrorJson>(malformed)).error.code, 'MALFORMED_BODY');
    const wrong = await post('{"name": 3, "count": "x"}');
    assert.equal(wrong.status, 400);
    assert.deepEqual((await json<ErrorJson>(wrong)).error.issues.map((i) => i.path).sort(), ['count', 'name']);
    const media = await post('name=x', 'text/plain');
    assert.equal(media.status, 415);
    assert.equal((await json<ErrorJson>(media)).error.code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal((await post('{"name": "x", "count": 2}')).status, 200);
  });

  it('an internal error is a 500 without stack or detail; the stack goes to the log only', async () => {
    const res = await get('/api/test/crash');
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.doesNotMatch(text, /secret|\/home|at .*\.ts|Error:/);
    assert.equal((JSON.parse(text) as ErrorJson).error.code, 'INTERNAL');
    assert.ok(t.logged.some((line) => line.includes('secret internal detail')));
  });

  it('a request over the time limit is a 503 TIMEOUT', async () => {
    const app = createApp(createServerDeps(t.deps.store, { limits: { timeoutMs: 50 } }), { routes: [testRoutes] });
    const res = await app.request('/api/test/slow');
    assert.equal(res.status, 503);
    assert.equal((await json<ErrorJson>(res)).error.code, 'TIMEOUT');
  });
});

describe('limits and safety', () => {
  it('a JSON body over the body limit is a 413; an upload route takes the larger upload limit', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2000), count: 1 });
    const res = await t.app.request('/api/test/echo', { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' } });
    assert.equal(res.status, 413);
    assert.equal((await json<ErrorJson>(res)).error.code, 'PAYLOAD_TOO_LARGE');
    const csv = 'a,b\n'.repeat(750);
    const ok = await t.app.request('/api/test/upload', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { bytes: 3000 });
    const tooBig = await t.app.request('/api/test/upload', { method: 'POST', body: csv.repeat(3), headers: { 'Content-Type': 'text/csv' } });
    assert.equal(tooBig.status, 413);
  });

  it('sends the security headers with a strict Content-Security-Policy on every response, errors too', async () => {
    for (const path of ['/api/health', '/api/metros/atlantis', '/docs']) {
      const res = await get(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
    }
  });

  it('limits each client to its rate and answers 429 with Retry-After, other clients unaffected', async () => {
    let now = 0;
    const { store, cleanup } = await import('../../../packages/data/test/support/store-template.ts').then((m) => m.openStoreCopy('embedded'));
    try {
      const deps = createServerDeps(store, { limits: { ratePerMinute: 3 } });
      const app = createApp(deps, { clientAddress: (c) => c.req.header('x-test-client') ?? 'a', now: () => now });
      const statuses: number[] = [];
      for (let k = 0; k < 4; k++) statuses.push((await app.request('/api/health')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const limited = await app.request('/api/health');
      assert.equal((await json<ErrorJson>(limited)).error.code, 'RATE_LIMITED');
      assert.equal(limited.headers.get('retry-after'), '20');
      assert.equal((await app.request('/api/health', { headers: { 'x-test-client': 'b' } })).status, 200);
      now += 20_000;
      assert.equal((await app.request('/api/health')).status, 200);
    } finally {
      cleanup();
    }
  });
});

describe('the token rule', () => {
  it('refuses to bind beyond loopback without a token, before opening any store', async () => {
    assert.ok(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost') && !isLoopback('0.0.0.0') && !isLoopback('192.168.1.4'));
    assert.throws(() => checkBinding('0.0.0.0', undefined), { code: 'TOKEN_REQUIRED' });
    assert.doesNotThrow(() => checkBinding('0.0.0.0', 's3cret'));
    assert.doesNotThrow(() => checkBinding('127.0.0.1', undefined));
    await assert.rejects(
      startServer({ host: '0.0.0.0', port: 0, storePath: '/nonexistent/dir/store.duckdb', env: {}, handleSignals: false }),
      (error: unknown) => {
        const e = error as { code?: string; messages?: { en: string; zh: string } };
        assert.equal(e.code, 'TOKEN_REQUIRED');
        assert.match(e.messages?.en ?? '', /METROCOOP_TOKEN/);
        assert.match(e.messages?.zh ?? '', /METROCOOP_TOKEN/);
        return true;
      },
    );
  });

  it('with a token, writes need it (401 without, 403 wrong) and reads stay open', async () => {
    const { store, cleanup } = await import('../../../packages/data/test/support/store-template.ts').then((m) => m.openStoreCopy('embedded'));
    try {
      const app = createApp(createServerDeps(store), { token: 's3cret', routes: [...routeModules, testRoutes] });
      assert.equal((await app.request('/api/health')).status, 200);
      const missing = await app.request('/api/test/thing', { method: 'DELETE' });
      assert.equal(missing.status, 401);
      assert.equal((await json<ErrorJson>(missing)).error.code, 'TOKEN_REQUIRED');
      const wrong = await app.request('/api/test/thing', { method: 'DELETE', headers: { Authorization: 'Bearer nope' } });
      assert.equal(wrong.status, 403);
      assert.equal((await app.request('/api/test/thing', { method: 'DELETE', headers: { Authorization: 'Bearer s3cret' } })).status, 200);
    } finally {
      cleanup();
    }
  });

  it('without a token (loopback), writes are open', async () => {
    assert.equal((await t.app.request('/api/test/thing', { method: 'DELETE' })).status, 200);
  });
});

describe('the OpenAPI document and /docs', () => {
  it('/openapi.json is an OpenAPI 3 document with every read path and the error schema', async () => {
    const doc = await json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>(await get('/openapi.json'));
    assert.match(doc.openapi, /^3\./);
    for (const path of [
      '/api/health',
      '/api/metros',
      '/api/metros/{id}',
      '/api/regions',
      '/api/regions/{id}',
      '/api/classifications',
      '/api/classifications/{id}',
      '/api/sources',
      '/api/observations',
    ]) {
      assert.ok(doc.paths[path]?.get !== undefined, path);
      assert.ok(doc.paths[path]?.get?.responses['200'] !== undefined, path);
    }
    assert.ok(doc.paths['/api/metros/{id}']?.get?.responses['404'] !== undefined);
    assert.ok(doc.components.schemas.Error !== undefined);
  });

  it('/docs lists the operations without any script, in Chinese when asked', async () => {
    const html = await (await get('/docs')).text();
    assert.doesNotMatch(html, /<script|style=|https?:\/\/(?!127)/);
    assert.match(html, /\/api\/observations/);
    const zh = await (await get('/docs', { 'Accept-Language': 'zh' })).text();
    assert.match(zh, /列出都市圈/);
    const css = await get('/docs/style.css');
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
  });
});
