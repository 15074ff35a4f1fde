/**
 * A failed or interrupted import leaves the store exactly as it was: a throw after the rows were inserted (before
 * COMMIT) rolls back, and so does killing the process at that point (SIGKILL; DuckDB only persists committed
 * transactions). The import replaces an existing dataset, so the DELETE of the old rows must be undone too.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importFile } from '../../src/import/import.ts';
import { Store } from '../../src/store/store.ts';
import { storeCopyPath } from '../support/store-template.ts';
import { seededStore } from './helpers.ts';

const inDir = join(import.meta.dirname, '..', 'fixtures', 'import', 'in');

async function snapshot(store: Store): Promise<unknown> {
  return {
    observations: await store.rows(`SELECT * EXCLUDE (value), value::VARCHAR AS v FROM observations ORDER BY ALL`),
    sources: await store.rows('SELECT * FROM sources ORDER BY ALL'),
    datasets: await store.rows('SELECT name, kind, note FROM datasets ORDER BY ALL'),
  };
}

/** A valid canonical CSV of `n` rows (gdp of one region over distinct source ids). */
function bigCsv(path: string, n: number): void {
  const lines = ['region,year,indicator,industry,classification,value,unit,source'];
  for (let k = 0; k < n; k++) lines.push(`CN-130100,2019,gdp,,,${k},CNY,s${k}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
}

describe('interrupted import', () => {
  it('rolls back everything when the import throws after inserting', async () => {
    const store = await seededStore();
    try {
      await importFile(store, join(inDir, 'withheld.csv'), { dataset: 'x' });
      const before = await snapshot(store);
      await assert.rejects(
        importFile(store, join(inDir, 'observations.json'), {
          dataset: 'x',
          replace: true,
          onProgress: (phase) => {
            if (phase === 'inserted') throw new Error('interrupted on purpose');
          },
        }),
        /interrupted on purpose/,
      );
      assert.deepEqual(await snapshot(store), before);
      // and the store is still usable: the same import without the interruption succeeds
      await importFile(store, join(inDir, 'observations.json'), { dataset: 'x', replace: true });
      assert.equal(await store.count('observations', 'x'), 3);
    } finally {
      store.close();
    }
  });

  it('leaves a store file unchanged when the importing process is killed before COMMIT', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-kill-'));
    try {
      const storePath = join(dir, 'store.duckdb');
      const csv = join(dir, 'big.csv');
      // Enough rows to be a real insert; the child blocks after inserting, so the count does not change the timing
      // of the kill (2,000 rows stay, like 20,000 would, inside one uncommitted DuckDB row group).
      bigCsv(csv, 2_000);
      await storeCopyPath('seeded', dir, 'store.duckdb');
      let store = await Store.open(storePath);
      await importFile(store, join(inDir, 'withheld.csv'), { dataset: 'x' });
      const before = await snapshot(store);
      store.close();

      const child = spawn(process.execPath, [join(import.meta.dirname, 'interrupt-child.mjs'), storePath, csv], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d) => {
        err += String(d);
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          out += String(d);
          if (out.includes('inserted')) resolve();
        });
        child.on('exit', () => reject(new Error(`child exited before inserting: ${out} ${err}`)));
      });
      child.kill('SIGKILL');
      await exited;
      assert.equal(out.includes('committed'), false);

      store = await Store.open(storePath);
      try {
        assert.deepEqual(await snapshot(store), before);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
