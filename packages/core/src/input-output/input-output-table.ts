/**
 * A validated single-region (or national) input–output table: intermediate flows Z, total output x, final
 * demand f, value added v, optional employment, sector labels and a unit. Validated once; immutable.
 *
 * Accounting identities (Miller & Blair 2009, ch. 2): x_k = Σ_l z_kl + f_k (rows), x_l = Σ_k z_kl + v_l (columns).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { inputOutputMessages } from './messages.ts';

type Numbers = Float64Array | readonly number[];

/** What {@link InputOutputTable.create} takes. Vectors follow `sectors`; `intermediate` is sectors × sectors. */
export interface InputOutputTableInput {
  /** Sector labels, unique, in the order of the rows and columns of `intermediate`. */
  readonly sectors: readonly string[];
  /** Intermediate flows `z_kl` (sales of sector k to sector l), row-major or nested rows; ≥ 0. */
  readonly intermediate: Float64Array | readonly (readonly number[])[];
  /** Total output `x_k` (> 0). Default: `Σ_l z_kl + f_k` (then `finalDemand` is required). */
  readonly output?: Numbers;
  /** Total final demand `f_k` (may be negative, e.g. inventory draw-downs). Default: `x_k − Σ_l z_kl`. */
  readonly finalDemand?: Numbers;
  /** Value added `v_l` (primary inputs incl. imports if the table is competitive-import). Default: `x_l − Σ_k z_kl`. */
  readonly valueAdded?: Numbers;
  /** Optional employment per sector (persons, ≥ 0), for employment multipliers. */
  readonly employment?: Numbers;
  /** Monetary unit of the flows, e.g. `"CNY 10k"`; carried into results' documentation. */
  readonly unit: string;
}

/** Options of {@link InputOutputTable.create}. */
export interface InputOutputTableOptions {
  /**
   * Relative tolerance of the row and column balances when `output` is given together with `finalDemand`
   * (rows) or `valueAdded` (columns): `|x − (Σz + f)| ≤ tol · x`. Default 1e-6; `Infinity` skips the check.
   */
  readonly balanceTolerance?: number;
}

/** Defaults of {@link InputOutputTableOptions}. */
export const defaultInputOutputTableOptions = { balanceTolerance: 1e-6 } as const satisfies Required<InputOutputTableOptions>;

/** A validated input–output table (see {@link InputOutputTableInput}). Never mutate its arrays. */
export class InputOutputTable {
  readonly sectors: readonly string[];
  /** Row-major n × n intermediate flows. */
  readonly intermediate: Float64Array;
  readonly output: Float64Array;
  readonly finalDemand: Float64Array;
  readonly valueAdded: Float64Array;
  /** Employment per sector, when given. */
  readonly employment: Float64Array | undefined;
  readonly unit: string;

  private constructor(
    sectors: readonly string[],
    z: Float64Array,
    x: Float64Array,
    f: Float64Array,
    v: Float64Array,
    e: Float64Array | undefined,
    unit: string,
  ) {
    this.sectors = Object.freeze([...sectors]);
    this.intermediate = z;
    this.output = x;
    this.finalDemand = f;
    this.valueAdded = v;
    this.employment = e;
    this.unit = unit;
  }

  /** Number of sectors. */
  get size(): number {
    return this.sectors.length;
  }

