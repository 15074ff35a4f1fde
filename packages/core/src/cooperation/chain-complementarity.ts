/**
 * Inter-city chain complementarity — metrocoop's composite, not an established index:
 * `C_ij = Σ_k Σ_l LQ⁺_ik · a_kl · LQ⁺_jl`, `LQ⁺ = max(LQ − 1, 0)`. High when city i is specialised in the
 * suppliers (k) of the industries (l) city j is specialised in. Built from standard pieces: location quotients
 * (Isard 1960) and technical coefficients or the Leontief inverse (Leontief 1936). See methods.md M11.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { multiplyUnchecked } from '../linalg/multiply.ts';
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';
import { cooperationMessages } from './messages.ts';

/** Options of {@link chainComplementarity}. */
export interface ChainComplementarityOptions {
  /** How many top contributing (supplier k → buyer l) links to return per ordered pair; 0 = none. Default 3. */
  readonly topLinks?: number;
}

/** Defaults of {@link ChainComplementarityOptions}. */
export const defaultChainComplementarityOptions = { topLinks: 3 } as const satisfies Required<ChainComplementarityOptions>;

/** One contributing link of a pair: i's specialised supplier industry feeding j's specialised buyer industry. */
export interface ChainLink {
  readonly supplier: string;
  readonly buyer: string;
  /** `LQ⁺_ik · a_kl · LQ⁺_jl`. */
  readonly contribution: number;
}

/** The top links of one ordered pair (i supplies, j buys). Pairs with `C_ij = 0` are not listed. */
export interface PairChainLinks {
  readonly from: string;
  readonly to: string;
  readonly links: readonly ChainLink[];
}

/** Result of {@link chainComplementarity}. */
export interface ChainComplementarity {
  /** `C_ij` (rows: supplying city i; columns: buying city j); the diagonal is the internal chain `C_ii`. */
  readonly complementarity: LabelledMatrix;
  /** `C_ij / C_ii`: partnered versus internal chain; absent where `C_ii = 0`. */
  readonly relativeToInternal: LabelledMatrix;
  /** Top links per ordered pair `i ≠ j`, pairs in row-major order. */
  readonly links: readonly PairChainLinks[];
}

/** `LQ⁺ = max(LQ − 1, 0)` of every cell. */
export function _lqPlus(lq: Float64Array): Float64Array {
  return Float64Array.from(lq, (v) => (v > 1 ? v - 1 : 0));
}

/**
 * `C = P·A·Pᵀ` — `C_ij = Σ_k Σ_l P_ik a_kl P_jl` — for row-major LQ⁺ rows P (nR × m) and coefficients A (m × m),
 * as an nR × nR row-major array. Two products (`R·m² + R²·m`) instead of the `R²·m²` double sum.
 */
export function _chainComplementarity(plus: Float64Array, a: Float64Array, nR: number, m: number): Float64Array {
  const t = multiplyUnchecked(plus, a, nR, m, m);
  const plusT = new Float64Array(m * nR);
  for (let r = 0; r < nR; r++) for (let k = 0; k < m; k++) plusT[k * nR + r] = plus[r * m + k] as number;
  return multiplyUnchecked(t, plusT, nR, m, nR);
}

/** One link by index: supplier industry k of the supplying region, buyer industry l of the buying one. */
export interface ChainLinkIndex {
  readonly k: number;
  readonly l: number;
  /** `P_ik · a_kl · P_jl` (> 0). */
  readonly v: number;
}

/**
 * The `top` largest positive contributions `P_ik · a_kl · P_jl` of every ordered pair (i supplies, j buys), at
 * index `i·nR + j` (the diagonal is empty); largest first, ties in (k, l) order. Only the specialised industries
 * (`P > 0`) of each region are visited.
 */
export function _chainLinks(plus: Float64Array, a: Float64Array, nR: number, m: number, top: number): ChainLinkIndex[][] {
  const out: ChainLinkIndex[][] = Array.from({ length: nR * nR }, () => []);
  if (top === 0) return out;
  for (let i = 0; i < nR; i++) for (let j = 0; j < nR; j++) if (i !== j) out[i * nR + j] = _pairChainLinks(plus, a, m, top, i, j);
  return out;
}

/** The `top` strongest supplier → buyer links from region i's specialisations to region j's (one ordered pair). */
export function _pairChainLinks(plus: Float64Array, a: Float64Array, m: number, top: number, i: number, j: number): ChainLinkIndex[] {
  const best: ChainLinkIndex[] = [];
  if (top === 0) return best;
  for (let k = 0; k < m; k++) {
    const pik = plus[i * m + k] as number;
    if (!(pik > 0)) continue;
    for (let l = 0; l < m; l++) {
      const pjl = plus[j * m + l] as number;
      if (!(pjl > 0)) continue;
      const v = pik * (a[k * m + l] as number) * pjl;
      if (!(v > 0) || (best.length === top && v <= (best[top - 1] as ChainLinkIndex).v)) continue;
      let pos = best.length;
      while (pos > 0 && (best[pos - 1] as ChainLinkIndex).v < v) pos--;
      best.splice(pos, 0, { k, l, v });
      if (best.length > top) best.pop();
    }
  }
  return best;
}

