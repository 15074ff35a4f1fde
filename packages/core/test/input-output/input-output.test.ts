import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { allocationCoefficients } from '../../src/input-output/allocation-coefficients.ts';
import { directLinkages } from '../../src/input-output/direct-linkages.ts';
import { ghoshInverse } from '../../src/input-output/ghosh-inverse.ts';
import { hypotheticalExtraction } from '../../src/input-output/hypothetical-extraction.ts';
import { InputOutputTable } from '../../src/input-output/input-output-table.ts';
import { leontiefInverse } from '../../src/input-output/leontief-inverse.ts';
import { employmentMultipliers, incomeMultipliers, outputMultipliers } from '../../src/input-output/multipliers.ts';
import { rasmussenLinkages } from '../../src/input-output/rasmussen-linkages.ts';
import { technicalCoefficients } from '../../src/input-output/technical-coefficients.ts';
import { matrixMultiply } from '../../src/linalg/multiply.ts';
import { labelledMatrix } from '../../src/matrix/labelled.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;
// Miller & Blair (2009), Table 2.3: Z = [[150, 500], [200, 100]], x = [1000, 2000], f = [350, 1700].
const table = InputOutputTable.create({
  sectors: ['s1', 's2'],
  intermediate: [
    [150, 500],
    [200, 100],
  ],
  output: [1000, 2000],
  finalDemand: [350, 1700],
  employment: [100, 300],
  unit: 'USD m',
});
const det = 0.85 * 0.95 - 0.25 * 0.2; // det(I − A) = 0.7575

describe('InputOutputTable.create', () => {
  it('derives output from final demand and value added from the column balance', () => {
    const t = InputOutputTable.create({ sectors: ['s1', 's2'], intermediate: new Float64Array([150, 500, 200, 100]), finalDemand: [350, 1700], unit: 'USD m' });
    assertAllClose(t.output, [1000, 2000]);
    assertAllClose(t.valueAdded, [650, 1400]);
    assert.equal(t.employment, undefined);
    assert.equal(t.size, 2);
  });

  it('rejects bad tables with stable codes', () => {
    const base = {
      sectors: ['a', 'b'],
      intermediate: [
        [1, 1],
        [1, 1],
      ],
      output: [10, 10],
      unit: 'u',
    };
    assert.throws(() => InputOutputTable.create({ ...base, sectors: [], intermediate: [] }), isCode('EMPTY'));
    assert.throws(() => InputOutputTable.create({ ...base, sectors: ['a', 'a'] }), isCode('DUPLICATE_LABEL'));
    assert.throws(() => InputOutputTable.create({ ...base, intermediate: [[1, 1]] }), isCode('SHAPE_MISMATCH'));
    assert.throws(
      () =>
        InputOutputTable.create({
          ...base,
          intermediate: [
            [1, -1],
            [1, 1],
          ],
        }),
      isCode('NEGATIVE_VALUE'),
    );
    assert.throws(
      () =>
        InputOutputTable.create({
          ...base,
          intermediate: [
            [1, Number.NaN],
            [1, 1],
          ],
        }),
      isCode('NOT_FINITE'),
    );
    assert.throws(() => InputOutputTable.create({ ...base, output: [10, 0] }), isCode('ZERO_OUTPUT'));
    assert.throws(() => InputOutputTable.create({ sectors: ['a'], intermediate: [[1]], unit: 'u' }), isCode('MISSING_INPUT'));
    assert.throws(() => InputOutputTable.create({ ...base, unit: '' }), isCode('MISSING_INPUT'));
    assert.throws(() => InputOutputTable.create({ ...base, finalDemand: [5, 8] }), isCode('UNBALANCED'));
    assert.throws(() => InputOutputTable.create({ ...base, valueAdded: [8, 7] }), isCode('UNBALANCED'));
    assert.doesNotThrow(() => InputOutputTable.create({ ...base, finalDemand: [5, 8] }, { balanceTolerance: Number.POSITIVE_INFINITY }));
    assert.throws(() => InputOutputTable.create({ ...base, employment: [1, -1] }), isCode('NEGATIVE_VALUE'));
  });
});

