/**
 * The dashboard's build (run by scripts/build.mjs through Vite's JS API, or `npx vite build` here): React, the
 * workspace packages compiled from their TypeScript sources (the `development` export condition), output in
 * `dist/` with hashed assets that apps/server/src/static.ts serves at `/`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const noSolver = fileURLToPath(new URL('./src/stubs/no-solver.ts', import.meta.url));

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    conditions: ['development', 'module', 'browser', 'import', 'default'],
    // The core's planning imports the LP solvers; the page never plans (src/stubs/no-solver.ts).
    alias: [
      { find: /^highs$/, replacement: noSolver },
      { find: /^glpk\.js(\/node)?$/, replacement: noSolver },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // ECharts (tree-shaken) and React are one vendor chunk of ≈ 0.8 MB; the limit only tunes Vite's warning.
    chunkSizeWarningLimit: 1200,
  },
  logLevel: 'warn',
});
