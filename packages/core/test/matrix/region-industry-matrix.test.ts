import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError, RegionIndustryMatrix } from '../../src/index.ts';

describe('RegionIndustryMatrix.fromLongRows', () => {
  it('orders labels lexically and fills missing pairs with 0', () => {
    const m = RegionIndustryMatrix.fromLongRows([
      { region: 'B', industry: 'y', value: 2 },
      { region: 'A', industry: 'x', value: 1 },
      { region: 'B', industry: 'x', value: 3 },
    ]);
    assert.deepEqual(m.regions, ['A', 'B']);
    assert.deepEqual(m.industries, ['x', 'y']);
    assert.deepEqual([...m.values], [1, 0, 3, 2]);
    assert.deepEqual([...m.regionTotals()], [1, 5]);
    assert.deepEqual([...m.industryTotals()], [4, 2]);
    assert.equal(m.total(), 6);
  });

  it('rejects duplicate pairs by default and sums or keeps the first on request', () => {
    const rows = [
      { region: 'A', industry: 'x', value: 1 },
      { region: 'A', industry: 'x', value: 4 },
    ];
    assert.throws(
      () => RegionIndustryMatrix.fromLongRows(rows),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'DUPLICATE_CELL',
    );
    assert.equal(RegionIndustryMatrix.fromLongRows(rows, { duplicates: 'sum' }).at(0, 0), 5);
    assert.equal(RegionIndustryMatrix.fromLongRows(rows, { duplicates: 'first' }).at(0, 0), 1);
  });

  it('rejects zero totals by default, drops or keeps them on request', () => {
    const rows = [
      { region: 'A', industry: 'x', value: 1 },
      { region: 'B', industry: 'x', value: 0 },
      { region: 'A', industry: 'y', value: 0 },
    ];
    assert.throws(
      () => RegionIndustryMatrix.fromLongRows(rows),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'ZERO_TOTAL',
    );
    const dropped = RegionIndustryMatrix.fromLongRows(rows, { zeroTotals: 'drop' });
    assert.deepEqual(dropped.regions, ['A']);
    assert.deepEqual(dropped.industries, ['x']);
    assert.deepEqual(dropped.dropped, { regions: ['B'], industries: ['y'] });
    const kept = RegionIndustryMatrix.fromLongRows(rows, { zeroTotals: 'keep' });
    assert.equal(kept.regionCount, 2);
  });

  it('rejects negative and non-finite values with their place', () => {
    assert.throws(
      () => RegionIndustryMatrix.fromLongRows([{ region: 'A', industry: 'x', value: -1 }]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'NEGATIVE_VALUE',
    );
    assert.throws(
      () => RegionIndustryMatrix.fromLongRows([{ region: 'A', industry: 'x', value: Number.NaN }]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'NOT_FINITE',
    );
  });
});

describe('RegionIndustryMatrix.fromWide', () => {
  it('keeps the input order on request and copies the input', () => {
    const input = [
      [1, 2],
      [3, 4],
    ];
    const m = RegionIndustryMatrix.fromWide(['b', 'a'], ['y', 'x'], input, { order: 'input' });
    assert.deepEqual(m.regions, ['b', 'a']);
    input[0]![0] = 99;
    assert.equal(m.at(0, 0), 1);
    const lexical = RegionIndustryMatrix.fromWide(
      ['b', 'a'],
      ['y', 'x'],
      [
        [1, 2],
        [3, 4],
      ],
    );
    assert.deepEqual([...lexical.values], [4, 3, 2, 1]);
  });

  it('rejects a ragged table and duplicate labels', () => {
    assert.throws(
      () => RegionIndustryMatrix.fromWide(['a'], ['x', 'y'], [[1]]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'SHAPE_MISMATCH',
    );
    assert.throws(
      () => RegionIndustryMatrix.fromWide(['a', 'a'], ['x'], [[1], [2]]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'DUPLICATE_LABEL',
    );
  });
});

describe('RegionIndustryMatrix.fromCoordinates', () => {
  it('builds the same matrix as long rows without per-row objects', () => {
    const m = RegionIndustryMatrix.fromCoordinates(['B', 'A'], ['x', 'y'], [0, 1, 0], [1, 0, 0], [2, 1, 3]);
    const expected = RegionIndustryMatrix.fromLongRows([
      { region: 'B', industry: 'y', value: 2 },
      { region: 'A', industry: 'x', value: 1 },
      { region: 'B', industry: 'x', value: 3 },
    ]);
    assert.deepEqual(m.regions, expected.regions);
    assert.deepEqual([...m.values], [...expected.values]);
  });

  it('rejects an index outside the labels', () => {
    assert.throws(
      () => RegionIndustryMatrix.fromCoordinates(['A'], ['x'], [1], [0], [1]),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'SHAPE_MISMATCH',
    );
  });
});
