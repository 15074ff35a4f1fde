/**
 * The one data shape of the core: a labelled region × industry matrix.
 *
 * Rows are regions, always; values are a row-major `Float64Array`; labels are read-only arrays. The matrix is
 * validated once, at construction (finite, non-negative, shape, unique labels), so measures can run on the typed
 * array without checks in their hot loops. Instances are immutable: never write into `values`.
 */

import { coreMessages } from '../errors/messages.ts';
import { InvalidInputError } from '../errors/metro-error.ts';

/** How rows that repeat a (region, industry) pair are treated. */
export type DuplicatesPolicy = 'error' | 'sum' | 'first';
/** How regions or industries whose total is 0 are treated. */
export type ZeroTotalsPolicy = 'error' | 'drop' | 'keep';

/** Options shared by the constructors. */
export interface MatrixOptions {
  /**
   * Repeated (region, industry) rows: `"error"` (default), `"sum"` them (EconGeo), or keep the `"first"`
   * (py-ecomplexity).
   */
  readonly duplicates?: DuplicatesPolicy;
  /**
   * Regions or industries whose total is 0: `"error"` (default), `"drop"` them (py-ecomplexity; listed in
   * {@link RegionIndustryMatrix.dropped}), or `"keep"` them (each measure documents its value for them).
   */
  readonly zeroTotals?: ZeroTotalsPolicy;
  /**
   * Label order: `"lexical"` (default; ids sorted by code point, the spec's convention) or `"input"` (first
   * appearance for long rows, the given order for wide tables).
   */
  readonly order?: 'lexical' | 'input';
}

/** Defaults of {@link MatrixOptions}. */
export const defaultMatrixOptions = {
  duplicates: 'error',
  zeroTotals: 'error',
  order: 'lexical',
} as const satisfies Required<MatrixOptions>;

/** One long-format row. */
export interface LongRow {
  readonly region: string;
  readonly industry: string;
  readonly value: number;
}

const lexical = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A validated, immutable region × industry matrix of non-negative finite values. */
export class RegionIndustryMatrix {
  /** Region labels (rows). */
  readonly regions: readonly string[];
  /** Industry labels (columns). */
  readonly industries: readonly string[];
  /** Row-major values, length `regionCount * industryCount`. Do not mutate. */
  readonly values: Float64Array;
  /** Labels removed by `zeroTotals: "drop"` (empty otherwise). */
  readonly dropped: { readonly regions: readonly string[]; readonly industries: readonly string[] };
  #regionTotals: Float64Array | undefined;
  #industryTotals: Float64Array | undefined;

  private constructor(
    regions: readonly string[],
    industries: readonly string[],
    values: Float64Array,
    dropped: { regions: readonly string[]; industries: readonly string[] },
  ) {
    this.regions = Object.freeze([...regions]);
    this.industries = Object.freeze([...industries]);
    this.values = values;
    this.dropped = Object.freeze({
      regions: Object.freeze([...dropped.regions]),
      industries: Object.freeze([...dropped.industries]),
    });
  }

  /** Number of regions (rows). */
  get regionCount(): number {
    return this.regions.length;
  }

  /** Number of industries (columns). */
  get industryCount(): number {
    return this.industries.length;
  }

  /** The value of region row `r`, industry column `i`. */
  at(r: number, i: number): number {
    return this.values[r * this.industries.length + i] as number;
  }

  /** `x_r = Σ_i x_ri` for every region (cached; do not mutate). */
  regionTotals(): Float64Array {
    if (this.#regionTotals === undefined) {
      const nR = this.regionCount;
      const nI = this.industryCount;
      const totals = new Float64Array(nR);
      for (let r = 0; r < nR; r++) {
        let sum = 0;
        const base = r * nI;
        for (let i = 0; i < nI; i++) sum += this.values[base + i] as number;
        totals[r] = sum;
      }
      this.#regionTotals = totals;
    }
    return this.#regionTotals;
  }

