import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { _mirrorUpper, _pairwiseDot, _pairwiseMin2, _shareColumns } from '../../src/similarity/pairwise-kernel.ts';
import { propertyRuns } from '../property-runs.ts';
import { seed } from '../specialisation/arbitrary.ts';

/** Random row-major table with zero cells and, sometimes, zero rows. */
const tableArb = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 12 }))
  .chain(([nR, nI]) =>
    fc.tuple(
      fc.constant(nR),
      fc.constant(nI),
      fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 500 })), { minLength: nR * nI, maxLength: nR * nI }),
      fc.integer({ min: 1, max: 9 }),
    ),
  );

function naive(values: Float64Array, nR: number, nI: number, kind: 'dot' | 'min'): Float64Array {
  const tot = new Float64Array(nR);
  for (let r = 0; r < nR; r++) for (let i = 0; i < nI; i++) tot[r] = (tot[r] as number) + (values[r * nI + i] as number);
  const out = new Float64Array(nR * nR);
  for (let p = 0; p < nR; p++) {
    for (let q = p + 1; q < nR; q++) {
      if (tot[p] === 0 || tot[q] === 0) continue;
      let s = 0;
      for (let i = 0; i < nI; i++) {
        const a = (values[p * nI + i] as number) / (tot[p] as number);
        const b = (values[q * nI + i] as number) / (tot[q] as number);
        s += kind === 'dot' ? a * b : 2 * Math.min(a, b);
      }
      out[p * nR + q] = s;
    }
  }
  return out;
}

describe('pairwise kernels', () => {
  it('match a dense triple loop for any block size, with zero cells and zero rows (property)', () => {
    fc.assert(
      fc.property(tableArb, ([nR, nI, cells, blockRows]) => {
        const values = Float64Array.from(cells);
        const tot = new Float64Array(nR);
        for (let r = 0; r < nR; r++) for (let i = 0; i < nI; i++) tot[r] = (tot[r] as number) + (values[r * nI + i] as number);
        const cols = _shareColumns(values, nR, nI, tot);
        for (const kind of ['dot', 'min'] as const) {
          const out = new Float64Array(nR * nR);
          (kind === 'dot' ? _pairwiseDot : _pairwiseMin2)(cols, nR, nI, out, blockRows);
          const ref = naive(values, nR, nI, kind);
          for (let k = 0; k < out.length; k++) {
            if (Math.abs((out[k] as number) - (ref[k] as number)) > 1e-13) assert.fail(`${kind} cell ${k}: ${out[k]} vs ${ref[k]}`);
          }
        }
      }),
      { seed, numRuns: propertyRuns.kernel },
    );
  });

  it('mirrors the upper triangle onto the lower one across tiles', () => {
    const n = 5;
    const m = new Float64Array(n * n);
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) m[p * n + q] = 10 * p + q;
    _mirrorUpper(m, n, 2);
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) assert.equal(m[p * n + q], p === q ? 0 : m[q * n + p]);
  });
});
