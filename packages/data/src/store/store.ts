/**
 * The metrocoop store: one DuckDB file (or `:memory:`) holding the model tables, a `meta` table with the schema
 * version and the embedded dataset's content hash, and a `datasets` registry.
 *
 * ```ts
 * const store = await Store.open(':memory:');
 * await store.ensureSchema();
 * await store.transaction(async (con) => {
 *   await con.run(`INSERT INTO sources (id, citation, publisher, dataset) VALUES ('x', 'c', 'p', 'mine')`);
 * }); // COMMIT, or ROLLBACK if the function throws: the store is left as it was
 * store.close();
 * ```
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { InvalidInputError, type LocalizedText, MetroError } from '@metrocoop/core';
import { createMetaSql, quoteIdentifier, schemaStatements, storeColumns, tableNames } from './ddl.ts';
import { ensureDefaultDataset, type LoadDatasetOptions, type LoadResult } from './load-default.ts';
import { conflictPid, type HolderInfo, isLockConflict, lockMessages, readHolders, releaseHolderFile, type StoreHolder, writeHolderFile } from './lock.ts';
import { storeMessages } from './messages.ts';
import { schemaVersion as currentSchemaVersion, migrations as defaultMigrations, type Migration, pendingMigrations } from './migrations.ts';

/** The store file when none is given: env `METROCOOP_STORE`, else `./metrocoop.duckdb`. */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.METROCOOP_STORE;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : './metrocoop.duckdb';
}

/** Options of {@link Store.openDefault}. */
export interface OpenDefaultOptions extends Omit<LoadDatasetOptions, 'dataset'>, StoreOpenOptions {
  /** Called with the load result (whether the embedded dataset was (re)loaded). */
  readonly onLoaded?: (result: LoadResult) => void;
}

/** Options of {@link Store.open}. */
export interface StoreOpenOptions {
  /**
   * Open the file read-only (several processes may read it at once). Default `false`; not for `:memory:`. With
   * {@link Store.openDefault}, a store that does not exist yet or needs its schema or embedded dataset brought up to
   * date is opened writable instead (once, to prepare it).
   */
  readonly readOnly?: boolean;
  /**
   * How long to wait, in milliseconds, when another process holds the file (DuckDB allows one writer or several
   * readers): the open is retried until then, and fails with `STORE_BUSY` after. Default `0`: fail at once.
   */
  readonly waitMs?: number;
  /** Called when the file is found held by another process (again when the holders change) while waiting. */
  readonly onBusy?: (holders: readonly StoreHolder[], message: LocalizedText) => void;
  /** Record this process as the file's holder (a file beside the store) so that others can say who holds it. */
  readonly holder?: HolderInfo;
}

/** Retry interval while waiting for a store held by another process. */
const busyRetryMs = 150;

/** What {@link Store.ensureSchema} did. */
export interface SchemaStatus {
  /** The version found (`null` for a fresh store). */
  readonly from: number | null;
  /** The version now. */
  readonly to: number;
  /** Whether the schema was created from scratch. */
  readonly created: boolean;
  /** Versions of the migrations that ran. */
  readonly migrated: readonly number[];
}

/** Options of {@link Store.ensureSchema} (for tests of the migration machinery). */
export interface EnsureSchemaOptions {
  /** The migration list (default: migrations.ts). */
  readonly migrations?: readonly Migration[];
  /** The target version (default: the current schema version). */
  readonly version?: number;
}

/** A plain JS row: bigints converted to numbers, lists to arrays. */
export type Row = Record<string, unknown>;

/** Convert DuckDB JS values (bigint, nested lists) to plain JSON-safe values. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plainValue(v);
    return out;
  }
  return value;
}

/**
 * DuckDB's worker threads: its default (one per core), unless `METROCOOP_DUCKDB_THREADS` says otherwise — the test
 * runner sets 1, since it already runs two test processes on two cores and more threads only contend.
 */
function duckdbThreads(): Record<string, string> {
  const threads = process.env.METROCOOP_DUCKDB_THREADS;
  return threads !== undefined && /^[1-9]\d*$/.test(threads) ? { threads } : {};
}

/** A DuckDB store of the metrocoop data model. */
export class Store {
  /** The file path, or `:memory:`. */
  readonly path: string;
  /** Whether the store was opened read-only. */
  readonly readOnly: boolean;
  #instance: DuckDBInstance | undefined;
  #connection: DuckDBConnection | undefined;
  /** Marks code running inside this store's transaction (nested calls join it). */
  readonly #inTransaction = new AsyncLocalStorage<true>();
  /** Serialises top-level transactions on the one connection. */
  #queue: Promise<unknown> = Promise.resolve();
  /** This process's holder file for the store, if it wrote one. */
  #holderFile: string | undefined;

