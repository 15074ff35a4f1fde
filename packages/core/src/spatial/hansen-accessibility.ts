/**
 * Hansen accessibility `A_i = Σ_j O_j f(c_ij)`: opportunities reachable from i, discounted by travel cost.
 *
 * Reference: Hansen W.G. (1959) "How accessibility shapes land use", Journal of the American Institute of
 * Planners 25(2), 73–76; REAT `hansen`. Decay functions: power `c^(−β)` (default β = 2, as the gravity
 * linkage) or negative exponential `exp(−β c)` (Wilson 1971).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import { spatialMessages } from './messages.ts';

/** Distance decay `f(c)`. */
export type DistanceDecay = { readonly kind: 'power'; readonly exponent: number } | { readonly kind: 'exponential'; readonly rate: number };

/** Options of {@link hansenAccessibility}. */
export interface HansenOptions {
  /** Decay `f(c)`. Default `{ kind: "power", exponent: 2 }`; exponent and rate must be finite and ≥ 0. */
  readonly decay?: DistanceDecay;
  /**
   * Count a region's own opportunities (`j = i`, where the row and column labels agree). Default false. With
   * power decay the own cost must then be positive (an internal distance), else `ZERO_DISTANCE`.
   */
  readonly includeSelf?: boolean;
}

/** Defaults of {@link HansenOptions}. */
export const defaultHansenOptions = { decay: { kind: 'power', exponent: 2 }, includeSelf: false } as const satisfies Required<HansenOptions>;

/**
 * Accessibility of every origin (rows of `cost`) to the opportunities at the destinations (columns of `cost`,
 * matched by label to `opportunities`). Absent cost cells are unreachable pairs (they contribute 0).
 *
 * Throws `InvalidInputError`: `LABEL_MISMATCH` (a cost column with no opportunity), `NOT_FINITE`,
 * `NEGATIVE_VALUE`, `ZERO_DISTANCE` (power decay at cost 0), `INVALID_OPTION`.
 *
 * @example
 * hansenAccessibility(jobs, railMinutes, { decay: { kind: 'exponential', rate: 0.02 } });
 */
export function hansenAccessibility(opportunities: LabelledVector, cost: LabelledMatrix, options: HansenOptions = {}): LabelledVector {
  const fn = 'hansenAccessibility';
  const decay = options.decay ?? defaultHansenOptions.decay;
  const includeSelf = options.includeSelf ?? defaultHansenOptions.includeSelf;
  const beta = decay.kind === 'power' ? decay.exponent : decay.kind === 'exponential' ? decay.rate : Number.NaN;
  if (!(beta >= 0 && Number.isFinite(beta)))
    throw new InvalidInputError(
      spatialMessages.invalidOption(fn, 'decay', decay, '{ kind: "power", exponent ≥ 0 } or { kind: "exponential", rate ≥ 0 }'),
      undefined,
      'INVALID_OPTION',
    );
  const power = decay.kind === 'power';
  const index = new Map<string, number>();
  opportunities.labels.forEach((label, k) => index.set(label, k));
  const nO = cost.rows.length;
  const nD = cost.columns.length;
  if (cost.values.length !== nO * nD) throw new InvalidInputError(spatialMessages.shape(fn, 'cost', cost.values.length, nO * nD), undefined, 'SHAPE_MISMATCH');
  const o = new Float64Array(nD);
  for (let j = 0; j < nD; j++) {
    const k = index.get(cost.columns[j] as string);
    if (k === undefined)
      throw new InvalidInputError(spatialMessages.labelMismatch(fn, 'opportunities', cost.columns[j] as string), { region: cost.columns[j] }, 'LABEL_MISMATCH');
    const x = opportunities.values[k] as number;
    if (!Number.isFinite(x) || opportunities.absent?.[k] === 1)
      throw new InvalidInputError(spatialMessages.notFinite(fn, 'opportunities', JSON.stringify(cost.columns[j]), x), undefined, 'NOT_FINITE');
    if (x < 0) throw new InvalidInputError(spatialMessages.negative(fn, 'opportunities', JSON.stringify(cost.columns[j]), x), undefined, 'NEGATIVE_VALUE');
    o[j] = x;
  }
  const out = new Float64Array(nO);
  for (let i = 0; i < nO; i++) {
    let a = 0;
    for (let j = 0; j < nD; j++) {
      const c = i * nD + j;
      const self = cost.rows[i] === cost.columns[j];
      if ((self && !includeSelf) || cost.absent?.[c] === 1) continue;
      const d = cost.values[c] as number;
      const where = (): string => `(${cost.rows[i]}, ${cost.columns[j]})`;
      if (!Number.isFinite(d)) throw new InvalidInputError(spatialMessages.notFinite(fn, 'cost', where(), d), { index: c }, 'NOT_FINITE');
      if (d < 0) throw new InvalidInputError(spatialMessages.negative(fn, 'cost', where(), d), { index: c }, 'NEGATIVE_VALUE');
      if (power && d === 0 && beta > 0)
        throw new InvalidInputError(spatialMessages.zeroDistance(fn, cost.rows[i] as string, cost.columns[j] as string), { index: c }, 'ZERO_DISTANCE');
      a += (o[j] as number) * (power ? (beta === 2 ? 1 / (d * d) : d ** -beta) : Math.exp(-beta * d));
    }
    out[i] = a;
  }
  return labelledVector(cost.rows, out);
}
