/**
 * Direct linkages after Chenery & Watanabe (1958): `BL_l = Σ_k z_kl / x_l` (intermediate input share) and
 * `FL_k = Σ_l z_kl / x_k` (intermediate sales share). Reference: Chenery H.B., Watanabe T. (1958) "International
 * comparisons of the structure of production", Econometrica 26(4), 487–521.
 */
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { InputOutputTable } from './input-output-table.ts';

/**
 * Direct backward and forward linkages, each in [0, 1] for a table with non-negative final demand and value added.
 *
 * @example
 * directLinkages(table).backward.values; // column sums of A
 */
export function directLinkages(table: InputOutputTable): { readonly backward: LabelledVector; readonly forward: LabelledVector } {
  const n = table.size;
  const z = table.intermediate;
  const bl = new Float64Array(n);
  const fl = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let l = 0; l < n; l++) {
      bl[l] = (bl[l] as number) + (z[k * n + l] as number);
      fl[k] = (fl[k] as number) + (z[k * n + l] as number);
    }
  }
  for (let k = 0; k < n; k++) {
    bl[k] = (bl[k] as number) / (table.output[k] as number);
    fl[k] = (fl[k] as number) / (table.output[k] as number);
  }
  return { backward: labelledVector(table.sectors, bl), forward: labelledVector(table.sectors, fl) };
}
