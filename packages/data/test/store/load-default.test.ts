import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MetroError } from '@metrocoop/core';
import { datasetFiles, datasetHash, type LoadProgress, loadDataset } from '../../src/store/load-default.ts';
import { Store } from '../../src/store/store.ts';
import { copyFixture, emptyStore, fixtureDatasetDir, withTempDir } from './helpers.ts';

/** Every row of every model table, for before/after comparisons. */
async function snapshot(store: Store): Promise<string> {
  const parts: string[] = [];
  for (const table of ['sources', 'regions', 'observations', 'geometries', 'unit_sets', 'metros']) {
    parts.push(JSON.stringify(await store.rows(`SELECT * FROM ${table} ORDER BY ALL`)));
  }
  parts.push(JSON.stringify(await store.rows(`SELECT key, value FROM meta ORDER BY key`)));
  return parts.join('\n');
}

describe('loadDataset', () => {
  it('loads every table of the fixture with the model types, lists split and the default tag', async () => {
    const store = await emptyStore();
    const result = await loadDataset(store, { dir: fixtureDatasetDir });
    assert.equal(result.loaded, true);
    assert.equal(result.rows.observations, 38);
    assert.equal(result.rows.geometries, 2);
    assert.equal(await store.count('observations', 'default'), 38);
    const cls = await store.rows(`SELECT levels FROM classifications WHERE id = 'GBT4754-2017'`);
    assert.deepEqual(cls[0]?.levels, ['section', 'division']);
    const sets = await store.rows(`SELECT years FROM unit_sets WHERE id = 'cities'`);
    assert.deepEqual(sets[0]?.years, [2018, 2019]);
    const withheld = await store.rows(`SELECT value, withheld FROM observations WHERE withheld`);
    assert.deepEqual(withheld, [{ value: null, withheld: true }]);
    const notes = await store.rows(`SELECT notes FROM sources WHERE id = 'fx-test'`);
    assert.equal(notes[0]?.notes, 'invented values, quoted "notes", with a comma');
    const geo = await store.rows(`SELECT geometry FROM geometries WHERE region = 'CN-120000'`);
    assert.equal(JSON.parse(String(geo[0]?.geometry)).type, 'MultiPolygon');
    const registry = await store.rows(`SELECT name, kind, content_hash FROM datasets`);
    assert.deepEqual(registry, [{ name: 'default', kind: 'embedded', content_hash: result.hash }]);
    assert.equal(await store.meta('dataset_hash'), result.hash);
    store.close();
  });

  it('is idempotent: a second load with the same files does nothing', async () => {
    const store = await emptyStore();
    await loadDataset(store, { dir: fixtureDatasetDir });
    const before = await snapshot(store);
    const again = await loadDataset(store, { dir: fixtureDatasetDir });
    assert.equal(again.loaded, false);
    assert.equal(await snapshot(store), before);
    store.close();
  });

  it('checks the content hash, not only the file times: touched but unchanged files are not reloaded', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      const store = await emptyStore();
      let events = 0;
      await loadDataset(store, { dir: data });
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(data, 'sources', 'common.csv'), later, later);
      const result = await loadDataset(store, { dir: data, onProgress: () => events++ });
      assert.equal(result.loaded, false);
      assert.equal(events, 0);
      store.close();
    });
  });

  it('replaces a stale dataset completely when a file changes, and keeps other datasets', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      const store = await emptyStore();
      const first = await loadDataset(store, { dir: data });
      await store.run(`INSERT INTO sources (id, citation, publisher, dataset) VALUES ('mine', 'c', 'p', 'yearbook')`);
      const file = join(data, 'observations', 'cn.csv');
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`); // drop the last row
      const progress: LoadProgress[] = [];
      const second = await loadDataset(store, { dir: data, onProgress: (e) => progress.push(e) });
      assert.equal(second.loaded, true);
      assert.notEqual(second.hash, first.hash);
      assert.equal(await store.count('observations', 'default'), 37);
      assert.equal(await store.count('sources', 'default'), 2);
      assert.equal(await store.count('sources', 'yearbook'), 1);
      assert.equal(progress[0]?.phase, 'start');
      assert.equal(progress.at(-1)?.phase, 'done');
      assert.equal(progress.filter((e) => e.phase === 'table').length, progress[0]?.total);
      store.close();
    });
  });

  it('rolls the whole load back when it fails halfway (after some tables were replaced)', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      const store = await emptyStore();
      await loadDataset(store, { dir: data });
      const before = await snapshot(store);
      appendFileSync(join(data, 'regions', 'cn.csv'), 'CN-999999,,Nowhere,,city,CN,,,,fx-test\n');
      await assert.rejects(
        loadDataset(store, {
          dir: data,
          afterTable: (table) => {
            if (table === 'metros') throw new Error('simulated crash after metros');
          },
        }),
        /simulated crash/,
      );
      assert.equal(await snapshot(store), before);
      store.close();
    });
  });

  it('rolls back and names the table when a value does not parse (DATASET_LOAD_FAILED)', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      const store = await emptyStore();
      await loadDataset(store, { dir: data });
      const before = await snapshot(store);
      appendFileSync(join(data, 'observations', 'jp.csv'), 'JP-13,2020,value_added,THREE-SECTOR,I,lots,JPY,,million JPY,fx-test,single,,false,false,false,\n');
      await assert.rejects(
        loadDataset(store, { dir: data }),
        (e: unknown) => e instanceof MetroError && e.code === 'DATASET_LOAD_FAILED' && e.details?.table === 'observations',
      );
      assert.equal(await snapshot(store), before);
      store.close();
    });
  });

  it('refuses a NOT NULL column left empty (rolls back)', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      const store = await emptyStore();
      appendFileSync(join(data, 'sources', 'common.csv'), 'fx-empty,,publisher,,,,,\n');
      await assert.rejects(loadDataset(store, { dir: data }), (e: unknown) => e instanceof MetroError && e.code === 'DATASET_LOAD_FAILED');
      assert.equal(await store.count('sources'), 0);
      assert.equal(await store.meta('dataset_hash'), undefined);
      store.close();
    });
  });

  it('refuses a header that differs from the model (DATASET_HEADER) before touching the store', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      const file = join(data, 'metros', 'common.csv');
      const text = readFileSync(file, 'utf8').replace('name_zh,name_en', 'name_en,name_zh');
      writeFileSync(file, text);
      const store = await emptyStore();
      await assert.rejects(loadDataset(store, { dir: data }), (e: unknown) => e instanceof MetroError && e.code === 'DATASET_HEADER');
      assert.equal(await store.count('metros'), 0);
      store.close();
    });
  });

  it('refuses a geometry without a region (GEOMETRY_INVALID)', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      writeFileSync(
        join(data, 'geometries', 'cn.geojson'),
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { source: 'fx-test' }, geometry: { type: 'Point', coordinates: [1, 2] } }],
        }),
      );
      const store = await emptyStore();
      await assert.rejects(loadDataset(store, { dir: data }), (e: unknown) => e instanceof MetroError && e.code === 'GEOMETRY_INVALID');
      assert.equal(await store.count('geometries'), 0);
      store.close();
    });
  });

  it('refuses a folder without table files (DATASET_MISSING)', async () => {
    await withTempDir(async (dir) => {
      const store = await emptyStore();
      await assert.rejects(loadDataset(store, { dir }), (e: unknown) => e instanceof MetroError && e.code === 'DATASET_MISSING');
      store.close();
    });
  });

  it('hashes paths and bytes: the same files give the same hash, a changed byte another', async () => {
    await withTempDir(async (dir) => {
      const data = copyFixture(dir);
      assert.equal(datasetHash(datasetFiles(data)), datasetHash(datasetFiles(fixtureDatasetDir)));
      appendFileSync(join(data, 'sources', 'common.csv'), ' ');
      assert.notEqual(datasetHash(datasetFiles(data)), datasetHash(datasetFiles(fixtureDatasetDir)));
    });
  });
});

describe('Store.openDefault', () => {
  it('creates the store file, loads the dataset once and reopens without reloading', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'm.duckdb');
      const loads: boolean[] = [];
      const first = await Store.openDefault(path, { dir: fixtureDatasetDir, onLoaded: (r) => loads.push(r.loaded) });
      assert.equal(await first.count('metros'), 2);
      first.close();
      const second = await Store.openDefault(path, { dir: fixtureDatasetDir, onLoaded: (r) => loads.push(r.loaded) });
      assert.equal(await second.count('metros'), 2);
      second.close();
      assert.deepEqual(loads, [true, false]);
    });
  });
});
