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
 * (name, kind, content hash, load time), back-filled from the dataset tags already in the tables. 3 = the
 * `firm_relocations` table (listed firms whose registered city changed) and the `modes` column of `knowledge` (the
 * cooperation modes of project items; empty for the rows already stored — the embedded dataset brings them when it
 * reloads, since its files changed).
 *
 * A migration writes the tables as they were at its version (explicit SQL, not the current model), so that a later
 * change of the model does not change what an old migration does.
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
      // Only the tables the store has: a table added to the model by a later version is created by its migration.
      const present = await connection.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`);
      const existing = new Set(present.getRows().map((row) => String(row[0])));
      for (const table of tableNames) {
        if (!existing.has(table)) continue;
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
  {
    version: 3,
    description: 'firm_relocations table; knowledge.modes (cooperation modes of project items)',
    up: async (connection: DuckDBConnection) => {
      await connection.run(`CREATE TABLE IF NOT EXISTS firm_relocations (
  "firm_id" VARCHAR NOT NULL, "name" VARCHAR, "year_from" INTEGER NOT NULL, "year_to" INTEGER NOT NULL,
  "origin" VARCHAR NOT NULL, "destination" VARCHAR NOT NULL, "section" VARCHAR, "industry_code" VARCHAR,
  "source" VARCHAR NOT NULL, "note" VARCHAR, "dataset" VARCHAR NOT NULL
)`);
      const columns = await connection.runAndReadAll(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'knowledge' ORDER BY ordinal_position`,
      );
      const names = columns.getRows().map((row) => String(row[0]));
      if (names.includes('modes')) return;
      // DuckDB appends an added column after `dataset`; the model wants it before, so the table is rebuilt.
      await connection.run('ALTER TABLE knowledge RENAME TO knowledge_before_v3');
      await connection.run(`CREATE TABLE knowledge (
  "id" VARCHAR NOT NULL, "metro" VARCHAR, "region" VARCHAR, "kind" VARCHAR NOT NULL, "year" INTEGER, "text_zh" VARCHAR,
  "text_en" VARCHAR, "industries" VARCHAR[] NOT NULL, "source" VARCHAR NOT NULL, "verified" BOOLEAN NOT NULL,
  "modes" VARCHAR[] NOT NULL, "dataset" VARCHAR NOT NULL
)`);
      await connection.run(
        `INSERT INTO knowledge SELECT id, metro, region, kind, year, text_zh, text_en, industries, source, verified, []::VARCHAR[], dataset FROM knowledge_before_v3`,
      );
      await connection.run('DROP TABLE knowledge_before_v3');
    },
  },
]);

/** The schema version this code writes and reads. */
export const schemaVersion = 3;

/** The migrations that bring a store from `from` to `to`, in order. */
export function pendingMigrations(from: number, to: number = schemaVersion, list: readonly Migration[] = migrations): Migration[] {
  return list.filter((m) => m.version > from && m.version <= to).sort((a, b) => a.version - b.version);
}
