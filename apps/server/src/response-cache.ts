/**
 * The response cache: the finished bytes of read answers, served again without running the app. The result cache
 * (result-cache.ts) already keeps the computed documents; this one keeps what goes on the wire — status, headers
 * and body — so a repeated read costs one map lookup and one socket write instead of a trip through the framework
 * (request objects, middleware, validation, serialisation). That is what lets one Node process answer cached reads
 * at the rate of its socket layer (bench/RESULTS.md, "The API under load").
 *
 * What is kept: answers `200` to `GET` under `/api/` (except `/api/health`, which reports the uptime) and
 * `/openapi.json`, whose type is JSON, up to {@link ResponseCacheOptions.maxBodyBytes}. A successful read answer
 * depends only on the request's path and query and on the store's data — never on `Accept-Language` (only errors
 * are translated, and errors are never kept) nor on the token (reads need none) — so the key is the raw request
 * target, and every entry carries the data version it was computed at: an entry of an older version is never
 * served (every write bumps the version), and the version is read when the request *starts*, so an answer computed
 * across a write is filed under the older version and dropped.
 *
 * Each entry has a strong ETag (so browsers revalidate with `If-None-Match` and get `304`), `Cache-Control:
 * no-cache` (always revalidate: the data can change) and a gzip copy made once, in the background, the first time a
 * client accepts gzip. Bounded by entries and bytes, least recently used dropped first.
 */
import { createHash } from 'node:crypto';
import { gzip } from 'node:zlib';

/** Options of {@link ResponseCache}. */
export interface ResponseCacheOptions {
  /** Most entries kept (default 512). */
  readonly maxEntries?: number;
  /** Most bytes kept, bodies and their gzip copies (default 64 MiB). */
  readonly maxBytes?: number;
  /** Larger bodies are not kept (default 8 MiB). */
  readonly maxBodyBytes?: number;
}

/** A kept answer. */
export interface StoredResponse {
  /** The data version it was computed at. */
  readonly version: number;
  /** Headers as a flat [name, value, name, value, …] list (`writeHead` takes it as is), without the length. */
  readonly headers: readonly string[];
  readonly body: Buffer;
  /** The quoted strong validator. */
  readonly etag: string;
  /** The gzip copy: `undefined` until asked for, `null` while being made or when not worth it. */
  gzip: Buffer | null | undefined;
}

/** Headers never kept (they belong to one connection, one message, or one client). */
const perMessage = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'ratelimit-limit', 'ratelimit-remaining', 'set-cookie']);

/** Bodies smaller than this are not compressed (the headers would cost more than the saving). */
const gzipMinBytes = 1024;

/** Whether a request's answer may be kept (before the answer is known): a GET of a read endpoint. */
export function cacheableRequest(method: string, path: string): boolean {
  if (method !== 'GET') return false;
  if (path === '/openapi.json') return true;
  return path.startsWith('/api/') && path !== '/api/health';
}

/** Whether an answer may be kept: `200`, JSON, no cookie, no `no-store`. */
export function cacheableResponse(response: Response): boolean {
  if (response.status !== 200) return false;
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return false;
  if (response.headers.has('set-cookie')) return false;
  return !/\bno-store\b/i.test(response.headers.get('cache-control') ?? '');
}

/** Whether an `Accept-Encoding` header accepts gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined || header === '') return false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Whether an `If-None-Match` header names `etag` (or is `*`). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined || header === '') return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** An LRU of finished read answers by request target and data version (see the module comment). */
export class ResponseCache {
  readonly #entries = new Map<string, StoredResponse>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly maxBodyBytes: number;
  #bytes = 0;

  constructor(options: ResponseCacheOptions = {}) {
    this.#maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 512));
    this.#maxBytes = Math.max(1, options.maxBytes ?? 64 * 1024 * 1024);
    this.maxBodyBytes = Math.max(0, options.maxBodyBytes ?? 8 * 1024 * 1024);
  }

  /** The entry for a request target at the current data version (an older one is dropped). */
  get(target: string, version: number): StoredResponse | undefined {
    const entry = this.#entries.get(target);
    if (entry === undefined) return undefined;
    if (entry.version !== version) {
      this.#drop(target, entry);
      return undefined;
    }
    // Map order is insertion order: re-insert to mark it most recently used.
    this.#entries.delete(target);
    this.#entries.set(target, entry);
    return entry;
  }

  /**
   * Keep a finished answer (its body read in full) for `target`, computed at `version`; returns the entry, or
   * `undefined` when the body is too large to keep.
   */
  put(target: string, version: number, headers: Headers, body: Buffer): StoredResponse | undefined {
    if (body.length > this.maxBodyBytes) return undefined;
    const flat: string[] = [];
    headers.forEach((value, name) => {
      if (!perMessage.has(name) && name !== 'etag' && name !== 'cache-control' && name !== 'vary') flat.push(name, value);
    });
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    flat.push('etag', etag, 'cache-control', 'no-cache', 'vary', 'Accept-Encoding');
    const entry: StoredResponse = { version, headers: flat, body, etag, gzip: undefined };
    const old = this.#entries.get(target);
    if (old !== undefined) this.#drop(target, old);
    this.#entries.set(target, entry);
    this.#bytes += body.length;
    this.#trim();
    return entry;
  }

  /**
   * The gzip copy of an entry: the copy when it exists; otherwise `undefined`, and (the first time) the copy is made
   * in the background for the next request.
   */
  gzipOf(target: string, entry: StoredResponse): Buffer | undefined {
    if (entry.gzip !== undefined) return entry.gzip ?? undefined;
    entry.gzip = null;
    if (entry.body.length < gzipMinBytes) return undefined;
    gzip(entry.body, (error, zipped) => {
      // A failed or useless compression leaves the entry served as it is.
      if (error !== null || zipped.length >= entry.body.length) return;
      entry.gzip = zipped;
      // The entry may have been dropped meanwhile: count the bytes only while it is kept.
      if (this.#entries.get(target) === entry) {
        this.#bytes += zipped.length;
        this.#trim();
      }
    });
    return undefined;
  }

  /** Drop everything. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** Entries kept now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes kept now (bodies and gzip copies). */
  get bytes(): number {
    return this.#bytes;
  }

  #drop(target: string, entry: StoredResponse): void {
    this.#entries.delete(target);
    this.#bytes -= entry.body.length + (entry.gzip?.length ?? 0);
  }

  #trim(): void {
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.entries().next().value;
      if (oldest === undefined) break;
      this.#drop(oldest[0], oldest[1]);
    }
  }
}
