#!/usr/bin/env node
// Runs every package's tests with node:test and prints the plain closing line `N passed, N failed` that CI reads.
// Usage: node scripts/test.mjs [--e2e | --all] [path-substring …]. By default the fast tier: every test file but the
// end-to-end ones (`*.e2e.test.ts`: README examples through the real binary, several processes on one store, the
// export → import property over every format, the malformed-file fuzz); `--e2e` runs only those, `--all` both (what
// CI runs). Path substrings keep only the files whose path contains one of them (in both tiers, unless a flag says).
//
// 1. `npm run build` (the CLI and the packages' compiled entries: the tests run the real bin and the compiled
//    pairwise worker).
// 2. The test files are compiled by esbuild into .build/test-<pid> (same relative paths, shared chunks): a test process
//    then starts in a fraction of the time tsx needs to compile the sources in every process. In test, bench and
//    script files `import.meta.url`/`dirname`/`filename` are replaced by the source file's own, so fixtures are
//    found beside the sources; the packages' src files keep their runtime meaning.
// 3. The seeded store templates are built once (packages/data/test/support/build-templates.ts) and named to the
//    tests through environment variables; each test copies the one it needs.
// 4. node --test runs the compiled files two at a time, with scripts/test-guard.mjs preloaded: a test that reads a
//    file outside the repository fails. Source maps are on when files are picked by name (see below).
// 5. The summary lists the ten slowest test suites, then the closing line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildAll, common, root } from './build.mjs';

const started = performance.now();
// One folder per run: two runs at once (two terminals, two agents) must not delete each other's files.
const outdir = join(root, '.build', `test-${process.pid}`);
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));

// --- the test files
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.test\.tsx?$/.test(name)) files.push(relative(root, path));
  }
};
for (const r of ['packages', 'apps']) {
  for (const pkg of readdirSync(join(root, r))) {
    const testDir = join(root, r, pkg, 'test');
    if (existsSync(testDir) && statSync(testDir).isDirectory()) walk(testDir);
  }
}
const flags = new Set(process.argv.slice(2).filter((a) => a === '--all' || a === '--e2e'));
const filters = process.argv.slice(2).filter((a) => !flags.has(a));
const isE2e = (f) => /\.e2e\.test\.tsx?$/.test(f);
// Path substrings pick files from both tiers (asking for `fuzz` means the fuzz test) unless a tier flag is given.
const tier = (f) => (flags.has('--all') || (filters.length > 0 && flags.size === 0) ? true : flags.has('--e2e') ? isE2e(f) : !isE2e(f));
const selected = files.filter((f) => tier(f) && (filters.length === 0 || filters.some((x) => f.includes(x)))).sort();
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

// --- 1. the product build
await buildAll({ quiet: true });

// --- 2. the tests, compiled
/** In test, bench and build-script files, import.meta names the source file (fixtures live beside it). */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts)$/ }, (args) => {
      const rel = relative(root, args.path);
      if (rel.startsWith('..') || rel.includes('node_modules') || /(^|\/)src\//.test(rel)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.')) return undefined;
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};
const templateScript = 'packages/data/test/support/build-templates.ts';
// Only the data and CLI tests use stores.
const needsStores = selected.some((f) => !f.startsWith('packages/core/')) && existsSync(join(root, templateScript));
const entries = [...selected, ...(needsStores ? [templateScript] : [])];
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
try {
  await esbuild.build({
    ...common,
    metafile: false,
    sourcemap: 'inline',
    entryPoints: entries.map((f) => join(root, f)),
    outbase: root,
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [...common.plugins, sourceLocation],
    absWorkingDir: root,
  });
} catch (error) {
  console.error(`test build failed: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const compiled = (f) => join(outdir, f.replace(/\.tsx?$/, '.mjs'));
const built = performance.now();

// --- 3. the store templates, once
// Two test processes on two cores: one DuckDB thread each (more only contend).
const env = { METROCOOP_DUCKDB_THREADS: '1', ...process.env, METROCOOP_TEST: '1' };
if (entries.includes(templateScript)) {
  const templates = mkdtempSync(join(tmpdir(), 'metrocoop-test-templates-'));
  process.on('exit', () => rmSync(templates, { recursive: true, force: true }));
  const r = spawnSync(process.execPath, ['--enable-source-maps', compiled(templateScript), templates], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`building the store templates failed:\n${r.stderr}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  for (const line of r.stdout.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
}
const templated = performance.now();

// --- 4. the run
const guard = join(root, 'scripts', 'test-guard.mjs');
// Source maps (stack traces in the .ts files) cost ≈ 0.05 s per test process, as Node reads them when a module
// loads: on when a few files are picked (a developer chasing a failure, or METROCOOP_TEST_SOURCE_MAPS=1); a full run
// prints the compiled .mjs positions, whose module comments name the source files.
const sourceMaps = filters.length > 0 || process.env.METROCOOP_TEST_SOURCE_MAPS === '1';
const args = [
  ...(sourceMaps ? ['--enable-source-maps'] : []),
  ...(existsSync(guard) ? ['--import', pathToFileURL(guard).href] : []),
  '--test',
  '--test-concurrency=2',
];
const child = spawn(process.execPath, [...args, ...selected.map(compiled)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
let tap = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tap += chunk.toString();
});
child.on('close', (code) => {
  // --- 5. the summary
  const suites = [];
  const lines = tap.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const m = /^(ok|not ok) \d+ - (.*)$/.exec(lines[k]);
    if (!m) continue;
    for (let j = k + 1; j < Math.min(k + 6, lines.length); j++) {
      const d = /^ {2}duration_ms: ([\d.]+)/.exec(lines[j]);
      if (d) {
        suites.push({ name: m[2], ms: Number(d[1]) });
        break;
      }
    }
  }
  suites.sort((a, b) => b.ms - a.ms);
  console.log('\nslowest test suites:');
  for (const s of suites.slice(0, Number(process.env.METROCOOP_SLOWEST ?? 10))) console.log(`  ${(s.ms / 1000).toFixed(2).padStart(6)} s  ${s.name}`);
  const total = (performance.now() - started) / 1000;
  console.log(
    `wall time ${total.toFixed(1)} s (build ${((built - started) / 1000).toFixed(1)} s, store templates ${((templated - built) / 1000).toFixed(1)} s, tests ${((performance.now() - templated) / 1000).toFixed(1)} s)`,
  );
  const tail = tap.slice(-4000);
  const p = /^# pass (\d+)$/m.exec(tail);
  const f = /^# fail (\d+)$/m.exec(tail);
  const c = /^# cancelled (\d+)$/m.exec(tail);
  const pass = p ? Number(p[1]) : 0;
  // A test cancelled (its `before` hook failed, or it timed out) did not pass: count it as failed.
  const fail = (f ? Number(f[1]) : 0) + (c ? Number(c[1]) : 0);
  console.log(`${pass} passed, ${fail} failed`);
  process.exit(code === 0 && fail === 0 && pass > 0 ? 0 : 1);
});
