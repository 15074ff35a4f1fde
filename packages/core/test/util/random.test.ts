import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mulberry32 } from '../../src/util/random.ts';

describe('mulberry32', () => {
  it('gives the reference sequence of mulberry32 for a fixed seed', () => {
    // Reference values of the published algorithm (32-bit state, Math.imul) for seed 42.
    const random = mulberry32(42);
    assert.equal(random(), 0.6011037519201636);
    assert.equal(random(), 0.44829055899754167);
  });

  it('repeats its sequence for the same seed and differs for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(
      Array.from({ length: 100 }, () => b()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 100 }, () => c()),
      xs,
    );
  });

  it('returns floats in [0, 1)', () => {
    const random = mulberry32(20261128);
    for (let k = 0; k < 10_000; k++) {
      const x = random();
      assert.ok(x >= 0 && x < 1, String(x));
    }
  });
});
