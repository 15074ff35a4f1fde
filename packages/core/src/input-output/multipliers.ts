/**
 * Output, income and employment multipliers from the Leontief inverse (demand-driven model).
 *
 * Reference: Miller & Blair (2009) §6.2 (simple and type I multipliers). Simple multipliers are effects per unit
 * of final demand for sector l; type I divides by l's own direct coefficient (effect per unit of direct effect).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { productiveInverse, technicalCoefficientsOf } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';
import { inputOutputMessages } from './messages.ts';

/** Options of the income and employment multipliers. */
export interface MultiplierOptions {
  /**
   * `"simple"` (default): `m_l = Σ_k w_k L_kl` with `w_k` = income or employment per unit of output. `"type-I"`:
   * `m_l / w_l` (absent where `w_l = 0`).
   */
  readonly kind?: 'simple' | 'type-I';
}

/** Options of {@link incomeMultipliers}. */
export interface IncomeMultiplierOptions extends MultiplierOptions {
  /**
   * Income per sector in the table's unit (e.g. compensation of employees), following `table.sectors`.
   * Default: the table's value added (then the simple multiplier of every sector is 1 in a closed, balanced table
   * whose value added is all income — use compensation of employees for a sharper reading).
   */
  readonly income?: Float64Array | readonly number[];
}

/** Defaults of {@link MultiplierOptions}. */
export const defaultMultiplierOptions = { kind: 'simple' } as const satisfies Required<MultiplierOptions>;

/**
 * Output multipliers `m_l = Σ_k L_kl` (≥ 1): total output across all sectors per unit of final demand for l.
 *
 * Throws `NOT_PRODUCTIVE` as {@link leontiefInverse}.
 *
 * @example
 * outputMultipliers(table).values; // e.g. [1.8, 2.3, …]
 */
export function outputMultipliers(table: InputOutputTable): LabelledVector {
  return labelledVector(table.sectors, weightedColumnSums('outputMultipliers', table, undefined, 'simple').values);
}

/**
 * Income multipliers: `Σ_k (income_k / x_k) L_kl`, in income per unit of final demand (simple) or per unit of
 * direct income (type I).
 *
 * Throws `SHAPE_MISMATCH`/`NOT_FINITE` for a bad `income`, `INVALID_OPTION`, `NOT_PRODUCTIVE`.
 */
export function incomeMultipliers(table: InputOutputTable, options: IncomeMultiplierOptions = {}): LabelledVector {
  const fn = 'incomeMultipliers';
  const income = options.income === undefined ? table.valueAdded : checkedVector(fn, 'income', options.income, table);
  return weightedColumnSums(fn, table, income, options.kind ?? defaultMultiplierOptions.kind);
}

/**
 * Employment multipliers: `Σ_k (employment_k / x_k) L_kl`, jobs per unit of final demand (simple) or per direct
 * job (type I). Needs the table's `employment`.
 *
 * Throws `MISSING_INPUT` without employment, `INVALID_OPTION`, `NOT_PRODUCTIVE`.
 */
export function employmentMultipliers(table: InputOutputTable, options: MultiplierOptions = {}): LabelledVector {
  const fn = 'employmentMultipliers';
  if (table.employment === undefined) {
    throw new InvalidInputError(inputOutputMessages.missing(fn, 'employment', 'build the table with employment per sector'), undefined, 'MISSING_INPUT');
  }
  return weightedColumnSums(fn, table, table.employment, options.kind ?? defaultMultiplierOptions.kind);
}

function checkedVector(fn: string, what: string, v: Float64Array | readonly number[], table: InputOutputTable): Float64Array {
  if (v.length !== table.size) throw new InvalidInputError(inputOutputMessages.shape(fn, what, v.length, table.size), undefined, 'SHAPE_MISMATCH');
  const out = Float64Array.from(v);
  out.forEach((x, k) => {
    if (!Number.isFinite(x)) throw new InvalidInputError(inputOutputMessages.notFinite(fn, what, table.sectors[k] as string, x), undefined, 'NOT_FINITE');
  });
  return out;
}

function weightedColumnSums(fn: string, table: InputOutputTable, amount: Float64Array | undefined, kind: string): LabelledVector {
  if (kind !== 'simple' && kind !== 'type-I')
    throw new InvalidInputError(inputOutputMessages.invalidOption(fn, 'kind', kind, '"simple" or "type-I"'), undefined, 'INVALID_OPTION');
  const n = table.size;
  const l = productiveInverse(fn, technicalCoefficientsOf(table), n);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) w[k] = amount === undefined ? 1 : (amount[k] as number) / (table.output[k] as number);
  const m = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const wk = w[k] as number;
    if (wk === 0) continue;
    for (let c = 0; c < n; c++) m[c] = (m[c] as number) + wk * (l[k * n + c] as number);
  }
  const absent = new Uint8Array(n);
  if (kind === 'type-I') {
    for (let c = 0; c < n; c++) {
      if (w[c] === 0) {
        absent[c] = 1;
        m[c] = 0;
      } else m[c] = (m[c] as number) / (w[c] as number);
    }
  }
  return labelledVector(table.sectors, m, absent);
}
