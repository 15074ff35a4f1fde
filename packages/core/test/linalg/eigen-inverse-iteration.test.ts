import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConvergenceError, InvalidInputError } from '../../src/errors/metro-error.ts';
import { inverseIteration } from '../../src/linalg/eigen-inverse-iteration.ts';
import { assertClose } from '../helpers.ts';

describe('inverseIteration', () => {
  it('finds the eigenpair of a non-symmetric matrix nearest the shift', () => {
    // [[2, 1], [0, 3]]: eigenvalues 2 (vector (1, 0)) and 3 (vector (1, 1)/√2).
    const a = new Float64Array([2, 1, 0, 3]);
    const near3 = inverseIteration(a, 2, 2.9);
    assertClose(near3.value, 3, 1e-12);
    assertClose(near3.vector[0] as number, Math.SQRT1_2, 1e-12);
    assertClose(near3.vector[1] as number, Math.SQRT1_2, 1e-12);
    const near2 = inverseIteration(a, 2, 1.5);
    assertClose(near2.value, 2, 1e-12);
    assertClose(Math.abs(near2.vector[1] as number), 0, 1e-12);
  });

  it('refuses a shift that is exactly an eigenvalue and a complex pair it cannot reach', () => {
    assert.throws(
      () => inverseIteration(new Float64Array([2, 0, 0, 3]), 2, 2),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'SINGULAR',
    );
    // Rotation by 90°: eigenvalues ±i, no real eigenvector.
    assert.throws(
      () => inverseIteration(new Float64Array([0, -1, 1, 0]), 2, 0.1, { maxIterations: 20 }),
      (e: unknown) => e instanceof ConvergenceError,
    );
  });
});
