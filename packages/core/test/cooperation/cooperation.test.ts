import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { chainComplementarity } from '../../src/cooperation/chain-complementarity.ts';
import { couplingCoordination } from '../../src/cooperation/coupling-coordination.ts';
import { leadingIndustries, leadingIndustryOverlap } from '../../src/cooperation/leading-industry-overlap.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { labelledMatrix } from '../../src/matrix/labelled.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

describe('chainComplementarity', () => {
  // LQ⁺: A = (0.5, 0), B = (0, 0.5); a = [[0.3, 0.2], [0.1, 0.05]] (rows: supplier).
  const jobs = RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['x', 'y'],
    [
      [30, 10],
      [10, 30],
    ],
  );
  const a = labelledMatrix(['x', 'y'], ['x', 'y'], new Float64Array([0.3, 0.2, 0.1, 0.05]));

  it('matches a hand computation, with the top link of each pair', () => {
    const r = chainComplementarity(jobs, a);
    assertAllClose(r.complementarity.values, [0.075, 0.05, 0.025, 0.0125], 1e-15);
    assertAllClose(r.relativeToInternal.values, [1, 2 / 3, 2, 1], 1e-15);
    assert.deepEqual(
      r.links.map((p) => [p.from, p.to, p.links.map((l) => [l.supplier, l.buyer])]),
      [
        ['A', 'B', [['x', 'y']]],
        ['B', 'A', [['y', 'x']]],
      ],
    );
    assertClose(r.links[0]?.links[0]?.contribution as number, 0.05, 1e-15);
  });

  it('accepts coefficients in another label order and can skip links', () => {
    const swapped = labelledMatrix(['y', 'x'], ['y', 'x'], new Float64Array([0.05, 0.1, 0.2, 0.3]));
    const r = chainComplementarity(jobs, swapped, { topLinks: 0 });
    assertAllClose(r.complementarity.values, [0.075, 0.05, 0.025, 0.0125], 1e-15);
    assert.equal(r.links.length, 0);
  });

  it('is zero for a region with no specialisation (degenerate) and marks its relative row absent', () => {
    const flat = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [10, 10],
        [20, 20],
      ],
    );
    const r = chainComplementarity(flat, a);
    assert.ok(r.complementarity.values.every((v) => v === 0));
    assert.deepEqual([...(r.relativeToInternal.absent ?? [])], [1, 1, 1, 1]);
  });

  it('returns links sorted by contribution, equal in sum to C_ij when all are kept (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (rows, coef) => {
          fc.pre(rows.every((r) => r.some((v) => v > 0)) && [0, 1, 2, 3].every((k) => rows.some((r) => (r[k] as number) > 0)));
          const ind = ['a', 'b', 'c', 'd'];
          const m = RegionIndustryMatrix.fromWide(
            rows.map((_, k) => `R${k}`),
            ind,
            rows,
          );
          const r = chainComplementarity(m, labelledMatrix(ind, ind, new Float64Array(coef)), { topLinks: 16 });
          const n = rows.length;
          for (const pair of r.links) {
            const i = m.regionIndex(pair.from);
            const j = m.regionIndex(pair.to);
            const sum = pair.links.reduce((s, l) => s + l.contribution, 0);
            assertClose(sum, r.complementarity.values[i * n + j] as number, 1e-12);
            for (let k = 1; k < pair.links.length; k++) assert.ok((pair.links[k - 1]?.contribution as number) >= (pair.links[k]?.contribution as number));
          }
        },
      ),
      { seed: 1956, numRuns: propertyRuns.kernel },
    );
  });

  it('rejects mismatched or invalid coefficients and a bad topLinks', () => {
    assert.throws(() => chainComplementarity(jobs, labelledMatrix(['x', 'z'], ['x', 'z'], new Float64Array(4))), isCode('LABEL_MISMATCH'));
    assert.throws(() => chainComplementarity(jobs, labelledMatrix(['x'], ['x'], new Float64Array(1))), isCode('LABEL_MISMATCH'));
    assert.throws(() => chainComplementarity(jobs, labelledMatrix(['x', 'y'], ['y', 'x'], new Float64Array(4))), isCode('BAD_COEFFICIENTS'));
    assert.throws(() => chainComplementarity(jobs, labelledMatrix(['x', 'y'], ['x', 'y'], new Float64Array([0, -1, 0, 0]))), isCode('BAD_COEFFICIENTS'));
    assert.throws(() => chainComplementarity(jobs, a, { topLinks: -1 }), isCode('INVALID_OPTION'));
  });
});

