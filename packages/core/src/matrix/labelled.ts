/**
 * Plain labelled results: a vector over labels and a row-major matrix over two label sets.
 * Every measure returns one of these (or a record of them); typed arrays inside, labels at the edge.
 */

/** A vector of numbers over labels. `absent[k] = 1` marks a value that does not exist (never encoded as NaN). */
export interface LabelledVector {
  readonly labels: readonly string[];
  readonly values: Float64Array;
  /** Present only when some value is absent; 1 = absent (its `values` entry is 0 and must not be read). */
  readonly absent?: Uint8Array;
}

/** A row-major matrix of numbers with row and column labels. */
export interface LabelledMatrix {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** Row-major values, length `rows.length * columns.length`. */
  readonly values: Float64Array;
  /** Present only when some cell is absent; 1 = absent. */
  readonly absent?: Uint8Array;
}

/** Build a {@link LabelledVector}, attaching `absent` only when at least one value is absent. */
export function labelledVector(labels: readonly string[], values: Float64Array, absent?: Uint8Array): LabelledVector {
  if (absent?.some((a) => a !== 0)) return { labels, values, absent };
  return { labels, values };
}

/** Build a {@link LabelledMatrix}, attaching `absent` only when at least one cell is absent. */
export function labelledMatrix(rows: readonly string[], columns: readonly string[], values: Float64Array, absent?: Uint8Array): LabelledMatrix {
  if (absent?.some((a) => a !== 0)) return { rows, columns, values, absent };
  return { rows, columns, values };
}

/** A vector as a plain array, absent values as `null` (the JSON contract's encoding). */
export function vectorToArray(vector: LabelledVector): (number | null)[] {
  const out: (number | null)[] = new Array(vector.values.length);
  for (let k = 0; k < vector.values.length; k++) {
    out[k] = vector.absent?.[k] === 1 ? null : (vector.values[k] as number);
  }
  return out;
}

/** A matrix as row-major nested arrays, absent cells as `null` (the JSON contract's encoding). */
export function matrixToNested(matrix: LabelledMatrix): (number | null)[][] {
  const nRows = matrix.rows.length;
  const nCols = matrix.columns.length;
  const out: (number | null)[][] = new Array(nRows);
  for (let r = 0; r < nRows; r++) {
    const row: (number | null)[] = new Array(nCols);
    const base = r * nCols;
    for (let c = 0; c < nCols; c++) {
      row[c] = matrix.absent?.[base + c] === 1 ? null : (matrix.values[base + c] as number);
    }
    out[r] = row;
  }
  return out;
}
