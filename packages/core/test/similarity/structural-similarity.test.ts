import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { structuralSimilarity } from '../../src/similarity/structural-similarity.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { build, buildPermuted, permutationArb, seed, tableArb, tiny, tinyWithZeroRow } from '../specialisation/arbitrary.ts';

describe('structuralSimilarity', () => {
  it('is the cosine of the share vectors', () => {
    // (30, 10)·(10, 50) / (|(30, 10)| |(10, 50)|) = 800 / (√1000 √2600) = 0.496138…
    assertAllClose(structuralSimilarity(tiny()).values, [1, 800 / Math.sqrt(1000 * 2600), 800 / Math.sqrt(1000 * 2600), 1], 1e-15);
  });

  it('is 1 for proportional mixes, 0 for disjoint ones, [[1]] for one region', () => {
    assertAllClose(
      structuralSimilarity(
        RegionIndustryMatrix.fromWide(
          ['A', 'B'],
          ['x', 'y'],
          [
            [1, 3],
            [2, 6],
          ],
        ),
      ).values,
      [1, 1, 1, 1],
      1e-15,
    );
    assertAllClose(
      structuralSimilarity(
        RegionIndustryMatrix.fromWide(
          ['A', 'B'],
          ['x', 'y'],
          [
            [5, 0],
            [0, 9],
          ],
        ),
      ).values,
      [1, 0, 0, 1],
      0,
    );
    assertAllClose(structuralSimilarity(RegionIndustryMatrix.fromWide(['A'], ['x'], [[5]])).values, [1], 0);
  });

  it('reports the row and column of a zero-total region as absent', () => {
    const s = structuralSimilarity(tinyWithZeroRow());
    assert.deepEqual([...(s.absent ?? [])], [0, 0, 1, 0, 0, 1, 1, 1, 1]);
  });

  it('agrees with the direct cosine, is symmetric with unit diagonal, within [0, 1], and permutes (property)', () => {
    fc.assert(
      fc.property(
        tableArb(9, 7).chain((t) => fc.tuple(fc.constant(t), permutationArb(t.nR), permutationArb(t.nI))),
        ([t, pr, pi]) => {
          const s = structuralSimilarity(build(t)).values;
          const n = t.nR;
          for (let p = 0; p < n; p++) {
            assert.equal(s[p * n + p], 1);
            for (let q = 0; q < n; q++) {
              const v = s[p * n + q] as number;
              assert.equal(v, s[q * n + p]);
              assert.ok(v >= 0 && v <= 1);
              let dot = 0;
              let a2 = 0;
              let b2 = 0;
              for (let i = 0; i < t.nI; i++) {
                const a = t.values[p]![i]!;
                const b = t.values[q]![i]!;
                dot += a * b;
                a2 += a * a;
                b2 += b * b;
              }
              if (p !== q) assertClose(v, dot / Math.sqrt(a2 * b2), 1e-12, `(${p}, ${q})`);
            }
          }
          const sp = structuralSimilarity(buildPermuted(t, pr, pi)).values;
          for (let p = 0; p < n; p++)
            for (let q = 0; q < n; q++) assertClose(sp[p * n + q] as number, s[(pr[p] as number) * n + (pr[q] as number)] as number, 1e-12);
        },
      ),
      { seed, numRuns: propertyRuns.kernel },
    );
  });
});
