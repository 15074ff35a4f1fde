/**
 * Internal machinery of the relatedness and complexity measures: option checks, the binary presence matrix B
 * (kept as bytes, as CSR row lists and as bit-packed columns), and the co-occurrence counts BᵀB. Not public.
 *
 * Presence here is the LQ test `LQ_ri ≥ t` on the specialisation topic's LQ (the matrix as its own reference, 0
 * where `x_ri = 0`), cached with the matrix; callers who need RPOP or another test pass a precomputed presence
 * matrix instead.
 */

import { InvalidInputError } from '../errors/metro-error.ts';
import type { LabelledMatrix } from '../matrix/labelled.ts';
import { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownPresenceBytes } from '../specialisation/location-quotient.ts';
import { identityKey, memoOn } from '../util/memo.ts';
import { relatednessMessages as msg } from './messages.ts';

/** Options shared by every measure built on the presence matrix B. */
export interface PresenceInputOptions {
  /** LQ threshold t: region r holds industry i when `LQ_ri ≥ t`. Default 1; a finite number ≥ 0. */
  readonly threshold?: number;
  /**
   * A precomputed 0/1 presence matrix (rows = the matrix's regions, columns = its industries, same order, no
   * absent cells), e.g. from `presence(…, { test: "rpop" })`. When given, `threshold` is ignored.
   */
  readonly presence?: LabelledMatrix;
}

/** Default LQ threshold. */
export const defaultThreshold = 1;

/** B in the three layouts the measures need, with diversity k and ubiquity u. */
export interface PresenceData {
  readonly nR: number;
  readonly nI: number;
  /** Row-major bytes, 1 = present. */
  readonly bytes: Uint8Array;
  /** CSR: industries held by region r are `cols[rowStart[r] .. rowStart[r+1])`, ascending. */
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  /** Diversity `k_r`. */
  readonly k: Float64Array;
  /** Ubiquity `u_i`. */
  readonly u: Float64Array;
}

export function assertMatrix(fn: string, matrix: unknown): asserts matrix is RegionIndustryMatrix {
  if (!(matrix instanceof RegionIndustryMatrix)) throw new InvalidInputError(msg.notAMatrix(fn, matrix), undefined, 'INVALID_INPUT');
}

export function readOptions<T extends object>(fn: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidInputError(msg.notAnObject(fn, options), undefined, 'INVALID_OPTION');
  }
  return options;
}

export function checkChoice<T extends string>(fn: string, option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(msg.invalidOption(fn, option, value, allowed.map((a) => `"${a}"`).join(', ')), { option }, 'INVALID_OPTION');
  }
  return value as T;
}

export function checkNumber(fn: string, option: string, value: unknown, ok: (x: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new InvalidInputError(msg.invalidOption(fn, option, value, expected), { option }, 'INVALID_OPTION');
  }
  return value;
}

export function checkInteger(fn: string, option: string, value: unknown, min: number): number {
  return checkNumber(fn, option, value, (x) => Number.isInteger(x) && x >= min, `an integer ≥ ${min}`);
}

/** Validate the presence options of `fn` and build B. */
export function presenceData(fn: string, matrix: RegionIndustryMatrix, options: PresenceInputOptions): PresenceData {
  return memoOn(matrix, `presence|${presenceKey(options)}`, () => computePresenceData(fn, matrix, options));
}

/** Cache key of the presence an options object asks for (threshold, or the identity of a given matrix). */
export function presenceKey(options: PresenceInputOptions): string {
  const presence = options.presence as object | undefined;
  return presence !== undefined && presence !== null && typeof presence === 'object'
    ? identityKey(presence)
    : `t=${String(options.threshold ?? defaultThreshold)}`;
}

