import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { complexityOutlook, complexityOutlookGain, complexityOutlookIndex } from '../../src/complexity/complexity-outlook.ts';
import { economicComplexity } from '../../src/complexity/economic-complexity.ts';
import { InvalidInputError } from '../../src/errors/metro-error.ts';
import { density } from '../../src/relatedness/density.ts';
import { proximity } from '../../src/relatedness/proximity.ts';
import { assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { arbitraryMatrix, fromPresence } from '../relatedness/cases.ts';

describe('complexityOutlook', () => {
  it('matches its definitions recomputed from density, proximity and the eigenvector, and is 0 where held', () => {
    fc.assert(
      fc.property(arbitraryMatrix(10, 8), (m) => {
        let out: ReturnType<typeof complexityOutlook>;
        try {
          out = complexityOutlook(m);
        } catch (e) {
          if (e instanceof InvalidInputError && (e.code === 'DEGENERATE' || e.code === 'DISCONNECTED')) return;
          throw e;
        }
        const { eci, pci } = economicComplexity(m);
        const nR = m.regionCount;
        const nI = m.industryCount;
        const w = density(m).values;
        const phi = proximity(m).values;
        const lq = (r: number, i: number): number =>
          (m.values[r * nI + i] as number) / (m.regionTotals()[r] as number) / ((m.industryTotals()[i] as number) / m.total());
        const held = (r: number, i: number): boolean => lq(r, i) >= 1;
        // PCI = (kp − mean kc)/sd kc, so kp/sd kc = PCI + c; c follows from Σ_i u_i kp_i = 0 (kp ⟂ the Perron vector).
        const u = Array.from({ length: nI }, (_, i) => Array.from({ length: nR }, (_, r) => (held(r, i) ? 1 : 0)).reduce((a: number, x: number) => a + x, 0));
        const c = -u.reduce((a, ui, i) => a + ui * (pci.values[i] as number), 0) / u.reduce((a, x) => a + x, 0);
        const kpOverSd = Array.from({ length: nI }, (_, i) => (pci.values[i] as number) + c);
        // COI before its z-score, up to the positive factor sd(kc).
        const rawCoi = Array.from({ length: nR }, (_, r) => {
          let s = 0;
          for (let i = 0; i < nI; i++) if (!held(r, i)) s += (w[r * nI + i] as number) * (kpOverSd[i] as number);
          return s;
        });
        const mean = rawCoi.reduce((a, x) => a + x, 0) / nR;
        const sd = Math.sqrt(rawCoi.reduce((a, x) => a + (x - mean) ** 2, 0) / nR);
        for (let r = 0; r < nR; r++) assertClose(out.coi.values[r] as number, ((rawCoi[r] as number) - mean) / sd, 1e-9, `coi ${r}`);
        assert.equal(eci.values.length, nR);
        for (let r = 0; r < nR; r++) {
          for (let i = 0; i < nI; i++) {
            let expected = 0;
            if (!held(r, i)) {
              for (let j = 0; j < nI; j++) {
                if (held(r, j)) continue;
                let rowSum = 0;
                for (let l = 0; l < nI; l++) rowSum += phi[j * nI + l] as number;
                expected += ((phi[j * nI + i] as number) / rowSum) * (kpOverSd[j] as number);
              }
            }
            assertClose(out.cog.values[r * nI + i] as number, expected, 1e-9, `cog (${r}, ${i})`);
          }
        }
      }),
      { seed: 31, numRuns: propertyRuns.iterative },
    );
  });

  it('offers COI and COG separately, and reports absent regions and industries with notes', () => {
    const c = fromPresence([
      [1, 1, 1, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 0],
      [1, 0, 1, 0],
      [0, 0, 0, 0],
    ]);
    const o = { presence: c.presence };
    const coi = complexityOutlookIndex(c.matrix, o);
    const cog = complexityOutlookGain(c.matrix, o);
    assert.deepEqual([...(coi.absent ?? [])], [0, 0, 0, 0, 1]);
    assert.deepEqual(
      coi.notes.map((n) => n.code),
      ['ZERO_DIVERSITY'],
    );
    assert.equal(cog.absent?.[0 * 4 + 3], 1);
    assert.equal(cog.absent?.[4 * 4 + 0], 1);
    assert.equal(cog.values[0], 0); // R1 holds I1
    assert.ok([...coi.values, ...cog.values].every(Number.isFinite));
  });
});
