/** fast-check arbitraries and small builders shared by the specialisation, concentration and similarity tests. */
import fc from 'fast-check';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';

/** Seed for every property test here (fixed so failures reproduce). */
export const seed = 20261128;

/** A wide table with no zero row or column (a 1 is added where needed), values 0…1000 with ~40% zeros. */
export interface Table {
  readonly nR: number;
  readonly nI: number;
  readonly values: number[][];
}

export const tableArb = (maxR = 7, maxI = 7, minR = 1, minI = 1): fc.Arbitrary<Table> =>
  fc.tuple(fc.integer({ min: minR, max: maxR }), fc.integer({ min: minI, max: maxI })).chain(([nR, nI]) =>
    fc
      .array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), { minLength: nI, maxLength: nI }), {
        minLength: nR,
        maxLength: nR,
      })
      .map((rows) => {
        const values = rows.map((row) => [...row]);
        for (let r = 0; r < nR; r++) if (values[r]!.every((v) => v === 0)) values[r]![r % nI] = 1;
        for (let i = 0; i < nI; i++) if (values.every((row) => row[i] === 0)) values[i % nR]![i] = 1;
        return { nR, nI, values };
      }),
  );

export const regionLabels = (n: number): string[] => Array.from({ length: n }, (_, k) => `R${k}`);
export const industryLabels = (n: number): string[] => Array.from({ length: n }, (_, k) => `I${k}`);

/** Build in the given (input) order. */
export function build(t: Table): RegionIndustryMatrix {
  return RegionIndustryMatrix.fromWide(regionLabels(t.nR), industryLabels(t.nI), t.values, { order: 'input' });
}

/** A permutation arbitrary of 0…n−1. */
export const permutationArb = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((k, i) => [k, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i),
  );

/** Build the same table with rows and columns permuted (labels travel with their data). */
export function buildPermuted(t: Table, pr: readonly number[], pi: readonly number[]): RegionIndustryMatrix {
  const rl = regionLabels(t.nR);
  const il = industryLabels(t.nI);
  return RegionIndustryMatrix.fromWide(
    pr.map((r) => rl[r]!),
    pi.map((i) => il[i]!),
    pr.map((r) => pi.map((i) => t.values[r]![i]!)),
    { order: 'input' },
  );
}

/** The hand-checked 2 × 2 example of the TSDoc: A = (30, 10), B = (10, 50). */
export const tiny = (): RegionIndustryMatrix =>
  RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['x', 'y'],
    [
      [30, 10],
      [10, 50],
    ],
  );

/** The tiny example plus a zero-total region Z kept by zeroTotals "keep". */
export const tinyWithZeroRow = (): RegionIndustryMatrix =>
  RegionIndustryMatrix.fromWide(
    ['A', 'B', 'Z'],
    ['x', 'y'],
    [
      [30, 10],
      [10, 50],
      [0, 0],
    ],
    { zeroTotals: 'keep' },
  );

/** The tiny example plus a zero-total industry z kept by zeroTotals "keep". */
export const tinyWithZeroColumn = (): RegionIndustryMatrix =>
  RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['x', 'y', 'z'],
    [
      [30, 10, 0],
      [10, 50, 0],
    ],
    { zeroTotals: 'keep' },
  );
