/**
 * Helpers of the tests of the dataset's country parts (dataset-cn, dataset-jp, dataset-us): finding observations,
 * listing duplicate keys, and rebuilding a part into a temporary folder to compare it byte for byte with the
 * committed files. The raw data is the package's own, packages/data/raw (scripts/build/raw-dir.ts; never an absolute
 * path, never a folder outside the repository, whatever METROCOOP_SHARED_DATA says).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRawDir } from '../scripts/build/raw-dir.ts';
import type { Observation } from '../src/model/schemas.ts';

/** The committed dataset folder, packages/data/dataset. */
export const datasetDir = fileURLToPath(new URL('../dataset', import.meta.url));

/** A part's GeoJSON as the dataset stores it: one feature per region with properties `{region, source}`. */
export interface PartGeometries {
  type: string;
  features: {
    type: string;
    properties: { region: string; source: string };
    geometry: { type: string; coordinates: unknown[] };
  }[];
}

/** Read the committed `geometries/<part>.geojson`. */
export const readPartGeometries = (part: string): PartGeometries =>
  JSON.parse(readFileSync(join(datasetDir, 'geometries', `${part}.geojson`), 'utf8')) as PartGeometries;

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
 * Run a part's builder on the package's raw data (packages/data/raw) into a temporary folder and assert that each of its table files and
 * its GeoJSON equal the committed ones byte for byte. Returns the builder's counts; `inspect` sees the builder's
 * whole result (e.g. the summary of what it could not judge).
 */
export async function assertRebuildsIdentically<R extends { counts: Record<string, number> }>(
  build: (rawDir: string, outDir: string) => Promise<R>,
  part: string,
  tableNames: readonly string[],
  inspect?: (result: R) => void,
): Promise<Record<string, number>> {
  const out = mkdtempSync(join(tmpdir(), `metrocoop-${part}-build-`));
  try {
    const result = await build(packageRawDir(), out);
    const { counts } = result;
    inspect?.(result);
    const same = (rel: string): void => assert.equal(readFileSync(join(out, rel), 'utf8'), readFileSync(join(datasetDir, rel), 'utf8'), rel);
    for (const table of tableNames) same(join(table, `${part}.csv`));
    same(join('geometries', `${part}.geojson`));
    return counts;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Assert that a part's rows name only the sources it defines, and that every source it defines is named. */
export function assertSourcesDefinedAndUsed(sources: readonly { id: string }[], named: readonly (string | null)[]): void {
  const ids = new Set(sources.map((s) => s.id));
  const used = named.filter((s): s is string => s !== null);
  assert.deepEqual([...new Set(used.filter((s) => !ids.has(s)))], [], 'sources named but not defined');
  assert.deepEqual(
    [...ids].filter((id) => !used.includes(id)),
    [],
    'sources defined but never named',
  );
}

/** Assert that every region's parent, and every region id in `named`, is a region the part defines. */
export function assertRegionsDefined(regions: readonly { id: string; parent: string | null }[], named: readonly string[]): void {
  const ids = new Set(regions.map((r) => r.id));
  assert.deepEqual(
    regions.filter((r) => r.parent !== null && !ids.has(r.parent)).map((r) => r.id),
    [],
    'regions with an undefined parent',
  );
  assert.deepEqual([...new Set(named.filter((r) => !ids.has(r)))], [], 'undefined regions named');
}
