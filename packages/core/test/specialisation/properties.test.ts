/**
 * Invariants of every vector-valued specialisation and concentration measure on random tables (fast-check, fixed
 * seed): permuting regions and industries permutes the outputs, and each index stays within its stated bounds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { gini } from '../../src/concentration/gini.ts';
import { hooverGini, locationalGini } from '../../src/concentration/hoover-gini.ts';
import { hooverLocalization } from '../../src/concentration/hoover-localization.ts';
import type { LabelledVector } from '../../src/matrix/labelled.ts';
import type { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';
import { entropy } from '../../src/specialisation/entropy.ts';
import { hachman } from '../../src/specialisation/hachman.ts';
import { herfindahl } from '../../src/specialisation/herfindahl.ts';
import { krugmanSpecialization } from '../../src/specialisation/krugman-specialization.ts';
import { specializationCoefficient } from '../../src/specialisation/specialization-coefficient.ts';
import { assertClose } from '../helpers.ts';
import { propertyRuns } from '../property-runs.ts';
import { build, buildPermuted, permutationArb, seed, tableArb } from './arbitrary.ts';

const eps = 1e-12;
interface Case {
  readonly name: string;
  readonly over: 'regions' | 'industries';
  readonly minR?: number;
  readonly minI?: number;
  readonly run: (m: RegionIndustryMatrix) => LabelledVector;
  /** Bounds given the numbers of regions and industries. */
  readonly bounds: (nR: number, nI: number) => readonly [number, number];
}

const cases: Case[] = [
  { name: 'krugmanSpecialization area', over: 'regions', run: (m) => krugmanSpecialization(m), bounds: () => [0, 2] },
  {
    name: 'krugmanSpecialization restOfArea',
    over: 'regions',
    minR: 2,
    run: (m) => krugmanSpecialization(m, { reference: 'restOfArea' }),
    bounds: () => [0, 2],
  },
  {
    name: 'krugmanSpecialization meanOfOthers',
    over: 'regions',
    minR: 2,
    run: (m) => krugmanSpecialization(m, { reference: 'meanOfOthers' }),
    bounds: () => [0, 2],
  },
  { name: 'specializationCoefficient', over: 'regions', run: (m) => specializationCoefficient(m), bounds: () => [0, 1] },
  { name: 'herfindahl', over: 'regions', run: (m) => herfindahl(m), bounds: (_r, nI) => [1 / nI, 1] },
  { name: 'herfindahl normalized', over: 'regions', minI: 2, run: (m) => herfindahl(m, { normalized: true }), bounds: () => [0, 1] },
  { name: 'entropy', over: 'regions', run: (m) => entropy(m), bounds: (_r, nI) => [0, Math.log2(nI)] },
  { name: 'entropy ln', over: 'regions', run: (m) => entropy(m, { log: 'ln' }), bounds: (_r, nI) => [0, Math.log(nI)] },
  { name: 'hachman', over: 'regions', run: (m) => hachman(m), bounds: () => [Number.MIN_VALUE, 1] },
  { name: 'gini per region of LQs', over: 'regions', run: (m) => gini(m, { of: 'lq', per: 'region' }), bounds: (_r, nI) => [0, 1 - 1 / nI] },
  { name: 'hooverLocalization', over: 'industries', run: (m) => hooverLocalization(m), bounds: () => [0, 1] },
  { name: 'hooverLocalization uniform', over: 'industries', run: (m) => hooverLocalization(m, { reference: 'uniform' }), bounds: () => [0, 1] },
  { name: 'hooverGini', over: 'industries', run: (m) => hooverGini(m), bounds: () => [0, 1] },
  { name: 'locationalGini', over: 'industries', run: (m) => locationalGini(m), bounds: () => [0, 0.5] },
  { name: 'gini', over: 'industries', run: (m) => gini(m), bounds: (nR) => [0, 1 - 1 / nR] },
  { name: 'gini of LQs', over: 'industries', run: (m) => gini(m, { of: 'lq' }), bounds: (nR) => [0, 1 - 1 / nR] },
];

describe('specialisation and concentration invariants', () => {
  for (const c of cases) {
    it(`${c.name}: permuting regions and industries permutes the output, and values stay in bounds (property)`, () => {
      fc.assert(
        fc.property(
          tableArb(7, 7, c.minR ?? 1, c.minI ?? 1).chain((t) => fc.tuple(fc.constant(t), permutationArb(t.nR), permutationArb(t.nI))),
          ([t, pr, pi]) => {
            const a = c.run(build(t));
            const b = c.run(buildPermuted(t, pr, pi));
            const perm = c.over === 'regions' ? pr : pi;
            assert.equal(a.absent, undefined);
            const [lo, hi] = c.bounds(t.nR, t.nI);
            for (let k = 0; k < perm.length; k++) {
              const v = a.values[k] as number;
              assert.ok(v >= lo - eps && v <= hi + eps, `${c.name}[${k}] = ${v} outside [${lo}, ${hi}]`);
              assertClose(b.values[k] as number, a.values[perm[k] as number] as number, 1e-12, `${c.name} permuted [${k}]`);
            }
          },
        ),
        { seed, numRuns: propertyRuns.kernel },
      );
    });
  }
});
