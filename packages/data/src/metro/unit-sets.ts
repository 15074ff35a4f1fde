/**
 * The unit sets of a user metro as the analysis reads them. A user metro is added before its data are imported, so
 * its unit sets cannot carry their years (and may leave the indicator or the classification to the data, stored as
 * `auto`): they are resolved when read — the indicator and classification the most members have industry rows for
 * (then employment before output, then the most rows, then by name), and the years that have such rows. Unit sets
 * of the embedded dataset are returned as stored.
 */
import type { Row, Store } from '../store/store.ts';

const auto = 'auto';
const employment = /employ|persons|staff|workers/;

/**
 * Resolve a unit-set row (`metro`, `id`, `indicator`, `classification`, `years`, `dataset` columns) of a user
 * metro; any other row is returned unchanged.
 */
export async function resolveUnitSetRow(store: Store, row: Row): Promise<Row> {
  if (row.dataset === undefined || row.dataset === null || row.dataset === 'default') return row;
  const members = `SELECT region FROM unit_set_members WHERE metro = $1 AND unit_set = $2`;
  const args: string[] = [String(row.metro), String(row.id)];
  let indicator = String(row.indicator);
  let classification = String(row.classification);
  if (indicator === auto || classification === auto) {
    const where: string[] = [];
    if (indicator !== auto) where.push(`indicator = $${args.push(indicator)}`);
    if (classification !== auto) where.push(`classification = $${args.push(classification)}`);
    const best = await store.rows(
      `SELECT indicator, classification, count(DISTINCT region)::INTEGER AS regions, count(*)::INTEGER AS n FROM observations
       WHERE industry IS NOT NULL AND classification IS NOT NULL AND region IN (${members})${where.map((w) => ` AND ${w}`).join('')}
       GROUP BY indicator, classification`,
      args,
    );
    best.sort(
      (a, b) =>
        Number(b.regions) - Number(a.regions) ||
        Number(employment.test(String(b.indicator))) - Number(employment.test(String(a.indicator))) ||
        Number(b.n) - Number(a.n) ||
        (String(a.indicator) + String(a.classification) < String(b.indicator) + String(b.classification) ? -1 : 1),
    );
    const pick = best[0];
    if (pick === undefined) return { ...row, years: [] };
    indicator = String(pick.indicator);
    classification = String(pick.classification);
  }
  const years = await store.rows(
    `SELECT DISTINCT year FROM observations WHERE indicator = $3 AND classification = $4 AND industry IS NOT NULL AND region IN (${members}) ORDER BY year`,
    [String(row.metro), String(row.id), indicator, classification],
  );
  return { ...row, indicator, classification, years: years.map((r) => Number(r.year)) };
}
