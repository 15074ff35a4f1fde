import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openStoreCopy, type StoreCopy } from '../../../packages/data/test/support/store-template.ts';
import { createApp } from '../src/app.ts';
import { createServerDeps, type ServerRuntime } from '../src/deps.ts';
import { registerDatasetRoutes, uploadExtension } from '../src/routes/datasets.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test's view of a response body it only reads.
type Json = any;
const json = async (res: Response): Promise<Json> => res.json();

let copy: StoreCopy;
let app: OpenAPIHono;
let runtime: ServerRuntime;

/** The example dataset of the Boston metro (docs/own-metro.md): canonical long CSV of known US counties. */
const bostonCsv = readFileSync(new URL('../../../docs/examples/boston-msa.csv', import.meta.url));
const header = bostonCsv.toString('utf8').split('\n')[0] ?? '';

interface ErrorBody {
  error: { code: string; message: string; issues: { code: string; row: number | null; column: string | null; message: string }[] };
  report?: { file: string; errorCount: number; issues: { file: string; row: number | null }[] };
}

const upload = (query: string, body: string | Uint8Array, type: string) =>
  app.request(`/api/datasets${query}`, { method: 'POST', headers: { 'Content-Type': type }, body });
const observations = async () => Number((await copy.store.rows('SELECT count(*)::BIGINT AS n FROM observations'))[0]?.n);
const names = async () => ((await json(await app.request('/api/datasets'))).datasets as { name: string }[]).map((d) => d.name);

