/** Accept either a table or a coefficient matrix where a function needs A; internal to src/input-output/. */
import { InvalidInputError } from '../errors/metro-error.ts';
import { invertUnchecked } from '../linalg/inverse.ts';
import type { LabelledMatrix } from '../matrix/labelled.ts';
import { InputOutputTable } from './input-output-table.ts';
import { inputOutputMessages } from './messages.ts';

/** Technical coefficients `a_kl = z_kl / x_l` of a table, row-major; internal. */
export function technicalCoefficientsOf(table: InputOutputTable): Float64Array {
  const n = table.size;
  const a = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) a[k * n + l] = (table.intermediate[k * n + l] as number) / (table.output[l] as number);
  return a;
}

/** Allocation coefficients `b_kl = z_kl / x_k`, row-major; internal. */
export function allocationCoefficientsOf(table: InputOutputTable): Float64Array {
  const n = table.size;
  const b = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) b[k * n + l] = (table.intermediate[k * n + l] as number) / (table.output[k] as number);
  return b;
}

/** Sectors and technical coefficients from a table or a square coefficient matrix (validated); internal. */
export function coefficientsFrom(fn: string, input: InputOutputTable | LabelledMatrix): { sectors: readonly string[]; a: Float64Array } {
  if (input instanceof InputOutputTable) return { sectors: input.sectors, a: technicalCoefficientsOf(input) };
  checkCoefficientMatrix(fn, input);
  return { sectors: input.rows, a: input.values };
}

/** A coefficient matrix must be square with the same row and column labels, finite, ≥ 0, none absent; internal. */
function checkCoefficientMatrix(fn: string, m: LabelledMatrix): void {
  const n = m.rows.length;
  if (m.columns.length !== n || m.values.length !== n * n)
    throw new InvalidInputError(inputOutputMessages.shape(fn, 'coefficient matrix', m.values.length, n * n), undefined, 'SHAPE_MISMATCH');
  for (let k = 0; k < n; k++) {
    if (m.rows[k] !== m.columns[k])
      throw new InvalidInputError(
        inputOutputMessages.labelMismatch(fn, 'the coefficient matrix columns', m.rows[k] as string),
        { sector: m.rows[k] },
        'LABEL_MISMATCH',
      );
  }
  if (n === 0) throw new InvalidInputError(inputOutputMessages.empty(fn), undefined, 'EMPTY');
  for (let c = 0; c < n * n; c++) {
    const v = m.values[c] as number;
    const sector = m.rows[Math.floor(c / n)] as string;
    if (!Number.isFinite(v) || m.absent?.[c] === 1)
      throw new InvalidInputError(inputOutputMessages.notFinite(fn, 'coefficient', sector, v), { index: c }, 'NOT_FINITE');
    if (v < 0)
      throw new InvalidInputError(inputOutputMessages.negative(fn, 'coefficient', `(${sector}, ${m.columns[c % n]})`, v), { index: c }, 'NEGATIVE_VALUE');
  }
}

/**
 * `(I − M)⁻¹` for a non-negative M; throws `NOT_PRODUCTIVE` when I − M is singular or the inverse has a negative
 * entry (for M ≥ 0 both happen exactly when the spectral radius of M is ≥ 1); internal.
 */
export function productiveInverse(fn: string, m: Float64Array, n: number): Float64Array {
  const imm = new Float64Array(n * n);
  for (let c = 0; c < n * n; c++) imm[c] = -(m[c] as number);
  for (let i = 0; i < n; i++) imm[i * n + i] = 1 + (imm[i * n + i] as number);
  let inverse: Float64Array;
  try {
    inverse = invertUnchecked(fn, imm, n);
  } catch (error) {
    if (error instanceof InvalidInputError && error.code === 'SINGULAR')
      throw new InvalidInputError(inputOutputMessages.notProductive(fn, 'a singular I − A'), undefined, 'NOT_PRODUCTIVE');
    throw error;
  }
  let max = 0;
  for (const v of inverse) max = Math.max(max, Math.abs(v));
  for (let c = 0; c < n * n; c++) {
    if ((inverse[c] as number) < -1e-12 * max)
      throw new InvalidInputError(inputOutputMessages.notProductive(fn, `a negative inverse entry ${inverse[c]}`), { index: c }, 'NOT_PRODUCTIVE');
  }
  return inverse;
}
