/**
 * Technical (input) coefficients `a_kl = z_kl / x_l`: sector l's purchases from k per unit of l's output.
 * Reference: Leontief W. (1936) REStat 18(3); Miller & Blair (2009) Input–Output Analysis, 2nd ed., §2.2.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import { technicalCoefficientsOf } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';

/**
 * The technical coefficient matrix A (rows: supplying sector k, columns: purchasing sector l). Column sums are
 * the intermediate input share of each sector's output, in [0, 1) for a balanced table with positive value added.
 *
 * @example
 * technicalCoefficients(table).values; // a_kl row-major
 */
export function technicalCoefficients(table: InputOutputTable): LabelledMatrix {
  return labelledMatrix(table.sectors, table.sectors, technicalCoefficientsOf(table));
}
