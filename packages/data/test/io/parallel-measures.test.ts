/**
 * The two-thread measures path gives exactly the one-thread results (the same functions run on a worker thread).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMeasures, measureNames, mulberry32, RegionIndustryMatrix } from '@metrocoop/core';
import { computeMeasuresInParallel } from '../../src/io/parallel-measures.ts';

function generated(regions: number, industries: number, withZeroRow: boolean): RegionIndustryMatrix {
  const random = mulberry32(7);
  const values = Array.from({ length: regions }, () => Array.from({ length: industries }, () => (random() < 0.5 ? Math.floor(1 + 100 * random()) : 0)));
  for (let i = 0; i < industries; i++) values[1]![i] = i + 1; // every industry present somewhere
  values.forEach((row, r) => (row[r % industries] = row[r % industries]! + 1)); // and every region
  if (withZeroRow) values[0] = values[0]!.map(() => 0);
  return RegionIndustryMatrix.fromWide(
    values.map((_, r) => `R${String(r).padStart(3, '0')}`),
    Array.from({ length: industries }, (_, i) => `I${String(i).padStart(2, '0')}`),
    values,
    { zeroTotals: withZeroRow ? 'keep' : 'error' },
  );
}

describe('computeMeasuresInParallel', () => {
  it('returns the same values, masks and notes as computeMeasures when the pairwise part runs on a worker', async () => {
    for (const withZeroRow of [false, true]) {
      const m = generated(40, 12, withZeroRow);
      const names = withZeroRow ? measureNames.filter((n) => !['eci', 'pci', 'coi', 'cog'].includes(n)) : measureNames;
      const one = computeMeasures(m, names, { dissimilarity: 'halved' });
      const two = await computeMeasuresInParallel(m, names, { dissimilarity: 'halved' }, { minRegions: 1 });
      assert.equal(two.threads, 2, 'the worker ran');
      assert.deepEqual(Object.keys(two.results).sort(), Object.keys(one.results).sort());
      for (const name of names) {
        const a = one.results[name];
        const b = two.results[name];
        assert.ok(a !== undefined && b !== undefined, name);
        assert.deepEqual([...b.values], [...a.values], name);
        assert.deepEqual(b.absent === undefined ? null : [...b.absent], a.absent === undefined ? null : [...a.absent], `${name} absent`);
      }
      assert.deepEqual(two.notes, one.notes);
    }
  });

  it('stays on one thread below minRegions', async () => {
    const m = generated(10, 5, false);
    const r = await computeMeasuresInParallel(m, ['krugmanDissimilarity'], {});
    assert.equal(r.threads, 1);
    assert.equal(r.results.krugmanDissimilarity?.values.length, 100);
  });
});