  private constructor(path: string, readOnly: boolean, instance: DuckDBInstance, connection: DuckDBConnection, holderFile?: string) {
    this.path = path;
    this.readOnly = readOnly;
    this.#instance = instance;
    this.#connection = connection;
    this.#holderFile = holderFile;
  }

  /**
   * Open (or create) a store file, or an in-memory store with `':memory:'`. Does not create the schema. When
   * another process holds the file, waits up to `options.waitMs` for it (then `STORE_BUSY`).
   */
  static async open(path: string, options: StoreOpenOptions = {}): Promise<Store> {
    const fn = 'Store.open';
    const readOnly = options.readOnly === true;
    if (readOnly && path === ':memory:') throw new InvalidInputError(storeMessages.memoryReadOnly(fn), undefined, 'INVALID_OPTION');
    const waitMs = Math.max(0, options.waitMs ?? 0);
    const deadline = Date.now() + waitMs;
    let announced = '';
    let firstConflict: number | undefined;
    let instance: DuckDBInstance;
    for (;;) {
      try {
        instance = await DuckDBInstance.create(path, { ...(readOnly ? { access_mode: 'READ_ONLY' } : {}), ...duckdbThreads() });
        break;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (path === ':memory:' || !isLockConflict(reason)) throw new MetroError('STORE_OPEN_FAILED', storeMessages.openFailed(fn, path, reason), { path });
        const holders = readHolders(path, conflictPid(reason));
        const left = deadline - Date.now();
        if (left <= 0) throw new MetroError('STORE_BUSY', lockMessages.busy(path, holders, waitMs), { path, holders, waitMs });
        const key = holders.map((h) => `${h.pid} ${h.command}`).join(',');
        firstConflict ??= Date.now();
        // A holder that has just opened the file may not have written its holder file yet: give it a moment.
        const settled = holders.every((h) => h.command !== null) || Date.now() - firstConflict >= 500;
        if (settled && key !== announced) {
          announced = key;
          options.onBusy?.(holders, lockMessages.waiting(path, holders, waitMs));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(busyRetryMs, left)));
      }
    }
    const connection = await instance.connect();
    const holderFile = path === ':memory:' || options.holder === undefined ? undefined : writeHolderFile(path, options.holder, readOnly);
    return new Store(path, readOnly, instance, connection, holderFile);
  }

  /**
   * Open the store (default {@link defaultStorePath}), create or migrate its schema, and make sure the embedded
   * dataset is loaded and up to date (hash-checked; a stale copy is replaced in one transaction). Progress of a
   * load goes to `options.onProgress`.
   */
  static async openDefault(path?: string, options: OpenDefaultOptions = {}): Promise<Store> {
    const file = path ?? defaultStorePath();
    if (options.readOnly === true && file !== ':memory:' && existsSync(file)) {
      const reader = await Store.open(file, options);
      if (await reader.#readyToRead(options)) return reader;
      reader.close();
    }
    const store = await Store.open(file, { ...options, readOnly: false });
    try {
      await store.ensureSchema();
      const result = await ensureDefaultDataset(store, options);
      options.onLoaded?.(result);
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  /** Whether a read-only store has the current schema and the embedded dataset up to date (else it needs a writer). */
  async #readyToRead(options: OpenDefaultOptions): Promise<boolean> {
    const needsWriter = Symbol('needs a writer');
    try {
      await this.ensureSchema();
      const result = await ensureDefaultDataset(this, {
        ...options,
        // Loading starts with this event, before any write: a reader stops there and reopens the store writable.
        onProgress: (e) => {
          if (e.phase === 'start') throw needsWriter;
          options.onProgress?.(e);
        },
      });
      options.onLoaded?.(result);
      return true;
    } catch (error) {
      if (error === needsWriter || (error instanceof MetroError && error.code === 'STORE_READ_ONLY')) return false;
      this.close();
      throw error;
    }
  }

  /** The store's DuckDB connection (one per store; use {@link transaction} for writes that must be atomic). */
  get connection(): DuckDBConnection {
    if (this.#connection === undefined) throw new MetroError('STORE_CLOSED', storeMessages.closed('Store.connection'));
    return this.#connection;
  }

  /** Whether the store is open. */
  get isOpen(): boolean {
    return this.#connection !== undefined;
  }

  /**
   * Run `fn` inside `BEGIN TRANSACTION … COMMIT`; on any throw (or a failed COMMIT) `ROLLBACK` and rethrow, so
   * the store is left exactly as it was. Top-level transactions run one at a time; a `transaction` called from
   * inside `fn` joins the outer one (DuckDB has no nested transactions), so its failure rolls back everything.
   */
  async transaction<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.connection;
    if (this.#inTransaction.getStore() === true) return fn(connection);
    const run = async (): Promise<T> => {
      await connection.run('BEGIN TRANSACTION');
      let result: T;
      try {
        result = await this.#inTransaction.run(true, () => fn(connection));
        await connection.run('COMMIT');
      } catch (error) {
        try {
          await connection.run('ROLLBACK');
        } catch {
          // The transaction may already be aborted (DuckDB rolls back a failed COMMIT itself).
        }
        throw error;
      }
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Run a query and return plain rows (bigints as numbers). */
  async rows(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => plainValue(row) as Row);
  }

  /** Run a statement (no result). */
  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.connection.run(sql, params);
  }

  /** The schema version in `meta`, or `null` when the store has no schema yet. */
  async schemaVersion(): Promise<number | null> {
    const exists = await this.rows(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'meta'`);
    if (Number(exists[0]?.n ?? 0) === 0) return null;
    const rows = await this.rows(`SELECT value FROM meta WHERE key = 'schema_version'`);
    if (rows.length === 0) return null;
    const value = rows[0]?.value;
    const version = Number(value);
    if (!Number.isInteger(version) || version < 0) {
      throw new MetroError('STORE_BAD_VERSION', storeMessages.badSchemaVersion('Store.schemaVersion', value));
    }
    return version;
  }

  /** A value of the `meta` table, or `undefined`. */
  async meta(key: string): Promise<string | undefined> {
    const rows = await this.rows('SELECT value FROM meta WHERE key = $1', [key]);
    return rows.length === 0 ? undefined : String(rows[0]?.value);
  }

  /**
   * Create the schema in a fresh store, migrate an older one (one transaction), refuse a newer one
   * (`STORE_TOO_NEW`), then check every model table's columns against the model (`SCHEMA_DRIFT`).
   */
  async ensureSchema(options: EnsureSchemaOptions = {}): Promise<SchemaStatus> {
    const fn = 'Store.ensureSchema';
    const target = options.version ?? currentSchemaVersion;
    const list = options.migrations ?? defaultMigrations;
    const found = await this.schemaVersion();
    if (found !== null && found > target) {
      throw new MetroError('STORE_TOO_NEW', storeMessages.storeTooNew(fn, this.path, found, target), { found, supported: target });
    }
    let status: SchemaStatus;
    if (found === target) {
      status = { from: found, to: target, created: false, migrated: [] };
    } else if (this.readOnly) {
      throw new MetroError('STORE_READ_ONLY', storeMessages.readOnlyNeedsMigration(fn, this.path, found ?? 0, target), { found, supported: target });
    } else if (found === null) {
      await this.transaction(async (con) => {
        for (const statement of schemaStatements()) await con.run(statement);
        await con.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', $1)`, [String(target)]);
      });
      status = { from: null, to: target, created: true, migrated: [] };
    } else {
      const steps = pendingMigrations(found, target, list);
      await this.transaction(async (con) => {
        await con.run(createMetaSql);
        for (const step of steps) await step.up(con);
        await con.run(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', $1)`, [String(target)]);
      });
      status = { from: found, to: target, created: false, migrated: steps.map((s) => s.version) };
    }
    if (target === currentSchemaVersion) await this.#checkDrift(fn);
    return status;
  }

  async #checkDrift(fn: string): Promise<void> {
    const rows = await this.rows(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const row of rows) {
      const t = String(row.table_name);
      let cols = byTable.get(t);
      if (cols === undefined) byTable.set(t, (cols = []));
      cols.push(String(row.column_name));
    }
    for (const table of tableNames) {
      const expected = storeColumns(table).map((c) => c.name);
      const got = byTable.get(table) ?? [];
      if (expected.length !== got.length || expected.some((c, k) => c !== got[k])) {
        throw new MetroError('SCHEMA_DRIFT', storeMessages.schemaDrift(fn, table, expected, got), { table, expected, got });
      }
    }
  }

  /** Row count of a table (all datasets, or one). */
  async count(table: string, dataset?: string): Promise<number> {
    const rows = await this.rows(
      `SELECT count(*)::BIGINT AS n FROM ${quoteIdentifier(table)}${dataset === undefined ? '' : ' WHERE dataset = $1'}`,
      dataset === undefined ? undefined : [dataset],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Close the connection and the database (idempotent). */
  close(): void {
    this.#connection?.closeSync();
    this.#instance?.closeSync();
    this.#connection = undefined;
    this.#instance = undefined;
    if (this.#holderFile !== undefined) releaseHolderFile(this.#holderFile);
    this.#holderFile = undefined;
  }
}
