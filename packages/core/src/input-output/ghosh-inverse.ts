/**
 * The Ghosh inverse `G = (I − B)⁻¹`, `b_kl = z_kl / x_k`: supply-side multipliers (total output of l enabled
 * per unit of primary input into k), so `x' = v'G`. Reference: Ghosh (1958); Miller & Blair (2009) §12.1.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import { allocationCoefficientsOf, productiveInverse } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';

/**
 * `(I − B)⁻¹` of a table. Similar to the Leontief inverse (`G = X̂⁻¹ L X̂`), so it exists exactly when L does.
 *
 * Throws `InvalidInputError` `NOT_PRODUCTIVE` as {@link leontiefInverse}.
 *
 * @example
 * ghoshInverse(table).values; // row-major n × n
 */
export function ghoshInverse(table: InputOutputTable): LabelledMatrix {
  const fn = 'ghoshInverse';
  return labelledMatrix(table.sectors, table.sectors, productiveInverse(fn, allocationCoefficientsOf(table), table.size));
}