  /** `x_i = Σ_r x_ri` for every industry (cached; do not mutate). */
  industryTotals(): Float64Array {
    if (this.#industryTotals === undefined) {
      const nR = this.regionCount;
      const nI = this.industryCount;
      const totals = new Float64Array(nI);
      for (let r = 0; r < nR; r++) {
        const base = r * nI;
        for (let i = 0; i < nI; i++) totals[i] = (totals[i] as number) + (this.values[base + i] as number);
      }
      this.#industryTotals = totals;
    }
    return this.#industryTotals;
  }

  /** `x = Σ x_ri`. */
  total(): number {
    let sum = 0;
    for (const t of this.regionTotals()) sum += t;
    return sum;
  }

  /** Row index of a region label, or an error naming it. */
  regionIndex(label: string): number {
    const k = this.regions.indexOf(label);
    if (k < 0) throw new InvalidInputError(coreMessages.unknownLabel('RegionIndustryMatrix.regionIndex', 'region', label), { label }, 'UNKNOWN_LABEL');
    return k;
  }

  /** Column index of an industry label, or an error naming it. */
  industryIndex(label: string): number {
    const k = this.industries.indexOf(label);
    if (k < 0) throw new InvalidInputError(coreMessages.unknownLabel('RegionIndustryMatrix.industryIndex', 'industry', label), { label }, 'UNKNOWN_LABEL');
    return k;
  }

  /**
   * Build from a wide table: `values` row-major (regions × industries), as a `Float64Array` or nested arrays.
   * The input is copied, never kept. Labels are reordered lexically unless `order: "input"`.
   */
  static fromWide(
    regions: readonly string[],
    industries: readonly string[],
    values: Float64Array | readonly (readonly number[])[],
    options: MatrixOptions = {},
  ): RegionIndustryMatrix {
    const fn = 'RegionIndustryMatrix.fromWide';
    const nR = regions.length;
    const nI = industries.length;
    const flat = new Float64Array(nR * nI);
    if (values instanceof Float64Array) {
      if (values.length !== nR * nI) throw new InvalidInputError(coreMessages.shapeMismatch(fn, 'values', values.length, nR * nI), undefined, 'SHAPE_MISMATCH');
      flat.set(values);
    } else {
      if (values.length !== nR) throw new InvalidInputError(coreMessages.shapeMismatch(fn, 'values (rows)', values.length, nR), undefined, 'SHAPE_MISMATCH');
      for (let r = 0; r < nR; r++) {
        const row = values[r] as readonly number[];
        if (row.length !== nI) throw new InvalidInputError(coreMessages.shapeMismatch(fn, `values row ${r}`, row.length, nI), undefined, 'SHAPE_MISMATCH');
        for (let i = 0; i < nI; i++) flat[r * nI + i] = row[i] as number;
      }
    }
    return finish(fn, [...regions], [...industries], flat, options);
  }

