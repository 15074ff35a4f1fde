import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultGiniOptions, gini } from '../../src/concentration/gini.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroColumn, tinyWithZeroRow } from '../specialisation/arbitrary.ts';

describe('gini', () => {
  it('is 1 − (1/n) Σ (ν_k + ν_{k−1}) per industry over regions', () => {
    // x (10, 30): ν = ¼, 1 → 1 − ½(¼ + 1¼) = 0.25; y (10, 50): ν = ⅙, 1 → 1 − ½(⅙ + 7/6) = ⅓
    assertAllClose(gini(tiny()).values, [0.25, 1 / 3], 1e-15);
  });

  it('works per region and on location quotients', () => {
    // per region A (30, 10): 0.25; B (10, 50): ⅓
    assertAllClose(gini(tiny(), { per: 'region' }).values, [0.25, 1 / 3], 1e-15);
    // LQ column x (1.875, 5/12): sum 2.2916…; ν = 0.1818…, 1 → 1 − ½(0.1818 + 1.1818) = 0.3181…
    const s = 1.875 + 5 / 12;
    assertAllClose(gini(tiny(), { of: 'lq' }).values.subarray(0, 1), [1 - 0.5 * (5 / 12 / s + 5 / 12 / s + 1)], 1e-15);
  });

  it('is 0 for equal values and for a single value, 1 − 1/n for one holder', () => {
    assertAllClose(gini(RegionIndustryMatrix.fromWide(['A', 'B', 'C'], ['x'], [[4], [4], [4]])).values, [0], 0);
    assertAllClose(gini(RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]])).values, [0, 0], 0);
    assertAllClose(
      gini(
        RegionIndustryMatrix.fromWide(
          ['A', 'B', 'C', 'D'],
          ['x', 'y'],
          [
            [4, 1],
            [0, 1],
            [0, 1],
            [0, 1],
          ],
        ),
      ).values,
      [0.75, 0],
      1e-15,
    );
  });

  it('counts a zero-total region as a zero and reports a zero-total industry as absent', () => {
    // x (30, 10, 0): ν = 0, ¼, 1 → 1 − ⅓(0 + ¼ + 1¼) = 0.5
    assertAllClose(gini(tinyWithZeroRow()).values.subarray(0, 1), [0.5], 1e-15);
    assert.deepEqual([...(gini(tinyWithZeroColumn()).absent ?? [])], [0, 0, 1]);
    assert.deepEqual([...(gini(tinyWithZeroRow(), { per: 'region' }).absent ?? [])], [0, 0, 1]);
  });

  it('refuses unknown options', () => {
    assert.throws(
      () => gini(tiny(), { of: 'shares' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => gini(tiny(), { per: 'pair' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });

  it('exports its defaults', () => assert.deepEqual(defaultGiniOptions, { of: 'values', per: 'industry' }));
});
