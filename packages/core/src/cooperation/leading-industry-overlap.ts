/**
 * Overlap of leading industries between cities (产业重合度 / 同质化): Jaccard `|P_i ∩ P_j| / |P_i ∪ P_j|` of the
 * sets of leading industries, and the duplication count `n_k` (how many cities list industry k).
 *
 * References: Jaccard P. (1912) "The distribution of the flora in the alpine zone", New Phytologist 11(2);
 * methods.md M13 (leading industries from plans, or LQ > 1.5).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, type LabelledVector, labelledMatrix, labelledVector } from '../matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../matrix/region-industry-matrix.ts';
import { _ownLocationQuotient } from '../specialisation/location-quotient.ts';
import { cooperationMessages } from './messages.ts';

/** Options of {@link leadingIndustries}. */
export interface LeadingIndustriesOptions {
  /** An industry leads in a region when `LQ > threshold`. Default 1.5 (methods.md M13); must be ≥ 0. */
  readonly threshold?: number;
}

/** Defaults of {@link LeadingIndustriesOptions}. */
export const defaultLeadingIndustriesOptions = { threshold: 1.5 } as const satisfies Required<LeadingIndustriesOptions>;

/**
 * Leading industries of every region by the LQ rule, in the matrix's industry order.
 *
 * @example
 * leadingIndustryOverlap(leadingIndustries(jobs)).jaccard;
 */
export function leadingIndustries(matrix: RegionIndustryMatrix, options: LeadingIndustriesOptions = {}): Readonly<Record<string, readonly string[]>> {
  const fn = 'leadingIndustries';
  const t = options.threshold ?? defaultLeadingIndustriesOptions.threshold;
  if (!(t >= 0 && Number.isFinite(t)))
    throw new InvalidInputError(cooperationMessages.invalidOption(fn, 'threshold', t, 'a finite number ≥ 0'), undefined, 'INVALID_OPTION');
  const lq = _ownLocationQuotient(fn, matrix);
  const m = matrix.industryCount;
  const out: Record<string, string[]> = {};
  matrix.regions.forEach((region, r) => {
    const list: string[] = [];
    for (let k = 0; k < m; k++) if ((lq[r * m + k] as number) > t) list.push(matrix.industries[k] as string);
    out[region] = list;
  });
  return out;
}

/** Result of {@link leadingIndustryOverlap}. */
export interface LeadingIndustryOverlap {
  /** Jaccard index, symmetric, in [0, 1]; 1 on the diagonal; absent where both sets are empty. */
  readonly jaccard: LabelledMatrix;
  /** Shared leading industries `|P_i ∩ P_j|` (the diagonal is `|P_i|`). */
  readonly shared: LabelledMatrix;
  /** `n_k`: number of regions listing industry k; industries in lexical order. */
  readonly duplication: LabelledVector;
}

/**
 * Pairwise overlap of leading-industry sets (from plans, or {@link leadingIndustries}). Regions and industries
 * are listed in lexical order; a repeated industry within a region's list counts once.
 *
 * @example
 * leadingIndustryOverlap({ Shanghai: ['IC', 'AI', 'bio'], Suzhou: ['IC', 'bio', 'nano'] }).jaccard; // 0.5
 */
export function leadingIndustryOverlap(leading: Readonly<Record<string, readonly string[]>>): LeadingIndustryOverlap {
  const regions = Object.keys(leading).sort(lexical);
  const industrySet = new Set<string>();
  for (const r of regions) for (const k of leading[r] as readonly string[]) industrySet.add(k);
  const industries = [...industrySet].sort(lexical);
  const index = new Map<string, number>();
  industries.forEach((k, i) => index.set(k, i));
  const n = regions.length;
  const m = industries.length;
  const member = new Uint8Array(n * m);
  const size = new Float64Array(n);
  regions.forEach((r, i) => {
    for (const k of leading[r] as readonly string[]) {
      const c = i * m + (index.get(k) as number);
      if (member[c] === 0) {
        member[c] = 1;
        size[i] = (size[i] as number) + 1;
      }
    }
  });
  const jaccard = new Float64Array(n * n);
  const shared = new Float64Array(n * n);
  const absent = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += (member[i * m + k] as number) & (member[j * m + k] as number);
      const union = (size[i] as number) + (size[j] as number) - s;
      shared[i * n + j] = s;
      shared[j * n + i] = s;
      if (union === 0) {
        absent[i * n + j] = 1;
        absent[j * n + i] = 1;
      } else {
        jaccard[i * n + j] = s / union;
        jaccard[j * n + i] = s / union;
      }
    }
  }
  const duplication = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let k = 0; k < m; k++) duplication[k] = (duplication[k] as number) + (member[i * m + k] as number);
  return {
    jaccard: labelledMatrix(regions, regions, jaccard, absent),
    shared: labelledMatrix(regions, regions, shared),
    duplication: labelledVector(industries, duplication),
  };
}

const lexical = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
