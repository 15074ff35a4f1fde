import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { metroAnalysisSchema, metroPlanSchema, scenarioResultSchema } from '@metrocoop/core';
import { openStoreCopy, type StoreCopy } from '../../../packages/data/test/support/store-template.ts';
import { createApp } from '../src/app.ts';
import type { ResultCache } from '../src/context.ts';
import { createServerDeps } from '../src/deps.ts';
import { registerComputeRoutes } from '../src/routes/compute.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test's view of a response body it only reads.
type Json = any;
const json = async (res: Response): Promise<Json> => res.json();

let copy: StoreCopy;
let app: OpenAPIHono;
/** Computations the cache actually ran (a hit does not count). */
let computed = 0;

/** The runtime's cache, counting the computations it runs. */
function counting(cache: ResultCache): ResultCache {
  return {
    get: (key, compute) =>
      cache.get(key, () => {
        // The computations, not the id lookups and serialised texts cached beside them.
        if (!key.startsWith('metro-id:') && !key.startsWith('json:')) computed++;
        return compute();
      }),
    clear: () => cache.clear(),
    get size() {
      return cache.size;
    },
  };
}

interface ErrorBody {
  error: { code: string; message: string; issues: { path?: string; code?: string }[] };
}

const request = (path: string, init?: RequestInit) => app.request(path, init);
const postJson = (path: string, body: unknown) =>
  request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('compute routes', () => {
  before(async () => {
    copy = await openStoreCopy('embedded');
    const runtime = createServerDeps(copy.store);
    app = createApp({ ...runtime, cache: counting(runtime.cache) }, { routes: [registerComputeRoutes], log: () => {} });
  });
  after(() => copy.cleanup());

  describe('GET /api/metros/{id}/analysis', () => {
    it('returns the analysis document of a metro, and computes it once for the same parameters', async () => {
      const before = computed;
      const res = await request('/api/metros/JJJ/analysis?compare=none');
      assert.equal(res.status, 200);
      const body = await json(res);
      assert.equal(metroAnalysisSchema.safeParse(body).success, true);
      assert.equal(body.metro.id, 'jjj');
      assert.equal(computed - before, 1);
      const again = await request('/api/metros/jjj/analysis?compare=none');
      assert.equal(again.status, 200);
      assert.deepEqual(await json(again), body);
      assert.equal(computed - before, 1, 'the second request is a cache hit (the id is matched without regard to case)');
      const other = await request('/api/metros/jjj/analysis?compare=none&units=default');
      assert.equal(other.status, 200);
      assert.equal(computed - before, 1, 'units=default is the default: same key');
    });

    it('answers 404 for an unknown metro', async () => {
      const res = await request('/api/metros/atlantis/analysis');
      assert.equal(res.status, 404);
      assert.equal(((await json(res)) as ErrorBody).error.code, 'UNKNOWN_METRO');
    });

    it('answers 400 for a year that is not an integer', async () => {
      const res = await request('/api/metros/jjj/analysis?year=twenty');
      assert.equal(res.status, 400);
      assert.equal(((await json(res)) as ErrorBody).error.code, 'INVALID_YEAR');
    });

    it('answers 404 for an unknown unit set', async () => {
      const res = await request('/api/metros/jjj/analysis?compare=none&units=galaxies');
      assert.equal(res.status, 404);
    });
  });

  describe('GET /api/metros/{id}/plan and /opportunities', () => {
    it('returns the plan, and the opportunities from the same cached plan', async () => {
      const before = computed;
      const res = await request('/api/metros/jjj/plan');
      assert.equal(res.status, 200);
      const plan = await json(res);
      assert.equal(metroPlanSchema.safeParse(plan).success, true);
      assert.equal(plan.metro.id, 'jjj');
      const opp = await request('/api/metros/jjj/opportunities');
      assert.equal(opp.status, 200);
      assert.deepEqual(await json(opp), plan.opportunities);
      assert.equal(computed - before, 1);
    });

    it('passes the leads to the positions', async () => {
      const res = await request('/api/metros/jjj/plan?leads=1&minLeads=1');
      assert.equal(res.status, 200);
      const plan = await json(res);
      assert.equal(plan.positions.settings.leadsPerUnit, 1);
      assert.equal(plan.positions.settings.minLeadsPerUnit, 1);
    });

    it('passes the capability weights (the CLI’s --weights form) to the positions', async () => {
      const plan = await json(await request('/api/metros/jjj/plan?weights=lq%3D2%2Cchain%3D1'));
      assert.equal(plan.positions.settings.weights.locationQuotient, 2);
      assert.equal(plan.positions.settings.weights.chain, 1);
      assert.equal(plan.positions.settings.weights.relatedness, 0.5);
    });

    it('answers 400 for leads that are not a positive integer, and minLeads above leads', async () => {
      for (const query of ['leads=0', 'leads=two', 'minLeads=3&leads=2', 'duplication=-1', 'sensitivity=yes', 'weights=foo%3D1', 'weights=lq%3D-1']) {
        const res = await request(`/api/metros/jjj/plan?${query}`);
        assert.equal(res.status, 400, query);
      }
    });

    it('answers 404 for an unknown metro', async () => {
      assert.equal((await request('/api/metros/atlantis/opportunities')).status, 404);
    });
  });

  describe('POST /api/metros/{id}/scenario', () => {
    it('runs the moves of a scenario file', async () => {
      const res = await postJson('/api/metros/jjj/scenario', { moves: [{ from: 'CN-110000', industry: 'C', share: 0.1, to: 'CN-130000' }], note: 'test' });
      assert.equal(res.status, 200);
      const result = await json(res);
      assert.equal(scenarioResultSchema.safeParse(result).success, true);
      assert.equal(result.note, 'test');
      assert.equal(result.moves.length, 1);
    });

    it('answers 400 with the path of each problem for wrong types', async () => {
      const res = await postJson('/api/metros/jjj/scenario', { moves: [{ from: 'CN-110000', industry: 'C', share: 'much', to: 'CN-130000' }] });
      assert.equal(res.status, 400);
      const body = (await json(res)) as ErrorBody;
      assert.equal(body.error.code, 'INVALID_REQUEST');
      assert.ok(body.error.issues.some((i) => i.path === 'moves.0.share'));
    });

    it('answers 400 for malformed JSON and 415 for another media type', async () => {
      const bad = await request('/api/metros/jjj/scenario', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"moves": [' });
      assert.equal(bad.status, 400);
      const text = await request('/api/metros/jjj/scenario', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'move' });
      assert.equal(text.status, 415);
    });

    it('answers 400 for a unit outside the metro and 404 for an unknown metro', async () => {
      const move = { from: 'CN-110000', industry: 'C', share: 0.1, to: 'JP-13101' };
      assert.equal((await postJson('/api/metros/jjj/scenario', { moves: [move] })).status, 400);
      assert.equal((await postJson('/api/metros/atlantis/scenario', { moves: [{ ...move, to: 'CN-130000' }] })).status, 404);
    });
  });

  describe('POST /api/measures', () => {
    // LQ(A, x) = (10 / 15) / (12 / 25) = 1.3888…; LQ(B, y) = (8 / 10) / (13 / 25) = 1.5384…
    const data = { regions: ['A', 'A', 'B', 'B'], industries: ['x', 'y', 'x', 'y'], values: [10, 5, 2, 8] };
    const close = (a: unknown, b: number) => assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-12, `${String(a)} ≠ ${b}`);

    it('computes the measures of posted long-form JSON', async () => {
      const res = await postJson('/api/measures?measures=lq,krugmanSpecialization', data);
      assert.equal(res.status, 200);
      const doc = await json(res);
      assert.deepEqual(doc.regions, ['A', 'B']);
      assert.deepEqual(doc.industries, ['x', 'y']);
      assert.deepEqual(Object.keys(doc.measures), ['lq', 'krugmanSpecialization']);
      close(doc.measures.lq[0][0], 10 / 15 / (12 / 25));
      close(doc.measures.lq[1][1], 8 / 10 / (13 / 25));
    });

    it('computes the same from a long CSV', async () => {
      const csv = 'region,industry,value\nA,x,10\nA,y,5\nB,x,2\nB,y,8\n';
      const res = await request('/api/measures?measures=lq', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: csv });
      assert.equal(res.status, 200);
      const doc = await json(res);
      close(doc.measures.lq[0][0], 10 / 15 / (12 / 25));
    });

    it('answers 400 for columns of different lengths, negative values, unknown measures and bad CSV', async () => {
      const cases: [string, unknown, string][] = [
        ['/api/measures', { ...data, values: [1, 2] }, 'SHAPE_MISMATCH'],
        ['/api/measures', { ...data, values: [10, -5, 2, 8] }, 'INVALID_REQUEST'],
        ['/api/measures', { ...data, values: ['10', 5, 2, 8] }, 'INVALID_REQUEST'],
        ['/api/measures?measures=magic', data, 'UNKNOWN_MEASURE'],
        ['/api/measures?option=threshold=-1', data, 'INVALID_OPTION'],
        ['/api/measures', { regions: [], industries: [], values: [] }, 'NO_DATA'],
      ];
      for (const [path, body, code] of cases) {
        const res = await postJson(path, body);
        assert.equal(res.status, 400, code);
        assert.equal(((await json(res)) as ErrorBody).error.code, code);
      }
      const none = await request('/api/measures', { method: 'POST' });
      assert.equal(none.status, 400);
      assert.equal(((await json(none)) as ErrorBody).error.code, 'NO_DATA');
      const csv = await request('/api/measures', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'region,industry,value\nA,x,ten\n' });
      assert.equal(csv.status, 400);
      assert.equal(((await json(csv)) as ErrorBody).error.code, 'INVALID_CSV');
    });

    it('answers 400 for a repeated pair unless told to sum', async () => {
      const repeated = { regions: ['A', 'A', 'B', 'B', 'B'], industries: ['x', 'y', 'x', 'y', 'y'], values: [10, 5, 2, 4, 4] };
      assert.equal((await postJson('/api/measures?measures=lq', repeated)).status, 400);
      const summed = await postJson('/api/measures?measures=lq&duplicates=sum', repeated);
      assert.equal(summed.status, 200);
      close((await json(summed)).measures.lq[1][1], 8 / 10 / (13 / 25));
    });
  });

  describe('GET /api/metros/{id}/report', () => {
    it('downloads the HTML report with its file name', async () => {
      const res = await request('/api/metros/jjj/report?compare=none&lang=zh');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.equal(res.headers.get('content-disposition'), 'attachment; filename="jjj-report.html"');
      const html = await res.text();
      assert.match(html, /^<!DOCTYPE html>/i);
      assert.match(html, /京津冀/);
    });

    it('downloads Markdown and XLSX from the same cached report model', async () => {
      const before = computed;
      const md = await request('/api/metros/jjj/report?compare=none&format=md');
      assert.equal(md.status, 200);
      assert.match(md.headers.get('content-type') ?? '', /^text\/markdown/);
      assert.match(await md.text(), /^# /m);
      const xlsx = await request('/api/metros/jjj/report?compare=none&format=xlsx');
      assert.equal(xlsx.status, 200);
      assert.equal(xlsx.headers.get('content-disposition'), 'attachment; filename="jjj-report.xlsx"');
      const bytes = new Uint8Array(await xlsx.arrayBuffer());
      assert.equal(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0), 'PK');
      assert.equal(computed - before, 1);
    });

    it('answers 400 for a format it does not offer and 404 for an unknown metro', async () => {
      const docx = await request('/api/metros/jjj/report?format=docx');
      assert.equal(docx.status, 400);
      assert.equal(((await json(docx)) as ErrorBody).error.code, 'INVALID_REQUEST');
      assert.equal((await request('/api/metros/atlantis/report')).status, 404);
    });
  });

  describe('GET /openapi.json', () => {
    it('documents every compute route with its parameters', async () => {
      const doc = await json(await request('/openapi.json'));
      for (const path of ['/api/metros/{id}/analysis', '/api/metros/{id}/plan', '/api/metros/{id}/opportunities', '/api/metros/{id}/report'])
        assert.ok(doc.paths[path]?.get, path);
      assert.ok(doc.paths['/api/metros/{id}/scenario']?.post);
      assert.ok(doc.paths['/api/measures']?.post?.requestBody?.content?.['text/csv']);
      const names = (doc.paths['/api/metros/{id}/plan'].get.parameters as { name: string }[]).map((p) => p.name);
      for (const name of ['id', 'units', 'year', 'leads', 'minLeads', 'duplication', 'sensitivity']) assert.ok(names.includes(name), name);
    });
  });
});
