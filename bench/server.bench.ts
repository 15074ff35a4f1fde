/**
 * The API under load on loopback (issue 12, "Done when"): the server runs in a child process (this file, started
 * again with METROCOOP_BENCH_SERVER set) over a fresh store in a temporary folder, so that the load generator and the
 * server do not share one event loop. Bounded in time: each case runs for a fixed number of seconds.
 * - "cached analysis": `GET /api/metros/jjj/analysis?compare=none` by 200 concurrent connections for 10 s, after one
 *   request computed it (the server's warm-up is off here, to time that first analysis), load by autocannon
 *   (keep-alive, a closed loop per connection; goal: 0 errors, p99 under 50 ms); the same with gzip accepted; then
 *   by 8 connections for 5 s (the latency of a request that does not queue: with a closed loop of N clients, latency
 *   ≈ N / throughput);
 * - "mixed": 50 readers (analysis, metros, datasets, regions in turn) while one writer uploads small valid CSV
 *   datasets one after the other for 10 s (load by Node's http.Agent, one keep-alive socket per simulated client,
 *   so that each kind of request is timed apart); then every accepted upload (201) must be listed by
 *   `GET /api/datasets`.
 * The server's per-client rate limit (600 requests a minute by default) is raised for the run: every simulated
 * client comes from 127.0.0.1, which the limiter sees as one client. Figures only, no assertions.
 *   npm run bench -- server          (METROCOOP_BENCH_SECONDS=N to change the 10 s)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { printHeader } from './harness.ts';

const childFlag = 'METROCOOP_BENCH_SERVER';

// --- the server side (child process)
if (process.env[childFlag] !== undefined) {
  const { startServer } = await import('@metrocoop/server');
  const server = await startServer({
    port: 0,
    storePath: process.env[childFlag],
    env: {},
    limits: { ratePerMinute: 1e9 },
    warmUp: false,
    handleSignals: true,
    log: (line) => process.stderr.write(line),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  await server.closed;
  process.exit(0);
}

// --- the load generator (parent)
interface Response {
  readonly status: number;
  readonly body: string;
}

function send(agent: Agent, url: string, method = 'GET', body?: Buffer | string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('client timeout (60 s)')));
    req.end(body);
  });
}

/** Latencies (ms) and errors of one kind of request. */
class Tally {
  readonly times: number[] = [];
  readonly errors = new Map<string, number>();
  bytes = 0;
  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }
  get errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);

function print(label: string, tally: Tally, seconds: number): void {
  const sorted = [...tally.times].sort((a, b) => a - b);
  const n = sorted.length + tally.errorCount;
  const errors = tally.errorCount === 0 ? '0 errors' : `${tally.errorCount} errors (${[...tally.errors].map(([k, v]) => `${k} × ${v}`).join(', ')})`;
  console.log(
    `${label.padEnd(34)} ${String(n).padStart(7)} req  ${(n / seconds).toFixed(0).padStart(6)} req/s   p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms   max ${(sorted.at(-1) ?? Number.NaN).toFixed(1).padStart(7)} ms   ${errors}`,
  );
}

/** Time one request into `tally`; a status outside 2xx or a socket error counts as an error. */
async function timed(
  tally: Tally,
  agent: Agent,
  url: string,
  method = 'GET',
  body?: Buffer | string,
  headers?: Record<string, string>,
): Promise<Response | null> {
  const t0 = performance.now();
  try {
    const res = await send(agent, url, method, body, headers);
    if (res.status < 200 || res.status > 299) {
      tally.error(`HTTP ${res.status}`);
      return res;
    }
    tally.times.push(performance.now() - t0);
    tally.bytes += res.body.length;
    return res;
  } catch (error) {
    tally.error((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
    return null;
  }
}

/** `connections` loops, each on its own keep-alive socket, each sending its next request when the previous answered. */
async function load(connections: number, seconds: number, next: (k: number, i: number) => string, tallyOf: (url: string) => Tally): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, k) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const url = next(k, i);
        await timed(tallyOf(url), agent, url);
      }
    }),
  );
  agent.destroy();
  return (performance.now() - started) / 1000;
}

async function startChild(storePath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, [childFlag]: storePath },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  return { child, url };
}