function computePresenceData(fn: string, matrix: RegionIndustryMatrix, options: PresenceInputOptions): PresenceData {
  const nR = matrix.regionCount;
  const nI = matrix.industryCount;
  const bytes = new Uint8Array(nR * nI);
  if (options.presence !== undefined) {
    const p = options.presence as LabelledMatrix;
    if (p === null || typeof p !== 'object' || !(p.values instanceof Float64Array)) {
      throw new InvalidInputError(
        msg.invalidOption(fn, 'presence', p, 'a LabelledMatrix of 0/1 over the matrix labels'),
        { option: 'presence' },
        'INVALID_OPTION',
      );
    }
    if (!sameLabels(p.rows, matrix.regions)) throw new InvalidInputError(msg.presenceLabels(fn, 'row'), undefined, 'LABEL_MISMATCH');
    if (!sameLabels(p.columns, matrix.industries)) throw new InvalidInputError(msg.presenceLabels(fn, 'column'), undefined, 'LABEL_MISMATCH');
    for (let c = 0; c < nR * nI; c++) {
      const v = p.values[c];
      if ((v !== 0 && v !== 1) || p.absent?.[c] === 1) {
        const r = Math.floor(c / nI);
        throw new InvalidInputError(
          msg.presenceNotBinary(fn, matrix.regions[r] as string, matrix.industries[c % nI] as string, p.absent?.[c] === 1 ? 'absent' : v),
          { index: c },
          'NOT_BINARY',
        );
      }
      bytes[c] = v;
    }
  } else {
    const t = checkNumber(fn, 'threshold', options.threshold ?? defaultThreshold, (x) => x >= 0, 'a finite number ≥ 0');
    _ownPresenceBytes(fn, matrix, t, bytes);
  }
  return presenceFromBytes(bytes, nR, nI);
}

/** Build the CSR rows, k and u of a 0/1 byte matrix (owned). */
export function presenceFromBytes(bytes: Uint8Array, nR: number, nI: number): PresenceData {
  const k = new Float64Array(nR);
  const u = new Float64Array(nI);
  const rowStart = new Int32Array(nR + 1);
  let nnz = 0;
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    for (let i = 0; i < nI; i++) if (bytes[base + i] === 1) nnz++;
    rowStart[r + 1] = nnz;
  }
  const cols = new Int32Array(nnz);
  let p = 0;
  for (let r = 0; r < nR; r++) {
    const base = r * nI;
    for (let i = 0; i < nI; i++) {
      if (bytes[base + i] === 1) {
        cols[p++] = i;
        u[i] = (u[i] as number) + 1;
      }
    }
    k[r] = (rowStart[r + 1] as number) - (rowStart[r] as number);
  }
  return { nR, nI, bytes, rowStart, cols, k, u };
}

