/** The part of autocannon's API (https://github.com/mcollina/autocannon) the server benchmark uses; it ships no types. */
declare module 'autocannon' {
  interface Histogram {
    readonly average: number;
    readonly p50: number;
    readonly p97_5: number;
    readonly p99: number;
    readonly max: number;
    readonly total: number;
  }
  interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly headers?: Record<string, string>;
  }
  interface Result {
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly '2xx': number;
    readonly latency: Histogram;
    readonly requests: Histogram;
    readonly throughput: Histogram;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
