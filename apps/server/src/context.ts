/**
 * What every route module gets: the one store the server owns, the result cache, the write lock (one writer at a
 * time; reads run concurrently), and the limits. A route module registers its routes on the app.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '@metrocoop/data';

/** Limits of the server (bytes, rows, milliseconds, requests). */
export interface ServerLimits {
  readonly bodyBytes: number;
  readonly uploadBytes: number;
  readonly rows: number;
  readonly timeoutMs: number;
  /** Requests per client per minute. */
  readonly ratePerMinute: number;
}

/** Results cached by key (the store's data version and the parameters); cleared when the data change. */
export interface ResultCache {
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Drop everything (after an import, a delete, a metro added or removed). */
  clear(): void;
  readonly size: number;
}

export interface ServerDeps {
  readonly store: Store;
  readonly cache: ResultCache;
  /** Runs `fn` as the only writer (imports, deletes, metros); resolves with its result. */
  readonly write: <T>(fn: () => Promise<T>) => Promise<T>;
  readonly limits: ServerLimits;
}

export type RouteModule = (app: OpenAPIHono, deps: ServerDeps) => void;
