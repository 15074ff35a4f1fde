import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { labelledMatrix } from '../../src/matrix/labelled.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { coOccurrence } from '../../src/relatedness/co-occurrence.ts';
import { density } from '../../src/relatedness/density.ts';
import { diversity, ubiquity } from '../../src/relatedness/diversity-ubiquity.ts';
import { proximity } from '../../src/relatedness/proximity.ts';
import { relatedness } from '../../src/relatedness/relatedness.ts';
import { relatednessDensity } from '../../src/relatedness/relatedness-density.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { arbitraryMatrix, fromPresence, permuted } from './cases.ts';

// B: R1 = {I1, I2}, R2 = {I1, I2, I3}, R3 = {I3}. u = [2, 2, 2], k = [2, 3, 1];
// C = BᵀB = [[2, 2, 1], [2, 2, 1], [1, 1, 2]].
const hand = fromPresence([
  [1, 1, 0],
  [1, 1, 1],
  [0, 0, 1],
]);

describe('diversity and ubiquity', () => {
  it('count held industries per region and holders per industry', () => {
    assert.deepEqual([...diversity(hand.matrix, { presence: hand.presence }).values], [2, 3, 1]);
    assert.deepEqual([...ubiquity(hand.matrix, { presence: hand.presence }).values], [2, 2, 2]);
  });

  it('count non-zero raw values with from: "values", and LQ ≥ threshold by default', () => {
    const m = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y', 'z'],
      [
        [5, 0, 1],
        [1, 4, 0],
      ],
    );
    assert.deepEqual([...diversity(m, { from: 'values' }).values], [2, 2]);
    assert.deepEqual([...ubiquity(m, { from: 'values' }).values], [2, 1, 1]);
    // LQ: A = (5/6)/(6/11) ≥ 1, 0, (1/6)/(1/11) ≥ 1; B = 0.4 < 1... B: x (1/5)/(6/11) < 1, y ≥ 1.
    assert.deepEqual([...diversity(m).values], [2, 1]);
    assert.deepEqual([...diversity(m, { threshold: 2 }).values], [0, 1]);
  });

  it('rejects a presence matrix with other labels, a non-binary value, or bad options', () => {
    const wrong = labelledMatrix(['X', 'R2', 'R3'], ['I1', 'I2', 'I3'], new Float64Array(9));
    assert.throws(
      () => diversity(hand.matrix, { presence: wrong }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'LABEL_MISMATCH',
    );
    const half = labelledMatrix(hand.presence.rows, hand.presence.columns, new Float64Array(9).fill(0.5));
    assert.throws(
      () => ubiquity(hand.matrix, { presence: half }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'NOT_BINARY',
    );
    assert.throws(
      () => diversity(hand.matrix, { threshold: -1 }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => diversity(hand.matrix, { from: 'rows' as 'values' }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'INVALID_OPTION',
    );
    assert.throws(
      () => diversity({} as RegionIndustryMatrix),
      (e: unknown) => e instanceof InvalidInputError,
    );
  });
});

describe('coOccurrence', () => {
  it('counts shared regions, with the ubiquity or a zero diagonal', () => {
    assert.deepEqual([...coOccurrence(hand.matrix, { presence: hand.presence }).values], [2, 2, 1, 2, 2, 1, 1, 1, 2]);
    assert.deepEqual([...coOccurrence(hand.matrix, { presence: hand.presence, diagonal: 'zero' }).values], [0, 2, 1, 2, 0, 1, 1, 1, 0]);
  });

  it('agrees with the naive BᵀB across word boundaries (70 regions, bit-packed in 3 words)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { minLength: 70, maxLength: 70 }), (bits) => {
        const rows = bits.map((row) => row.map((b) => (b ? 1 : 0)));
        const { matrix, presence } = fromPresence(rows);
        const c = coOccurrence(matrix, { presence }).values;
        for (let i = 0; i < 5; i++)
          for (let j = 0; j < 5; j++)
            assert.equal(
              c[i * 5 + j],
              rows.reduce((s, row) => s + (row[i] as number) * (row[j] as number), 0),
            );
      }),
      { seed: 11, numRuns: propertyRuns.iterative },
    );
  });
});

