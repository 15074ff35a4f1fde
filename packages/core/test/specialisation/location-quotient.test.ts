import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError, NotFoundError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { _ownLocationQuotient, defaultLocationQuotientOptions, locationQuotient } from '../../src/specialisation/location-quotient.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { build, buildPermuted, permutationArb, seed, tableArb, tiny, tinyWithZeroRow } from './arbitrary.ts';

describe('locationQuotient', () => {
  it('computes the hand example (x = 100, x_x = 40, x_y = 60)', () => {
    // A: (30/40)/(40/100) = 1.875, (10/40)/(60/100) = 0.41666…; B: (10/60)/0.4 = 0.41666…, (50/60)/0.6 = 1.38888…
    const lq = locationQuotient(tiny());
    assert.deepEqual(lq.rows, ['A', 'B']);
    assert.deepEqual(lq.columns, ['x', 'y']);
    assertAllClose(lq.values, [1.875, 5 / 12, 5 / 12, 25 / 18], 1e-15);
    assert.equal(lq.absent, undefined);
  });

  it('computes the additive variant s_ri − s_i', () => {
    // A: 0.75 − 0.4, 0.25 − 0.6; B: 1/6 − 0.4, 5/6 − 0.6
    assertAllClose(locationQuotient(tiny(), { variant: 'additive' }).values, [0.35, -0.35, 1 / 6 - 0.4, 5 / 6 - 0.6], 1e-15);
  });

  it('uses reference totals from another matrix (national), whose total includes extra industries', () => {
    // national: x 100, y 100, w 200 → total 400; s_x = 0.25, s_y = 0.25. A: 0.75/0.25 = 3, 0.25/0.25 = 1.
    const nation = RegionIndustryMatrix.fromWide(['N'], ['x', 'y', 'w'], [[100, 100, 200]]);
    assertAllClose(locationQuotient(tiny(), { reference: nation }).values, [3, 1, 2 / 3, 10 / 3], 1e-15);
  });

  it('uses reference totals from an industry vector (sum = grand total)', () => {
    const ref = { labels: ['y', 'x', 'w'], values: new Float64Array([100, 100, 200]) };
    assertAllClose(locationQuotient(tiny(), { reference: ref }).values, [3, 1, 2 / 3, 10 / 3], 1e-15);
  });

  it('gives 0 in a zero-total region kept by zeroTotals "keep", and absent rows in the additive variant', () => {
    const m = tinyWithZeroRow();
    assertAllClose(locationQuotient(m).values.subarray(4), [0, 0], 0);
    const add = locationQuotient(m, { variant: 'additive' });
    assert.deepEqual([...(add.absent ?? [])], [0, 0, 0, 0, 1, 1]);
  });

  it('equals 1 everywhere for a single region and for all-equal structures', () => {
    const one = RegionIndustryMatrix.fromWide(['A'], ['x', 'y'], [[3, 7]]);
    assertAllClose(locationQuotient(one).values, [1, 1], 1e-15);
    const same = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [1, 3],
        [2, 6],
      ],
    );
    assertAllClose(locationQuotient(same).values, [1, 1, 1, 1], 1e-15);
  });

  it('refuses a reference without an industry, a zero reference share, and bad options', () => {
    const missing = { labels: ['x'], values: new Float64Array([5]) };
    assert.throws(
      () => locationQuotient(tiny(), { reference: missing }),
      (e) => e instanceof NotFoundError && e.code === 'UNKNOWN_LABEL',
    );
    const zero = { labels: ['x', 'y'], values: new Float64Array([5, 0]) };
    assert.throws(
      () => locationQuotient(tiny(), { reference: zero }),
      (e) => e instanceof InvalidInputError && e.code === 'ZERO_REFERENCE',
    );
    assert.throws(
      () => locationQuotient(tiny(), { variant: 'log' as never }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => locationQuotient({} as never),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_INPUT',
    );
  });

  it('exports its defaults', () => assert.deepEqual(defaultLocationQuotientOptions, { variant: 'ratio' }));

  it('has an x_r-weighted mean of 1 over regions for every industry (property)', () => {
    fc.assert(
      fc.property(tableArb(), (t) => {
        const m = build(t);
        const lq = locationQuotient(m).values;
        const xr = m.regionTotals();
        const x = m.total();
        for (let i = 0; i < t.nI; i++) {
          let mean = 0;
          for (let r = 0; r < t.nR; r++) mean += ((xr[r] as number) * (lq[r * t.nI + i] as number)) / x;
          assertClose(mean, 1, 1e-12, `industry ${i}`);
        }
      }),
      { seed, numRuns: propertyRuns.kernel },
    );
  });

  it('permutes with its rows and columns, and stays ≥ 0 (property)', () => {
    fc.assert(
      fc.property(
        tableArb().chain((t) => fc.tuple(fc.constant(t), permutationArb(t.nR), permutationArb(t.nI))),
        ([t, pr, pi]) => {
          const a = locationQuotient(build(t));
          const b = locationQuotient(buildPermuted(t, pr, pi));
          for (let r = 0; r < t.nR; r++) {
            for (let i = 0; i < t.nI; i++) {
              const v = b.values[r * t.nI + i] as number;
              assert.ok(v >= 0);
              assertClose(v, a.values[(pr[r] as number) * t.nI + (pi[i] as number)] as number, 1e-12);
            }
          }
        },
      ),
      { seed, numRuns: propertyRuns.kernel },
    );
  });

  it('is the one LQ of the core: _ownLocationQuotient (used by gradient, cooperation, spatial, relatedness) equals it to the bit (property)', () => {
    fc.assert(
      fc.property(tableArb(), (t) => {
        const m = build(t);
        assert.deepEqual(Array.from(_ownLocationQuotient('test', m)), Array.from(locationQuotient(m).values));
      }),
      { seed, numRuns: propertyRuns.kernel },
    );
    const zeroRow = tinyWithZeroRow();
    assert.deepEqual(Array.from(_ownLocationQuotient('test', zeroRow)), Array.from(locationQuotient(zeroRow).values));
  });
});
