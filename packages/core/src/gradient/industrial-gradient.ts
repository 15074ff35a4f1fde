/**
 * Industrial gradient coefficient (产业梯度系数) `IG_ik = LQ_ik × CPOR_ik`, with comparative labour productivity
 * `CPOR_ik = (Y_ik / Y_k) / (L_ik / L_k)` (city i's share of the area's output of k over its share of k's jobs).
 *
 * References: 戴宏伟 (2006) "产业梯度、产业双向转移与中国制造业发展", 经济理论与经济管理 2006(12); methods.md M6.
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';
import { gradientMessages } from './messages.ts';

/** Options of {@link industrialGradient}. */
export interface IndustrialGradientOptions {
  /** Matrix the LQ is computed on: `"output"` (default, as 戴宏伟 2006) or `"employment"`. */
  readonly lqBasis?: 'output' | 'employment';
}

/** Defaults of {@link IndustrialGradientOptions}. */
export const defaultIndustrialGradientOptions = { lqBasis: 'output' } as const satisfies Required<IndustrialGradientOptions>;

/** Result of {@link industrialGradient}: three region × industry matrices. */
export interface IndustrialGradient {
  /** `IG = LQ × CPOR`; > 1 high gradient (candidate origin/keeper), < 1 low (candidate receiver). */
  readonly gradient: LabelledMatrix;
  readonly lq: LabelledMatrix;
  /** Comparative labour productivity; absent where the region has no employment in the industry. */
  readonly cpor: LabelledMatrix;
}

/**
 * Industrial gradient of every (region, industry). `output` (value added or gross output) and `employment` must
 * have the same labels in the same order. Cells with `L_ik = 0` have no CPOR and no IG (marked absent).
 *
 * Throws `InvalidInputError` `LABEL_MISMATCH`, `INVALID_OPTION`.
 *
 * @example
 * industrialGradient(valueAdded, jobs).gradient; // Beijing low, Hebei high in k → candidate for transfer
 */
export function industrialGradient(
  output: RegionIndustryMatrix,
  employment: RegionIndustryMatrix,
  options: IndustrialGradientOptions = {},
): IndustrialGradient {
  const fn = 'industrialGradient';
  const basis = options.lqBasis ?? defaultIndustrialGradientOptions.lqBasis;
  if (basis !== 'output' && basis !== 'employment')
    throw new InvalidInputError(gradientMessages.invalidOption(fn, 'lqBasis', basis, '"output" or "employment"'), undefined, 'INVALID_OPTION');
  sameLabels(fn, 'region', output.regions, employment.regions);
  sameLabels(fn, 'industry', output.industries, employment.industries);
  const nR = output.regionCount;
  const nI = output.industryCount;
  const lq = _ownLocationQuotient(fn, basis === 'output' ? output : employment);
  const yk = output.industryTotals();
  const lk = employment.industryTotals();
  const cpor = new Float64Array(nR * nI);
  const ig = new Float64Array(nR * nI);
  const absent = new Uint8Array(nR * nI);
  for (let r = 0; r < nR; r++) {
    for (let k = 0; k < nI; k++) {
      const c = r * nI + k;
      const l = employment.values[c] as number;
      const yTotal = yk[k] as number;
      if (l === 0 || yTotal === 0) {
        absent[c] = 1;
        continue;
      }
      const v = (output.values[c] as number) / yTotal / (l / (lk[k] as number));
      cpor[c] = v;
      ig[c] = (lq[c] as number) * v;
    }
  }
  return {
    gradient: labelledMatrix(output.regions, output.industries, ig, absent),
    lq: labelledMatrix(output.regions, output.industries, lq),
    cpor: labelledMatrix(output.regions, output.industries, cpor, absent),
  };
}

function sameLabels(fn: string, kind: string, a: readonly string[], b: readonly string[]): void {
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k++) {
    if (a[k] !== b[k]) throw new InvalidInputError(gradientMessages.labelMismatch(fn, kind, (a[k] ?? b[k]) as string), { index: k }, 'LABEL_MISMATCH');
  }
}
