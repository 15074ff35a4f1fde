/**
 * Memoisation of derived data on immutable inputs. A `RegionIndustryMatrix` never changes after construction, so
 * intermediate results computed from it (presence, the complexity eigenvector, density) can be kept with it and
 * shared by every measure that needs them — `measures all` then solves the eigenproblem once, not three times.
 * Entries live exactly as long as the matrix (a WeakMap); cached arrays are internal and never handed to callers
 * without a copy.
 */

const caches = new WeakMap<object, Map<string, unknown>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable key for an object's identity (for options that are objects, e.g. a precomputed presence matrix). */
export function identityKey(value: object): string {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return `#${id}`;
}

/** The value cached on `owner` under `key`, computing (and caching) it on first use. Errors are not cached. */
export function memoOn<T>(owner: object, key: string, compute: () => T): T {
  let cache = caches.get(owner);
  if (cache === undefined) {
    cache = new Map();
    caches.set(owner, cache);
  }
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

/**
 * Forget what was cached on `owner` (e.g. a matrix kept alive in a long-running server, or a benchmark that must
 * time each computation from scratch).
 */
export function releaseDerivedData(owner: object): void {
  caches.delete(owner);
}
