/**
 * The server's dependencies around its one store: the readers–writer lock, the data version (bumped by every
 * write), the result cache keyed by it, and the limits. Route modules get them as {@link ServerDeps}.
 */
import type { Store } from '@metrocoop/data';
import type { ServerDeps, ServerLimits } from './context.ts';
import { createResultCache, defaultCacheEntries } from './result-cache.ts';
import { StoreLock } from './store-lock.ts';

/** Default limits: 1 MiB JSON bodies, 50 MiB uploads, 10,000 rows a page, 30 s a request, 600 requests a minute. */
export const defaultLimits: ServerLimits = {
  bodyBytes: 1024 * 1024,
  uploadBytes: 50 * 1024 * 1024,
  rows: 10_000,
  timeoutMs: 30_000,
  ratePerMinute: 600,
};

/** Options of {@link createServerDeps}. */
export interface ServerDepsOptions {
  /** Limits to change from {@link defaultLimits}. */
  readonly limits?: Partial<ServerLimits>;
  /** Entries of the result cache (default 256). */
  readonly cacheEntries?: number;
}

/** {@link ServerDeps} plus what the app itself uses: the lock and the data version. */
export interface ServerRuntime extends ServerDeps {
  readonly lock: StoreLock;
  /** The store's data version: 0 at start, +1 after every write (successful or not). */
  readonly dataVersion: () => number;
}

/** Build the dependencies around an open store (which the caller keeps and closes). */
export function createServerDeps(store: Store, options: ServerDepsOptions = {}): ServerRuntime {
  let version = 0;
  const lock = new StoreLock();
  const cache = createResultCache({ maxEntries: options.cacheEntries ?? defaultCacheEntries, version: () => version });
  const write = async <T>(fn: () => Promise<T>): Promise<T> =>
    lock.write(async () => {
      try {
        return await fn();
      } finally {
        // Even a failed write may have changed something outside its transaction: never serve older results.
        version++;
        cache.clear();
      }
    });
  return { store, cache, write, limits: { ...defaultLimits, ...options.limits }, lock, dataVersion: () => version };
}
