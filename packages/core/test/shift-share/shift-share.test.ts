import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { dunnShiftShare } from '../../src/shift-share/dunn.ts';
import { dynamicShiftShare } from '../../src/shift-share/dynamic.ts';
import { estebanMarquillasShiftShare } from '../../src/shift-share/esteban-marquillas.ts';
import { gerfinShiftShare } from '../../src/shift-share/gerfin.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

// Hand case: e1 = 60, e2 = 70 (G = 7/6); industry x 40 → 45 (g = 1.125), y 20 → 25 (g = 1.25).
const t1 = RegionIndustryMatrix.fromWide(
  ['A', 'B'],
  ['x', 'y'],
  [
    [10, 10],
    [30, 10],
  ],
);
const t2 = RegionIndustryMatrix.fromWide(
  ['A', 'B'],
  ['x', 'y'],
  [
    [12, 15],
    [33, 10],
  ],
);
const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

describe('dunnShiftShare', () => {
  it('matches a hand computation', () => {
    const c = dunnShiftShare(t1, t2).components;
    assertAllClose(c.growth.values, [7, 3], 1e-12, 'growth');
    assertAllClose(c.nationalShare.values, [20 / 6, 40 / 6], 1e-12, 'national');
    // A: Σ e g = 10·1.125 + 10·1.25 = 23.75; mix = 23.75 − 20·7/6; regional = 27 − 23.75.
    assertAllClose(c.industryMix.values, [5 / 12, -5 / 12], 1e-12, 'mix');
    assertAllClose(c.regionalShare.values, [3.25, -3.25], 1e-12, 'regional');
    assertAllClose(c.netTotalShift.values, [5 / 12 + 3.25, -5 / 12 - 3.25], 1e-12, 'net');
  });

  it('has cells whose rows add up to the region components', () => {
    const r = dunnShiftShare(t1, t2);
    assertClose((r.cells.regionalShare.values[0] as number) + (r.cells.regionalShare.values[1] as number), 3.25, 1e-12);
    assertClose((r.cells.industryMix.values[2] as number) + (r.cells.industryMix.values[3] as number), -5 / 12, 1e-12);
  });

  it('gives zero shifts when every cell grows at the same rate', () => {
    const c = dunnShiftShare(
      t1,
      RegionIndustryMatrix.fromWide(
        ['A', 'B'],
        ['x', 'y'],
        [
          [20, 20],
          [60, 20],
        ],
      ),
    ).components;
    assertAllClose(c.industryMix.values, [0, 0], 1e-12);
    assertAllClose(c.regionalShare.values, [0, 0], 1e-12);
    assertAllClose(c.nationalShare.values, [20, 40], 1e-12);
  });

  it('accepts the later period in another label order', () => {
    const swapped = RegionIndustryMatrix.fromWide(
      ['B', 'A'],
      ['y', 'x'],
      [
        [10, 33],
        [15, 12],
      ],
      { order: 'input' },
    );
    assertAllClose(dunnShiftShare(t1, swapped).components.regionalShare.values, [3.25, -3.25], 1e-12);
  });

  it('rejects periods with different labels', () => {
    const other = RegionIndustryMatrix.fromWide(
      ['A', 'C'],
      ['x', 'y'],
      [
        [1, 1],
        [1, 1],
      ],
    );
    assert.throws(() => dunnShiftShare(t1, other), isCode('LABEL_MISMATCH'));
    const more = RegionIndustryMatrix.fromWide(
      ['A', 'B', 'C'],
      ['x', 'y'],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    );
    assert.throws(() => dunnShiftShare(t1, more), isCode('LABEL_MISMATCH'));
  });

  it('rejects a zero base cell by default and excludes and reports it on request', () => {
    const base = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [10, 0],
        [30, 10],
      ],
    );
    assert.throws(() => dunnShiftShare(base, t2), isCode('ZERO_BASE_CELL'));
    const r = dunnShiftShare(base, t2, { zeroBase: 'exclude' });
    assert.deepEqual(r.excluded, [{ region: 'A', industry: 'y', later: 15 }]);
    // Without the cell: e1 = 50, e2 = 55; A: 10 → 12.
    assertAllClose(r.components.growth.values, [2, 3], 1e-12);
    const c = r.components;
    assertClose((c.nationalShare.values[0] as number) + (c.industryMix.values[0] as number) + (c.regionalShare.values[0] as number), 2, 1e-12);
    assert.throws(() => dunnShiftShare(base, t2, { zeroBase: 'drop' as never }), isCode('INVALID_OPTION'));
  });

  it('treats a cell that is 0 in both periods as inert', () => {
    const a = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [10, 0],
        [30, 10],
      ],
    );
    const b = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [12, 0],
        [33, 10],
      ],
    );
    const r = dunnShiftShare(a, b);
    assert.equal(r.excluded.length, 0);
    assertAllClose(r.components.growth.values, [2, 3], 1e-12);
  });

  it('decomposes growth exactly and is invariant to permuting regions (property)', () => {
    const cell = fc.integer({ min: 1, max: 1000 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell, cell, cell), { minLength: 2, maxLength: 6 }), (rows) => {
        const regions = rows.map((_, k) => `R${k}`);
        const a = RegionIndustryMatrix.fromWide(
          regions,
          ['x', 'y', 'z'],
          rows.map((r) => r.slice(0, 3)),
          { order: 'input' },
        );
        const b = RegionIndustryMatrix.fromWide(
          regions,
          ['x', 'y', 'z'],
          rows.map((r) => r.slice(3)),
          { order: 'input' },
        );
        const d = dunnShiftShare(a, b).components;
        const e = estebanMarquillasShiftShare(a, b).components;
        for (let r = 0; r < rows.length; r++) {
          const g = d.growth.values[r] as number;
          assertClose((d.nationalShare.values[r] as number) + (d.netTotalShift.values[r] as number), g, 1e-8);
          assertClose((e.regionalShare.values[r] as number) + (e.allocationEffect.values[r] as number), d.regionalShare.values[r] as number, 1e-8);
        }
        // Industry mix and regional share each sum to 0 over the area.
        assertClose(
          d.industryMix.values.reduce((s, v) => s + v, 0),
          0,
          1e-7,
        );
        assertClose(
          d.regionalShare.values.reduce((s, v) => s + v, 0),
          0,
          1e-7,
        );
        const rev = [...regions].reverse();
        const order = { order: 'input' } as const;
        const ar = RegionIndustryMatrix.fromWide(
          rev,
          ['x', 'y', 'z'],
          [...rows].reverse().map((r) => r.slice(0, 3)),
          order,
        );
        const br = RegionIndustryMatrix.fromWide(
          rev,
          ['x', 'y', 'z'],
          [...rows].reverse().map((r) => r.slice(3)),
          order,
        );
        assertAllClose([...dunnShiftShare(ar, br).components.regionalShare.values].reverse(), d.regionalShare.values, 1e-9);
      }),
      { seed: 20261128, numRuns: propertyRuns.kernel },
    );
  });
});