describe('proximity', () => {
  it('is the minimum conditional probability, or P(j | i), with a unit diagonal', () => {
    // φ_13 = C_13 / max(2, 2) = 0.5; conditional rows divide by u_i = 2.
    assertAllClose([...proximity(hand.matrix, { presence: hand.presence }).values], [1, 1, 0.5, 1, 1, 0.5, 0.5, 0.5, 1], 1e-15, 'minimum');
    const uneven = fromPresence([
      [1, 1],
      [0, 1],
    ]);
    assertAllClose([...proximity(uneven.matrix, { presence: uneven.presence }).values], [1, 0.5, 0.5, 1], 1e-15, 'min');
    assertAllClose([...proximity(uneven.matrix, { presence: uneven.presence, form: 'conditional' }).values], [1, 1, 0.5, 1], 1e-15, 'conditional');
  });

  it('is symmetric in [0, 1] with a unit diagonal and invariant under permutations (minimum and continuous)', () => {
    fc.assert(
      fc.property(arbitraryMatrix(), fc.integer({ min: 1, max: 1e6 }), (m, seed) => {
        for (const form of ['minimum', 'continuous'] as const) {
          let p: ReturnType<typeof proximity>;
          try {
            p = proximity(m, { form });
          } catch (e) {
            if (e instanceof InvalidInputError && e.code === 'CONSTANT_COLUMN') return; // continuous is undefined there
            throw e;
          }
          const n = m.industryCount;
          for (let i = 0; i < n; i++) {
            assert.equal(p.values[i * n + i], 1);
            for (let j = 0; j < n; j++) {
              const v = p.values[i * n + j] as number;
              assert.ok(v >= 0 && v <= 1, `${form} φ in [0, 1]`);
              assertClose(v, p.values[j * n + i] as number, 1e-15, 'symmetric');
            }
          }
          const q = proximity(permuted(m, seed), { form });
          const at = (x: typeof p, a: string, b: string): number => x.values[x.rows.indexOf(a) * n + x.columns.indexOf(b)] as number;
          for (const a of m.industries) for (const b of m.industries) assertClose(at(q, a, b), at(p, a, b), 1e-12, 'permutation');
        }
      }),
      { seed: 2026, numRuns: propertyRuns.iterative },
    );
  });

  it('refuses the continuous form when an industry has the same LQ everywhere', () => {
    // x is proportional to the region totals (4 and 8), so its LQ is 1 in both regions.
    const m = RegionIndustryMatrix.fromWide(
      ['A', 'B'],
      ['x', 'y', 'z'],
      [
        [1, 1, 2],
        [2, 3, 3],
      ],
    );
    assert.throws(
      () => proximity(m, { form: 'continuous' }),
      (e: unknown) => e instanceof InvalidInputError && e.code === 'CONSTANT_COLUMN',
    );
  });
});

describe('density', () => {
  it('includes the own industry: w_ri = Σ_j B_rj φ_ji / Σ_j φ_ji', () => {
    // Column sums of φ: [2.5, 2.5, 2]. R1 holds I1, I2: w_11 = (1 + 1)/2.5; R3 holds I3: w_31 = 0.5/2.5, w_33 = 1/2.
    const d = density(hand.matrix, { presence: hand.presence }).values;
    assertAllClose([...d], [0.8, 0.8, 0.5, 1, 1, 1, 0.2, 0.2, 0.5], 1e-15, 'density');
  });

  it('lies in [0, 1] for the discrete forms, and is 1 everywhere for a region holding every industry', () => {
    fc.assert(
      fc.property(arbitraryMatrix(), (m) => {
        for (const proximityForm of ['minimum', 'conditional'] as const) {
          const d = density(m, { proximity: proximityForm }).values;
          for (const v of d) assert.ok(v >= -1e-15 && v <= 1 + 1e-15);
        }
      }),
      { seed: 7, numRuns: propertyRuns.iterative },
    );
  });
});

describe('relatedness (EconGeo)', () => {
  it('normalises the zero-diagonal co-occurrence by the four methods', () => {
    // C0 = [[0, 2, 1], [2, 0, 1], [1, 1, 0]]: s = [3, 3, 2], T = 8.
    const get = (method: 'prob' | 'association' | 'cosine' | 'jaccard') => relatedness(hand.matrix, { presence: hand.presence, method }).values;
    assertClose(get('association')[1] as number, (2 * 8) / 9, 1e-15, 'association');
    assertClose(get('cosine')[2] as number, 1 / Math.sqrt(6), 1e-15, 'cosine');
    assertClose(get('jaccard')[1] as number, 2 / (3 + 3 - 2), 1e-15, 'jaccard');
    assertClose(get('prob')[1] as number, 2 / ((9 / 2) * (1 / 5 + 1 / 5)), 1e-15, 'prob');
    for (const m of ['prob', 'association', 'cosine', 'jaccard'] as const) assert.equal(get(m)[0], 0);
  });
});

describe('relatednessDensity', () => {
  it('excludes the own industry, scales to 100, and marks an unrelated industry absent with a note', () => {
    // I3 is only held by R3, which holds nothing else: it co-occurs with no industry.
    const c = fromPresence([
      [1, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    const rd = relatednessDensity(c.matrix, { presence: c.presence, method: 'cosine' });
    assert.equal(rd.notes.length, 1);
    assert.equal(rd.notes[0]?.code, 'NO_RELATED_INDUSTRY');
    assert.equal(rd.notes[0]?.label, 'I3');
    assert.deepEqual([...(rd.absent ?? [])], [0, 0, 1, 0, 0, 1, 0, 0, 1]);
    // R2 holds I1 only: its density for I2 is 100 (I2's only relative is I1), for I1 it is 0 (own excluded).
    assert.equal(rd.values[1 * 3 + 1], 100);
    assert.equal(rd.values[1 * 3 + 0], 0);
  });
});
