// Child process of interrupted.e2e.test.ts: imports a file into a store file and, once the rows are inserted but before
// the transaction commits, says so on stdout and waits to be killed. Plain JavaScript on the compiled package
// (packages/data/dist, written by `npm run build`, which `npm test` runs first), so the child starts in a fraction
// of the time a TypeScript loader needs.
import { importFile, Store } from '@metrocoop/data';

const [storePath, file] = process.argv.slice(2);
const store = await Store.open(storePath);
await store.ensureSchema();
await importFile(store, file, {
  dataset: 'x',
  replace: true,
  onProgress: (phase) => {
    if (phase === 'inserted') {
      process.stdout.write('inserted\n');
      // Block the event loop: the transaction stays open until the parent kills this process.
      const until = Date.now() + 60_000;
      while (Date.now() < until) {}
    }
  },
});
process.stdout.write('committed\n');
