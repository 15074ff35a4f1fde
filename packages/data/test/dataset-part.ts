/**
 * Helpers of the tests of the dataset's country parts (dataset-cn, dataset-jp, dataset-us): finding observations,
 * listing duplicate keys, and rebuilding a part into a temporary folder to compare it byte for byte with the
 * committed files. The shared raw data is found through scripts/build/shared-dir.ts (never an absolute path).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../scripts/build/shared-dir.ts';
import type { Observation } from '../src/model/schemas.ts';

/** The committed dataset folder, packages/data/dataset. */
export const datasetDir = fileURLToPath(new URL('../dataset', import.meta.url));

/** The keys that occur more than once (each repeat listed), in order of their second occurrence. */
export const duplicates = (keys: readonly string[]): string[] => keys.filter((k, i) => keys.indexOf(k) !== i);

/** `find(fields)`: the observations whose fields equal all of `fields`; `one(fields)`: asserts there is exactly one. */
export function observationFinder(observations: readonly Observation[]): {
  find: (fields: Partial<Observation>) => Observation[];
  one: (fields: Partial<Observation>) => Observation;
} {
  const find = (fields: Partial<Observation>): Observation[] =>
    observations.filter((o) => Object.entries(fields).every(([k, v]) => o[k as keyof Observation] === v));
  const one = (fields: Partial<Observation>): Observation => {
    const rows = find(fields);
    assert.equal(rows.length, 1, `exactly one observation for ${JSON.stringify(fields)} (got ${rows.length})`);
    return rows[0] as Observation;
  };
  return { find, one };
}

/**
 * Run a part's builder on the shared raw data into a temporary folder and assert that each of its table files and
 * its GeoJSON equal the committed ones byte for byte. Returns the builder's counts.
 */
export async function assertRebuildsIdentically(
  build: (sharedDataDir: string, outDir: string) => Promise<{ counts: Record<string, number> }>,
  part: string,
  tableNames: readonly string[],
): Promise<Record<string, number>> {
  const out = mkdtempSync(join(tmpdir(), `metrocoop-${part}-build-`));
  try {
    const { counts } = await build(sharedDataDir(), out);
    const same = (rel: string): void =>
      assert.equal(readFileSync(join(out, rel), 'utf8'), readFileSync(join(datasetDir, rel), 'utf8'), rel);
    for (const table of tableNames) same(join(table, `${part}.csv`));
    same(join('geometries', `${part}.geojson`));
    return counts;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