describe('leadingIndustryOverlap', () => {
  it('computes Jaccard, shared counts and duplication (hand case)', () => {
    const r = leadingIndustryOverlap({ Suzhou: ['IC', 'bio', 'nano', 'IC'], Shanghai: ['IC', 'AI', 'bio'], Nantong: [] });
    assert.deepEqual(r.jaccard.rows, ['Nantong', 'Shanghai', 'Suzhou']);
    // Shanghai ∩ Suzhou = {IC, bio}, ∪ = {IC, AI, bio, nano} → 0.5.
    assertClose(r.jaccard.values[1 * 3 + 2] as number, 0.5, 1e-15);
    assert.equal(r.jaccard.values[1 * 3 + 1], 1);
    assert.equal(r.shared.values[2 * 3 + 2], 3);
    assert.deepEqual([...(r.jaccard.absent ?? [])], [1, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(r.duplication.labels, ['AI', 'IC', 'bio', 'nano']);
    assert.deepEqual([...r.duplication.values], [1, 2, 2, 1]);
  });

  it('derives leading industries from LQ > 1.5 by default', () => {
    // LQ: A (x 1.6, y 0.4); B (x 0.4, y 1.6).
    const m = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [40, 10],
        [10, 40],
      ],
    );
    assert.deepEqual(leadingIndustries(m), { A: ['x'], B: ['y'] });
    assert.deepEqual(leadingIndustries(m, { threshold: 2 }), { A: [], B: [] });
    assert.throws(() => leadingIndustries(m, { threshold: -1 }), isCode('INVALID_OPTION'));
  });
});

describe('couplingCoordination', () => {
  it('matches the two-subsystem formulas (hand case) and classifies', () => {
    const r = couplingCoordination({
      labels: ['a', 'b', 'c'],
      subsystems: [
        [0.8, 0.2, 0],
        [0.6, 0.2, 0.5],
      ],
    });
    const c = (2 * Math.sqrt(0.48)) / 1.4;
    assertAllClose(r.coupling.values, [c, 1, 0], 1e-15);
    assertAllClose(r.development.values, [0.7, 0.2, 0.25], 1e-15);
    assertAllClose(r.coordination.values, [Math.sqrt(c * 0.7), Math.sqrt(0.2), 0], 1e-15);
    assert.deepEqual(r.classes, ['highly-coordinated', 'near-disordered', 'disordered']);
  });

  it('generalises to three subsystems with weights', () => {
    const r = couplingCoordination({ labels: ['a'], subsystems: [[0.2], [0.4], [0.8]] }, { weights: [0.5, 0.25, 0.25] });
    assertClose(r.coupling.values[0] as number, (3 * Math.cbrt(0.2 * 0.4 * 0.8)) / 1.4, 1e-15);
    assertClose(r.development.values[0] as number, 0.1 + 0.1 + 0.2, 1e-15);
  });

  it('keeps C, T, D in [0, 1] and C = 1 when all scores are equal (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 5 }), (u) => {
        const r = couplingCoordination({ labels: ['x'], subsystems: u.map((v) => [v]) });
        for (const v of [r.coupling.values[0], r.development.values[0], r.coordination.values[0]] as number[]) assert.ok(v >= 0 && v <= 1);
        const e = couplingCoordination({ labels: ['x'], subsystems: u.map(() => [u[0] as number]) });
        assertClose(e.coupling.values[0] as number, 1, 1e-12);
      }),
      { seed: 1999, numRuns: propertyRuns.kernel },
    );
  });

  it('rejects all-zero scores by default, scores outside [0, 1] and bad options', () => {
    assert.throws(() => couplingCoordination({ labels: ['a'], subsystems: [[0], [0]] }), isCode('ZERO_SCORES'));
    assert.equal(couplingCoordination({ labels: ['a'], subsystems: [[0], [0]] }, { zeroScores: 'zero' }).coordination.values[0], 0);
    assert.throws(() => couplingCoordination({ labels: ['a'], subsystems: [[1.2], [0]] }), isCode('OUT_OF_RANGE'));
    assert.throws(() => couplingCoordination({ labels: ['a'], subsystems: [[0.5]] }), isCode('INVALID_OPTION'));
    assert.throws(() => couplingCoordination({ labels: ['a'], subsystems: [[0.5], [0.5]] }, { weights: [0.6, 0.6] }), isCode('INVALID_OPTION'));
    assert.throws(() => couplingCoordination({ labels: ['a'], subsystems: [[0.5], [0.5]] }, { bands: [0.5, 0.4, 0.6, 0.8] }), isCode('INVALID_OPTION'));
    assert.throws(() => couplingCoordination({ labels: ['a', 'b'], subsystems: [[0.5], [0.5, 0.1]] }), isCode('SHAPE_MISMATCH'));
  });
});
