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
// scripts/check-architecture.mjs reads to enforce the layering. `npm ci` runs this through `prepare`; it takes
// well under a second. Usage: node scripts/build.mjs [--quiet].
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Run every build; returns the metafiles by build name. */
export async function buildAll({ quiet = false } = {}) {
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
  if (!quiet) console.error(`build: ${builds.map((b) => b.outdir).join(', ')} in ${Math.round(performance.now() - started)} ms`);
  return metas;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildAll({ quiet: process.argv.includes('--quiet') });
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
