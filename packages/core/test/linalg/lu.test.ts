import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { invertMatrix } from '../../src/linalg/inverse.ts';
import { luDecompose, luDeterminant } from '../../src/linalg/lu.ts';
import { matrixMultiply } from '../../src/linalg/multiply.ts';
import { luSolve, solveLinearSystem } from '../../src/linalg/solve.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;
const f64 = (xs: number[]) => new Float64Array(xs);

describe('luDecompose', () => {
  it('pivots on the largest entry and packs L and U (hand case)', () => {
    // A = [[4, 3], [6, 3]] → P swaps rows; L = [[1, 0], [2/3, 1]], U = [[6, 3], [0, 1]].
    const f = luDecompose(f64([4, 3, 6, 3]), 2);
    assert.deepEqual([...f.pivot], [1, 0]);
    assertAllClose(f.lu, [6, 3, 2 / 3, 1], 1e-15);
    assert.equal(f.sign, -1);
    assertClose(luDeterminant(f), -6, 1e-12);
  });

  it('does not mutate its input', () => {
    const a = f64([4, 3, 6, 3]);
    luDecompose(a, 2);
    assert.deepEqual([...a], [4, 3, 6, 3]);
  });

  it('rejects singular, non-square and non-finite matrices', () => {
    assert.throws(() => luDecompose(f64([1, 2, 2, 4]), 2), isCode('SINGULAR'));
    assert.throws(() => luDecompose(f64([0, 0, 0, 0]), 2), isCode('SINGULAR'));
    assert.throws(() => luDecompose(f64([1, 2, 3]), 2), isCode('SHAPE_MISMATCH'));
    assert.throws(() => luDecompose(f64([1, Number.NaN, 0, 1]), 2), isCode('NOT_FINITE'));
  });

  it('handles the empty and the 1 × 1 matrix', () => {
    assert.equal(luDecompose(f64([]), 0).lu.length, 0);
    assertAllClose(invertMatrix(f64([4]), 1), [0.25]);
  });
});

describe('solveLinearSystem', () => {
  it('solves a hand system with one and with two right-hand sides', () => {
    // 2x + y = 5, x + 3y = 10 → x = 1, y = 3.
    assertAllClose(solveLinearSystem(f64([2, 1, 1, 3]), 2, f64([5, 10])), [1, 3], 1e-14);
    // Two columns: [5, 10] and [2, 1] → second solution (1, 0).
    assertAllClose(solveLinearSystem(f64([2, 1, 1, 3]), 2, f64([5, 2, 10, 1])), [1, 1, 3, 0], 1e-14);
  });

  it('needs a pivot swap when the leading entry is 0', () => {
    assertAllClose(solveLinearSystem(f64([0, 1, 1, 0]), 2, f64([7, 9])), [9, 7], 1e-15);
  });

  it('rejects a right-hand side of the wrong length or with NaN', () => {
    assert.throws(() => luSolve(luDecompose(f64([1, 0, 0, 1]), 2), f64([1, 2, 3])), isCode('SHAPE_MISMATCH'));
    assert.throws(() => solveLinearSystem(f64([1, 0, 0, 1]), 2, f64([1, Number.POSITIVE_INFINITY])), isCode('NOT_FINITE'));
  });
});

describe('invertMatrix and matrixMultiply', () => {
  it('inverts a hand 3 × 3 matrix', () => {
    // [[2, 0, 0], [0, 4, 0], [1, 0, 1]]⁻¹ = [[0.5, 0, 0], [0, 0.25, 0], [−0.5, 0, 1]].
    assertAllClose(invertMatrix(f64([2, 0, 0, 0, 4, 0, 1, 0, 1]), 3), [0.5, 0, 0, 0, 0.25, 0, -0.5, 0, 1], 1e-15);
  });

  it('multiplies rectangular matrices (hand case) and checks shapes', () => {
    // [1 2 3] (1×3) · [[1, 0], [0, 1], [1, 1]] (3×2) = [4, 5].
    assertAllClose(matrixMultiply(f64([1, 2, 3]), f64([1, 0, 0, 1, 1, 1]), 1, 3, 2), [4, 5]);
    assert.throws(() => matrixMultiply(f64([1, 2]), f64([1, 2]), 1, 3, 1), isCode('SHAPE_MISMATCH'));
    assert.throws(() => matrixMultiply(f64([1, 2, 3]), f64([1, 2]), 1, 3, 1), isCode('SHAPE_MISMATCH'));
  });

  it('gives A·A⁻¹ ≈ I on random well-conditioned matrices (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        let s = seed;
        const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
        const a = new Float64Array(n * n);
        for (let k = 0; k < a.length; k++) a[k] = rand();
        for (let i = 0; i < n; i++) a[i * n + i] = (a[i * n + i] as number) + n; // diagonally dominant
        const product = matrixMultiply(a, invertMatrix(a, n), n, n, n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assertClose(product[i * n + j] as number, i === j ? 1 : 0, 1e-12);
      }),
      { seed: 4754, numRuns: propertyRuns.kernel },
    );
  });
});
