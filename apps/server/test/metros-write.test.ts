import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { listMetroOrigins } from '@metrocoop/data';
import { openStoreCopy, type StoreCopy } from '../../../packages/data/test/support/store-template.ts';
import { createApp } from '../src/app.ts';
import { createServerDeps, type ServerRuntime } from '../src/deps.ts';
import { registerMetroWriteRoutes } from '../src/routes/metros-write.ts';

// biome-ignore lint/suspicious/noExplicitAny: a test's view of a response body it only reads.
type Json = any;
const json = async (res: Response): Promise<Json> => res.json();

let copy: StoreCopy;
let app: OpenAPIHono;
let runtime: ServerRuntime;

/** The example definition of the Boston metro (docs/own-metro.md), without its editor's `$schema` path. */
const boston = (() => {
  const { $schema: _, ...def } = JSON.parse(readFileSync(new URL('../../../docs/examples/boston-msa.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  return def;
})();

interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; code: string; file?: string; message: string }[] };
}

const post = (body: unknown, type = 'application/json') =>
  app.request('/api/metros', { method: 'POST', headers: { 'Content-Type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const metroIds = async () => (await listMetroOrigins(copy.store)).map((m) => m.id);

describe('metro write routes', () => {
  before(async () => {
    copy = await openStoreCopy('embedded');
    runtime = createServerDeps(copy.store);
    app = createApp(runtime, { routes: [registerMetroWriteRoutes], log: () => {} });
  });
  after(() => copy.cleanup());

  it('adds a metro from a posted definition and clears the cache', async () => {
    await runtime.cache.get('something', async () => 1);
    const res = await post(boston);
    assert.equal(res.status, 201);
    const body = await json(res);
    assert.equal(body.id, 'boston');
    assert.equal(body.dataset, 'metro:boston');
    assert.equal(body.members, 7);
    assert.deepEqual(body.unitSets, ['counties']);
    assert.ok((await metroIds()).includes('boston'));
    assert.equal(runtime.cache.size, 0);
  });

  it('answers 409 for an id that is taken (a user metro or an embedded one)', async () => {
    const again = await post(boston);
    assert.equal(again.status, 409);
    assert.equal(((await json(again)) as ErrorBody).error.issues[0]?.code, 'METRO_EXISTS');
    const embedded = await post({ ...boston, id: 'jjj' });
    assert.equal(embedded.status, 409);
    assert.equal(((await json(embedded)) as ErrorBody).error.issues[0]?.code, 'EMBEDDED_METRO');
  });

  it('answers 422 with every problem and its JSON path, adds nothing, and shows no server path', async () => {
    const members = [
      { id: 'US-25025', ring: 'middle' },
      { id: 'US-99999', ring: 'outer' },
    ];
    const res = await post({ ...boston, id: 'broken', country: 'usa', members });
    assert.equal(res.status, 422);
    const body = (await json(res)) as ErrorBody;
    assert.equal(body.error.code, 'INVALID_METRO_DEFINITION');
    const paths = body.error.issues.map((i) => i.path);
    assert.ok(paths.includes('$.country'), paths.join(', '));
    assert.ok(paths.includes('$.members[0].ring'), paths.join(', '));
    assert.equal(typeof body.error.issues[0]?.message, 'string');
    assert.equal(body.error.issues[0]?.file, 'definition.json');
    assert.ok(!JSON.stringify(body).includes(tmpdir()), 'no server path in the response');
    assert.ok(!(await metroIds()).includes('broken'));
  });

  it('takes the travel times as CSV text beside the definition, never as a file path', async () => {
    const withFile = await post({ ...boston, id: 'boston2', travelTimes: { file: '/etc/passwd' } });
    assert.equal(withFile.status, 422);
    assert.equal(((await json(withFile)) as ErrorBody).error.issues[0]?.code, 'TRAVEL_FILE_NOT_READ');
    const csv = 'from,to,minutes,mode,source\nUS-25025,US-25017,25,rail,my-survey\nUS-25025,US-33015,70,rail,my-survey\n';
    const res = await post({ ...boston, id: 'boston2', travelTimesCsv: csv });
    assert.equal(res.status, 201);
    assert.equal((await json(res)).travelTimes, 2);
    const badCsv = await post({ ...boston, id: 'boston3', travelTimesCsv: 'from,to\nUS-25025,US-25017\n' });
    assert.equal(badCsv.status, 422);
    const body = (await json(badCsv)) as ErrorBody;
    assert.equal(body.error.issues[0]?.file, 'travel-times.csv');
    assert.equal(body.error.issues[0]?.code, 'TRAVEL_MISSING_COLUMN');
  });

  it('answers 400 for malformed JSON or a non-object, 415 for another media type', async () => {
    assert.equal((await post('{"id": ')).status, 400);
    assert.equal((await post('[1, 2]')).status, 400);
    assert.equal((await post(JSON.stringify(boston), 'text/plain')).status, 415);
  });

  it('removes a user metro, answers 404 for an unknown one and 409 for an embedded one', async () => {
    const res = await app.request('/api/metros/BOSTON', { method: 'DELETE' });
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.id, 'boston');
    assert.equal(body.rows.metro_members, 7);
    assert.ok(!(await metroIds()).includes('boston'));
    const again = await app.request('/api/metros/boston', { method: 'DELETE' });
    assert.equal(again.status, 404);
    const embedded = await app.request('/api/metros/jjj', { method: 'DELETE' });
    assert.equal(embedded.status, 409);
    const error = ((await json(embedded)) as ErrorBody).error;
    assert.equal(error.code, 'EMBEDDED_METRO');
    assert.ok((await metroIds()).includes('jjj'));
  });

  it('documents the routes in the OpenAPI document, with the definition schema as the body', async () => {
    const doc = await json(await app.request('/openapi.json'));
    const schema = doc.paths['/api/metros']?.post?.requestBody?.content?.['application/json']?.schema;
    assert.ok(schema?.properties?.members);
    assert.ok(schema?.properties?.travelTimesCsv);
    assert.ok(doc.paths['/api/metros/{id}']?.delete?.responses?.['409']);
  });
});