describe('estebanMarquillasShiftShare', () => {
  it('matches a hand computation', () => {
    const r = estebanMarquillasShiftShare(t1, t2);
    // h_A = (13⅓, 6⅔); g_A − g = (0.075, 0.25).
    assertAllClose(r.cells.homothetic.values.subarray(0, 2), [40 / 3, 20 / 3], 1e-12, 'h');
    assertClose(r.components.regionalShare.values[0] as number, 8 / 3, 1e-12, 'competitive');
    assertClose(r.components.allocationEffect.values[0] as number, 7 / 12, 1e-12, 'allocation');
    assertAllClose(r.components.industryMix.values, [5 / 12, -5 / 12], 1e-12, 'mix');
  });

  it('rejects a zero base cell by default', () => {
    const base = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [10, 0],
        [30, 10],
      ],
    );
    assert.throws(() => estebanMarquillasShiftShare(base, t2), isCode('ZERO_BASE_CELL'));
    assert.equal(estebanMarquillasShiftShare(base, t2, { zeroBase: 'exclude' }).excluded.length, 1);
  });
});

describe('gerfinShiftShare', () => {
  it('matches a hand computation and multiplies to the net factor', () => {
    const c = gerfinShiftShare(t1, t2).components;
    assertClose(c.industryMix.values[0] as number, 23.75 / 20 / (7 / 6), 1e-12);
    assertClose(c.regionalShare.values[0] as number, 27 / 23.75, 1e-12);
    assertClose(c.netTotalShift.values[0] as number, 1.35 / (7 / 6), 1e-12);
    for (let r = 0; r < 2; r++)
      assertClose((c.industryMix.values[r] as number) * (c.regionalShare.values[r] as number), c.netTotalShift.values[r] as number, 1e-12);
  });

  it('marks a region absent when every base cell was excluded', () => {
    const a = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [0, 0],
        [30, 10],
      ],
      { zeroTotals: 'keep' },
    );
    const c = gerfinShiftShare(a, t2, { zeroBase: 'exclude' }).components;
    assert.deepEqual([...(c.netTotalShift.absent ?? [])], [1, 0]);
    assert.equal(c.netTotalShift.values[0], 0);
  });

  it('rejects an area whose base total is 0', () => {
    const zero = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [0, 0],
        [0, 0],
      ],
      { zeroTotals: 'keep' },
    );
    assert.throws(() => gerfinShiftShare(zero, zero), isCode('ZERO_TOTAL'));
  });
});

