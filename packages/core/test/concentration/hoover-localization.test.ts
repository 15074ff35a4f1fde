import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultHooverLocalizationOptions, hooverLocalization } from '../../src/concentration/hoover-localization.ts';
import { InvalidInputError, NotFoundError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroColumn, tinyWithZeroRow } from '../specialisation/arbitrary.ts';

describe('hooverLocalization', () => {
  it('compares each industry with total activity by default', () => {
    // x: ½(|0.75 − 0.4| + |0.25 − 0.6|) = 0.35; y: ½(|1/6 − 0.4| + |5/6 − 0.6|) = 0.2333…
    const h = hooverLocalization(tiny());
    assert.deepEqual(h.labels, ['x', 'y']);
    assertAllClose(h.values, [0.35, 7 / 30], 1e-15);
  });

  it('uses a uniform reference, a population vector, and a percent scale (unrounded)', () => {
    // uniform: x ½(0.25 + 0.25) = 0.25; y ½(|1/6 − ½| + |5/6 − ½|) = 1/3
    assertAllClose(hooverLocalization(tiny(), { reference: 'uniform' }).values, [0.25, 1 / 3], 1e-15);
    const pop = { labels: ['B', 'A', 'extra'], values: new Float64Array([3, 1, 99]) }; // A ¼, B ¾
    assertAllClose(hooverLocalization(tiny(), { reference: pop }).values, [0.5, 1 / 12], 1e-15);
    assertAllClose(hooverLocalization(tiny(), { scale: 'percent' }).values, [35, 70 / 3], 1e-12);
  });

  it('is 0 for a single region and for an industry spread like total activity', () => {
    assertAllClose(hooverLocalization(RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]])).values, [0, 0], 1e-15);
    assertAllClose(hooverLocalization(RegionIndustryMatrix.fromWide(['A', 'B'], ['x'], [[3], [7]])).values, [0], 1e-15);
  });

  it('counts a zero-total region as a region with nothing, and reports a zero-total industry as absent', () => {
    assertAllClose(hooverLocalization(tinyWithZeroRow()).values, [0.35, 7 / 30], 1e-15);
    assert.deepEqual([...(hooverLocalization(tinyWithZeroColumn()).absent ?? [])], [0, 0, 1]);
  });

  it('refuses bad references and scales', () => {
    assert.throws(
      () => hooverLocalization(tiny(), { reference: { labels: ['A'], values: new Float64Array([1]) } }),
      (e) => e instanceof NotFoundError,
    );
    assert.throws(
      () => hooverLocalization(tiny(), { reference: { labels: ['A', 'B'], values: new Float64Array([1, -1]) } }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_WEIGHT',
    );
    assert.throws(
      () => hooverLocalization(tiny(), { reference: { labels: ['A', 'B'], values: new Float64Array([0, 0]) } }),
      (e) => e instanceof InvalidInputError && e.code === 'ZERO_TOTAL',
    );
    assert.throws(
      () => hooverLocalization(tiny(), { reference: 'population' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => hooverLocalization(tiny(), { scale: 'permille' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });

  it('exports its defaults', () => assert.deepEqual(defaultHooverLocalizationOptions, { reference: 'regionTotals', scale: 'fraction' }));
});