describe('coefficients and inverses', () => {
  it('computes A, B, L and G of the Miller–Blair example', () => {
    assertAllClose(technicalCoefficients(table).values, [0.15, 0.25, 0.2, 0.05], 1e-15);
    assertAllClose(allocationCoefficients(table).values, [0.15, 0.5, 0.1, 0.05], 1e-15);
    assertAllClose(leontiefInverse(table).values, [0.95 / det, 0.25 / det, 0.2 / det, 0.85 / det], 1e-12);
    assertAllClose(ghoshInverse(table).values, [0.95 / det, 0.5 / det, 0.1 / det, 0.85 / det], 1e-12);
  });

  it('accepts a coefficient matrix and rejects a non-productive one', () => {
    const a = labelledMatrix(['x', 'y'], ['x', 'y'], new Float64Array([0.5, 0.5, 0.5, 0.5]));
    assert.throws(() => leontiefInverse(a), isCode('NOT_PRODUCTIVE'));
    const b = labelledMatrix(['x', 'y'], ['x', 'y'], new Float64Array([0.9, 0.9, 0.9, 0.9]));
    assert.throws(() => leontiefInverse(b), isCode('NOT_PRODUCTIVE'));
    assertAllClose(leontiefInverse(labelledMatrix(['x'], ['x'], new Float64Array([0.5]))).values, [2]);
    assert.throws(() => leontiefInverse(labelledMatrix(['x', 'y'], ['y', 'x'], new Float64Array(4))), isCode('LABEL_MISMATCH'));
    assert.throws(() => leontiefInverse(labelledMatrix(['x'], ['x'], new Float64Array([-0.1]))), isCode('NEGATIVE_VALUE'));
  });

  it('gives L·(I − A) ≈ I, L ≥ 0, diagonal ≥ 1, column sums ≥ 1, and permutation invariance on random productive tables (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, seed) => {
        let s = seed;
        const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const sectors = Array.from({ length: n }, (_, k) => `s${k}`);
        const x = Array.from({ length: n }, () => 10 + 1000 * rand());
        const z: number[][] = sectors.map(() => new Array<number>(n).fill(0));
        for (let l = 0; l < n; l++) {
          const shares = sectors.map(() => rand());
          const sum = shares.reduce((p, q) => p + q, 0);
          const inputShare = 0.95 * rand(); // column sum of A below 1
          for (let k = 0; k < n; k++) (z[k] as number[])[l] = ((shares[k] as number) / sum) * inputShare * (x[l] as number);
        }
        const t = InputOutputTable.create({ sectors, intermediate: z, output: x, unit: 'u' });
        const a = technicalCoefficients(t).values;
        const l = leontiefInverse(t).values;
        const ima = Float64Array.from(a, (v, c) => (Math.floor(c / n) === c % n ? 1 : 0) - v);
        const product = matrixMultiply(l, ima, n, n, n);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) assertClose(product[i * n + j] as number, i === j ? 1 : 0, 1e-9);
        for (let c = 0; c < n * n; c++) assert.ok((l[c] as number) >= 0);
        for (let i = 0; i < n; i++) assert.ok((l[i * n + i] as number) >= 1 - 1e-12);
        const m = outputMultipliers(t).values;
        for (let j = 0; j < n; j++) assert.ok((m[j] as number) >= 1 - 1e-12);
        // Reverse the sector order: multipliers follow their sectors.
        const rev = [...sectors].reverse();
        const zr = [...z].reverse().map((row) => [...row].reverse());
        const tr = InputOutputTable.create({ sectors: rev, intermediate: zr, output: [...x].reverse(), unit: 'u' });
        assertAllClose([...outputMultipliers(tr).values].reverse(), m, 1e-9);
        const bl = rasmussenLinkages(t).backward.values;
        assertClose(bl.reduce((p, q) => p + q, 0) / n, 1, 1e-12);
      }),
      { seed: 1936, numRuns: propertyRuns.kernel },
    );
  });
});

