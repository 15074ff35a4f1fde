/**
 * A per-client rate limit: one token bucket per remote address, `perMinute` tokens deep, refilled continuously at
 * `perMinute` tokens a minute. Buckets that are full again are forgotten, so memory stays bounded by the clients
 * active in the last minute.
 */

/** The outcome of {@link RateLimiter.take}. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** Seconds until one token is back (when refused). */
  readonly retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** In-memory token buckets by client key. */
export class RateLimiter {
  readonly perMinute: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #lastSweep = 0;

  /** @param perMinute requests per client per minute (bucket size and refill rate); ≥ 1. @param now clock in ms. */
  constructor(perMinute: number, now: () => number = Date.now) {
    this.perMinute = Math.max(1, perMinute);
    this.#now = now;
  }

  /** Take one token for `client`. */
  take(client: string): RateDecision {
    const now = this.#now();
    const rate = this.perMinute / 60_000;
    this.#sweep(now, rate);
    const bucket = this.#buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.#buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)) };
  }

  /** Clients tracked now. */
  get clients(): number {
    return this.#buckets.size;
  }

  #sweep(now: number, rate: number): void {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    for (const [key, b] of this.#buckets) if (b.tokens + (now - b.at) * rate >= this.perMinute) this.#buckets.delete(key);
  }
}

/**
 * The client a request counts against. By default the socket's remote address. Behind a reverse proxy every request
 * comes from the proxy, so with `trustProxy` the client is the last address in `X-Forwarded-For` — the one the
 * proxy itself appended (addresses before it are whatever the client claimed, and a client could forge them to
 * escape its limit). Without a usable header the socket's address counts.
 */
export function clientKey(remoteAddress: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor !== undefined) {
    const last = forwardedFor.split(',').at(-1)?.trim() ?? '';
    if (last !== '') return last;
  }
  return remoteAddress ?? 'local';
}
