/**
 * The datasets of a store: what `metrocoop data datasets` lists and `metrocoop data delete NAME` removes.
 *
 * Every row of every model table carries its dataset name; the `datasets` registry has one row per dataset (kind
 * `embedded` for metrocoop's own data, `import` for `data import`, `folder` for a dataset folder). The embedded
 * dataset (`default`) cannot be deleted, nor a user metro's definition (kind `metro`: `metro remove` does that); deleting another one removes its rows from every table and its registry
 * row in ONE transaction, so a failure leaves the store as it was.
 *
 * ```ts
 * const list = await listDatasets(store); // [{ name: 'default', kind: 'embedded', observations: 120345, … }, …]
 * await deleteDataset(store, 'hebei');     // { name: 'hebei', deleted: { observations: 660, sources: 1 } }
 * ```
 */
import { InvalidInputError, NotFoundError } from '@metrocoop/core';
import { defaultDatasetName, quoteIdentifier, tableNames } from '../store/ddl.ts';
import type { Store } from '../store/store.ts';
import { importMessages } from './messages.ts';

/** One dataset of the store. */
export interface DatasetInfo {
  readonly name: string;
  /** `embedded` (metrocoop's data, protected), `import` (data import), `folder`, … ; null when unregistered. */
  readonly kind: string | null;
  /** Where it came from: the imported file and its format, or the dataset folder. */
  readonly origin: string | null;
  /** The source ids its observations cite. */
  readonly sources: readonly string[];
  /** Observations. */
  readonly observations: number;
  /** Distinct regions of its observations. */
  readonly regions: number;
  /** First and last year of its observations (null without observations). */
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  /** When it was imported or loaded (ISO text, UTC), or null. */
  readonly loadedAt: string | null;
}

/** Every dataset of the store, the embedded one first, then by name. */
export async function listDatasets(store: Store): Promise<DatasetInfo[]> {
  const rows = await store.rows(`
    WITH o AS (
      SELECT dataset, count(*)::BIGINT AS n, count(DISTINCT region)::BIGINT AS regions, min(year)::INTEGER AS lo, max(year)::INTEGER AS hi,
        list(DISTINCT source ORDER BY source) AS sources
      FROM observations GROUP BY dataset),
    names AS (SELECT name FROM datasets UNION SELECT dataset FROM o)
    SELECT names.name, d.kind, d.note, strftime(d.loaded_at, '%Y-%m-%dT%H:%M:%SZ') AS loaded_at,
      coalesce(o.n, 0)::BIGINT AS n, coalesce(o.regions, 0)::BIGINT AS regions, o.lo, o.hi, coalesce(o.sources, []) AS sources
    FROM names LEFT JOIN datasets d ON d.name = names.name LEFT JOIN o ON o.dataset = names.name
    ORDER BY names.name <> '${defaultDatasetName}', names.name`);
  return rows.map((r) => ({
    name: String(r.name),
    kind: r.kind === null || r.kind === undefined ? null : String(r.kind),
    origin: r.note === null || r.note === undefined ? null : String(r.note),
    sources: ((r.sources as unknown[] | null) ?? []).map(String),
    observations: Number(r.n),
    regions: Number(r.regions),
    firstYear: r.lo === null || r.lo === undefined ? null : Number(r.lo),
    lastYear: r.hi === null || r.hi === undefined ? null : Number(r.hi),
    loadedAt: r.loaded_at === null || r.loaded_at === undefined ? null : String(r.loaded_at),
  }));
}

/** What {@link deleteDataset} removed: rows per table (tables without rows of the dataset are left out). */
export interface DeleteResult {
  readonly name: string;
  readonly deleted: Readonly<Record<string, number>>;
}

/**
 * Delete a dataset: its rows in every table and its registry row, in one transaction.
 *
 * @throws {InvalidInputError} `PROTECTED_DATASET` for the embedded dataset and a metro definition. @throws {NotFoundError} `UNKNOWN_DATASET`.
 */
export async function deleteDataset(store: Store, name: string): Promise<DeleteResult> {
  const known = await listDatasets(store);
  const found = known.find((d) => d.name === name);
  if (name === defaultDatasetName || found?.kind === 'embedded') {
    throw new InvalidInputError(importMessages.protectedDataset(name), { dataset: name }, 'PROTECTED_DATASET');
  }
  if (found?.kind === 'metro') {
    const metro = name.replace(/^metro:/, '');
    throw new InvalidInputError(importMessages.metroDataset(name, metro), { dataset: name }, 'PROTECTED_DATASET');
  }
  if (found === undefined) {
    throw new NotFoundError(
      importMessages.unknownDataset(
        name,
        known.map((d) => d.name).filter((n) => n !== defaultDatasetName),
      ),
      { dataset: name },
      'UNKNOWN_DATASET',
    );
  }
  return store.transaction(async (con) => {
    const deleted: Record<string, number> = {};
    for (const table of tableNames) {
      const result = await con.run(`DELETE FROM ${quoteIdentifier(table)} WHERE dataset = $1`, [name]);
      const n = Number(result.rowsChanged);
      if (n > 0) deleted[table] = n;
    }
    await con.run('DELETE FROM datasets WHERE name = $1', [name]);
    return { name, deleted };
  });
}
