/**
 * The analysis end to end, as a user runs it: `metrocoop analyze <metro> [--units …]` as a child process of the
 * compiled CLI (process start, the store read, the analysis, writing the JSON document), on a store loaded once
 * beforehand. Prints, per case, the median wall time of three runs, the child's peak memory (maxRSS, from
 * /usr/bin/time when the machine has it) and the size of the JSON document. The largest case is Tokyo's 343
 * municipalities (58,653 pairs); the goals (issue 8) are under 10 s, under 1 GB and a document under 30 MB.
 *   npm run bench -- analysis
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printHeader } from '../../../bench/harness.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'apps', 'cli', 'bin', 'metrocoop.js');
const cases: readonly (readonly string[])[] = [
  ['jjj'],
  ['jjj', '--compare', 'none'],
  ['yrd', '--units', 'cities', '--compare', 'none'],
  ['nyc', '--compare', 'none'],
  ['tokyo', '--units', 'municipalities', '--compare', 'none'],
];
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

printHeader('analysis end to end: metrocoop analyze (compiled CLI, child process)');
if (!existsSync(join(root, 'apps', 'cli', 'dist', 'main.js'))) {
  console.log('the compiled CLI is missing: run `npm run build` first');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-analysis-'));
try {
  const store = join(dir, 'store.duckdb');
  const load = spawnSync(process.execPath, [bin, '--store', store, 'data', 'list'], { encoding: 'utf8' });
  if (load.status !== 0) throw new Error(load.stderr);
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  for (const args of cases) {
    const out = join(dir, 'result.json');
    const walls: number[] = [];
    const rss: number[] = [];
    for (let k = 0; k < 3; k++) {
      const command = [bin, '--store', store, 'analyze', ...args, '--format', 'json', '--out', out];
      const t0 = performance.now();
      const r =
        time === null
          ? spawnSync(process.execPath, command, { encoding: 'utf8' })
          : spawnSync(time, ['-f', 'maxrss-kb %M', process.execPath, ...command], { encoding: 'utf8' });
      walls.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`analyze ${args.join(' ')}: ${r.stderr}`);
      const m = /maxrss-kb (\d+)/.exec(r.stderr);
      if (m) rss.push(Number(m[1]) / 1024);
    }
    const size = statSync(out).size / 2 ** 20;
    console.log(
      `analyze ${args.join(' ').padEnd(44)} median ${(median(walls) / 1000).toFixed(2).padStart(6)} s   maxRSS ${rss.length === 0 ? '   n/a' : `${median(rss).toFixed(0).padStart(5)} MB`}   JSON ${size.toFixed(1).padStart(5)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
