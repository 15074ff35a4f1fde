import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { hachman } from '../../src/specialisation/hachman.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroRow } from './arbitrary.ts';

describe('hachman', () => {
  it('is 1 / Σ s_ri LQ_ri', () => {
    // A: 1/(0.75·1.875 + 0.25·5/12) = 1/1.510416… = 0.662068…; B: 1/((1/6)(5/12) + (5/6)(25/18)) = 0.815094…
    assertAllClose(hachman(tiny()).values, [1 / (0.75 * 1.875 + 0.25 * (5 / 12)), 1 / ((1 / 6) * (5 / 12) + (5 / 6) * (25 / 18))], 1e-15);
  });

  it('is 1 for all-equal structures, a single region and a single industry', () => {
    assertAllClose(
      hachman(
        RegionIndustryMatrix.fromWide(
          ['A', 'B'],
          ['x', 'y'],
          [
            [1, 3],
            [2, 6],
          ],
        ),
      ).values,
      [1, 1],
      1e-15,
    );
    assertAllClose(hachman(RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]])).values, [1], 1e-15);
    assertAllClose(hachman(RegionIndustryMatrix.fromWide(['A', 'B'], ['x'], [[3], [7]])).values, [1, 1], 1e-15);
  });

  it('uses a reference economy', () => {
    // national shares (0.5, 0.5): A 1/(0.75²/0.5 + 0.25²/0.5) = 0.8
    const ref = { labels: ['x', 'y'], values: new Float64Array([1, 1]) };
    assertAllClose(hachman(tiny(), { reference: ref }).values.subarray(0, 1), [0.8], 1e-15);
  });

  it('reports a zero-total region as absent and refuses a zero reference share', () => {
    assert.deepEqual([...(hachman(tinyWithZeroRow()).absent ?? [])], [0, 0, 1]);
    const ref = { labels: ['x', 'y'], values: new Float64Array([1, 0]) };
    assert.throws(
      () => hachman(tiny(), { reference: ref }),
      (e) => e instanceof InvalidInputError && e.code === 'ZERO_REFERENCE',
    );
  });
});
