/**
 * The server's request listener: Node's `(request, response)` handler in front of the app. A read whose finished
 * answer is in the response cache (response-cache.ts) at the current data version is answered from it at once —
 * after the same per-client rate limit as every request, with the stored security headers, its ETag (`304` to a
 * matching `If-None-Match`) and its gzip copy when the client accepts gzip. Everything else goes to the app through
 * `@hono/node-server`, and a cacheable answer coming back is kept on the way out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { clientKey, type RateLimiter } from './rate-limit.ts';
import { acceptsGzip, cacheableRequest, cacheableResponse, matchesEtag, type ResponseCache, type StoredResponse } from './response-cache.ts';

/** Options of {@link createListener}. */
export interface ListenerOptions {
  /** The app (and whatever the server answers before it, e.g. while stopping). */
  readonly fetch: (request: Request, env: HttpBindings) => Response | Promise<Response>;
  /** The response cache (`null`: none, every request goes to the app). */
  readonly cache: ResponseCache | null;
  /** The store's data version now. */
  readonly dataVersion: () => number;
  /** The app's rate limiter (shared: a cached answer counts like any other). */
  readonly limiter: RateLimiter;
  /** Count requests against the proxy-reported address (rate-limit.ts, `clientKey`). */
  readonly trustProxy: boolean;
  /** Whether the server is shutting down (then everything goes to `fetch`, which refuses). */
  readonly stopping: () => boolean;
}

/** The path of a request target (`/a/b?x=1` → `/a/b`). */
const pathOf = (target: string): string => {
  const q = target.indexOf('?');
  return q < 0 ? target : target.slice(0, q);
};

/** Node's request handler over the app and the response cache. */
export function createListener(options: ListenerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { cache, dataVersion, limiter, trustProxy } = options;

  // The app's way: when the answer is cacheable, read it whole, keep it, send it with its validator.
  const throughApp = getRequestListener(async (request: Request, env: HttpBindings | unknown) => {
    const bindings = env as HttpBindings;
    const target = bindings.incoming.url ?? '';
    if (cache === null || !cacheableRequest(request.method, pathOf(target))) return options.fetch(request, bindings);
    const version = dataVersion();
    const response = await options.fetch(request, bindings);
    if (!cacheableResponse(response)) return response;
    const body = Buffer.from(await response.arrayBuffer());
    const entry = cache.put(target, version, response.headers, body);
    const headers = new Headers(response.headers);
    if (entry !== undefined) {
      headers.set('etag', entry.etag);
      headers.set('cache-control', 'no-cache');
      headers.set('vary', 'Accept-Encoding');
    }
    return new Response(body, { status: 200, headers });
  });

  const fromCache = (request: IncomingMessage, response: ServerResponse, target: string, entry: StoredResponse): boolean => {
    const client = clientKey(request.socket.remoteAddress, header(request, 'x-forwarded-for'), trustProxy);
    const decision = limiter.take(client);
    // Refused: the app answers (it takes no second token from an empty bucket) with its bilingual 429.
    if (!decision.allowed) return false;
    const rate = ['ratelimit-limit', String(limiter.perMinute), 'ratelimit-remaining', String(decision.remaining)];
    if (matchesEtag(header(request, 'if-none-match'), entry.etag)) {
      response.writeHead(304, ['etag', entry.etag, 'cache-control', 'no-cache', 'vary', 'Accept-Encoding', ...rate]);
      response.end();
      return true;
    }
    const zipped = acceptsGzip(header(request, 'accept-encoding')) && cache !== null ? cache.gzipOf(target, entry) : undefined;
    const body = zipped ?? entry.body;
    const headers = [...entry.headers, ...rate, 'content-length', String(body.length)];
    if (zipped !== undefined) headers.push('content-encoding', 'gzip');
    response.writeHead(200, headers);
    response.end(body);
    return true;
  };

  return (request, response) => {
    if (cache !== null && request.method === 'GET' && !options.stopping()) {
      const target = request.url ?? '';
      const entry = cache.get(target, dataVersion());
      if (entry !== undefined && fromCache(request, response, target, entry)) return;
    }
    void throughApp(request, response);
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
