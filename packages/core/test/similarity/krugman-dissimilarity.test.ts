import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { defaultKrugmanDissimilarityOptions, krugmanDissimilarity } from '../../src/similarity/krugman-dissimilarity.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { build, buildPermuted, permutationArb, seed, tableArb, tiny, tinyWithZeroRow } from '../specialisation/arbitrary.ts';

describe('krugmanDissimilarity', () => {
  it('is Σ_i |s_pi − s_qi| between every pair', () => {
    // |0.75 − 1/6| + |0.25 − 5/6| = 7/6
    const k = krugmanDissimilarity(tiny());
    assert.deepEqual(k.rows, ['A', 'B']);
    assert.deepEqual(k.columns, ['A', 'B']);
    assertAllClose(k.values, [0, 7 / 6, 7 / 6, 0], 1e-15);
  });

  it('halves on request', () => assertAllClose(krugmanDissimilarity(tiny(), { halved: true }).values, [0, 7 / 12, 7 / 12, 0], 1e-15));

  it('is 2 for disjoint mixes, 0 for equal ones, [[0]] for one region', () => {
    assertAllClose(
      krugmanDissimilarity(
        RegionIndustryMatrix.fromWide(
          ['A', 'B'],
          ['x', 'y'],
          [
            [5, 0],
            [0, 9],
          ],
        ),
      ).values,
      [0, 2, 2, 0],
      1e-15,
    );
    assertAllClose(
      krugmanDissimilarity(
        RegionIndustryMatrix.fromWide(
          ['A', 'B'],
          ['x', 'y'],
          [
            [1, 3],
            [2, 6],
          ],
        ),
      ).values,
      [0, 0, 0, 0],
      0,
    );
    assertAllClose(krugmanDissimilarity(RegionIndustryMatrix.fromWide(['A'], ['x'], [[5]])).values, [0], 0);
  });

  it('reports the row and column of a zero-total region as absent', () => {
    const k = krugmanDissimilarity(tinyWithZeroRow());
    assert.deepEqual([...(k.absent ?? [])], [0, 0, 1, 0, 0, 1, 1, 1, 1]);
    assertAllClose([k.values[1] as number], [7 / 6], 1e-15);
  });

  it('agrees with the direct sum |a − b|, is symmetric with zero diagonal, within [0, 2], and permutes (property)', () => {
    fc.assert(
      fc.property(
        tableArb(9, 7).chain((t) => fc.tuple(fc.constant(t), permutationArb(t.nR), permutationArb(t.nI))),
        ([t, pr, pi]) => {
          const m = build(t);
          const k = krugmanDissimilarity(m).values;
          const xr = m.regionTotals();
          const n = t.nR;
          for (let p = 0; p < n; p++) {
            assert.equal(k[p * n + p], 0);
            for (let q = 0; q < n; q++) {
              const v = k[p * n + q] as number;
              assert.equal(v, k[q * n + p]);
              assert.ok(v >= 0 && v <= 2);
              let direct = 0;
              for (let i = 0; i < t.nI; i++) direct += Math.abs(t.values[p]![i]! / (xr[p] as number) - t.values[q]![i]! / (xr[q] as number));
              assertClose(v, direct, 1e-12, `(${p}, ${q})`);
            }
          }
          const kp = krugmanDissimilarity(buildPermuted(t, pr, pi)).values;
          for (let p = 0; p < n; p++)
            for (let q = 0; q < n; q++) assertClose(kp[p * n + q] as number, k[(pr[p] as number) * n + (pr[q] as number)] as number, 1e-12);
        },
      ),
      { seed, numRuns: propertyRuns.kernel },
    );
  });

  it('refuses a non-boolean halved', () =>
    assert.throws(
      () => krugmanDissimilarity(tiny(), { halved: 1 as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    ));

  it('exports its defaults', () => assert.deepEqual(defaultKrugmanDissimilarityOptions, { halved: false }));
});