describe('dynamicShiftShare', () => {
  const t3 = RegionIndustryMatrix.fromWide(
    ['A', 'B'],
    ['x', 'y'],
    [
      [15, 15],
      [33, 12],
    ],
  );

  it('sums the yearly Dunn components and keeps growth additive', () => {
    const d = dynamicShiftShare([t1, t2, t3]);
    const s1 = dunnShiftShare(t1, t2).components;
    const s2 = dunnShiftShare(t2, t3).components;
    assert.equal(d.steps.length, 2);
    assertAllClose(d.components.growth?.values ?? [], [10, 5], 1e-12);
    assertAllClose(
      d.components.regionalShare?.values ?? [],
      [0, 1].map((r) => (s1.regionalShare.values[r] as number) + (s2.regionalShare.values[r] as number)),
      1e-12,
    );
  });

  it('multiplies Gerfin factors and sums Esteban-Marquillas effects', () => {
    const g = dynamicShiftShare([t1, t2, t3], { method: 'gerfin' });
    const a = gerfinShiftShare(t1, t2).components.netTotalShift.values[0] as number;
    const b = gerfinShiftShare(t2, t3).components.netTotalShift.values[0] as number;
    assertClose(g.components.netTotalShift?.values[0] as number, a * b, 1e-12);
    const e = dynamicShiftShare([t1, t2, t3], { method: 'esteban-marquillas' });
    assert.ok(e.components.allocationEffect !== undefined);
  });

  it('records excluded cells with their step', () => {
    const z = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y'],
      [
        [12, 0],
        [33, 10],
      ],
    );
    const d = dynamicShiftShare([t1, z, t3], { zeroBase: 'exclude' });
    assert.deepEqual(d.excluded, [{ region: 'A', industry: 'y', later: 15, step: 1 }]);
  });

  it('needs two periods and a known method', () => {
    assert.throws(() => dynamicShiftShare([t1]), isCode('TOO_FEW_PERIODS'));
    assert.throws(() => dynamicShiftShare([t1, t2], { method: 'arcelus' as never }), isCode('INVALID_OPTION'));
  });
});
