import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitnessComplexity } from '../../src/complexity/fitness-complexity.ts';
import { ConvergenceError, InvalidInputError } from '../../src/errors/metro-error.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { fromPresence } from '../relatedness/cases.ts';

describe('fitnessComplexity', () => {
  it('computes the first iteration by hand', () => {
    // R1 = {I1, I2}, R2 = {I2}. From F = Q = 1: F̃ = (2, 1) → F = (4/3, 2/3); Q̃ = (1/1, 1/2) → Q = (4/3, 2/3).
    const c = fromPresence([
      [1, 1],
      [0, 1],
    ]);
    assert.throws(
      () => fitnessComplexity(c.matrix, { presence: c.presence, maxIterations: 1, tolerance: 1e-3 }),
      (e: unknown) => e instanceof ConvergenceError,
    );
    const block = fromPresence([
      [1, 0],
      [0, 1],
    ]);
    // A diagonal (disconnected) presence is refused by default; within the largest block one region remains.
    assert.throws(
      () => fitnessComplexity(block.matrix, { presence: block.presence }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'DISCONNECTED',
    );
    const one = fitnessComplexity(block.matrix, { presence: block.presence, components: 'largest' });
    assertAllClose([...one.fitness.values], [1, 0], 0, 'fitness');
    assert.deepEqual([...(one.fitness.absent ?? [])], [0, 1]);
  });

  it('ranks a nested structure: the most diverse region fittest, the rarest industry most complex; means are 1', () => {
    const c = fromPresence([
      [1, 1, 1, 1],
      [0, 1, 1, 1],
      [0, 1, 0, 1],
      [0, 0, 0, 1],
    ]);
    const r = fitnessComplexity(c.matrix, { presence: c.presence });
    const f = [...r.fitness.values];
    const q = [...r.complexity.values];
    assert.ok((f[0] as number) > (f[1] as number) && (f[1] as number) > (f[2] as number) && (f[2] as number) >= (f[3] as number));
    assert.ok((q[0] as number) > (q[2] as number) && (q[2] as number) >= (q[1] as number) && (q[1] as number) >= (q[3] as number));
    assertClose(f.reduce((a, x) => a + x, 0) / 4, 1, 1e-12, 'mean F');
    assertClose(q.reduce((a, x) => a + x, 0) / 4, 1, 1e-12, 'mean Q');
    assert.ok(r.iterations > 1);
  });
});
