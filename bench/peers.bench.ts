/**
 * `metrocoop measures` against py-ecomplexity on py-ecomplexity's own set of measures (ECI, PCI, COI, COG, density,
 * proximity) at the large size, 3,000 regions × 500 industries (seeded, bench/generate.ts). The goal: the CLI end to
 * end — process start, reading the CSV, computing, writing the 59 MB JSON — in at most a tenth of the time
 * `ecomplexity()` takes in-process.
 *
 * py-ecomplexity runs through bench/peers-ecomplexity.py (its `ecomplexity()` call timed inside Python; importing
 * pandas and reading the CSV are not counted). Point PY_ECOMPLEXITY_DIR at a checkout of
 * github.com/Growth-Lab/py-ecomplexity (its code is never copied here) and have numpy, pandas and scikit-learn
 * (Debian: `apt-get install python3-pandas python3-sklearn`); PYTHON names the interpreter (default: the first of
 * python3, /usr/bin/python3 that imports pandas). Without them the recorded figure is used and said so.
 *
 * Rounds alternate Python and the CLI so that both see the same machine load; medians are printed. The CLI runs as
 * `node apps/cli/bin/metrocoop.js measures … --out FILE --timing` (its own read/compute/write split is printed too).
 * BENCH_PEERS_ROUNDS sets the number of rounds (default 3). Run: `npm run bench -- peers`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMatrix, longCsv, sizes } from './generate.ts';
import { printHeader } from './harness.ts';

/** py-ecomplexity's `ecomplexity()` on this case, recorded on the 2-core build machine (the issue's figure). */
const recordedPeerSeconds = 7.6;
const recordedPeerMachine = '2 × AMD EPYC vCPU build machine, Python 3.11, numpy 1.24, pandas 1.5, scikit-learn 1.2';
const measures = 'eci,pci,coi,cog,density,proximity';

const root = new URL('..', import.meta.url).pathname;
const rounds = Number(process.env.BENCH_PEERS_ROUNDS ?? 3);
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

printHeader(`peers: metrocoop measures --measures ${measures} vs py-ecomplexity ecomplexity(), large 3,000 × 500`);
const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-peers-'));
try {
  const { regions, industries } = sizes.large;
  const generated = generateMatrix(regions, industries);
  const text = longCsv(generated);
  const csv = join(dir, 'large.csv');
  writeFileSync(csv, text);
  console.log(`# ${regions}×${industries}: ${text.split('\n').length - 2} non-zero cells, ${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB of CSV`);

  // Python with pandas (and the package) available?
  const script = join(root, 'bench', 'peers-ecomplexity.py');
  const pythons = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3'];
  const python = pythons.find((p) => spawnSync(p, ['-c', 'import pandas, sklearn'], { stdio: 'ignore', env: process.env }).status === 0);
  const peerDir = process.env.PY_ECOMPLEXITY_DIR;
  let peerReason = '';
  if (python === undefined) peerReason = `no Python with pandas and scikit-learn (tried ${pythons.join(', ')})`;
  else if (spawnSync(python, ['-c', 'import ecomplexity'], { stdio: 'ignore', env: { ...process.env, PYTHONPATH: peerDir ?? '' } }).status !== 0) {
    peerReason = peerDir === undefined ? 'PY_ECOMPLEXITY_DIR is not set and ecomplexity is not installed' : `cannot import ecomplexity from ${peerDir}`;
  }

  const peer: number[] = [];
  const wall: number[] = [];
  const split: { read: number; compute: number; write: number }[] = [];
  let versions = '';
  const out = join(dir, 'measures.json');
  const cli = join(root, 'apps', 'cli', 'bin', 'metrocoop.js');
  if (!existsSync(cli)) throw new Error(`peers bench: ${cli} not found`);
  for (let round = 0; round < rounds; round++) {
    if (peerReason === '' && python !== undefined) {
      const r = spawnSync(python, [script, csv], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
      if (r.status !== 0) {
        peerReason = `peers-ecomplexity.py failed: ${r.stderr.trim().split('\n').pop() ?? ''}`;
      } else {
        const answer = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { seconds: number[]; versions: Record<string, string> };
        peer.push(...answer.seconds);
        versions = Object.entries(answer.versions)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
      }
    }
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'measures', '--input', csv, '--measures', measures, '--out', out, '--timing'], {
      cwd: root,
      encoding: 'utf8',
    });
    wall.push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`peers bench: metrocoop measures failed (${r.status}): ${r.stderr}`);
    const m = /read (\d+) ms, computed (\d+) ms, wrote (\d+) ms/.exec(r.stderr);
    if (m) split.push({ read: Number(m[1]), compute: Number(m[2]), write: Number(m[3]) });
    console.log(
      `round ${round + 1}: ${peer.length > round ? `py-ecomplexity ${peer[round]?.toFixed(2)} s, ` : ''}metrocoop ${wall[round]?.toFixed(2)} s end to end${
        m ? ` (read ${m[1]} ms, compute ${m[2]} ms, write ${m[3]} ms)` : ''
      }`,
    );
  }
  console.log(`#   JSON ${(statSync(out).size / 2 ** 20).toFixed(1)} MiB`);
  const ours = median(wall);
  const theirs = peer.length > 0 ? median(peer) : recordedPeerSeconds;
  if (peer.length === 0) console.log(`# py-ecomplexity not run here (${peerReason}): using the recorded ${recordedPeerSeconds} s (${recordedPeerMachine})`);
  else console.log(`# py-ecomplexity: ${versions}, PY_ECOMPLEXITY_DIR=${peerDir ?? '(installed package)'}`);
  if (split.length > 0) {
    console.log(
      `metrocoop phases (median of ${split.length}): read ${median(split.map((s) => s.read))} ms, compute ${median(split.map((s) => s.compute))} ms, write ${median(
        split.map((s) => s.write),
      )} ms; start-up and the rest ≈ ${(ours * 1000 - median(split.map((s) => s.read + s.compute + s.write))).toFixed(0)} ms`,
    );
  }
  console.log(
    `py-ecomplexity ecomplexity() ${theirs.toFixed(2)} s${peer.length > 0 ? ` (median of ${peer.length})` : ' (recorded)'}   metrocoop measures end to end ${ours.toFixed(2)} s (median of ${wall.length})   ratio ${(ours / theirs).toFixed(3)} (goal ≤ 0.100)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
