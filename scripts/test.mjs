#!/usr/bin/env node
// Runs every package's tests with node:test (through tsx) in one process tree and prints the plain closing line
// `N passed, N failed` that CI reads. Usage: node scripts/test.mjs [path-substring …] to run a subset.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'apps'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.test\.tsx?$/.test(name)) files.push(relative(root, path));
  }
};
for (const r of roots) {
  for (const pkg of readdirSync(join(root, r))) {
    const testDir = join(root, r, pkg, 'test');
    try {
      if (statSync(testDir).isDirectory()) walk(testDir);
    } catch {}
  }
}
const filters = process.argv.slice(2);
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, METROCOOP_TEST: '1' },
});
let pass = 0;
let fail = 0;
let tail = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  tail = (tail + chunk.toString()).slice(-4000);
});
child.on('close', (code) => {
  const p = /^# pass (\d+)$/m.exec(tail);
  const f = /^# fail (\d+)$/m.exec(tail);
  pass = p ? Number(p[1]) : 0;
  fail = f ? Number(f[1]) : 0;
  console.log(`${pass} passed, ${fail} failed`);
  process.exit(code === 0 && fail === 0 && pass > 0 ? 0 : 1);
});
