import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openStoreCopy, type StoreCopy } from '../../../packages/data/test/support/store-template.ts';
import { createApp } from '../src/app.ts';
import { createServerDeps } from '../src/deps.ts';
import { registerComputeRoutes } from '../src/routes/compute.ts';

let copy: StoreCopy;
let app: OpenAPIHono;

// The PDF is printed by Chromium (several seconds): the slower tier.
describe('GET /api/metros/{id}/report?format=pdf', () => {
  before(async () => {
    copy = await openStoreCopy('embedded');
    app = createApp(createServerDeps(copy.store, { limits: { timeoutMs: 120_000 } }), { routes: [registerComputeRoutes], log: () => {} });
  });
  after(() => copy.cleanup());

  it('downloads the PDF report with its file name', async () => {
    const res = await app.request('/api/metros/jjj/report?format=pdf&compare=none');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="jjj-report.pdf"');
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 10_000);
  });
});
