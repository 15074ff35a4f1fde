import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MetroError } from '@metrocoop/core';
import { createDatasetsSql, createMetaSql, createTableSql, storeColumns, tableNames } from '../../src/store/ddl.ts';
import { migrations, schemaVersion } from '../../src/store/migrations.ts';
import { Store } from '../../src/store/store.ts';

const insertSource = (id: string, dataset = 'mine') =>
  `INSERT INTO sources (id, citation, publisher, dataset) VALUES ('${id}', 'citation', 'publisher', '${dataset}')`;

async function freshStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await store.ensureSchema();
  return store;
}

describe('Store.ensureSchema', () => {
  it('creates every model table with the model columns and a dataset column, at the current version', async () => {
    const store = await Store.open(':memory:');
    const status = await store.ensureSchema();
    assert.equal(status.created, true);
    assert.equal(status.to, schemaVersion);
    assert.equal(await store.schemaVersion(), schemaVersion);
    for (const table of tableNames) {
      const rows = await store.rows(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table]);
      assert.deepEqual(
        rows.map((r) => r.column_name),
        storeColumns(table).map((c) => c.name),
        table,
      );
      assert.equal(rows.at(-1)?.column_name, 'dataset');
    }
    const again = await store.ensureSchema();
    assert.equal(again.created, false);
    assert.deepEqual(again.migrated, []);
    store.close();
  });

  it('maps the model types: integer year, double value, boolean flags, list years, NOT NULL for required fields', async () => {
    const store = await freshStore();
    const rows = await store.rows(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name IN ('observations', 'unit_sets')`,
    );
    const type = (name: string) => rows.find((r) => r.column_name === name);
    assert.equal(type('year')?.data_type, 'INTEGER');
    assert.equal(type('value')?.data_type, 'DOUBLE');
    assert.equal(type('value')?.is_nullable, 'YES');
    assert.equal(type('withheld')?.data_type, 'BOOLEAN');
    assert.equal(type('region')?.is_nullable, 'NO');
    assert.equal(type('years')?.data_type, 'INTEGER[]');
    store.close();
  });

  it('migrates a version-1 store (no datasets registry) to the current version and back-fills the registry', async () => {
    const store = await Store.open(':memory:');
    await store.run(createMetaSql);
    for (const table of tableNames) await store.run(createTableSql(table));
    await store.run(`INSERT INTO meta VALUES ('schema_version', '1'), ('dataset_hash', 'abc')`);
    await store.run(insertSource('a', 'default'));
    await store.run(insertSource('b', 'yearbook'));
    const status = await store.ensureSchema();
    assert.equal(status.from, 1);
    assert.deepEqual(status.migrated, [2, 3]);
    assert.equal(await store.schemaVersion(), schemaVersion);
    const registry = await store.rows('SELECT name, kind, content_hash FROM datasets ORDER BY name');
    assert.deepEqual(registry, [
      { name: 'default', kind: 'embedded', content_hash: 'abc' },
      { name: 'yearbook', kind: 'import', content_hash: null },
    ]);
    store.close();
  });

  it('migrates a version-2 store (knowledge without modes, no firm_relocations) and keeps its knowledge rows', async () => {
    const store = await Store.open(':memory:');
    await store.run(createMetaSql);
    for (const table of tableNames.filter((t) => t !== 'firm_relocations')) {
      const sql = createTableSql(table);
      await store.run(table === 'knowledge' ? sql.replace(/,\n\s*"modes" VARCHAR\[\] NOT NULL/, '') : sql);
    }
    await store.run(createDatasetsSql);
    await store.run(`INSERT INTO meta VALUES ('schema_version', '2')`);
    await store.run(`INSERT INTO knowledge VALUES ('kb-1', NULL, NULL, 'project', 2015, NULL, 'text', ['X:C'], 'kb-S1', true, 'mine')`);
    const status = await store.ensureSchema();
    assert.deepEqual(status.migrated, [3]);
    assert.deepEqual(await store.rows('SELECT id, industries, modes, dataset FROM knowledge'), [
      { id: 'kb-1', industries: ['X:C'], modes: [], dataset: 'mine' },
    ]);
    assert.equal(await store.count('firm_relocations'), 0);
    store.close();
  });

  it('leaves a store at its old version when a migration fails', async () => {
    const store = await Store.open(':memory:');
    await store.run(createMetaSql);
    await store.run(`INSERT INTO meta VALUES ('schema_version', '1')`);
    await store.run('CREATE TABLE keep (x INTEGER)');
    const failing = [
      { version: 2, description: 'ok', up: async (con: Store['connection']) => void (await con.run('CREATE TABLE added (x INTEGER)')) },
      {
        version: 3,
        description: 'fails',
        up: async () => {
          throw new Error('boom');
        },
      },
    ];
    await assert.rejects(store.ensureSchema({ migrations: failing, version: 3 }), /boom/);
    assert.equal(await store.schemaVersion(), 1);
    const added = await store.rows(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'added'`);
    assert.equal(added[0]?.n, 0);
    store.close();
  });

  it('refuses a store written by a newer metrocoop with STORE_TOO_NEW', async () => {
    const store = await freshStore();
    await store.run(`UPDATE meta SET value = '${schemaVersion + 1}' WHERE key = 'schema_version'`);
    await assert.rejects(store.ensureSchema(), (e: unknown) => e instanceof MetroError && e.code === 'STORE_TOO_NEW');
    store.close();
  });

  it('reports SCHEMA_DRIFT when a table differs from the model', async () => {
    const store = await freshStore();
    await store.run('ALTER TABLE regions DROP COLUMN lat');
    await assert.rejects(store.ensureSchema(), (e: unknown) => e instanceof MetroError && e.code === 'SCHEMA_DRIFT');
    store.close();
  });

  it('has a migration list that ends at the current schema version', () => {
    assert.equal(migrations.at(-1)?.version, schemaVersion);
  });
});

