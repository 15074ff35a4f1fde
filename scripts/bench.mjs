#!/usr/bin/env node
// Runs every benchmark file (bench/*.bench.ts and packages/*/bench/*.bench.ts) one after the other, in fresh
// processes, printing their figures. `npm run bench -- <substring>` runs the matching ones only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['bench', ...['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((p) => join(d, p, 'bench')))];
const files = dirs
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => join(d, f)),
  )
  .filter((f) => process.argv.slice(2).every((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const r = spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', '--expose-gc', file], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
