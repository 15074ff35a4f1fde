/**
 * The result cache: an LRU of promises keyed by the store's data version and the caller's key (the parameters), so
 * a result computed before a write is never served after it; writes also clear it. Concurrent requests for the same
 * key share one computation; a failed computation is not kept.
 */
import type { ResultCache } from './context.ts';

/** Options of {@link createResultCache}. */
export interface ResultCacheOptions {
  /** Most entries kept (least recently used dropped first). Default 256; at least 1. */
  readonly maxEntries?: number;
  /** The store's data version (bumped by every write); part of every key. Default: always 0. */
  readonly version?: () => number;
}

/** Default size of the result cache. */
export const defaultCacheEntries = 256;

/** Create a {@link ResultCache}. */
export function createResultCache(options: ResultCacheOptions = {}): ResultCache {
  const max = Math.max(1, Math.floor(options.maxEntries ?? defaultCacheEntries));
  const version = options.version ?? (() => 0);
  const entries = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const full = `${version()}\u0000${key}`;
      const hit = entries.get(full);
      if (hit !== undefined) {
        // Map order is insertion order: re-insert to mark it most recently used.
        entries.delete(full);
        entries.set(full, hit);
        return hit as Promise<T>;
      }
      const promise = compute();
      entries.set(full, promise);
      promise.catch(() => {
        if (entries.get(full) === promise) entries.delete(full);
      });
      while (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return promise;
    },
    clear(): void {
      entries.clear();
    },
    get size(): number {
      return entries.size;
    },
  };
}
