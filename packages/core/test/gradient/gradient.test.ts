import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { functionalSpecialization, gbt4754FunctionMapping } from '../../src/gradient/functional-specialization.ts';
import { industrialGradient } from '../../src/gradient/industrial-gradient.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

describe('industrialGradient', () => {
  // Output Y: A (60, 40), B (40, 60) → totals 100 each, 200. Jobs L: A (20, 20), B (30, 30).
  const y = RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['x', 'z'],
    [
      [60, 40],
      [40, 60],
    ],
  );
  const l = RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['x', 'z'],
    [
      [20, 20],
      [30, 30],
    ],
  );

  it('multiplies the output LQ by comparative labour productivity (hand case)', () => {
    const r = industrialGradient(y, l);
    // LQ_Ax = (60/100)/(100/200) = 1.2; CPOR_Ax = (60/100)/(20/50) = 1.5 → IG 1.8.
    assertAllClose(r.lq.values, [1.2, 0.8, 0.8, 1.2], 1e-15);
    assertAllClose(r.cpor.values, [1.5, 1, 2 / 3, 1], 1e-15);
    assertAllClose(r.gradient.values, [1.8, 0.8, 0.8 * (2 / 3), 1.2], 1e-15);
  });

  it('can take the LQ from employment', () => {
    const r = industrialGradient(y, l, { lqBasis: 'employment' });
    assertAllClose(r.lq.values, [1, 1, 1, 1], 1e-15);
    assertAllClose(r.gradient.values, r.cpor.values, 0);
  });

  it('marks cells without employment absent', () => {
    const l0 = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'z'],
      [
        [0, 20],
        [30, 30],
      ],
    );
    const r = industrialGradient(y, l0);
    assert.deepEqual([...(r.gradient.absent ?? [])], [1, 0, 0, 0]);
    assert.equal(r.gradient.values[0], 0);
  });

  it('rejects mismatched labels and a bad basis', () => {
    const other = RegionIndustryMatrix.fromWide(
      ['A', 'C'],
      ['x', 'z'],
      [
        [1, 1],
        [1, 1],
      ],
    );
    assert.throws(() => industrialGradient(y, other), isCode('LABEL_MISMATCH'));
    assert.throws(() => industrialGradient(y, l, { lqBasis: 'jobs' as never }), isCode('INVALID_OPTION'));
  });

  it('is 1 everywhere when productivity and structure are uniform, and follows region permutations (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })), { minLength: 2, maxLength: 6 }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        (rows, productivity) => {
          const regions = rows.map((_, k) => `R${k}`);
          const jobs = RegionIndustryMatrix.fromWide(
            regions,
            ['x', 'z'],
            rows.map(([a, b]) => [a, b]),
            { order: 'input' },
          );
          const out = RegionIndustryMatrix.fromWide(
            regions,
            ['x', 'z'],
            rows.map(([a, b]) => [a * productivity, b * productivity]),
            { order: 'input' },
          );
          const r = industrialGradient(out, jobs, { lqBasis: 'employment' });
          for (const v of r.cpor.values) assertClose(v, 1, 1e-12);
          const rev = [...regions].reverse();
          const jr = RegionIndustryMatrix.fromWide(
            rev,
            ['x', 'z'],
            [...rows].reverse().map(([a, b]) => [a, b * 2]),
            { order: 'input' },
          );
          const yr = RegionIndustryMatrix.fromWide(
            rev,
            ['x', 'z'],
            [...rows].reverse().map(([a, b]) => [a * 3, b]),
            { order: 'input' },
          );
          const jf = RegionIndustryMatrix.fromWide(
            regions,
            ['x', 'z'],
            rows.map(([a, b]) => [a, b * 2]),
            { order: 'input' },
          );
          const yf = RegionIndustryMatrix.fromWide(
            regions,
            ['x', 'z'],
            rows.map(([a, b]) => [a * 3, b]),
            { order: 'input' },
          );
          const forward = industrialGradient(yf, jf).gradient.values;
          const backward = industrialGradient(yr, jr).gradient.values;
          const n = rows.length;
          for (let k = 0; k < n; k++) for (let i = 0; i < 2; i++) assertClose(backward[(n - 1 - k) * 2 + i] as number, forward[k * 2 + i] as number, 1e-12);
        },
      ),
      { seed: 2006, numRuns: propertyRuns.iterative },
    );
  });
});

describe('functionalSpecialization', () => {
  // Sections: C production, J and M management, A other.
  const jobs = RegionIndustryMatrix.fromWide(
    ['core', 'rim'],
    ['A', 'C', 'J', 'M'],
    [
      [5, 50, 30, 20],
      [50, 150, 10, 10],
    ],
  );

  it('matches a hand computation with the default GB/T 4754 mapping', () => {
    const r = functionalSpecialization(jobs);
    // Area: M = 70, P = 200 → 0.35. core: 50/50 = 1 → 1/0.35 − 1; rim: 20/150 → (2/15)/0.35 − 1.
    assertAllClose(r.management.values, [50, 20], 0);
    assertAllClose(r.production.values, [50, 150], 0);
    assertClose(r.referenceRatio, 0.35, 1e-15);
    assertAllClose(r.index.values, [1 / 0.35 - 1, 2 / 15 / 0.35 - 1], 1e-12);
    assert.equal(gbt4754FunctionMapping.C, 'production');
  });

  it('takes a custom mapping; an index of 0 everywhere when every city has the same ratio', () => {
    const same = RegionIndustryMatrix.fromWide(
      ['a', 'b'],
      ['hq', 'plant'],
      [
        [1, 4],
        [3, 12],
      ],
    );
    const r = functionalSpecialization(same, { mapping: { hq: 'management', plant: 'production' } });
    assertAllClose(r.index.values, [0, 0], 1e-15);
  });

  it('handles a region without production by error or absence', () => {
    const m = RegionIndustryMatrix.fromWide(
      ['a', 'b'],
      ['C', 'J'],
      [
        [0, 4],
        [3, 12],
      ],
    );
    assert.throws(() => functionalSpecialization(m), isCode('ZERO_PRODUCTION'));
    const r = functionalSpecialization(m, { zeroProduction: 'absent' });
    assert.deepEqual([...(r.index.absent ?? [])], [1, 0]);
    assertClose(r.index.values[1] as number, 4 / (16 / 3) - 1, 1e-15);
  });

  it('rejects mappings that miss a function or carry an unknown role', () => {
    assert.throws(() => functionalSpecialization(jobs, { mapping: { C: 'production' } }), isCode('NO_FUNCTION'));
    assert.throws(() => functionalSpecialization(jobs, { mapping: { J: 'management' } }), isCode('NO_FUNCTION'));
    assert.throws(() => functionalSpecialization(jobs, { mapping: { C: 'production', J: 'hq' as never } }), isCode('INVALID_OPTION'));
  });
});
