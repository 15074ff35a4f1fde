import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { defaultKrugmanSpecializationOptions, krugmanSpecialization } from '../../src/specialisation/krugman-specialization.ts';
import { assertAllClose } from '../helpers.ts';
import { tiny, tinyWithZeroRow } from './arbitrary.ts';

describe('krugmanSpecialization', () => {
  it('compares with the whole area by default', () => {
    // s_A = (0.75, 0.25), s_B = (1/6, 5/6), area (0.4, 0.6): A 0.35 + 0.35 = 0.7; B 0.2333… × 2 = 0.4666…
    assertAllClose(krugmanSpecialization(tiny()).values, [0.7, 7 / 15], 1e-15);
  });

  it('compares with the rest of the area', () => {
    // A vs B's mix (1/6, 5/6): 2 × (0.75 − 1/6) = 7/6; B vs A's mix: the same
    assertAllClose(krugmanSpecialization(tiny(), { reference: 'restOfArea' }).values, [7 / 6, 7 / 6], 1e-15);
  });

  it('compares with the unweighted mean of the other regions (REAT krugman.spec2)', () => {
    // three regions: C = (20, 20) → s_C = (0.5, 0.5); mean of others for A = ((1/6 + 0.5)/2, (5/6 + 0.5)/2) = (1/3, 2/3)
    const m = RegionIndustryMatrix.fromWide(
      ['A', 'B', 'C'],
      ['x', 'y'],
      [
        [30, 10],
        [10, 50],
        [20, 20],
      ],
    );
    const k = krugmanSpecialization(m, { reference: 'meanOfOthers' }).values;
    assertAllClose([k[0] as number], [2 * (0.75 - 1 / 3)], 1e-15);
  });

  it('is 0 for all-equal structures and for a single region ("area")', () => {
    const same = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [1, 3],
        [2, 6],
      ],
    );
    assertAllClose(krugmanSpecialization(same).values, [0, 0], 1e-15);
    assertAllClose(krugmanSpecialization(same, { reference: 'meanOfOthers' }).values, [0, 0], 1e-15);
    const one = RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]]);
    assertAllClose(krugmanSpecialization(one).values, [0], 0);
  });

  it('reaches 2 for regions with no industry in common (rest of area)', () => {
    const apart = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [5, 0],
        [0, 5],
      ],
    );
    assertAllClose(krugmanSpecialization(apart, { reference: 'restOfArea' }).values, [2, 2], 0);
  });

  it('refuses the other-region references for a single region', () => {
    const one = RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]]);
    for (const reference of ['restOfArea', 'meanOfOthers'] as const) {
      assert.throws(
        () => krugmanSpecialization(one, { reference }),
        (e) => e instanceof InvalidInputError && e.code === 'TOO_FEW_REGIONS',
      );
    }
  });

  it('reports a zero-total region as absent, and leaves it out of the mean of others', () => {
    const m = tinyWithZeroRow();
    for (const reference of ['area', 'restOfArea', 'meanOfOthers'] as const) {
      const k = krugmanSpecialization(m, { reference });
      assert.deepEqual([...(k.absent ?? [])], [0, 0, 1], reference);
    }
    assertAllClose(krugmanSpecialization(m, { reference: 'meanOfOthers' }).values.subarray(0, 2), [7 / 6, 7 / 6], 1e-15);
  });

  it('refuses an unknown reference', () =>
    assert.throws(
      () => krugmanSpecialization(tiny(), { reference: 'nation' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    ));

  it('exports its defaults', () => assert.deepEqual(defaultKrugmanSpecializationOptions, { reference: 'area' }));
});
