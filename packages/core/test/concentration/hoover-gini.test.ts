import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultHooverGiniOptions, hooverGini, locationalGini } from '../../src/concentration/hoover-gini.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroColumn, tinyWithZeroRow } from '../specialisation/arbitrary.ts';

describe('hooverGini', () => {
  it('is 1 − Σ (P_k − P_{k−1})(C_k + C_{k−1}) with regions ordered by x_ri/x_r', () => {
    // x: ratios A 0.75, B 1/6 → order B, A: P = 0.6, 1; C = 0.25, 1 → 1 − (0.6·0.25 + 0.4·1.25) = 0.35
    // y: ratios A 0.25, B 5/6 → order A, B: P = 0.4, 1; C = 1/6, 1 → 1 − (0.4/6 + 0.6·7/6) = 0.2333…
    assertAllClose(hooverGini(tiny()).values, [0.35, 7 / 30], 1e-15);
  });

  it('halves into the locational Gini', () => assertAllClose(locationalGini(tiny()).values, [0.175, 7 / 60], 1e-15));

  it('uses a uniform reference', () => {
    // x uniform: order B (10), A (30): P = ½, 1; C = ¼, 1 → 1 − (½·¼ + ½·1¼) = 0.25
    assertAllClose(hooverGini(tiny(), { reference: 'uniform' }).values.subarray(0, 1), [0.25], 1e-15);
  });

  it('is 0 for a single region, for an industry spread like the reference, and ignores ties', () => {
    assertAllClose(hooverGini(RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]])).values, [0, 0], 1e-15);
    assertAllClose(hooverGini(RegionIndustryMatrix.fromWide(['A', 'B', 'C'], ['x'], [[3], [7], [3]])).values, [0], 1e-15);
  });

  it('sorts a zero-weight region with activity last (infinite ratio)', () => {
    // population (1, 0) with B active in x: order A, B; P = 1, 1; C = 0.75, 1 → 1 − (1·0.75 + 0) = 0.25
    const pop = { labels: ['A', 'B'], values: new Float64Array([1, 0]) };
    assertAllClose(hooverGini(tiny(), { reference: pop }).values.subarray(0, 1), [0.25], 1e-15);
  });

  it('ignores a zero-total region and reports a zero-total industry as absent', () => {
    assertAllClose(hooverGini(tinyWithZeroRow()).values, [0.35, 7 / 30], 1e-15);
    assert.deepEqual([...(locationalGini(tinyWithZeroColumn()).absent ?? [])], [0, 0, 1]);
  });

  it('exports its defaults', () => assert.deepEqual(defaultHooverGiniOptions, { reference: 'regionTotals' }));
});