  /** Build from long rows `{region, industry, value}`; missing pairs are 0. */
  static fromLongRows(rows: Iterable<LongRow>, options: MatrixOptions = {}): RegionIndustryMatrix {
    const fn = 'RegionIndustryMatrix.fromLongRows';
    const regionIndex = new Map<string, number>();
    const industryIndex = new Map<string, number>();
    const rIdx: number[] = [];
    const iIdx: number[] = [];
    const vals: number[] = [];
    let n = 0;
    for (const row of rows) {
      const v = row.value;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidInputError(coreMessages.notFinite(fn, `row ${n + 1} (${row.region}, ${row.industry})`, v), { row: n + 1 }, 'NOT_FINITE');
      }
      let r = regionIndex.get(row.region);
      if (r === undefined) regionIndex.set(row.region, (r = regionIndex.size));
      let i = industryIndex.get(row.industry);
      if (i === undefined) industryIndex.set(row.industry, (i = industryIndex.size));
      rIdx.push(r);
      iIdx.push(i);
      vals.push(v);
      n++;
    }
    return assemble(fn, [...regionIndex.keys()], [...industryIndex.keys()], rIdx, iIdx, vals, n, options);
  }

  /**
   * Build from coordinates without per-row objects (for fast readers): row `k` puts `values[k]` at
   * (`regionIndex[k]`, `industryIndex[k]`), indexes into `regions` / `industries`; missing pairs are 0.
   */
  static fromCoordinates(
    regions: readonly string[],
    industries: readonly string[],
    regionIndex: ArrayLike<number>,
    industryIndex: ArrayLike<number>,
    values: ArrayLike<number>,
    options: MatrixOptions = {},
  ): RegionIndustryMatrix {
    const fn = 'RegionIndustryMatrix.fromCoordinates';
    const n = values.length;
    if (regionIndex.length !== n)
      throw new InvalidInputError(coreMessages.shapeMismatch(fn, 'regionIndex', regionIndex.length, n), undefined, 'SHAPE_MISMATCH');
    if (industryIndex.length !== n)
      throw new InvalidInputError(coreMessages.shapeMismatch(fn, 'industryIndex', industryIndex.length, n), undefined, 'SHAPE_MISMATCH');
    for (let k = 0; k < n; k++) {
      const r = regionIndex[k] as number;
      const i = industryIndex[k] as number;
      if (!(r >= 0 && r < regions.length && Number.isInteger(r)) || !(i >= 0 && i < industries.length && Number.isInteger(i))) {
        throw new InvalidInputError(
          coreMessages.invalidOption(fn, `index of row ${k + 1}`, [r, i], 'indexes into the label arrays'),
          { row: k + 1 },
          'SHAPE_MISMATCH',
        );
      }
      if (!Number.isFinite(values[k] as number)) {
        throw new InvalidInputError(coreMessages.notFinite(fn, `row ${k + 1} (${regions[r]}, ${industries[i]})`, values[k]), { row: k + 1 }, 'NOT_FINITE');
      }
    }
    return assemble(fn, [...regions], [...industries], regionIndex, industryIndex, values, n, options);
  }
}

function assemble(
  fn: string,
  regions: string[],
  industries: string[],
  rIdx: ArrayLike<number>,
  iIdx: ArrayLike<number>,
  vals: ArrayLike<number>,
  n: number,
  options: MatrixOptions,
): RegionIndustryMatrix {
  const duplicates = options.duplicates ?? defaultMatrixOptions.duplicates;
  const nR = regions.length;
  const nI = industries.length;
  const flat = new Float64Array(nR * nI);
  const seen = new Uint8Array(nR * nI);
  for (let k = 0; k < n; k++) {
    const cell = (rIdx[k] as number) * nI + (iIdx[k] as number);
    if (seen[cell] === 1) {
      if (duplicates === 'error') {
        throw new InvalidInputError(
          coreMessages.duplicateCell(fn, regions[rIdx[k] as number] as string, industries[iIdx[k] as number] as string),
          { row: k + 1 },
          'DUPLICATE_CELL',
        );
      }
      if (duplicates === 'sum') flat[cell] = (flat[cell] as number) + (vals[k] as number);
      else if (duplicates !== 'first') {
        throw new InvalidInputError(coreMessages.invalidOption(fn, 'duplicates', duplicates, '"error", "sum" or "first"'), undefined, 'INVALID_OPTION');
      }
    } else {
      seen[cell] = 1;
      flat[cell] = vals[k] as number;
    }
  }
  return finish(fn, regions, industries, flat, options);
}

