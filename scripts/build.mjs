#!/usr/bin/env node
// The build (docs/decisions/0004-esbuild.md): esbuild compiles and bundles the TypeScript sources to JavaScript
// ESM for Node 20, with source maps.
//   - the CLI: apps/cli/src/main.ts → apps/cli/dist/main.js, split so that each command's work (`*.run.ts`) is a
//     chunk loaded only when that command runs;
//   - the packages' public entries: packages/core/dist/{index,pairwise}.js, packages/data/dist/{index,formats}.js,
//     packages/viz/dist/index.js, packages/report/dist/index.js,
//     and the pairwise worker packages/data/dist/pairwise-worker.js that compiled code starts.
// npm packages stay external (DuckDB is a native addon; the others load from node_modules as they are); the
// workspace's own packages are bundled from source. Each build writes a metafile (dist/meta.json) that
// scripts/check-architecture.mjs reads to enforce the layering. After them, the dashboard (apps/web) is built with
// Vite's JS API into apps/web/dist — only when a source it is made of is newer than the last build (a few seconds
// when it runs; the esbuild part takes well under a second). `npm ci` runs this through `prepare`.
// Usage: node scripts/build.mjs [--quiet] [--no-web].
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Bare imports of npm packages stay external; the workspace's @metrocoop/* packages are bundled from source. */
export const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@metrocoop/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Options every build shares. */
export const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  conditions: ['development'],
  logLevel: 'warning',
  metafile: true,
  plugins: [externalNpmPackages],
  // esbuild's ESM output has no `require`; a few bundled modules use createRequire themselves, nothing else needs it.
  legalComments: 'none',
};

/** The builds: one per output folder. */
export const builds = [
  {
    name: 'cli',
    outdir: 'apps/cli/dist',
    entryPoints: { main: 'apps/cli/src/main.ts' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
  {
    name: 'core',
    outdir: 'packages/core/dist',
    entryPoints: {
      index: 'packages/core/src/index.ts',
      errors: 'packages/core/src/errors/metro-error.ts',
      measures: 'packages/core/src/entries/measures.ts',
      pairwise: 'packages/core/src/entries/pairwise.ts',
    },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
  {
    name: 'data',
    outdir: 'packages/data/dist',
    entryPoints: {
      index: 'packages/data/src/index.ts',
      formats: 'packages/data/src/formats.ts',
      measures: 'packages/data/src/entries/measures.ts',
      'pairwise-worker': 'packages/data/src/io/pairwise-worker.ts',
    },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
  {
    name: 'viz',
    outdir: 'packages/viz/dist',
    entryPoints: { index: 'packages/viz/src/index.ts' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
  {
    name: 'report',
    outdir: 'packages/report/dist',
    entryPoints: { index: 'packages/report/src/index.ts' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
  {
    name: 'server',
    outdir: 'apps/server/dist',
    entryPoints: { index: 'apps/server/src/index.ts' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  },
];

/**
 * Write a file only when its bytes change, through a temporary file and a rename: a process that is loading the
 * compiled code meanwhile (another test run, a running CLI) never sees a half-written file.
 */
function writeIfChanged(path, contents) {
  try {
    if (Buffer.compare(readFileSync(path), contents) === 0) return;
  } catch {
    // not there yet
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Remove what an earlier build left in `dir` that this one did not write (chunks whose hash changed). */
function removeStale(dir, keep) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && !keep.has(path)) rmSync(path, { force: true });
  }
}

/** What the dashboard is made of: its sources and the workspace packages it compiles from source. */
const webInputs = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/viz/src',
  'packages/core/src',
];
const webDist = join(root, 'apps/web/dist');

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
}

/**
 * Build the dashboard with Vite when its inputs are newer than apps/web/dist/index.html (or `force`). Vite writes
 * into a folder of its own (.build/web-<pid>) that then replaces dist, so a server reading dist meanwhile never sees a half-written
 * build, and two builds at once do not write into one folder. Returns whether it built.
 */
export async function buildWeb({ quiet = false, force = false } = {}) {
  const built = existsSync(join(webDist, 'index.html')) ? statSync(join(webDist, 'index.html')).mtimeMs : 0;
  if (!force && built > 0 && webInputs.every((p) => newest(join(root, p)) <= built)) return false;
  let build;
  try {
    ({ build } = await import('vite'));
  } catch {
    // Installed without dev dependencies: the API works, `/` keeps redirecting to /docs.
    if (!quiet) console.error('build: vite is not installed; the dashboard (apps/web/dist) is not built');
    return false;
  }
  const outDir = join(root, '.build', `web-${process.pid}`);
  try {
    await build({ configFile: join(root, 'apps/web/vite.config.ts'), logLevel: quiet ? 'error' : 'warn', build: { outDir, emptyOutDir: true } });
    const old = join(root, '.build', `web-old-${process.pid}`);
    if (existsSync(webDist)) renameSync(webDist, old);
    renameSync(outDir, webDist);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return true;
}

/** Run every build; returns the metafiles by build name. */
export async function buildAll({ quiet = false, web = true } = {}) {
  const started = performance.now();
  const metas = {};
  await Promise.all(
    builds.map(async ({ name, outdir, entryPoints, ...rest }) => {
      const absoluteEntries = Object.fromEntries(Object.entries(entryPoints).map(([k, v]) => [k, join(root, v)]));
      const result = await esbuild.build({ ...common, ...rest, entryPoints: absoluteEntries, outdir: join(root, outdir), absWorkingDir: root, write: false });
      const files = [
        ...result.outputFiles.map((f) => ({ path: f.path, contents: f.contents })),
        { path: join(root, outdir, 'meta.json'), contents: Buffer.from(JSON.stringify(result.metafile)) },
      ];
      for (const file of files) writeIfChanged(file.path, file.contents);
      removeStale(join(root, outdir), new Set(files.map((f) => f.path)));
      metas[name] = result.metafile;
    }),
  );
  const webBuilt = web ? await buildWeb({ quiet }) : false;
  if (!quiet) {
    const outdirs = [...builds.map((b) => b.outdir), ...(webBuilt ? ['apps/web/dist'] : [])];
    console.error(`build: ${outdirs.join(', ')} in ${Math.round(performance.now() - started)} ms`);
  }
  return metas;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildAll({ quiet: process.argv.includes('--quiet'), web: !process.argv.includes('--no-web') });
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
