/**
 * Allocation (output) coefficients `b_kl = z_kl / x_k`: the share of sector k's output sold to sector l — the
 * supply-side counterpart of technical coefficients. Reference: Ghosh A. (1958) Economica 25(97), 58–64.
 */
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import { allocationCoefficientsOf } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';

/**
 * The allocation coefficient matrix B (rows: selling sector k). Row sums are the intermediate share of k's sales.
 *
 * @example
 * allocationCoefficients(table).values; // b_kl row-major
 */
export function allocationCoefficients(table: InputOutputTable): LabelledMatrix {
  return labelledMatrix(table.sectors, table.sectors, allocationCoefficientsOf(table));
}
