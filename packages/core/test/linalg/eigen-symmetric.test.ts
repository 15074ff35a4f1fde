import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConvergenceError, InvalidInputError } from '../../src/errors/metro-error.ts';
import { symmetricEigen } from '../../src/linalg/eigen-symmetric.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

describe('symmetricEigen', () => {
  it('returns the eigenvalues of a 2 × 2 matrix largest first with unit eigenvectors', () => {
    const { values, vectors } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2);
    assertAllClose([...values], [3, 1], 1e-14, 'values');
    assertClose(Math.abs(vectors[0] as number), Math.SQRT1_2, 1e-14);
    assertClose((vectors[0] as number) * (vectors[1] as number), 0.5, 1e-14);
  });

  it('leaves a diagonal matrix alone and does not mutate its input', () => {
    const a = new Float64Array([1, 0, 0, 0, 5, 0, 0, 0, 3]);
    const { values, sweeps } = symmetricEigen(a, 3);
    assert.deepEqual([...values], [5, 3, 1]);
    assert.equal(sweeps, 0);
    assert.deepEqual([...a], [1, 0, 0, 0, 5, 0, 0, 0, 3]);
  });

  it('satisfies A v = λ v and orthonormality for random symmetric matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 144, maxLength: 144 }), (n, raw) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = raw[i * 12 + j] as number;
        const { values, vectors } = symmetricEigen(a, n);
        for (let k = 0; k < n; k++) {
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < n; j++) s += (a[i * n + j] as number) * (vectors[k * n + j] as number);
            assertClose(s, (values[k] as number) * (vectors[k * n + i] as number), 1e-9, `A v (${k}, ${i})`);
          }
          for (let l = 0; l < n; l++) {
            let d = 0;
            for (let i = 0; i < n; i++) d += (vectors[k * n + i] as number) * (vectors[l * n + i] as number);
            assertClose(d, k === l ? 1 : 0, 1e-12, 'orthonormal');
          }
          if (k > 0) assert.ok((values[k - 1] as number) >= (values[k] as number));
        }
      }),
      { seed: 20261128, numRuns: propertyRuns.iterative },
    );
  });

  it('rejects a wrong shape and non-finite values, and reports non-convergence', () => {
    assert.throws(
      () => symmetricEigen(new Float64Array(3), 2),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'SHAPE_MISMATCH',
    );
    assert.throws(
      () => symmetricEigen(new Float64Array([1, Number.NaN, Number.NaN, 1]), 2),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'NOT_FINITE',
    );
    const a = new Float64Array(25).map((_, k) => ((k * 7) % 5) + (k % 6 === 0 ? 3 : 0));
    for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) a[i * 5 + j] = a[j * 5 + i] as number;
    assert.throws(
      () => symmetricEigen(a, 5, { maxSweeps: 1, tolerance: 1e-15 }),
      (e: unknown) => e instanceof ConvergenceError && e.code === 'NO_CONVERGENCE',
    );
  });
});
