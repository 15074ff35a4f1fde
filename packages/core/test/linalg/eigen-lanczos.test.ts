import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConvergenceError, InvalidInputError } from '../../src/errors/metro-error.ts';
import { lanczosLargest, type SymmetricOperator } from '../../src/linalg/eigen-lanczos.ts';
import { symmetricEigen } from '../../src/linalg/eigen-symmetric.ts';
import { assertClose } from '../helpers.ts';

/** A dense symmetric operator with a known, well-spread spectrum built from a seeded random matrix. */
function denseOperator(n: number, seed: number): { op: SymmetricOperator; a: Float64Array } {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rand();
  const op = {
    size: n,
    apply(x: Float64Array, out: Float64Array): void {
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < n; j++) t += (a[i * n + j] as number) * (x[j] as number);
        out[i] = t;
      }
    },
  };
  return { op, a };
}

describe('lanczosLargest', () => {
  it('finds the largest eigenpairs of a dense symmetric operator as Jacobi does', () => {
    const n = 60;
    const { op, a } = denseOperator(n, 7);
    const exact = symmetricEigen(a, n);
    const r = lanczosLargest(op, { count: 2 });
    assertClose(r.values[0] as number, exact.values[0] as number, 1e-10, 'λ1');
    assertClose(r.values[1] as number, exact.values[1] as number, 1e-10, 'λ2');
    let d = 0;
    for (let i = 0; i < n; i++) d += (r.vectors[0]?.[i] as number) * (exact.vectors[i] as number);
    assertClose(Math.abs(d), 1, 1e-9, 'eigenvector');
  });

  it('deflates a known eigenvector and returns the next one', () => {
    const n = 40;
    const { op, a } = denseOperator(n, 11);
    const exact = symmetricEigen(a, n);
    const top = exact.vectors.slice(0, n);
    const r = lanczosLargest(op, { deflate: [top] });
    assertClose(r.values[0] as number, exact.values[1] as number, 1e-10, 'λ2 after deflation');
  });

  it('is exact on a diagonal operator when the Krylov space is exhausted', () => {
    const op = {
      size: 3,
      apply: (x: Float64Array, out: Float64Array) => {
        out[0] = 2 * (x[0] as number);
        out[1] = x[1] as number;
        out[2] = 3 * (x[2] as number);
      },
    };
    const r = lanczosLargest(op, { count: 3 });
    assert.deepEqual(
      [...r.values].map((v) => Math.round(v * 1e12) / 1e12),
      [3, 2, 1],
    );
    assert.equal(r.residual, 0);
  });

  it('throws ConvergenceError when the iteration limit is too small, and rejects bad options', () => {
    const { op } = denseOperator(80, 3);
    assert.throws(
      () => lanczosLargest(op, { maxIterations: 3, tolerance: 1e-14 }),
      (e: unknown) => e instanceof ConvergenceError && e.code === 'NO_CONVERGENCE',
    );
    assert.throws(
      () => lanczosLargest(op, { tolerance: 0 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => lanczosLargest(op, { count: 81 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
  });
});