const seconds = Number(process.env.METROCOOP_BENCH_SECONDS ?? 10);
printHeader(`server: the API under load on loopback (${seconds} s a case)`);
const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-server-'));
let child: ChildProcess | undefined;
try {
  const t0 = performance.now();
  const started = await startChild(join(dir, 'store.duckdb'));
  child = started.child;
  const base = started.url;
  console.log(`server at ${base} (pid ${child.pid}; new store loaded and listening in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // --- case 1: cached analysis reads, 200 connections
  const analysisUrl = `${base}/api/metros/jjj/analysis?compare=none`;
  const warm = new Agent({ keepAlive: true });
  const w0 = performance.now();
  const first = await send(warm, analysisUrl);
  console.log(
    `first analysis (computed, then cached): HTTP ${first.status}, ${(first.body.length / 1024).toFixed(0)} kB, ${(performance.now() - w0).toFixed(0)} ms`,
  );
  warm.destroy();
  // The server's CPU time (Linux /proc): with one process on 2 cores shared with the load generator, it shows
  // whether the server or the generator is the limit.
  const cpuSeconds = (): number | null => {
    try {
      const fields = readFileSync(`/proc/${child?.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return null;
    }
  };
  const cannon = async (label: string, connections: number, duration: number, headers: Record<string, string> = {}) => {
    const cpu0 = cpuSeconds();
    const r = await autocannon({ url: analysisUrl, connections, duration, headers });
    const cpu1 = cpuSeconds();
    const serverCpu = cpu0 === null || cpu1 === null ? '' : `   server CPU ${(((cpu1 - cpu0) / r.duration) * 100).toFixed(0)}% of a core`;
    const errors = r.errors + r.timeouts + r.non2xx;
    console.log(
      `${label.padEnd(34)} ${String(r.requests.total).padStart(7)} req  ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50.toFixed(1).padStart(7)} ms   p99 ${r.latency.p99.toFixed(1).padStart(7)} ms   max ${r.latency.max.toFixed(1).padStart(7)} ms   ${errors} errors (${r.errors} socket, ${r.timeouts} timeouts, ${r.non2xx} not 2xx)   ${((r.throughput.average * 8) / 1e6).toFixed(0)} Mbit/s${serverCpu}`,
    );
  };
  // Three runs: on 2 shared cores the p99 moves from run to run.
  for (let run = 1; run <= 3; run++) await cannon(`cached analysis, 200 connections #${run}`, 200, seconds);
  await cannon('  the same, gzip accepted', 200, seconds, { 'accept-encoding': 'gzip' });
  // The same reads by fewer clients: the latency of one request when it does not queue behind 199 others.
  await cannon('cached analysis, 8 connections', 8, Math.max(1, seconds / 2));

  // --- case 2: 50 readers while one writer uploads small CSV datasets
  const boston = readFileSync(new URL('../docs/examples/boston-msa.csv', import.meta.url), 'utf8').split('\n');
  const csv = `${boston.slice(0, 6).join('\n')}\n`;
  const readUrls = [analysisUrl, `${base}/api/metros`, `${base}/api/datasets`, `${base}/api/regions?metro=jjj`];
  const readTallies = new Map(readUrls.map((u) => [u, new Tally()]));
  const uploads = new Tally();
  const accepted: string[] = [];
  const writer = (async () => {
    const agent = new Agent({ keepAlive: true });
    const deadline = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < deadline; i++) {
      const name = `bench-upload-${i}`;
      const res = await timed(uploads, agent, `${base}/api/datasets?name=${name}.csv`, 'POST', csv, { 'Content-Type': 'text/csv' });
      if (res?.status === 201) accepted.push(name);
      else if (res !== null && uploads.errors.size > 0 && i === 0) console.log(`  first upload refused: ${res.body.slice(0, 300)}`);
    }
    agent.destroy();
  })();
  const elapsed2 = await load(
    50,
    seconds,
    (k, i) => readUrls[(k + i) % readUrls.length] as string,
    (u) => readTallies.get(u) as Tally,
  );
  await writer;
  const all = new Tally();
  for (const [u, t] of readTallies) {
    print(`  read ${u.slice(base.length).replace('/api/', '').slice(0, 28)}`, t, elapsed2);
    all.times.push(...t.times);
    for (const [k, v] of t.errors) all.errors.set(k, (all.errors.get(k) ?? 0) + v);
  }
  print('mixed: all reads, 50 connections', all, elapsed2);
  print('mixed: uploads, 1 writer', uploads, elapsed2);
  const listed = JSON.parse((await send(new Agent(), `${base}/api/datasets`)).body) as { datasets: { name: string; observations: number }[] };
  const names = new Set(listed.datasets.map((d) => d.name));
  const missing = accepted.filter((n) => !names.has(n));
  const observations = listed.datasets.filter((d) => d.name.startsWith('bench-upload-')).map((d) => d.observations);
  console.log(
    `  ${accepted.length} uploads accepted (201), ${accepted.length - missing.length} listed by GET /api/datasets afterwards${missing.length === 0 ? '' : ` — MISSING: ${missing.join(', ')}`}; observations each: ${[...new Set(observations)].join(', ')}`,
  );
} finally {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
