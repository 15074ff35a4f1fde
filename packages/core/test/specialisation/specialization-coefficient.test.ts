import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { specializationCoefficient } from '../../src/specialisation/specialization-coefficient.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroRow } from './arbitrary.ts';

describe('specializationCoefficient', () => {
  it('is half the Krugman index against the area', () => assertAllClose(specializationCoefficient(tiny()).values, [0.35, 7 / 30], 1e-15));

  it('is 0 for a single region and for a single industry', () => {
    assertAllClose(specializationCoefficient(RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]])).values, [0], 0);
    assertAllClose(specializationCoefficient(RegionIndustryMatrix.fromWide(['A', 'B'], ['x'], [[3], [7]])).values, [0, 0], 0);
  });

  it('reports a zero-total region as absent', () => assert.deepEqual([...(specializationCoefficient(tinyWithZeroRow()).absent ?? [])], [0, 0, 1]));

  it('refuses a non-matrix input and non-object options', () => {
    assert.throws(
      () => specializationCoefficient([[1]] as never),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_INPUT',
    );
    assert.throws(
      () => specializationCoefficient(tiny(), 3 as never),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });
});
