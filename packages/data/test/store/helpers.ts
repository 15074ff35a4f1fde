/** Shared helpers of the store tests: fixture paths, fresh stores, temp folders. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.ts';
import { copiedStore, fixtureDatasetDir } from '../support/store-template.ts';

export { fixtureDatasetDir };

/** A fresh in-memory store with the schema. */
export async function emptyStore(): Promise<Store> {
  const store = await Store.open(':memory:');
  await store.ensureSchema();
  return store;
}

/**
 * A fresh writable store with the fixture dataset loaded as `default`: a copy of the fixture template (see
 * ../support/store-template.ts), not a load of its own. Tests of loading itself use {@link emptyStore}.
 */
export function fixtureStore(): Promise<Store> {
  return copiedStore('fixture');
}

/** Run `fn` with a temp folder, removed afterwards. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'metrocoop-test-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copy the fixture dataset into `dir/dataset` (to modify it) and return that path. */
export function copyFixture(dir: string): string {
  const target = join(dir, 'dataset');
  cpSync(fixtureDatasetDir, target, { recursive: true });
  return target;
}