describe('Store.transaction', () => {
  it('commits when the function returns', async () => {
    const store = await freshStore();
    const result = await store.transaction(async (con) => {
      await con.run(insertSource('a'));
      return 7;
    });
    assert.equal(result, 7);
    assert.equal(await store.count('sources'), 1);
    store.close();
  });

  it('rolls back every statement when the function throws halfway through a multi-statement load', async () => {
    const store = await freshStore();
    await store.run(insertSource('before'));
    await assert.rejects(
      store.transaction(async (con) => {
        await con.run(insertSource('one'));
        await con.run(`INSERT INTO regions (id, name_en, level, dataset) VALUES ('X-1', 'x', 'city', 'mine')`);
        throw new Error('interrupted');
      }),
      /interrupted/,
    );
    assert.deepEqual(
      (await store.rows('SELECT id FROM sources')).map((r) => r.id),
      ['before'],
    );
    assert.equal(await store.count('regions'), 0);
    store.close();
  });

  it('rolls back when a statement fails (NOT NULL violation) and the store stays usable', async () => {
    const store = await freshStore();
    await assert.rejects(
      store.transaction(async (con) => {
        await con.run(insertSource('one'));
        await con.run(`INSERT INTO sources (id, citation, publisher, dataset) VALUES ('two', NULL, 'p', 'mine')`);
      }),
    );
    assert.equal(await store.count('sources'), 0);
    await store.transaction(async (con) => void (await con.run(insertSource('three'))));
    assert.equal(await store.count('sources'), 1);
    store.close();
  });

  it('joins an outer transaction from inside it, so an inner failure rolls back all', async () => {
    const store = await freshStore();
    await assert.rejects(
      store.transaction(async (con) => {
        await con.run(insertSource('outer'));
        await store.transaction(async (inner) => {
          await inner.run(insertSource('inner'));
          throw new Error('inner failed');
        });
      }),
      /inner failed/,
    );
    assert.equal(await store.count('sources'), 0);
    store.close();
  });

  it('runs concurrent top-level transactions one after the other', async () => {
    const store = await freshStore();
    const slow = store.transaction(async (con) => {
      await con.run(insertSource('a'));
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('a fails');
    });
    const fast = store.transaction(async (con) => void (await con.run(insertSource('b'))));
    await assert.rejects(slow, /a fails/);
    await fast;
    assert.deepEqual(
      (await store.rows('SELECT id FROM sources')).map((r) => r.id),
      ['b'],
    );
    store.close();
  });
});

describe('Store.open', () => {
  it('persists to a file and reopens it read-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-store-'));
    try {
      const path = join(dir, 's.duckdb');
      const store = await Store.open(path);
      await store.ensureSchema();
      await store.run(insertSource('a'));
      store.close();
      const reader = await Store.open(path, { readOnly: true });
      await reader.ensureSchema();
      assert.equal(await reader.count('sources'), 1);
      await assert.rejects(reader.run(insertSource('b')));
      reader.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses readOnly for an in-memory store', async () => {
    await assert.rejects(Store.open(':memory:', { readOnly: true }), (e: unknown) => e instanceof MetroError && e.code === 'INVALID_OPTION');
  });

  it('throws STORE_CLOSED after close', async () => {
    const store = await freshStore();
    store.close();
    assert.throws(
      () => store.connection,
      (e: unknown) => e instanceof MetroError && e.code === 'STORE_CLOSED',
    );
  });
});