/** Validate, order and apply the zero-totals policy; `flat` is owned (may be reused). */
function finish(fn: string, regions: string[], industries: string[], flat: Float64Array, options: MatrixOptions): RegionIndustryMatrix {
  const zeroTotals = options.zeroTotals ?? defaultMatrixOptions.zeroTotals;
  const order = options.order ?? defaultMatrixOptions.order;
  if (zeroTotals !== 'error' && zeroTotals !== 'drop' && zeroTotals !== 'keep') {
    throw new InvalidInputError(coreMessages.invalidOption(fn, 'zeroTotals', zeroTotals, '"error", "drop" or "keep"'), undefined, 'INVALID_OPTION');
  }
  if (order !== 'lexical' && order !== 'input') {
    throw new InvalidInputError(coreMessages.invalidOption(fn, 'order', order, '"lexical" or "input"'), undefined, 'INVALID_OPTION');
  }
  checkUnique(fn, 'region', regions);
  checkUnique(fn, 'industry', industries);
  const nI = industries.length;
  for (let k = 0; k < flat.length; k++) {
    const v = flat[k] as number;
    if (v >= 0 && v < Number.POSITIVE_INFINITY) continue;
    const where = `(${regions[Math.floor(k / nI)]}, ${industries[k % nI]})`;
    if (!Number.isFinite(v)) throw new InvalidInputError(coreMessages.notFinite(fn, where, v), { index: k }, 'NOT_FINITE');
    throw new InvalidInputError(coreMessages.negative(fn, where, v), { index: k }, 'NEGATIVE_VALUE');
  }
  // Row and column totals decide which labels survive.
  const nR = regions.length;
  const rowSum = new Float64Array(nR);
  const colSum = new Float64Array(nI);
  for (let r = 0; r < nR; r++) {
    for (let i = 0; i < nI; i++) {
      const v = flat[r * nI + i] as number;
      rowSum[r] = (rowSum[r] as number) + v;
      colSum[i] = (colSum[i] as number) + v;
    }
  }
  const keepR: number[] = [];
  const keepI: number[] = [];
  const droppedR: string[] = [];
  const droppedI: string[] = [];
  for (let r = 0; r < nR; r++) {
    if (rowSum[r] === 0 && zeroTotals !== 'keep') {
      if (zeroTotals === 'error') throw new InvalidInputError(coreMessages.zeroTotal(fn, 'region', regions[r] as string), { region: regions[r] }, 'ZERO_TOTAL');
      droppedR.push(regions[r] as string);
    } else keepR.push(r);
  }
  for (let i = 0; i < nI; i++) {
    if (colSum[i] === 0 && zeroTotals !== 'keep') {
      if (zeroTotals === 'error')
        throw new InvalidInputError(coreMessages.zeroTotal(fn, 'industry', industries[i] as string), { industry: industries[i] }, 'ZERO_TOTAL');
      droppedI.push(industries[i] as string);
    } else keepI.push(i);
  }
  if (order === 'lexical') {
    keepR.sort((a, b) => lexical(regions[a] as string, regions[b] as string));
    keepI.sort((a, b) => lexical(industries[a] as string, industries[b] as string));
    droppedR.sort(lexical);
    droppedI.sort(lexical);
  }
  if (keepR.length === 0) throw new InvalidInputError(coreMessages.empty(fn, 'the set of regions'), undefined, 'EMPTY');
  if (keepI.length === 0) throw new InvalidInputError(coreMessages.empty(fn, 'the set of industries'), undefined, 'EMPTY');
  const outR = keepR.map((r) => regions[r] as string);
  const outI = keepI.map((i) => industries[i] as string);
  const identity = keepR.length === nR && keepI.length === nI && keepR.every((r, k) => r === k) && keepI.every((i, k) => i === k);
  let values = flat;
  if (!identity) {
    const m = keepI.length;
    values = new Float64Array(keepR.length * m);
    for (let a = 0; a < keepR.length; a++) {
      const src = (keepR[a] as number) * nI;
      for (let b = 0; b < m; b++) values[a * m + b] = flat[src + (keepI[b] as number)] as number;
    }
  }
  // The constructor is private to the class; this module is its only other caller.
  const Ctor = RegionIndustryMatrix as unknown as new (
    regions: readonly string[],
    industries: readonly string[],
    values: Float64Array,
    dropped: { regions: readonly string[]; industries: readonly string[] },
  ) => RegionIndustryMatrix;
  return new Ctor(outR, outI, values, { regions: droppedR, industries: droppedI });
}

function checkUnique(fn: string, kind: string, labels: readonly string[]): void {
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) throw new InvalidInputError(coreMessages.duplicateLabel(fn, kind, label), { label }, 'DUPLICATE_LABEL');
    seen.add(label);
  }
}
