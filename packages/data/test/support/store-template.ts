/**
 * Seeded store templates for the tests: a store file is built once per test run (or, when a test file runs
 * alone, once per process) and each test gets a copy of it, or opens it read-only, instead of creating a store and
 * loading a dataset itself. Copying a 9 MB file and opening it takes tens of milliseconds; loading the embedded
 * dataset takes seconds.
 *
 * Kinds of template:
 * - `embedded`: the schema and the embedded dataset (packages/data/dataset) loaded as `default`.
 * - `fixture`: the schema and the fixture dataset (test/fixtures/dataset, invented values) loaded as `default`.
 * - `seeded`: the schema and the importer tests' reference data (support/import-reference.ts `seed`), no observations.
 *
 * Where a template comes from: the env variable of its kind ({@link templateEnv}, set by the test runner after
 * running build-templates.ts), else a build in a temp folder, once per process, removed when the process exits.
 * A template is never written to: tests copy it ({@link openStoreCopy}, {@link storeCopyPath}) or open it
 * read-only ({@link openStoreTemplate}).
 *
 * Tests that check loading itself (a fresh store loads in one transaction, a stale store reloads) still load for
 * real; a template only stands in for set-up.
 */
import { constants, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedDatasetDir, loadDataset } from '../../src/store/load-default.ts';
import { Store } from '../../src/store/store.ts';
import { seed } from './import-reference.ts';

/** The kinds of template. */
export const storeTemplateKinds = ['embedded', 'fixture', 'seeded'] as const;
export type StoreTemplateKind = (typeof storeTemplateKinds)[number];

/** The env variable that names the template file of each kind. */
export const templateEnv: Readonly<Record<StoreTemplateKind, string>> = {
  embedded: 'METROCOOP_TEST_STORE_TEMPLATE',
  fixture: 'METROCOOP_TEST_FIXTURE_TEMPLATE',
  seeded: 'METROCOOP_TEST_SEEDED_TEMPLATE',
};

/** The fixture dataset (invented values; see its README). */
export const fixtureDatasetDir = fileURLToPath(new URL('../fixtures/dataset/', import.meta.url));

/** The dataset folder a template kind is loaded from (`null` for `seeded`). */
export function templateDatasetDir(kind: StoreTemplateKind): string | null {
  return kind === 'embedded' ? embeddedDatasetDir : kind === 'fixture' ? fixtureDatasetDir : null;
}

/**
 * Build a template store file at `path` (replacing any file there): the schema and the data of `kind` (default
 * `embedded`), checkpointed and closed so that the file alone (no WAL) can be copied or opened read-only.
 */
export async function buildStoreTemplate(path: string, kind: StoreTemplateKind = 'embedded'): Promise<void> {
  removeStoreFile(path);
  const store = await Store.open(path);
  try {
    const dir = templateDatasetDir(kind);
    if (dir === null) await seed(store);
    else {
      await store.ensureSchema();
      await loadDataset(store, { dir });
    }
    await store.run('CHECKPOINT');
  } finally {
    store.close();
  }
}

/** Build every kind into `dir` (created if missing); resolves to the env assignments that name them. */
export async function buildStoreTemplates(dir: string): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const env: Record<string, string> = {};
  // One after the other: DuckDB already uses both cores for the embedded load.
  for (const kind of storeTemplateKinds) {
    const path = join(dir, `${kind}.duckdb`);
    await buildStoreTemplate(path, kind);
    env[templateEnv[kind]] = path;
  }
  return env;
}

/** Remove a store file and its WAL, if any. */
function removeStoreFile(path: string): void {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
}

let scratch: string | undefined;

/** This process's temp folder for lazily built templates and copies (removed when the process exits). */
function scratchDir(): string {
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'metrocoop-test-store-'));
    scratch = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}

const templates = new Map<StoreTemplateKind, Promise<string>>();

/** The template file of `kind`: from its env variable, else built once in this process. */
export function storeTemplatePath(kind: StoreTemplateKind = 'embedded'): Promise<string> {
  let path = templates.get(kind);
  if (path === undefined) {
    const fromEnv = process.env[templateEnv[kind]];
    if (fromEnv !== undefined && fromEnv !== '') path = Promise.resolve(fromEnv);
    else {
      const built = join(scratchDir(), `template-${kind}.duckdb`);
      path = buildStoreTemplate(built, kind).then(() => built);
    }
    templates.set(kind, path);
  }
  return path;
}

let copies = 0;

/**
 * A fresh writable copy of the template of `kind`, not opened (for code that opens the store itself, such as the
 * CLI's `--store FILE`). The file lives in `dir` (default: this process's temp folder) as `name` (default: a new
 * unique name). A copy in `dir` goes with `dir`; one in the temp folder with the process.
 */
export async function storeCopyPath(kind: StoreTemplateKind = 'embedded', dir?: string, name?: string): Promise<string> {
  const template = await storeTemplatePath(kind);
  const target = join(dir ?? scratchDir(), name ?? `copy-${process.pid}-${++copies}-${kind}.duckdb`);
  removeStoreFile(target);
  copyFileSync(template, target, constants.COPYFILE_FICLONE);
  return target;
}

/** A writable store opened on a fresh copy of a template. */
export interface StoreCopy {
  /** The copy's file. */
  readonly path: string;
  /** The store, open on {@link path}. */
  readonly store: Store;
  /** Close the store and remove the file (idempotent). */
  readonly cleanup: () => void;
}

/**
 * Open a fresh writable copy of the template of `kind`. For the dataset kinds the dataset is checked as the CLI
 * would (a hash-matching store is not reloaded), so a template older than the dataset files is refreshed rather
 * than silently used.
 */
export async function openStoreCopy(kind: StoreTemplateKind = 'embedded'): Promise<StoreCopy> {
  const path = await storeCopyPath(kind);
  const store = await Store.open(path);
  const close = store.close.bind(store);
  const cleanup = () => {
    close();
    removeStoreFile(path);
  };
  try {
    const dir = templateDatasetDir(kind);
    if (dir !== null) await loadDataset(store, { dir });
  } catch (error) {
    cleanup();
    throw error;
  }
  return { path, store, cleanup };
}

/** The store of a fresh copy of the template of `kind`; its `close()` also removes the copy. */
export async function copiedStore(kind: StoreTemplateKind = 'embedded'): Promise<Store> {
  const { store, cleanup } = await openStoreCopy(kind);
  store.close = cleanup;
  return store;
}

const checked = new Set<StoreTemplateKind>();

/**
 * Open the template of `kind` itself, read-only (several tests and processes may read it at once), for tests that
 * only read. The first open in a process checks that the template is current (schema version, dataset hash) and
 * fails with a message naming the env variable if not.
 */
export async function openStoreTemplate(kind: StoreTemplateKind = 'embedded'): Promise<Store> {
  const path = await storeTemplatePath(kind);
  const store = await Store.open(path, { readOnly: true });
  if (!checked.has(kind)) {
    try {
      await store.ensureSchema();
      const dir = templateDatasetDir(kind);
      // On a current template this only compares the stored signature; on a stale one it tries to write and fails.
      if (dir !== null) await loadDataset(store, { dir });
    } catch (error) {
      store.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`the ${kind} store template ${path} is not current (rebuild it, or unset ${templateEnv[kind]}): ${reason}`);
    }
    checked.add(kind);
  }
  return store;
}
