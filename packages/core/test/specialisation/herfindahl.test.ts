import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { defaultHerfindahlOptions, herfindahl } from '../../src/specialisation/herfindahl.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroRow } from './arbitrary.ts';

describe('herfindahl', () => {
  it('sums squared shares', () => assertAllClose(herfindahl(tiny()).values, [0.625, 26 / 36], 1e-15)); // .5625+.0625; 1/36+25/36

  it('normalises with n = number of industries', () => {
    // (0.625 − 0.5)/0.5 = 0.25; (26/36 − 0.5)/0.5 = 4/9
    assertAllClose(herfindahl(tiny(), { normalized: true }).values, [0.25, 4 / 9], 1e-15);
  });

  it('is 1/n for an even mix and 1 for a single industry', () => {
    assertAllClose(herfindahl(RegionIndustryMatrix.fromWide(['A'], ['x', 'y', 'z', 'w'], [[5, 5, 5, 5]])).values, [0.25], 1e-15);
    assertAllClose(herfindahl(RegionIndustryMatrix.fromWide(['A', 'B'], ['x'], [[3], [7]])).values, [1, 1], 0);
  });

  it('refuses normalisation with a single industry', () =>
    assert.throws(
      () => herfindahl(RegionIndustryMatrix.fromWide(['A'], ['x'], [[3]]), { normalized: true }),
      (e) => e instanceof InvalidInputError && e.code === 'TOO_FEW_INDUSTRIES',
    ));

  it('reports a zero-total region as absent', () => assert.deepEqual([...(herfindahl(tinyWithZeroRow()).absent ?? [])], [0, 0, 1]));

  it('refuses a non-boolean normalized', () =>
    assert.throws(
      () => herfindahl(tiny(), { normalized: 'yes' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    ));

  it('exports its defaults', () => assert.deepEqual(defaultHerfindahlOptions, { normalized: false }));
});