/**
 * Chain complementarity of every ordered pair of regions. `coefficients` is an industry × industry matrix (A, or
 * L for total requirements) whose labels are the matrix's industries, in any order.
 *
 * Cost: `R·m² + R²·m` for the matrix, plus the links over the specialised industries of each pair.
 * Throws `InvalidInputError` `LABEL_MISMATCH`, `BAD_COEFFICIENTS`, `INVALID_OPTION`.
 *
 * @example
 * chainComplementarity(jobs, technicalCoefficients(nationalTable)).links[0];
 */
export function chainComplementarity(
  matrix: RegionIndustryMatrix,
  coefficients: LabelledMatrix,
  options: ChainComplementarityOptions = {},
): ChainComplementarity {
  const fn = 'chainComplementarity';
  const top = options.topLinks ?? defaultChainComplementarityOptions.topLinks;
  if (!(Number.isInteger(top) && top >= 0))
    throw new InvalidInputError(cooperationMessages.invalidOption(fn, 'topLinks', top, 'an integer ≥ 0'), undefined, 'INVALID_OPTION');
  const industries = matrix.industries;
  const m = industries.length;
  const regions = matrix.regions;
  const nR = regions.length;
  const a = alignedCoefficients(fn, coefficients, industries);
  const plus = _lqPlus(_ownLocationQuotient(fn, matrix));
  const c = _chainComplementarity(plus, a, nR, m);
  const rel = new Float64Array(nR * nR);
  const absent = new Uint8Array(nR * nR);
  for (let i = 0; i < nR; i++) {
    const internal = c[i * nR + i] as number;
    for (let j = 0; j < nR; j++) {
      if (internal > 0) rel[i * nR + j] = (c[i * nR + j] as number) / internal;
      else absent[i * nR + j] = 1;
    }
  }
  const links: PairChainLinks[] = [];
  const best = _chainLinks(plus, a, nR, m, top);
  for (let i = 0; i < nR; i++) {
    for (let j = 0; j < nR; j++) {
      if (top === 0 || i === j || !((c[i * nR + j] as number) > 0)) continue;
      const pair = best[i * nR + j] as readonly ChainLinkIndex[];
      links.push({
        from: regions[i] as string,
        to: regions[j] as string,
        links: pair.map((b) => ({ supplier: industries[b.k] as string, buyer: industries[b.l] as string, contribution: b.v })),
      });
    }
  }
  return { complementarity: labelledMatrix(regions, regions, c), relativeToInternal: labelledMatrix(regions, regions, rel, absent), links };
}

function alignedCoefficients(fn: string, coefficients: LabelledMatrix, industries: readonly string[]): Float64Array {
  const n = coefficients.rows.length;
  if (coefficients.columns.length !== n || coefficients.values.length !== n * n) {
    throw new InvalidInputError(
      cooperationMessages.badCoefficients(fn, `${coefficients.rows.length} × ${coefficients.columns.length}`),
      undefined,
      'BAD_COEFFICIENTS',
    );
  }
  for (let k = 0; k < n; k++) {
    if (coefficients.rows[k] !== coefficients.columns[k])
      throw new InvalidInputError(
        cooperationMessages.badCoefficients(fn, `row ${JSON.stringify(coefficients.rows[k])} against column ${JSON.stringify(coefficients.columns[k])}`),
        undefined,
        'BAD_COEFFICIENTS',
      );
  }
  const index = new Map<string, number>();
  coefficients.rows.forEach((label, k) => index.set(label, k));
  if (n !== industries.length) {
    const known = new Set(industries);
    const extra = coefficients.rows.find((label) => !known.has(label)) ?? (industries.find((s) => !index.has(s)) as string);
    throw new InvalidInputError(cooperationMessages.labelMismatch(fn, 'the coefficient matrix', extra), { industry: extra }, 'LABEL_MISMATCH');
  }
  const pos = industries.map((label) => {
    const k = index.get(label);
    if (k === undefined)
      throw new InvalidInputError(cooperationMessages.labelMismatch(fn, 'the coefficient matrix', label), { industry: label }, 'LABEL_MISMATCH');
    return k;
  });
  const m = industries.length;
  const out = new Float64Array(m * m);
  for (let k = 0; k < m; k++) {
    for (let l = 0; l < m; l++) {
      const c = (pos[k] as number) * n + (pos[l] as number);
      const v = coefficients.values[c] as number;
      if (!Number.isFinite(v) || v < 0 || coefficients.absent?.[c] === 1)
        throw new InvalidInputError(cooperationMessages.badCoefficients(fn, `${v} at (${industries[k]}, ${industries[l]})`), undefined, 'BAD_COEFFICIENTS');
      out[k * m + l] = v;
    }
  }
  return out;
}
