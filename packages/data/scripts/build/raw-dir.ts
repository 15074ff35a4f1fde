/**
 * Where the project's shared folder is: the one place the dataset build and the data tests resolve it.
 *
 * The shared folder (raw statistics in `data/`, the knowledge base in `knowledge/`) lives beside the repository
 * clone, `<repo>/../shared`, wherever the clone is (a developer's machine, CI's fresh checkout). The environment
 * variable `METROCOOP_SHARED_DATA` points the build at another copy of `shared/data`; the shared root is then its
 * parent folder. Paths are found from this file's location (import.meta.url), never from the working directory.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/data/scripts/build/shared-dir.ts). */
export function repoRoot(): string {
  return fileURLToPath(new URL('../../../../', import.meta.url));
}

/**
 * The raw-data folder: env `METROCOOP_SHARED_DATA` when set (and not empty), else `<repo>/../shared/data`.
 *
 * @example
 * buildJapan(sharedDataDir(), 'packages/data/dataset');
 */
export function sharedDataDir(): string {
  const fromEnv = process.env.METROCOOP_SHARED_DATA;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return resolve(repoRoot(), '..', 'shared', 'data');
}

/** The shared folder itself (holding `data/` and `knowledge/`): the parent of {@link sharedDataDir}. */
export function sharedRoot(): string {
  return resolve(sharedDataDir(), '..');
}

/** The embedded dataset folder of this package, packages/data/dataset. */
export function packageDatasetDir(): string {
  return fileURLToPath(new URL('../../dataset', import.meta.url));
}
