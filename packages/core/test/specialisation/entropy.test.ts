import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { defaultEntropyOptions, entropy } from '../../src/specialisation/entropy.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroRow } from './arbitrary.ts';

describe('entropy', () => {
  it('is −Σ s log2 s in bits', () => {
    // A: −(¾ log2 ¾ + ¼ log2 ¼) = 0.811278…; B: −(⅙ log2 ⅙ + ⅚ log2 ⅚) = 0.650022…
    assertAllClose(
      entropy(tiny()).values,
      [-(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25)), -((1 / 6) * Math.log2(1 / 6) + (5 / 6) * Math.log2(5 / 6))],
      1e-15,
    );
  });

  it('uses natural logs with log: "ln"', () => {
    assertAllClose(entropy(tiny(), { log: 'ln' }).values.subarray(0, 1), [-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25))], 1e-15);
  });

  it('is log2 n for an even mix, 0 for one industry, and skips zero cells (0·log 0 = 0)', () => {
    assertAllClose(entropy(RegionIndustryMatrix.fromWide(['A'], ['x', 'y', 'z', 'w'], [[5, 5, 5, 5]])).values, [2], 1e-15);
    const one = entropy(
      RegionIndustryMatrix.fromWide(
        ['A', 'B'],
        ['x', 'y'],
        [
          [3, 0],
          [0, 7],
        ],
      ),
    );
    assert.deepEqual([...one.values], [0, 0]);
    assert.ok(!Object.is(one.values[0], -0));
  });

  it('reports a zero-total region as absent', () => assert.deepEqual([...(entropy(tinyWithZeroRow()).absent ?? [])], [0, 0, 1]));

  it('refuses an unknown log', () =>
    assert.throws(
      () => entropy(tiny(), { log: 'log10' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    ));

  it('exports its defaults', () => assert.deepEqual(defaultEntropyOptions, { log: 'log2' }));
});
