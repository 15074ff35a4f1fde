/** Builders shared by the relatedness and complexity tests (not a test file). */
import fc from 'fast-check';
import { type LabelledMatrix, labelledMatrix } from '../../src/matrix/labelled.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';

/** A matrix of ones plus the given 0/1 presence rows, so hand cases can state B directly. */
export function fromPresence(rows: readonly (readonly number[])[]): { matrix: RegionIndustryMatrix; presence: LabelledMatrix } {
  const nR = rows.length;
  const nI = rows[0]?.length ?? 0;
  // Padded past 9 so that lexical order (the matrix's) equals the order of the rows given.
  const label = (prefix: string, k: number, n: number): string => `${prefix}${n > 9 ? String(k + 1).padStart(3, '0') : k + 1}`;
  const regions = Array.from({ length: nR }, (_, r) => label('R', r, nR));
  const industries = Array.from({ length: nI }, (_, i) => label('I', i, nI));
  const matrix = RegionIndustryMatrix.fromWide(
    regions,
    industries,
    rows.map((row) => row.map(() => 1)),
  );
  const presence = labelledMatrix(regions, industries, Float64Array.from(rows.flat()));
  return { matrix, presence };
}

/** Random non-negative integer matrices (every row and column non-zero), as a fast-check arbitrary. */
export function arbitraryMatrix(maxRegions = 12, maxIndustries = 9): fc.Arbitrary<RegionIndustryMatrix> {
  return fc
    .record({ nR: fc.integer({ min: 3, max: maxRegions }), nI: fc.integer({ min: 3, max: maxIndustries }), seed: fc.integer() })
    .map(({ nR, nI, seed }) => {
      let s = seed >>> 0;
      const rand = (): number => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const values: number[][] = [];
      for (let r = 0; r < nR; r++) {
        const row: number[] = [];
        for (let i = 0; i < nI; i++) row.push(rand() < 0.55 ? Math.floor(1 + 100 * rand() ** 2) : 0);
        if (!row.some((v) => v > 0)) row[r % nI] = 1;
        values.push(row);
      }
      for (let i = 0; i < nI; i++) if (values.every((row) => row[i] === 0)) (values[i % nR] as number[])[i] = 1;
      const pad = (n: number): string => String(n).padStart(3, '0');
      return RegionIndustryMatrix.fromWide(
        values.map((_, r) => `R${pad(r)}`),
        Array.from({ length: nI }, (_, i) => `I${pad(i)}`),
        values,
      );
    });
}

/** The same matrix with regions and industries relabelled in a permuted input order (labels kept). */
export function permuted(matrix: RegionIndustryMatrix, seed: number): RegionIndustryMatrix {
  const shuffle = (n: number): number[] => {
    const p = Array.from({ length: n }, (_, k) => k);
    let s = seed >>> 0;
    for (let k = n - 1; k > 0; k--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (k + 1);
      [p[k], p[j]] = [p[j] as number, p[k] as number];
    }
    return p;
  };
  const pr = shuffle(matrix.regionCount);
  const pi = shuffle(matrix.industryCount);
  const rows = pr.map((r) => pi.map((i) => matrix.at(r, i)));
  return RegionIndustryMatrix.fromWide(
    pr.map((r) => matrix.regions[r] as string),
    pi.map((i) => matrix.industries[i] as string),
    rows,
    { order: 'input' },
  );
}