function sameLabels(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  for (let k = 0; k < b.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Bit-pack B by industry: industry i's regions occupy `words[i*nWords .. (i+1)*nWords)`, bit (r mod 32) of word
 * ⌊r/32⌋. A co-occurrence count is then a popcount of an AND over ⌈R/32⌉ words instead of R byte products.
 */
function packColumns(data: PresenceData): { words: Uint32Array; nWords: number } {
  const { nR, nI, rowStart, cols } = data;
  const nWords = (nR + 31) >>> 5;
  const words = new Uint32Array(nI * nWords);
  for (let r = 0; r < nR; r++) {
    const w = r >>> 5;
    const bit = 1 << (r & 31);
    for (let p = rowStart[r] as number; p < (rowStart[r + 1] as number); p++) {
      const at = (cols[p] as number) * nWords + w;
      words[at] = (words[at] as number) | bit;
    }
  }
  return { words, nWords };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** `C = BᵀB` (industry × industry, row-major, symmetric, `C_ii = u_i`) by popcounts of bit-packed columns. */
export function coOccurrenceCounts(data: PresenceData): Float64Array {
  const nI = data.nI;
  const { words, nWords } = packColumns(data);
  const c = new Float64Array(nI * nI);
  for (let i = 0; i < nI; i++) {
    c[i * nI + i] = data.u[i] as number;
    const a = i * nWords;
    for (let j = i + 1; j < nI; j++) {
      const b = j * nWords;
      let n = 0;
      for (let w = 0; w < nWords; w++) n += popcount((words[a + w] as number) & (words[b + w] as number));
      c[i * nI + j] = n;
      c[j * nI + i] = n;
    }
  }
  return c;
}

/**
 * `out[r, :] = Σ_{j ∈ row r of B} W[j, :]` — the product B·W for a row-major n × m matrix W, using B's sparsity.
 * The hottest loop of density, relatedness density and COG. Every output element is summed in one fixed order,
 * whatever the layout of the loops: `out = 0`, then for each group of four held industries j₁…j₄ (ascending)
 * `out += (W[j₁] + W[j₂]) + (W[j₃] + W[j₄])`, then the one to three left one by one. Two groups per pass over
 * the output row (one load and store of the running sum per eight inputs, not four): ≈ 100 ms instead of ≈ 125 ms
 * at 3,000 × 500 (tiling the columns for the cache was tried and changed nothing). `out` may be given (zero-filled,
 * length nR·m).
 */
export function presenceTimes(data: PresenceData, w: Float64Array, m: number, out: Float64Array = new Float64Array(data.nR * m)): Float64Array {
  const { nR, rowStart, cols } = data;
  for (let r = 0; r < nR; r++) {
    const base = r * m;
    const end = rowStart[r + 1] as number;
    let p = rowStart[r] as number;
    for (; p + 7 < end; p += 8) {
      const a = (cols[p] as number) * m;
      const b = (cols[p + 1] as number) * m;
      const c = (cols[p + 2] as number) * m;
      const d = (cols[p + 3] as number) * m;
      const e = (cols[p + 4] as number) * m;
      const f = (cols[p + 5] as number) * m;
      const g = (cols[p + 6] as number) * m;
      const h = (cols[p + 7] as number) * m;
      for (let k = 0; k < m; k++) {
        out[base + k] =
          (out[base + k] as number) +
          ((w[a + k] as number) + (w[b + k] as number) + ((w[c + k] as number) + (w[d + k] as number))) +
          ((w[e + k] as number) + (w[f + k] as number) + ((w[g + k] as number) + (w[h + k] as number)));
      }
    }
    if (p + 3 < end) {
      const a = (cols[p] as number) * m;
      const b = (cols[p + 1] as number) * m;
      const c = (cols[p + 2] as number) * m;
      const d = (cols[p + 3] as number) * m;
      for (let k = 0; k < m; k++) {
        out[base + k] = (out[base + k] as number) + ((w[a + k] as number) + (w[b + k] as number) + ((w[c + k] as number) + (w[d + k] as number)));
      }
      p += 4;
    }
    for (; p < end; p++) {
      const src = (cols[p] as number) * m;
      for (let k = 0; k < m; k++) out[base + k] = (out[base + k] as number) + (w[src + k] as number);
    }
  }
  return out;
}

/**
 * `out1 = B·W1` and `out2 = B·W2` (both n × m, row-major) in one pass over B: each output summed exactly as
 * {@link presenceTimes} sums it (so bit for bit its result). Outputs
 * zero-filled, length nR·m.
 */
export function presenceTimesTwo(data: PresenceData, w1: Float64Array, out1: Float64Array, w2: Float64Array, out2: Float64Array, m: number): void {
  const { nR, rowStart, cols } = data;
  for (let r = 0; r < nR; r++) {
    const base = r * m;
    const end = rowStart[r + 1] as number;
    let p = rowStart[r] as number;
    for (; p + 7 < end; p += 8) {
      const a = (cols[p] as number) * m;
      const b = (cols[p + 1] as number) * m;
      const c = (cols[p + 2] as number) * m;
      const d = (cols[p + 3] as number) * m;
      const e = (cols[p + 4] as number) * m;
      const f = (cols[p + 5] as number) * m;
      const g = (cols[p + 6] as number) * m;
      const h = (cols[p + 7] as number) * m;
      for (let k = 0; k < m; k++) {
        out1[base + k] =
          (out1[base + k] as number) +
          ((w1[a + k] as number) + (w1[b + k] as number) + ((w1[c + k] as number) + (w1[d + k] as number))) +
          ((w1[e + k] as number) + (w1[f + k] as number) + ((w1[g + k] as number) + (w1[h + k] as number)));
        out2[base + k] =
          (out2[base + k] as number) +
          ((w2[a + k] as number) + (w2[b + k] as number) + ((w2[c + k] as number) + (w2[d + k] as number))) +
          ((w2[e + k] as number) + (w2[f + k] as number) + ((w2[g + k] as number) + (w2[h + k] as number)));
      }
    }
    if (p + 3 < end) {
      const a = (cols[p] as number) * m;
      const b = (cols[p + 1] as number) * m;
      const c = (cols[p + 2] as number) * m;
      const d = (cols[p + 3] as number) * m;
      for (let k = 0; k < m; k++) {
        out1[base + k] = (out1[base + k] as number) + ((w1[a + k] as number) + (w1[b + k] as number) + ((w1[c + k] as number) + (w1[d + k] as number)));
        out2[base + k] = (out2[base + k] as number) + ((w2[a + k] as number) + (w2[b + k] as number) + ((w2[c + k] as number) + (w2[d + k] as number)));
      }
      p += 4;
    }
    for (; p < end; p++) {
      const src = (cols[p] as number) * m;
      for (let k = 0; k < m; k++) {
        out1[base + k] = (out1[base + k] as number) + (w1[src + k] as number);
        out2[base + k] = (out2[base + k] as number) + (w2[src + k] as number);
      }
    }
  }
}
