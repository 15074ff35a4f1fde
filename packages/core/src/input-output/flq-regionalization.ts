/**
 * Flegg location quotient (FLQ) regionalisation of national technical coefficients: a regional coefficient is
 * the national one scaled down where the region is too small or too unspecialised to supply it itself.
 *
 * References: Flegg A.T., Webber C.D., Elliott M.V. (1995) "On the appropriate use of location quotients in
 * generating regional input–output tables", Regional Studies 29(6); Flegg A.T., Webber C.D. (1997) Regional
 * Studies 31(8) (δ ≈ 0.3); Miller & Blair (2009) §8.3.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import { _locationQuotient } from '../specialisation/location-quotient.ts';
import { coefficientsFrom } from './coefficients-input.ts';
import type { InputOutputTable } from './input-output-table.ts';
import { inputOutputMessages } from './messages.ts';

/** Options of {@link flqRegionalization}. */
export interface FlqOptions {
  /** Sensitivity δ of λ* = [log₂(1 + E_r/E_n)]^δ, in [0, 1). Default 0.3 (Flegg & Webber 1997). δ = 0 gives CILQ. */
  readonly delta?: number;
}

/** Defaults of {@link FlqOptions}. */
export const defaultFlqOptions = { delta: 0.3 } as const satisfies Required<FlqOptions>;

/** Result of {@link flqRegionalization}. */
export interface FlqRegionalization {
  /** Regional technical coefficients `a^r_kl = a_kl · min(1, FLQ_kl)`. */
  readonly coefficients: LabelledMatrix;
  /** `FLQ_kl = CILQ_kl · λ*` (rows: supplying k; columns: purchasing l); `CILQ_kk = SLQ_k`. */
  readonly flq: LabelledMatrix;
  /** Simple location quotients of the region, `SLQ_k = (E_rk/E_r)/(E_nk/E_n)`. */
  readonly slq: LabelledVector;
  /** Regional size factor λ* in [0, 1]. */
  readonly lambda: number;
}

/**
 * Regionalise national coefficients with the FLQ. Employment vectors are labelled; their label sets must equal
 * the coefficient sectors (any order). `CILQ_kl = SLQ_k / SLQ_l`; where `SLQ_l = 0` (the region has no l) the
 * column is left at the national coefficients (`min(1, ∞)`), and where `SLQ_k = 0` the row is 0 (nothing to buy
 * locally). Regional employment must not exceed national in total.
 *
 * Throws `INVALID_OPTION` (δ outside [0, 1)), `LABEL_MISMATCH`, `NOT_FINITE`, `NEGATIVE_VALUE`, `ZERO_OUTPUT`
 * (a sector with no national employment, or empty totals).
 *
 * @example
 * const r = flqRegionalization(nationalTable, beijingJobs, chinaJobs); leontiefInverse(r.coefficients);
 */
export function flqRegionalization(
  national: InputOutputTable | LabelledMatrix,
  regionalEmployment: LabelledVector,
  nationalEmployment: LabelledVector,
  options: FlqOptions = {},
): FlqRegionalization {
  const fn = 'flqRegionalization';
  const delta = options.delta ?? defaultFlqOptions.delta;
  if (!(delta >= 0 && delta < 1))
    throw new InvalidInputError(inputOutputMessages.invalidOption(fn, 'delta', delta, 'a number in [0, 1)'), undefined, 'INVALID_OPTION');
  const { sectors, a } = coefficientsFrom(fn, national);
  const n = sectors.length;
  const re = aligned(fn, 'regionalEmployment', regionalEmployment, sectors);
  const ne = aligned(fn, 'nationalEmployment', nationalEmployment, sectors);
  let tr = 0;
  let tn = 0;
  for (let k = 0; k < n; k++) {
    tr += re[k] as number;
    tn += ne[k] as number;
  }
  if (!(tn > 0) || !(tr > 0))
    throw new InvalidInputError(inputOutputMessages.zeroOutput(fn, tn > 0 ? 'regional total' : 'national total', tn > 0 ? tr : tn), undefined, 'ZERO_OUTPUT');
  const lambda = Math.log2(1 + tr / tn) ** delta;
  const slq = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (!((ne[k] as number) > 0))
      throw new InvalidInputError(inputOutputMessages.zeroOutput(fn, sectors[k] as string, ne[k] as number), { sector: sectors[k] }, 'ZERO_OUTPUT');
  }
  // The SLQ is the location quotient of a one-region matrix against the national vector (every x_k > 0 here).
  _locationQuotient(re, 1, n, Float64Array.of(tr), ne, tn, slq);
  const flq = new Float64Array(n * n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    for (let l = 0; l < n; l++) {
      const sk = slq[k] as number;
      const sl = slq[l] as number;
      const cilq = k === l ? sk : sk === 0 ? 0 : sl === 0 ? Number.POSITIVE_INFINITY : sk / sl;
      const f = cilq * lambda;
      // An infinite FLQ (the region lacks the buyer) is reported absent; min(1, ∞) = 1 keeps the national value.
      flq[k * n + l] = Number.isFinite(f) ? f : 0;
      out[k * n + l] = (a[k * n + l] as number) * Math.min(1, f);
    }
  }
  const absent = new Uint8Array(n * n);
  for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) if (k !== l && slq[k] !== 0 && slq[l] === 0) absent[k * n + l] = 1;
  return { coefficients: labelledMatrix(sectors, sectors, out), flq: labelledMatrix(sectors, sectors, flq, absent), slq: labelledVector(sectors, slq), lambda };
}

function aligned(fn: string, what: string, v: LabelledVector, sectors: readonly string[]): Float64Array {
  const index = new Map<string, number>();
  v.labels.forEach((label, k) => index.set(label, k));
  if (v.labels.length !== sectors.length) {
    const known = new Set(sectors);
    const extra = v.labels.find((label) => !known.has(label)) ?? (sectors.find((s) => !index.has(s)) as string);
    throw new InvalidInputError(inputOutputMessages.labelMismatch(fn, what, extra), { sector: extra }, 'LABEL_MISMATCH');
  }
  const out = new Float64Array(sectors.length);
  sectors.forEach((s, k) => {
    const j = index.get(s);
    if (j === undefined) throw new InvalidInputError(inputOutputMessages.labelMismatch(fn, what, s), { sector: s }, 'LABEL_MISMATCH');
    const x = v.values[j] as number;
    if (!Number.isFinite(x) || v.absent?.[j] === 1) throw new InvalidInputError(inputOutputMessages.notFinite(fn, what, s, x), { sector: s }, 'NOT_FINITE');
    if (x < 0) throw new InvalidInputError(inputOutputMessages.negative(fn, what, JSON.stringify(s), x), { sector: s }, 'NEGATIVE_VALUE');
    out[k] = x;
  });
  return out;
}
