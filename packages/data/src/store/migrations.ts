/**
 * Schema versions of the store. The version lives in `meta` (key `schema_version`).
 *
 * - A fresh store (no `meta` table) is created at the current version directly from the model (ddl.ts).
 * - An older store is brought forward by running, in one transaction, every migration whose `version` is above
 *   the stored one, in order; the version is written in the same transaction, so a failed migration leaves the
 *   store at its old version.
 * - A newer store (written by a later metrocoop) is refused with `STORE_TOO_NEW`.
 * - After that, every model table's columns are compared with the model; a difference means someone changed
 *   schemas.ts without adding a migration here (`SCHEMA_DRIFT`).
 *
 * History: 1 = `meta` + one table per model table, each with a `dataset` column. 2 = the `datasets` registry
 * (name, kind, content hash, load time), back-filled from the dataset tags already in the tables.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { createDatasetsSql, defaultDatasetName, quoteIdentifier, tableNames } from './ddl.ts';

/** One step from `version - 1` to `version`. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  /** Runs inside the migration transaction. */
  readonly up: (connection: DuckDBConnection) => Promise<void>;
}

/** The ordered migrations; the last one's version is the current schema version. */
export const migrations: readonly Migration[] = Object.freeze([
  {
    version: 2,
    description: 'datasets registry (name, kind, content hash, load time), back-filled from the tables',
    up: async (connection: DuckDBConnection) => {
      await connection.run(createDatasetsSql);
      const names = new Set<string>();
      for (const table of tableNames) {
        const reader = await connection.runAndReadAll(`SELECT DISTINCT dataset FROM ${quoteIdentifier(table)}`);
        for (const row of reader.getRows()) names.add(String(row[0]));
      }
      const hash = await connection.runAndReadAll(`SELECT value FROM meta WHERE key = 'dataset_hash'`);
      const defaultHash = hash.currentRowCount > 0 ? String(hash.getRows()[0]?.[0]) : null;
      for (const name of [...names].sort()) {
        await connection.run('INSERT INTO datasets (name, kind, content_hash, loaded_at, note) VALUES ($1, $2, $3, now(), $4)', [
          name,
          name === defaultDatasetName ? 'embedded' : 'import',
          name === defaultDatasetName ? defaultHash : null,
          'registered by migration 2',
        ]);
      }
    },
  },
]);

/** The schema version this code writes and reads. */
export const schemaVersion = 2;

/** The migrations that bring a store from `from` to `to`, in order. */
export function pendingMigrations(from: number, to: number = schemaVersion, list: readonly Migration[] = migrations): Migration[] {
  return list.filter((m) => m.version > from && m.version <= to).sort((a, b) => a.version - b.version);
}