describe('multipliers', () => {
  it('output multipliers are column sums of L', () => {
    assertAllClose(outputMultipliers(table).values, [1.15 / det, 1.1 / det], 1e-12);
  });

  it('employment multipliers, simple and type I', () => {
    // w = (100/1000, 300/2000) = (0.1, 0.15).
    assertAllClose(employmentMultipliers(table).values, [(0.1 * 0.95 + 0.15 * 0.2) / det, (0.1 * 0.25 + 0.15 * 0.85) / det], 1e-12);
    assertAllClose(
      employmentMultipliers(table, { kind: 'type-I' }).values,
      [(0.1 * 0.95 + 0.15 * 0.2) / det / 0.1, (0.1 * 0.25 + 0.15 * 0.85) / det / 0.15],
      1e-12,
    );
    const noJobs = InputOutputTable.create({ sectors: ['a'], intermediate: [[1]], output: [10], unit: 'u' });
    assert.throws(() => employmentMultipliers(noJobs), isCode('MISSING_INPUT'));
    assert.throws(() => employmentMultipliers(table, { kind: 'type-II' as never }), isCode('INVALID_OPTION'));
  });

  it('income multipliers from value added are 1 in a balanced table, and absent in type I where income is 0', () => {
    assertAllClose(incomeMultipliers(table).values, [1, 1], 1e-12);
    const r = incomeMultipliers(table, { income: [0, 200], kind: 'type-I' });
    assert.deepEqual([...(r.absent ?? [])], [1, 0]);
    assertClose(r.values[1] as number, (0.1 * 0.85) / det / 0.1, 1e-12);
    assert.throws(() => incomeMultipliers(table, { income: [1] }), isCode('SHAPE_MISMATCH'));
  });
});

describe('linkages', () => {
  it('Rasmussen backward from L and forward from G, with key-sector classes', () => {
    const r = rasmussenLinkages(table);
    assertAllClose(r.backward.values, [(2 * 1.15) / 2.25, (2 * 1.1) / 2.25], 1e-12);
    assertAllClose(r.forward.values, [(2 * 1.45) / 2.4, (2 * 0.95) / 2.4], 1e-12);
    assert.deepEqual(r.classes, ['key', 'weak']);
    // Leontief rows: (1.2, 1.05) / 0.7575 → 2·1.2/2.25.
    assertAllClose(rasmussenLinkages(table, { forward: 'leontief' }).forward.values, [(2 * 1.2) / 2.25, (2 * 1.05) / 2.25], 1e-12);
    assert.throws(() => rasmussenLinkages(table, { forward: 'x' as never }), isCode('INVALID_OPTION'));
  });

  it('Chenery–Watanabe direct linkages', () => {
    const d = directLinkages(table);
    assertAllClose(d.backward.values, [0.35, 0.3], 1e-15);
    assertAllClose(d.forward.values, [0.65, 0.15], 1e-15);
  });
});

describe('hypotheticalExtraction', () => {
  it('complete extraction of s1 (hand case)', () => {
    const r = hypotheticalExtraction(table);
    // x̄ = (350, 1700/0.95).
    assertClose(r.loss.values[0] as number, 3000 - 350 - 1700 / 0.95, 1e-9);
    assertAllClose(r.outputLoss.values.subarray(0, 2), [650, 2000 - 1700 / 0.95], 1e-9);
    assertClose(r.relativeLoss.values[0] as number, (3000 - 350 - 1700 / 0.95) / 3000, 1e-12);
    assert.deepEqual(r.loss.labels, ['s1', 's2']);
  });

  it('backward and forward extraction of s1 (hand cases)', () => {
    const x2 = 1700 / 0.95;
    const back = hypotheticalExtraction(table, { mode: 'backward', groups: { g: ['s1'] } });
    assertClose(back.loss.values[0] as number, 3000 - x2 - (350 + 0.25 * x2), 1e-9);
    const fwd = hypotheticalExtraction(table, { mode: 'forward', groups: { g: ['s1'] } });
    const y2 = 1400 / 0.95;
    assertClose(fwd.loss.values[0] as number, 3000 - y2 - (650 + 0.1 * y2), 1e-9);
  });

  it('extracting every sector leaves only final demand', () => {
    const r = hypotheticalExtraction(table, { groups: { all: ['s1', 's2'] } });
    assertClose(r.loss.values[0] as number, 3000 - 350 - 1700, 1e-9);
  });

  it('rejects unknown sectors, empty groups and bad modes', () => {
    assert.throws(() => hypotheticalExtraction(table, { groups: { g: ['nope'] } }), isCode('UNKNOWN_LABEL'));
    assert.throws(() => hypotheticalExtraction(table, { groups: { g: [] } }), isCode('EMPTY'));
    assert.throws(() => hypotheticalExtraction(table, { groups: {} }), isCode('EMPTY'));
    assert.throws(() => hypotheticalExtraction(table, { mode: 'partial' as never }), isCode('INVALID_OPTION'));
  });
});
