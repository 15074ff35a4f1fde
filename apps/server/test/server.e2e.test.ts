/**
 * The real server on a free loopback port: GET /api/health over HTTP, then a graceful shutdown — a request in
 * flight when `close()` is called still gets its answer, new connections are refused, and the store is closed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeCopyPath } from '../../../packages/data/test/support/store-template.ts';
import { type RunningServer, startServer } from '../src/start.ts';

let server: RunningServer;
before(async () => {
  // No warm-up: the shutdown test needs the only request in flight to be its own.
  server = await startServer({ port: 0, storePath: await storeCopyPath('embedded'), env: {}, handleSignals: false, log: () => undefined, warmUp: false });
});
after(() => server.close());

describe('startServer', () => {
  it('listens on 127.0.0.1 and answers GET /api/health', async () => {
    assert.equal(server.host, '127.0.0.1');
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/api/health`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, 'ok');
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });

  it('shuts down gracefully: the request in flight finishes, then the store closes', async () => {
    const inFlight = fetch(`${server.url}/api/metros`);
    // Wait until the server is working on it (it holds a read share of the store).
    while (server.deps.lock.readers === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const closing = server.close();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.ok(((await res.json()) as { metros: unknown[] }).metros.length >= 4);
    await closing;
    await server.closed;
    assert.equal(server.deps.store.isOpen, false);
    await assert.rejects(fetch(`${server.url}/api/health`));
  });
});
