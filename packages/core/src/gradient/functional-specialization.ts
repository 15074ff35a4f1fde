/**
 * Functional specialisation after Duranton & Puga (2005):
 * `FS_i = (L^M_i / L^P_i) / (L^M / L^P) − 1`, management (or producer-service) employment over production
 * employment in city i, relative to the whole area. Range −1 … ∞; > 0 = management/service functions (core),
 * < 0 = production functions (periphery).
 *
 * References: Duranton G., Puga D. (2005) "From sectoral to functional urban specialisation", Journal of Urban
 * Economics 57(2), 343–370; 赵勇, 白永秀 (2012) 中国工业经济 (producer services / manufacturing for China).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledVector, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { gradientMessages } from './messages.ts';

/** The function an industry stands for. */
export type IndustryFunction = 'management' | 'production' | 'other';

/**
 * Default mapping of GB/T 4754-2017 sections: management/services = producer services G (transport, storage and
 * post), I (information and software), J (finance), L (leasing and business services), M (scientific research
 * and technical services); production = C (manufacturing); every other section is `"other"` (left out).
 * Documented in docs/methodology/functional-specialization.md.
 */
export const gbt4754FunctionMapping: Readonly<Record<string, IndustryFunction>> = Object.freeze({
  A: 'other',
  B: 'other',
  C: 'production',
  D: 'other',
  E: 'other',
  F: 'other',
  G: 'management',
  H: 'other',
  I: 'management',
  J: 'management',
  K: 'other',
  L: 'management',
  M: 'management',
  N: 'other',
  O: 'other',
  P: 'other',
  Q: 'other',
  R: 'other',
  S: 'other',
  T: 'other',
});

/** Options of {@link functionalSpecialization}. */
export interface FunctionalSpecializationOptions {
  /** Industry label → function; industries not listed count as `"other"`. Default {@link gbt4754FunctionMapping}. */
  readonly mapping?: Readonly<Record<string, IndustryFunction>>;
  /** A region with no production employment: `"error"` (default) or `"absent"`. */
  readonly zeroProduction?: 'error' | 'absent';
}

/** Defaults of {@link FunctionalSpecializationOptions}. */
export const defaultFunctionalSpecializationOptions = {
  mapping: gbt4754FunctionMapping,
  zeroProduction: 'error',
} as const satisfies Required<FunctionalSpecializationOptions>;

/** Result of {@link functionalSpecialization}. */
export interface FunctionalSpecialization {
  /** `FS_i`, −1 … ∞. */
  readonly index: LabelledVector;
  /** `L^M_i / L^P_i`. */
  readonly ratio: LabelledVector;
  /** `L^M_i`. */
  readonly management: LabelledVector;
  /** `L^P_i`. */
  readonly production: LabelledVector;
  /** The area's reference ratio `L^M / L^P`. */
  readonly referenceRatio: number;
}

/**
 * Duranton–Puga functional specialisation of every region of an employment matrix whose industries carry the
 * mapping's labels (e.g. GB/T 4754 section letters).
 *
 * Throws `InvalidInputError`: `NO_FUNCTION` (no industry mapped to one of the two functions), `ZERO_TOTAL`
 * (no area-wide employment in one function), `ZERO_PRODUCTION` (default policy), `INVALID_OPTION`.
 *
 * @example
 * functionalSpecialization(jobsBySection).index; // Shanghai > 0, Suzhou < 0
 */
export function functionalSpecialization(employment: RegionIndustryMatrix, options: FunctionalSpecializationOptions = {}): FunctionalSpecialization {
  const fn = 'functionalSpecialization';
  const mapping = options.mapping ?? defaultFunctionalSpecializationOptions.mapping;
  const policy = options.zeroProduction ?? defaultFunctionalSpecializationOptions.zeroProduction;
  if (policy !== 'error' && policy !== 'absent')
    throw new InvalidInputError(gradientMessages.invalidOption(fn, 'zeroProduction', policy, '"error" or "absent"'), undefined, 'INVALID_OPTION');
  const nR = employment.regionCount;
  const nI = employment.industryCount;
  const role = new Int8Array(nI); // 1 management, −1 production, 0 other
  for (let k = 0; k < nI; k++) {
    const label = employment.industries[k] as string;
    const f = Object.hasOwn(mapping, label) ? mapping[label] : 'other';
    if (f !== 'management' && f !== 'production' && f !== 'other')
      throw new InvalidInputError(gradientMessages.badRole(fn, label, f), { industry: label }, 'INVALID_OPTION');
    role[k] = f === 'management' ? 1 : f === 'production' ? -1 : 0;
  }
  if (!role.includes(1)) throw new InvalidInputError(gradientMessages.noFunction(fn, 'management'), undefined, 'NO_FUNCTION');
  if (!role.includes(-1)) throw new InvalidInputError(gradientMessages.noFunction(fn, 'production'), undefined, 'NO_FUNCTION');
  const m = new Float64Array(nR);
  const p = new Float64Array(nR);
  let mTotal = 0;
  let pTotal = 0;
  for (let r = 0; r < nR; r++) {
    for (let k = 0; k < nI; k++) {
      const v = employment.values[r * nI + k] as number;
      if (role[k] === 1) m[r] = (m[r] as number) + v;
      else if (role[k] === -1) p[r] = (p[r] as number) + v;
    }
    mTotal += m[r] as number;
    pTotal += p[r] as number;
  }
  if (!(mTotal > 0)) throw new InvalidInputError(gradientMessages.zeroArea(fn, 'management'), undefined, 'ZERO_TOTAL');
  if (!(pTotal > 0)) throw new InvalidInputError(gradientMessages.zeroArea(fn, 'production'), undefined, 'ZERO_TOTAL');
  const reference = mTotal / pTotal;
  const ratio = new Float64Array(nR);
  const index = new Float64Array(nR);
  const absent = new Uint8Array(nR);
  for (let r = 0; r < nR; r++) {
    if (!((p[r] as number) > 0)) {
      if (policy === 'error')
        throw new InvalidInputError(gradientMessages.zeroProduction(fn, employment.regions[r] as string), { region: employment.regions[r] }, 'ZERO_PRODUCTION');
      absent[r] = 1;
      continue;
    }
    ratio[r] = (m[r] as number) / (p[r] as number);
    index[r] = (ratio[r] as number) / reference - 1;
  }
  const regions = employment.regions;
  return {
    index: labelledVector(regions, index, absent),
    ratio: labelledVector(regions, ratio, absent),
    management: labelledVector(regions, m),
    production: labelledVector(regions, p),
    referenceRatio: reference,
  };
}
