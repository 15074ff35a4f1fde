/**
 * A tiny benchmark harness: warm up, repeat, report the median and min in ms. Benchmarks print figures; they
 * never assert times (STYLE.md). Run all with `npm run bench`, one with `npm run bench -- <name-substring>`.
 */
import { cpus, totalmem } from 'node:os';

export interface BenchResult {
  readonly name: string;
  readonly size: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/** Time `fn` (sync or async): one warm-up, then `runs` timed runs (fewer if one run exceeds `budgetMs`). */
export async function bench(name: string, size: string, fn: () => unknown, runs = 5, budgetMs = 20_000): Promise<BenchResult> {
  await fn();
  const times: number[] = [];
  const start = performance.now();
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (performance.now() - start > budgetMs) break;
  }
  times.sort((a, b) => a - b);
  const result = { name, size, medianMs: times[Math.floor(times.length / 2)] as number, minMs: times[0] as number, runs: times.length };
  console.log(
    `${name.padEnd(40)} ${size.padEnd(12)} median ${result.medianMs.toFixed(2).padStart(10)} ms   min ${result.minMs.toFixed(2).padStart(10)} ms   (${result.runs} runs)`,
  );
  return result;
}

/** One header line: machine, Node version, date. */
export function printHeader(title: string): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# ${title} — ${new Date().toISOString()} — ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
}