describe('dataset routes', () => {
  before(async () => {
    copy = await openStoreCopy('embedded');
    runtime = createServerDeps(copy.store);
    app = createApp(runtime, { routes: [registerDatasetRoutes], log: () => {} });
  });
  after(() => copy.cleanup());

  it('lists the datasets, the embedded one first', async () => {
    const res = await app.request('/api/datasets');
    assert.equal(res.status, 200);
    const { datasets } = await json(res);
    assert.equal(datasets[0].name, 'default');
    assert.equal(datasets[0].kind, 'embedded');
    assert.ok(datasets[0].observations > 0);
    // No path of the server's machine: the origin is a name only.
    for (const d of datasets) assert.ok(d.origin === null || !String(d.origin).includes('/'), String(d.origin));
  });

  it('imports an uploaded CSV as a dataset named after the file, and clears the cache', async () => {
    await runtime.cache.get('something', async () => 1);
    const before = await observations();
    const res = await upload('?name=boston-msa.csv', bostonCsv, 'text/csv');
    assert.equal(res.status, 201);
    const body = await json(res);
    assert.equal(body.dataset, 'boston-msa');
    assert.equal(body.report.errorCount, 0);
    assert.equal(body.report.file, 'boston-msa.csv');
    assert.ok(body.imported > 0);
    assert.equal((await observations()) - before, body.imported);
    assert.ok((await names()).includes('boston-msa'));
    assert.equal(runtime.cache.size, 0);
  });

  it('refuses a second upload under the same name unless told to replace', async () => {
    const again = await upload('?name=boston-msa.csv', bostonCsv, 'text/csv');
    assert.equal(again.status, 400);
    assert.equal(((await json(again)) as ErrorBody).error.code, 'DATASET_EXISTS');
    const replaced = await upload('?name=boston-msa.csv&replace=true', bostonCsv, 'text/csv');
    assert.equal(replaced.status, 201);
  });

  it('answers 422 with the validation report for a file with errors, and leaves the store unchanged', async () => {
    const bad = `${header}\nUS-99999,2019,employees,11,NAICS-2017,12,persons,bad-source,single,,false,false,false,\nUS-25025,2019,employees,11,NAICS-2017,many,persons,bad-source,single,,false,false,false,\n`;
    const before = await observations();
    const res = await upload('?name=broken.csv', bad, 'text/csv');
    assert.equal(res.status, 422);
    const body = (await json(res)) as ErrorBody;
    assert.equal(body.error.code, 'DATA_VALIDATION');
    assert.ok(body.report !== undefined && body.report.errorCount >= 2);
    const rows = body.error.issues.map((i) => i.row);
    assert.ok(rows.includes(2) && rows.includes(3), `rows ${rows.join(', ')}`);
    assert.equal(typeof body.error.issues[0]?.message, 'string');
    // The file is named as the client named it; the server's temp folder never shows.
    assert.equal(body.report?.file, 'broken.csv');
    assert.ok(!JSON.stringify(body).includes(tmpdir()), 'no server path in the response');
    assert.equal(await observations(), before);
    assert.ok(!(await names()).includes('broken'));
  });

  it('answers with Chinese messages when asked', async () => {
    const bad = `${header}\nUS-99999,2019,employees,11,NAICS-2017,12,persons,bad-source,single,,false,false,false,\n`;
    const res = await app.request('/api/datasets?name=broken.csv', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', 'Accept-Language': 'zh' },
      body: bad,
    });
    assert.equal(res.status, 422);
    assert.match(((await json(res)) as ErrorBody).error.message, /[\u4e00-\u9fff]/);
  });

  it('answers 415 for a media type it cannot import, 400 for an empty body and for bad options', async () => {
    assert.equal((await upload('', 'x', 'image/png')).status, 415);
    assert.equal((await upload('?name=data.doc', 'x', 'application/octet-stream')).status, 415);
    assert.equal((await upload('?name=empty.csv', '', 'text/csv')).status, 400);
    assert.equal((await upload('?name=x.csv&year=soon', bostonCsv, 'text/csv')).status, 400);
    assert.equal((await upload('?name=x.csv&regionPrefix=FR', bostonCsv, 'text/csv')).status, 400);
    const dflt = await upload('?dataset=default', bostonCsv, 'text/csv');
    assert.equal(dflt.status, 400);
  });

  it('answers 413 for an upload over the limit, and imports nothing', async () => {
    const small = createApp(createServerDeps(copy.store, { limits: { uploadBytes: 1000 } }), { routes: [registerDatasetRoutes], log: () => {} });
    const before = await observations();
    const res = await small.request('/api/datasets?name=big.csv', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: bostonCsv });
    assert.equal(res.status, 413);
    assert.equal((await json(res)).error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(await observations(), before);
  });

  it('tells the format by Content-Type, else by the file name', () => {
    assert.equal(uploadExtension('text/csv; charset=utf-8', undefined), 'csv');
    assert.equal(uploadExtension('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'a.csv'), 'xlsx');
    assert.equal(uploadExtension('application/octet-stream', 'a.PARQUET'), 'parquet');
    assert.equal(uploadExtension(undefined, 'a.xlsx'), 'xlsx');
    assert.equal(uploadExtension('application/octet-stream', '../../etc/passwd'), null);
    assert.equal(uploadExtension('text/html', 'a.csv'), null);
  });

  it('deletes a dataset, answers 404 for an unknown one and 409 for the embedded one', async () => {
    const before = await observations();
    const res = await app.request('/api/datasets/boston-msa', { method: 'DELETE' });
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.name, 'boston-msa');
    assert.equal(before - (await observations()), body.deleted.observations);
    assert.ok(!(await names()).includes('boston-msa'));
    const again = await app.request('/api/datasets/boston-msa', { method: 'DELETE' });
    assert.equal(again.status, 404);
    assert.equal(((await json(again)) as ErrorBody).error.code, 'UNKNOWN_DATASET');
    const embedded = await app.request('/api/datasets/default', { method: 'DELETE' });
    assert.equal(embedded.status, 409);
    assert.equal(((await json(embedded)) as ErrorBody).error.code, 'PROTECTED_DATASET');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = await json(await app.request('/openapi.json'));
    assert.ok(doc.paths['/api/datasets']?.post?.responses?.['422']);
    assert.ok(doc.paths['/api/datasets']?.get);
    assert.ok(doc.paths['/api/datasets/{id}']?.delete);
  });
});
