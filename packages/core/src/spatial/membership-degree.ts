/**
 * Economic membership degree (经济隶属度): `F_ij = R_ij / Σ_{j≠i} R_ij`, the share of region i's linkage that goes
 * to j. Reading a core's row shows which cities "belong" to it. Reference: methods.md M7; 王德忠, 庄仁兴 (1996).
 */
import { InvalidInputError } from '../errors/metro-error.ts';
import { type LabelledMatrix, labelledMatrix } from '../matrix/labelled.ts';
import { spatialMessages } from './messages.ts';
import { regionMatrix } from './region-vector.ts';

/** Options of {@link membershipDegree}. */
export interface MembershipOptions {
  /** A row whose off-diagonal sum is 0: `"error"` (default) or `"absent"` (the row is marked absent). */
  readonly zeroRows?: 'error' | 'absent';
}

/** Defaults of {@link MembershipOptions}. */
export const defaultMembershipOptions = { zeroRows: 'error' } as const satisfies Required<MembershipOptions>;

/**
 * Row-normalise a linkage matrix (e.g. {@link gravityLinkage}'s `strength`), ignoring its diagonal: each row of
 * the result sums to 1 (fractions, not percent) and has 0 on the diagonal. Absent input cells count as 0.
 *
 * Throws `InvalidInputError` `ZERO_ROW` (default policy), `SHAPE_MISMATCH`, `LABEL_MISMATCH`, `NOT_FINITE`,
 * `NEGATIVE_VALUE`, `INVALID_OPTION`.
 *
 * @example
 * membershipDegree(gravityLinkage(input).strength).values; // row i: where i's linkage goes
 */
export function membershipDegree(linkage: LabelledMatrix, options: MembershipOptions = {}): LabelledMatrix {
  const fn = 'membershipDegree';
  const policy = options.zeroRows ?? defaultMembershipOptions.zeroRows;
  if (policy !== 'error' && policy !== 'absent')
    throw new InvalidInputError(spatialMessages.invalidOption(fn, 'zeroRows', policy, '"error" or "absent"'), undefined, 'INVALID_OPTION');
  const regions = linkage.rows;
  regionMatrix(fn, 'linkage', linkage, regions);
  const n = regions.length;
  const out = new Float64Array(n * n);
  const absent = new Uint8Array(n * n);
  const values = linkage.values;
  const gone = linkage.absent;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) if (j !== i && (gone === undefined || gone[row + j] !== 1)) sum += values[row + j] as number;
    if (!(sum > 0)) {
      if (policy === 'error') throw new InvalidInputError(spatialMessages.zeroRow(fn, regions[i] as string), { region: regions[i] }, 'ZERO_ROW');
      absent.fill(1, row, row + n);
      continue;
    }
    for (let j = 0; j < n; j++) if (j !== i && (gone === undefined || gone[row + j] !== 1)) out[row + j] = (values[row + j] as number) / sum;
  }
  return labelledMatrix(regions, regions, out, absent);
}