  /**
   * Validate and build a table. Inputs are copied.
   *
   * Throws `InvalidInputError`: `EMPTY`, `DUPLICATE_LABEL`, `SHAPE_MISMATCH`, `NOT_FINITE`, `NEGATIVE_VALUE`
   * (flows, employment), `MISSING_INPUT` (neither output nor final demand), `ZERO_OUTPUT` (x_k ≤ 0),
   * `UNBALANCED` (identities off by more than `balanceTolerance`).
   *
   * @example
   * const t = InputOutputTable.create({ sectors: ['agri', 'manu'], intermediate: [[10, 20], [30, 40]],
   *   finalDemand: [70, 130], unit: 'CNY 100m' }); // x = [100, 200]
   */
  static create(input: InputOutputTableInput, options: InputOutputTableOptions = {}): InputOutputTable {
    const fn = 'InputOutputTable.create';
    const tol = options.balanceTolerance ?? defaultInputOutputTableOptions.balanceTolerance;
    if (!(tol >= 0)) throw new InvalidInputError(inputOutputMessages.invalidOption(fn, 'balanceTolerance', tol, 'a number ≥ 0'), undefined, 'INVALID_OPTION');
    const sectors = [...input.sectors];
    const n = sectors.length;
    if (n === 0) throw new InvalidInputError(inputOutputMessages.empty(fn), undefined, 'EMPTY');
    const seen = new Set<string>();
    for (const s of sectors) {
      if (seen.has(s)) throw new InvalidInputError(inputOutputMessages.duplicateSector(fn, s), { sector: s }, 'DUPLICATE_LABEL');
      seen.add(s);
    }
    const z = new Float64Array(n * n);
    const zin = input.intermediate;
    if (zin instanceof Float64Array) {
      if (zin.length !== n * n) throw new InvalidInputError(inputOutputMessages.shape(fn, 'intermediate', zin.length, n * n), undefined, 'SHAPE_MISMATCH');
      z.set(zin);
    } else {
      if (zin.length !== n) throw new InvalidInputError(inputOutputMessages.shape(fn, 'intermediate (rows)', zin.length, n), undefined, 'SHAPE_MISMATCH');
      for (let k = 0; k < n; k++) {
        const row = zin[k] as readonly number[];
        if (row.length !== n) throw new InvalidInputError(inputOutputMessages.shape(fn, `intermediate row ${k}`, row.length, n), undefined, 'SHAPE_MISMATCH');
        for (let l = 0; l < n; l++) z[k * n + l] = row[l] as number;
      }
    }
    for (let c = 0; c < n * n; c++) {
      const value = z[c] as number;
      const where = (): string => `(${sectors[Math.floor(c / n)]}, ${sectors[c % n]})`;
      if (!Number.isFinite(value))
        throw new InvalidInputError(
          inputOutputMessages.notFinite(fn, `intermediate flow ${where()}`, sectors[Math.floor(c / n)] as string, value),
          { index: c },
          'NOT_FINITE',
        );
      if (value < 0) throw new InvalidInputError(inputOutputMessages.negative(fn, 'intermediate flow', where(), value), { index: c }, 'NEGATIVE_VALUE');
    }
    const rowSum = new Float64Array(n);
    const colSum = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      for (let l = 0; l < n; l++) {
        rowSum[k] = (rowSum[k] as number) + (z[k * n + l] as number);
        colSum[l] = (colSum[l] as number) + (z[k * n + l] as number);
      }
    }
    const given = (what: string, v: Numbers | undefined): Float64Array | undefined => {
      if (v === undefined) return undefined;
      if (v.length !== n) throw new InvalidInputError(inputOutputMessages.shape(fn, what, v.length, n), undefined, 'SHAPE_MISMATCH');
      const out = Float64Array.from(v);
      for (let k = 0; k < n; k++) {
        if (!Number.isFinite(out[k] as number))
          throw new InvalidInputError(inputOutputMessages.notFinite(fn, what, sectors[k] as string, out[k] as number), { sector: sectors[k] }, 'NOT_FINITE');
      }
      return out;
    };
    const xIn = given('output', input.output);
    const fIn = given('finalDemand', input.finalDemand);
    const vIn = given('valueAdded', input.valueAdded);
    const e = given('employment', input.employment);
    if (xIn === undefined && fIn === undefined) {
      throw new InvalidInputError(
        inputOutputMessages.missing(fn, 'output', 'pass output, or finalDemand so that output = Σ_l z_kl + f_k'),
        undefined,
        'MISSING_INPUT',
      );
    }
    const x = xIn ?? Float64Array.from(rowSum, (s, k) => s + (fIn?.[k] as number));
    for (let k = 0; k < n; k++) {
      if (!((x[k] as number) > 0))
        throw new InvalidInputError(inputOutputMessages.zeroOutput(fn, sectors[k] as string, x[k] as number), { sector: sectors[k] }, 'ZERO_OUTPUT');
    }
    const f = fIn ?? Float64Array.from(rowSum, (s, k) => (x[k] as number) - s);
    const v = vIn ?? Float64Array.from(colSum, (s, l) => (x[l] as number) - s);
    if (xIn !== undefined && Number.isFinite(tol)) {
      for (let k = 0; k < n; k++) {
        const xk = x[k] as number;
        if (fIn !== undefined) {
          const sum = (rowSum[k] as number) + (f[k] as number);
          if (Math.abs(xk - sum) > tol * xk)
            throw new InvalidInputError(
              inputOutputMessages.unbalanced(fn, 'row (Σz + f)', sectors[k] as string, sum, xk, tol),
              { sector: sectors[k] },
              'UNBALANCED',
            );
        }
        if (vIn !== undefined) {
          const sum = (colSum[k] as number) + (v[k] as number);
          if (Math.abs(xk - sum) > tol * xk)
            throw new InvalidInputError(
              inputOutputMessages.unbalanced(fn, 'column (Σz + v)', sectors[k] as string, sum, xk, tol),
              { sector: sectors[k] },
              'UNBALANCED',
            );
        }
      }
    }
    if (e !== undefined) {
      for (let k = 0; k < n; k++) {
        if ((e[k] as number) < 0)
          throw new InvalidInputError(
            inputOutputMessages.negative(fn, 'employment', JSON.stringify(sectors[k]), e[k] as number),
            { sector: sectors[k] },
            'NEGATIVE_VALUE',
          );
      }
    }
    if (typeof input.unit !== 'string' || input.unit.length === 0) {
      throw new InvalidInputError(inputOutputMessages.missing(fn, 'unit', 'pass the monetary unit of the flows, e.g. "CNY 10k"'), undefined, 'MISSING_INPUT');
    }
    const Ctor = InputOutputTable as unknown as new (
      s: readonly string[],
      z: Float64Array,
      x: Float64Array,
      f: Float64Array,
      v: Float64Array,
      e: Float64Array | undefined,
      unit: string,
    ) => InputOutputTable;
    return new Ctor(sectors, z, x, f, v, e, input.unit);
  }
}
