import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError, krugmanDissimilarity, pairwiseStructure, RegionIndustryMatrix, structuralSimilarity } from '../../src/index.ts';
import { propertyRuns } from '../property-runs.ts';

/** Random matrices with zero cells, and sometimes a zero-total row kept. */
const matrices = fc
  .record({
    regions: fc.integer({ min: 1, max: 12 }),
    industries: fc.integer({ min: 1, max: 9 }),
    seed: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), { minLength: 108, maxLength: 108 }),
  })
  .map(({ regions, industries, seed }) => {
    const values = Array.from({ length: regions }, (_, r) => Array.from({ length: industries }, (_, i) => seed[(r * industries + i) % seed.length] as number));
    values[0]![0] = Math.max(1, values[0]![0]!);
    return RegionIndustryMatrix.fromWide(
      values.map((_, r) => `r${r}`),
      Array.from({ length: industries }, (_, i) => `i${i}`),
      values,
      { zeroTotals: 'keep' },
    );
  });

describe('pairwiseStructure', () => {
  it('gives exactly krugmanDissimilarity and structuralSimilarity (values and absence masks)', () => {
    fc.assert(
      fc.property(matrices, fc.boolean(), (m, halved) => {
        const both = pairwiseStructure(m, { halved });
        const d = krugmanDissimilarity(m, { halved });
        const s = structuralSimilarity(m);
        assert.deepEqual([...both.dissimilarity.values], [...d.values]);
        assert.deepEqual([...both.similarity.values], [...s.values]);
        assert.deepEqual(both.dissimilarity.absent === undefined ? null : [...both.dissimilarity.absent], d.absent === undefined ? null : [...d.absent]);
        assert.deepEqual(both.similarity.absent === undefined ? null : [...both.similarity.absent], s.absent === undefined ? null : [...s.absent]);
        assert.deepEqual(both.similarity.rows, m.regions);
      }),
      { seed: 20261128, numRuns: propertyRuns.kernel },
    );
  });

  it('checks its option like krugmanDissimilarity', () => {
    const m = RegionIndustryMatrix.fromWide(
      ['a', 'b'],
      ['x', 'y'],
      [
        [1, 2],
        [3, 4],
      ],
    );
    assert.throws(
      () => pairwiseStructure(m, { halved: 'yes' as unknown as boolean }),
      (e: unknown) => e instanceof InvalidInputError,
    );
  });
});
