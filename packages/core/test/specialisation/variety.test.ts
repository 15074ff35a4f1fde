import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError, NotFoundError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { entropy } from '../../src/specialisation/entropy.ts';
import { variety } from '../../src/specialisation/variety.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { build, industryLabels, seed, tableArb } from './arbitrary.ts';

describe('variety', () => {
  const m = RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['a1', 'a2', 'b1'],
    [
      [25, 25, 50],
      [0, 0, 10],
    ],
    { order: 'input' },
  );
  const groups = { a1: 'a', a2: 'a', b1: 'b' };

  it('splits entropy into unrelated (between groups) and related (within groups) variety', () => {
    // A: P_a = P_b = ½ → UV = 1 bit; inside a: two halves → H_a = 1, RV = ½ × 1 = 0.5; E = 1.5. B: all in b1 → 0, 0, 0.
    const v = variety(m, { groups });
    assertAllClose(v.unrelated.values, [1, 0], 1e-15);
    assertAllClose(v.related.values, [0.5, 0], 1e-15);
    assertAllClose(v.entropy.values, [1.5, 0], 1e-15);
  });

  it('accepts a Map and natural logs', () => {
    const v = variety(m, { groups: new Map(Object.entries(groups)), log: 'ln' });
    assertAllClose(v.unrelated.values.subarray(0, 1), [Math.LN2], 1e-15);
  });

  it('adds up to the entropy for any grouping (property)', () => {
    fc.assert(
      fc.property(
        tableArb().chain((t) => fc.tuple(fc.constant(t), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: t.nI, maxLength: t.nI }))),
        ([t, g]) => {
          const mm = build(t);
          const map = Object.fromEntries(industryLabels(t.nI).map((l, i) => [l, `g${g[i]}`]));
          const v = variety(mm, { groups: map });
          const e = entropy(mm).values;
          for (let r = 0; r < t.nR; r++) {
            assertClose((v.unrelated.values[r] as number) + (v.related.values[r] as number), e[r] as number, 1e-12);
            assert.ok((v.unrelated.values[r] as number) >= 0 && (v.related.values[r] as number) >= -1e-15);
          }
        },
      ),
      { seed, numRuns: propertyRuns.kernel },
    );
  });

  it('refuses a missing group, a bad group id and missing groups option', () => {
    assert.throws(
      () => variety(m, { groups: { a1: 'a', a2: 'a' } }),
      (e) => e instanceof NotFoundError && e.code === 'MISSING_GROUP',
    );
    assert.throws(
      () => variety(m, { groups: { a1: 'a', a2: '', b1: 'b' } }),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => variety(m, {} as never),
      (e) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });
});
