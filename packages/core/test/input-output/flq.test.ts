import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { flqRegionalization } from '../../src/input-output/flq-regionalization.ts';
import { InputOutputTable } from '../../src/input-output/input-output-table.ts';
import { leontiefInverse } from '../../src/input-output/leontief-inverse.ts';
import { labelledMatrix, labelledVector } from '../../src/matrix/labelled.ts';
import { assertAllClose, assertClose } from '../helpers.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;
const table = InputOutputTable.create({
  sectors: ['s1', 's2'],
  intermediate: [
    [150, 500],
    [200, 100],
  ],
  output: [1000, 2000],
  unit: 'USD m',
});
const national = labelledVector(['s1', 's2'], new Float64Array([600, 400]));
const regional = labelledVector(['s2', 's1'], new Float64Array([60, 40])); // another order on purpose

describe('flqRegionalization', () => {
  it('computes SLQ, λ*, FLQ and the regional coefficients (hand case)', () => {
    const r = flqRegionalization(table, regional, national);
    // SLQ = (0.4/0.6, 0.6/0.4); λ* = log2(1.1)^0.3.
    assertAllClose(r.slq.values, [2 / 3, 1.5], 1e-15);
    const lambda = Math.log2(1.1) ** 0.3;
    assertClose(r.lambda, lambda, 1e-15);
    assertClose(lambda, 0.5514, 1e-4);
    assertAllClose(r.flq.values, [(2 / 3) * lambda, (2 / 3 / 1.5) * lambda, (1.5 / (2 / 3)) * lambda, 1.5 * lambda], 1e-14);
    const m = (f: number) => Math.min(1, f);
    assertAllClose(r.coefficients.values, [0.15 * m((2 / 3) * lambda), 0.25 * m((4 / 9) * lambda), 0.2 * m(2.25 * lambda), 0.05 * m(1.5 * lambda)], 1e-15);
    // Regional coefficients never exceed national ones and still give a Leontief inverse.
    for (let c = 0; c < 4; c++) assert.ok((r.coefficients.values[c] as number) <= [0.15, 0.25, 0.2, 0.05][c]!);
    assert.ok(leontiefInverse(r.coefficients).values.every((v) => v >= 0));
  });

  it('reduces to CILQ with δ = 0', () => {
    const r = flqRegionalization(table, regional, national, { delta: 0 });
    assert.equal(r.lambda, 1);
    assertAllClose(r.coefficients.values, [0.15 * (2 / 3), 0.25 * (4 / 9), 0.2, 0.05], 1e-15);
  });

  it('keeps the national column where the region lacks the buyer and zeroes the row it cannot supply', () => {
    const r = flqRegionalization(table, labelledVector(['s1', 's2'], new Float64Array([50, 0])), national, { delta: 0 });
    // SLQ = (0.5/0.6·… = 1/0.6, 0): row s2 = 0, column s2 kept for s1 (absent FLQ = ∞).
    assertAllClose(r.coefficients.values, [0.15, 0.25, 0, 0], 1e-15);
    assert.deepEqual([...(r.flq.absent ?? [])], [0, 1, 0, 0]);
  });

  it('accepts a coefficient matrix and rejects bad input', () => {
    const a = labelledMatrix(['s1', 's2'], ['s1', 's2'], new Float64Array([0.15, 0.25, 0.2, 0.05]));
    assertAllClose(flqRegionalization(a, regional, national).coefficients.values, flqRegionalization(table, regional, national).coefficients.values, 0);
    assert.throws(() => flqRegionalization(table, regional, national, { delta: 1 }), isCode('INVALID_OPTION'));
    assert.throws(() => flqRegionalization(table, labelledVector(['s1', 'x'], new Float64Array([1, 1])), national), isCode('LABEL_MISMATCH'));
    assert.throws(() => flqRegionalization(table, labelledVector(['s1'], new Float64Array([1])), national), isCode('LABEL_MISMATCH'));
    assert.throws(() => flqRegionalization(table, regional, labelledVector(['s1', 's2'], new Float64Array([600, 0]))), isCode('ZERO_OUTPUT'));
    assert.throws(() => flqRegionalization(table, labelledVector(['s1', 's2'], new Float64Array([-1, 1])), national), isCode('NEGATIVE_VALUE'));
  });
});
