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
 * order-independent sum of row hashes. Two equal checksums mean no row was added, removed or changed.
 */
export async function storeChecksum(store: Store): Promise<string> {
  const tables = await store.rows(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_catalog <> 'temp' AND table_schema = 'main' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { t } of tables) {
    const name = `"${String(t).replace(/"/g, '""')}"`;
    const [row] = await store.rows(`SELECT count(*)::BIGINT AS n, coalesce(sum(hash(x)::HUGEINT), 0)::VARCHAR AS h FROM ${name} x`);
    parts.push(`${String(t)}:${String(row?.n)}:${String(row?.h)}`);
  }
  return parts.join(';');
}
