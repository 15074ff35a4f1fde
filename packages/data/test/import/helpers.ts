/**
 * A small store for importer tests: the schema and a handful of regions, classifications and industries (names as
 * in the yearbooks / NAICS manual), tagged dataset `default` — see ../support/import-reference.ts.
 */

import type { Store } from '../../src/store/store.ts';
import { copiedStore } from '../support/store-template.ts';

export { naicsSectors, seed, testRegions } from '../support/import-reference.ts';

/** A fresh writable store with the schema and the test reference data (a copy of the `seeded` template). */
export function seededStore(): Promise<Store> {
  return copiedStore('seeded');
}

/** The observations of a dataset as plain rows, sorted by key. */
export async function observationsOf(store: Store, dataset: string): Promise<Record<string, unknown>[]> {
  return store.rows(
    `SELECT region, year, indicator, classification, industry, value, unit, value_original, unit_original, source, vintage, withheld, note
     FROM observations WHERE dataset = $1 ORDER BY region, year, indicator, classification NULLS FIRST, industry NULLS FIRST, source`,
    [dataset],
  );
}

/**
 * A checksum of every table of the store (the model tables, `datasets`, `meta`): per table its row count and an
 * order-independent sum of row hashes, in ONE query. Two equal checksums mean no row was added, removed or changed.
 */
export async function storeChecksum(store: Store): Promise<string> {
  const tables = await store.rows(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_catalog <> 'temp' AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables.map(({ t }, k) => {
    const name = String(t);
    return `SELECT ${k} AS k, '${name.replace(/'/g, "''")}' AS t, count(*)::BIGINT AS n, coalesce(sum(hash(x)::HUGEINT), 0)::VARCHAR AS h FROM "${name.replace(/"/g, '""')}" x`;
  });
  const rows = await store.rows(`${parts.join(' UNION ALL ')} ORDER BY k`);
  return rows.map((r) => `${String(r.t)}:${String(r.n)}:${String(r.h)}`).join(';');
}
