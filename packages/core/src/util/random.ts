/**
 * The one seeded pseudo-random generator of the project: mulberry32 (Tommy Ettinger's 32-bit generator), with
 * `Math.imul` so every step is exact 32-bit integer arithmetic — the same seed gives the same sequence on every
 * engine. Used where a result must not depend on `Math.random` (Louvain's visit order) and by the benchmark
 * generators. A double-based LCG was rejected: it loses precision and cycles early.
 */

/**
 * A seeded PRNG returning floats in [0, 1) with 32 bits of randomness each; period 2³².
 *
 * `seed` is taken modulo 2³² (`seed >>> 0`), so seeds that differ by a multiple of 2³² give the same sequence.
 * Not cryptographic.
 *
 * @example
 * ```ts
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, the same on every run
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
