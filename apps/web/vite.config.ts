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
    // The app chunk holds the tree-shaken ECharts of the maps (≈ 0.6 MB in all); the limit only tunes Vite's warning.
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React in a chunk of its own: it changes less often than the app (a new build keeps its name, so browsers
          // keep it cached), and the browser fetches and compiles it beside the app chunk. Its CommonJS modules run
          // when first required, so src/boot.ts (imported first by main.tsx) still runs before anything heavy and starts
          // the first requests. ECharts stays in the app chunk, after boot.ts: in a chunk of its own, its modules would
          // be evaluated before any of the app's. The chart types only the views loaded on demand draw come with them.
          groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'] }],
        },
      },
    },
  },
  logLevel: 'warn',
});
