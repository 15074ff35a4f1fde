/**
 * Specialisation, concentration and similarity measures at the named sizes medium (300 × 100) and large
 * (3,000 × 500), ~40% non-zero cells (bench/generate.ts, seed 42). The large pairwise measures are the point:
 * 4.5 M region pairs × 500 industries (REAT needs about 40 minutes for this). Prints figures; asserts nothing.
 * Run: `npm run bench -- specialisation`.
 */
import { gini } from '../packages/core/src/concentration/gini.ts';
import { hooverGini, locationalGini } from '../packages/core/src/concentration/hoover-gini.ts';
import { hooverLocalization } from '../packages/core/src/concentration/hoover-localization.ts';
import { krugmanDissimilarity } from '../packages/core/src/similarity/krugman-dissimilarity.ts';
import { _pairwiseDot, _pairwiseMin2, _shareColumns } from '../packages/core/src/similarity/pairwise-kernel.ts';
import { structuralSimilarity } from '../packages/core/src/similarity/structural-similarity.ts';
import { entropy } from '../packages/core/src/specialisation/entropy.ts';
import { hachman } from '../packages/core/src/specialisation/hachman.ts';
import { herfindahl } from '../packages/core/src/specialisation/herfindahl.ts';
import { krugmanSpecialization } from '../packages/core/src/specialisation/krugman-specialization.ts';
import { locationQuotient } from '../packages/core/src/specialisation/location-quotient.ts';
import { presence } from '../packages/core/src/specialisation/presence.ts';
import { specializationCoefficient } from '../packages/core/src/specialisation/specialization-coefficient.ts';
import { variety } from '../packages/core/src/specialisation/variety.ts';
import { generateMatrix, sizes } from './generate.ts';
import { bench, printHeader } from './harness.ts';

printHeader('specialisation, concentration, similarity');

for (const size of ['medium', 'large'] as const) {
  const { regions, industries } = sizes[size];
  const m = generateMatrix(regions, industries);
  const label = `${regions}×${industries}`;
  const groups = Object.fromEntries(m.industries.map((id, k) => [id, `G${Math.floor(k / 10)}`]));
  const big = size === 'large';
  let total = 0;
  const run = async (name: string, fn: () => unknown, runs = 5) => {
    const r = await bench(name, label, fn, runs);
    total += r.medianMs;
  };
  await run('locationQuotient', () => locationQuotient(m));
  await run('presence', () => presence(m));
  await run('krugmanSpecialization', () => krugmanSpecialization(m));
  await run('krugmanSpecialization meanOfOthers', () => krugmanSpecialization(m, { reference: 'meanOfOthers' }));
  await run('specializationCoefficient', () => specializationCoefficient(m));
  await run('herfindahl', () => herfindahl(m));
  await run('entropy', () => entropy(m));
  await run('variety (groups of 10)', () => variety(m, { groups }));
  await run('hachman', () => hachman(m));
  await run('hooverLocalization', () => hooverLocalization(m));
  await run('hooverGini', () => hooverGini(m));
  await run('locationalGini', () => locationalGini(m));
  await run('gini', () => gini(m));
  await run('gini of LQs', () => gini(m, { of: 'lq' }));
  await run('krugmanDissimilarity', () => krugmanDissimilarity(m), big ? 3 : 5);
  await run('structuralSimilarity', () => structuralSimilarity(m), big ? 3 : 5);
  console.log(`${'sum of medians (every measure once)'.padEnd(40)} ${label.padEnd(12)} ${total.toFixed(0).padStart(17)} ms`);
  if (big) {
    // The kernels alone, by block size (rows of output per block), for the record behind pairwiseBlockRows.
    const cols = _shareColumns(m.values, m.regionCount, m.industryCount, m.regionTotals());
    let nnzPairs = 0;
    for (let i = 0; i < m.industryCount; i++) {
      const n = (cols.colPtr[i + 1] as number) - (cols.colPtr[i] as number);
      nnzPairs += (n * (n - 1)) / 2;
    }
    console.log(`# non-zero cells ${cols.colPtr[m.industryCount]}; pair updates per kernel ${(nnzPairs / 1e6).toFixed(0)} M`);
    const out = new Float64Array(m.regionCount * m.regionCount);
    for (const block of [8, 32, 128]) {
      await bench(
        `  kernel dot, block ${block}`,
        label,
        () => {
          out.fill(0);
          _pairwiseDot(cols, m.regionCount, m.industryCount, out, block);
        },
        3,
      );
      await bench(
        `  kernel 2·min, block ${block}`,
        label,
        () => {
          out.fill(0);
          _pairwiseMin2(cols, m.regionCount, m.industryCount, out, block);
        },
        3,
      );
    }
  }
}
