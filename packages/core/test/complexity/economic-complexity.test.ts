import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { economicComplexity, economicComplexityIndex, productComplexityIndex } from '../../src/complexity/economic-complexity.ts';
import { methodOfReflections } from '../../src/complexity/method-of-reflections.ts';
import { ConvergenceError, InvalidInputError } from '../../src/errors/metro-error.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { assertAllClose, assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { arbitraryMatrix, fromPresence, permuted } from '../relatedness/cases.ts';

const isCode = (code: string) => (e: unknown) => e instanceof InvalidInputError && e.code === code;

// Perfectly nested: R1 = {I1, I2, I3}, R2 = {I2, I3}, R3 = {I3}. By hand, M̃ = [[1/3, 1/3, 1/3],
// [1/6, 5/12, 5/12], [1/9, 5/18, 11/18]]; trace 49/36 = 1 + 1/4 + 1/9, eigenvalues 1, 1/4, 1/9. For λ₂ = 1/4,
// kp ∝ (5, 1, −1)·… gives kc equally spaced, so ECI = (√1.5, 0, −√1.5) and PCI = (3√1.5, √1.5, −√1.5).
const nested = fromPresence([
  [1, 1, 1],
  [0, 1, 1],
  [0, 0, 1],
]);

describe('economicComplexity', () => {
  it('reproduces the hand-computed nested case with both solvers', () => {
    const s = Math.sqrt(1.5);
    for (const solver of ['exact', 'lanczos'] as const) {
      const r = economicComplexity(nested.matrix, { presence: nested.presence, solver });
      assertClose(r.eigenvalue, 0.25, 1e-12, `λ₂ (${solver})`);
      assertClose(r.nextEigenvalue as number, 1 / 9, 1e-10, `λ₃ (${solver})`);
      assertAllClose([...r.eci.values], [s, 0, -s], 1e-12, `eci (${solver})`);
      assertAllClose([...r.pci.values], [3 * s, s, -s], 1e-12, `pci (${solver})`);
    }
    const eci = economicComplexityIndex(nested.matrix, { presence: nested.presence }).values;
    assert.ok((eci[0] as number) > 0 && Math.abs(eci[1] as number) < 1e-12 && (eci[2] as number) < 0, 'the most diverse region is the most complex');
    assert.equal(productComplexityIndex(nested.matrix, { presence: nested.presence }).labels.length, 3);
  });

  it('gives z-scores (mean 0, population sd 1) and is invariant under permutations of regions and industries', () => {
    fc.assert(
      fc.property(arbitraryMatrix(14, 10), fc.integer({ min: 1, max: 1e6 }), (m, seed) => {
        let r: ReturnType<typeof economicComplexity>;
        try {
          r = economicComplexity(m, { components: 'largest' });
        } catch (e) {
          if (e instanceof InvalidInputError && e.code === 'DEGENERATE') return;
          throw e;
        }
        const present = [...r.eci.values].filter((_, k) => r.eci.absent?.[k] !== 1);
        const mean = present.reduce((a, x) => a + x, 0) / present.length;
        const sd = Math.sqrt(present.reduce((a, x) => a + (x - mean) ** 2, 0) / present.length);
        assertClose(mean, 0, 1e-12, 'mean');
        assertClose(sd, 1, 1e-12, 'sd');
        // An eigenvector is only defined up to its eigenspace: compare permutations when λ₂ is simple.
        if (r.nextEigenvalue !== undefined && r.eigenvalue - r.nextEigenvalue < 1e-6) return;
        const q = economicComplexity(permuted(m, seed), { components: 'largest' });
        for (const label of m.regions) {
          const a = r.eci.labels.indexOf(label);
          const b = q.eci.labels.indexOf(label);
          assert.equal(q.eci.absent?.[b] ?? 0, r.eci.absent?.[a] ?? 0);
          assertClose(q.eci.values[b] as number, r.eci.values[a] as number, 1e-8, `eci ${label}`);
        }
        for (const label of m.industries) {
          assertClose(q.pci.values[q.pci.labels.indexOf(label)] as number, r.pci.values[r.pci.labels.indexOf(label)] as number, 1e-8, `pci ${label}`);
        }
      }),
      { seed: 4242, numRuns: propertyRuns.iterative },
    );
  });

  it('agrees between Jacobi and Lanczos on a 400 × 200 matrix (auto picks Lanczos)', () => {
    let s = 12345;
    const rand = (): number => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 4294967296;
    };
    const nR = 400;
    const nI = 200;
    const values = Array.from({ length: nR }, (_, r) =>
      Array.from({ length: nI }, (_, i) => (rand() < 0.3 + (0.4 * ((r * i) % 7)) / 7 ? Math.floor(1 + 50 * rand()) : 0)),
    );
    const m = RegionIndustryMatrix.fromWide(
      values.map((_, r) => `R${String(r).padStart(4, '0')}`),
      Array.from({ length: nI }, (_, i) => `I${String(i).padStart(4, '0')}`),
      values,
      { zeroTotals: 'drop' },
    );
    const auto = economicComplexity(m);
    assert.equal(auto.solver, 'lanczos');
    const exact = economicComplexity(m, { solver: 'exact' });
    assertClose(auto.eigenvalue, exact.eigenvalue, 1e-12, 'λ₂');
    assertAllClose([...auto.eci.values], [...exact.eci.values], 1e-8, 'eci');
    assertAllClose([...auto.pci.values], [...exact.pci.values], 1e-8, 'pci');
    assert.throws(
      () => economicComplexity(m, { solver: 'lanczos', maxIterations: 2, tolerance: 1e-14 }),
      (e: unknown) => e instanceof ConvergenceError,
    );
  });

  it('refuses a disconnected presence network by default and ranks within the largest block on request', () => {
    // Block A: R1–R3 × I1–I3 (nested); block B: R4 × I4.
    const c = fromPresence([
      [1, 1, 1, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 1],
    ]);
    assert.throws(() => economicComplexity(c.matrix, { presence: c.presence }), isCode('DISCONNECTED'));
    for (const solver of ['exact', 'lanczos'] as const) {
      const r = economicComplexity(c.matrix, { presence: c.presence, components: 'largest', solver });
      assert.deepEqual([...(r.eci.absent ?? [])], [0, 0, 0, 1]);
      assert.deepEqual([...(r.pci.absent ?? [])], [0, 0, 0, 1]);
      assert.deepEqual(
        r.eci.notes.map((n) => [n.label, n.code]),
        [['R4', 'OUTSIDE_LARGEST_COMPONENT']],
      );
      assert.deepEqual(
        r.pci.notes.map((n) => [n.label, n.code]),
        [['I4', 'OUTSIDE_LARGEST_COMPONENT']],
      );
      const s = Math.sqrt(1.5);
      assertAllClose([...r.eci.values].slice(0, 3), [s, 0, -s], 1e-12, 'block A equals the nested case');
    }
  });

  it('reports regions of diversity 0 and industries of ubiquity 0 as absent with reasons, not NaN', () => {
    const c = fromPresence([
      [1, 1, 1, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    const r = economicComplexity(c.matrix, { presence: c.presence });
    assert.deepEqual([...(r.eci.absent ?? [])], [0, 0, 0, 1]);
    assert.equal(r.eci.values[3], 0);
    assert.deepEqual(
      r.eci.notes.map((n) => n.code),
      ['ZERO_DIVERSITY'],
    );
    assert.deepEqual(
      r.pci.notes.map((n) => n.code),
      ['ZERO_UBIQUITY'],
    );
    assert.ok([...r.eci.values, ...r.pci.values].every(Number.isFinite));
  });

  it('refuses degenerate inputs: a single region, a single industry, all regions alike', () => {
    const single = RegionIndustryMatrix.fromWide(['A'], ['x', 'y', 'z'], [[1, 2, 3]]);
    assert.throws(() => economicComplexity(single), isCode('DEGENERATE'));
    const oneIndustry = RegionIndustryMatrix.fromWide(['A', 'B', 'C'], ['x'], [[1], [2], [3]]);
    assert.throws(() => economicComplexity(oneIndustry), isCode('DEGENERATE'));
    // Proportional rows: every LQ is 1, every region holds everything, kc is constant.
    const alike = RegionIndustryMatrix.fromWide(
      ['A', 'B', 'C'],
      ['x', 'y', 'z'],
      [
        [1, 2, 3],
        [2, 4, 6],
        [3, 6, 9],
      ],
    );
    for (const solver of ['exact', 'lanczos'] as const) assert.throws(() => economicComplexity(alike, { solver }), isCode('DEGENERATE'));
    assert.throws(() => economicComplexity(alike, { normalization: 'sum' }), isCode('DEGENERATE'));
  });

  it('normalises to v/Σv with normalization: "sum" and validates its options', () => {
    const r = economicComplexity(nested.matrix, { presence: nested.presence, normalization: 'sum' });
    // |Σ| = 1; the sign follows EconGeo's rules (kci agrees with the 20th reflection), not the sum.
    assertClose(Math.abs([...r.eci.values].reduce((a, x) => a + x, 0)), 1, 1e-12, '|Σ eci|');
    const reflection = methodOfReflections(nested.matrix, { presence: nested.presence, steps: 20, rescale: 'zScore' }).regions.values;
    assert.ok([...r.eci.values].reduce((a, x, k) => a + x * (reflection[k] as number), 0) >= 0, 'kci agrees with morc(20)');
    assertClose(Math.abs([...r.pci.values].reduce((a, x) => a + x, 0)), 1, 1e-12, '|Σ pci|');
    assert.throws(() => economicComplexity(nested.matrix, { normalization: 'rank' as 'sum' }), isCode('INVALID_OPTION'));
    assert.throws(() => economicComplexity(nested.matrix, { solver: 'qr' as 'exact' }), isCode('INVALID_OPTION'));
    assert.throws(() => economicComplexity(nested.matrix, { tolerance: 2 }), isCode('INVALID_OPTION'));
    assert.throws(() => economicComplexity(nested.matrix, { maxIterations: 0 }), isCode('INVALID_OPTION'));
  });
});
