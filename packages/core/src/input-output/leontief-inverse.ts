/**
 * The Leontief inverse `L = (I − A)⁻¹`: total (direct + indirect) output of k needed per unit of final demand
 * for l. Reference: Leontief (1936); Miller & Blair (2009) §2.3. Computed by LU with partial pivoting.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import { coefficientsFrom, productiveInverse } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';

/**
 * `(I − A)⁻¹` from a table, or from a technical-coefficient matrix (e.g. FLQ-regionalised). Entries ≥ 0 and
 * `L_kk ≥ 1`; column sums are output multipliers (≥ 1).
 *
 * Throws `InvalidInputError` `NOT_PRODUCTIVE` when A's spectral radius is ≥ 1 (I − A singular or L not
 * non-negative), and the coefficient-matrix checks (`SHAPE_MISMATCH`, `LABEL_MISMATCH`, `NEGATIVE_VALUE`, …).
 *
 * @example
 * leontiefInverse(table).values; // row-major n × n
 */
export function leontiefInverse(input: InputOutputTable | LabelledMatrix): LabelledMatrix {
  const fn = 'leontiefInverse';
  const { sectors, a } = coefficientsFrom(fn, input);
  return labelledMatrix(sectors, sectors, productiveInverse(fn, a, sectors.length));
}
