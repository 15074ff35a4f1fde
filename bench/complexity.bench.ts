/**
 * Relatedness and complexity measures at the named sizes medium (300 × 100) and large (3,000 × 500), ~40 %
 * non-zero cells (bench/generate.ts, seed 42). Peer figures on the large size, from the brief (same generator):
 * py-ecomplexity RCA 8 ms, proximity 2–3 s, ECI/PCI 4.7 s; EconGeo co-occurrence + relatedness 0.15 s, kci 96 s,
 * tci 0.8 s. Prints figures and the sum of the defaults; asserts nothing. Run: `npm run bench -- complexity`.
 */
import { complexityOutlook } from '../packages/core/src/complexity/complexity-outlook.ts';
import { economicComplexity } from '../packages/core/src/complexity/economic-complexity.ts';
import { fitnessComplexity } from '../packages/core/src/complexity/fitness-complexity.ts';
import { methodOfReflections } from '../packages/core/src/complexity/method-of-reflections.ts';
import { coOccurrence } from '../packages/core/src/relatedness/co-occurrence.ts';
import { density } from '../packages/core/src/relatedness/density.ts';
import { diversity, ubiquity } from '../packages/core/src/relatedness/diversity-ubiquity.ts';
import { proximity } from '../packages/core/src/relatedness/proximity.ts';
import { relatedness } from '../packages/core/src/relatedness/relatedness.ts';
import { relatednessDensity } from '../packages/core/src/relatedness/relatedness-density.ts';
import { releaseDerivedData } from '../packages/core/src/util/memo.ts';
import { generateMatrix, sizes } from './generate.ts';
import { bench, printHeader } from './harness.ts';

printHeader('relatedness and complexity');

for (const size of ['medium', 'large'] as const) {
  const { regions, industries } = sizes[size];
  const m = generateMatrix(regions, industries);
  // Measures on one matrix share cached intermediate results (presence, eigenvector, density); forget them before
  // every run so each figure is a computation from scratch.
  const fresh = () => {
    releaseDerivedData(m);
    return true;
  };
  const label = `${regions}×${industries}`;
  const eci = economicComplexity(m);
  console.log(`# ${label}: solver ${eci.solver}, ${eci.iterations} Lanczos steps, λ₂ = ${eci.eigenvalue.toFixed(6)}, λ₃ ≈ ${eci.nextEigenvalue?.toFixed(6)}`);
  const fc = fitnessComplexity(m);
  console.log(`# ${label}: fitness–complexity converged in ${fc.iterations} iterations (tolerance 1e-6)`);
  const runs = [
    await bench('diversity + ubiquity', label, () => fresh() && [diversity(m), ubiquity(m)]),
    await bench('coOccurrence (bit-packed)', label, () => fresh() && coOccurrence(m)),
    await bench('proximity (minimum)', label, () => fresh() && proximity(m)),
    await bench('proximity (conditional)', label, () => fresh() && proximity(m, { form: 'conditional' })),
    await bench('proximity (continuous)', label, () => fresh() && proximity(m, { form: 'continuous' })),
    await bench('relatedness (prob)', label, () => fresh() && relatedness(m)),
    await bench('density', label, () => fresh() && density(m)),
    await bench('relatednessDensity (prob)', label, () => fresh() && relatednessDensity(m)),
    await bench('economicComplexity (ECI + PCI, auto)', label, () => fresh() && economicComplexity(m)),
    await bench('economicComplexity (exact Jacobi)', label, () => fresh() && economicComplexity(m, { solver: 'exact' }), 3),
    await bench('economicComplexity (sum, EconGeo)', label, () => fresh() && economicComplexity(m, { normalization: 'sum' })),
    await bench('methodOfReflections (20 steps)', label, () => fresh() && methodOfReflections(m)),
    await bench('fitnessComplexity', label, () => fresh() && fitnessComplexity(m)),
    await bench('complexityOutlook (COI + COG)', label, () => fresh() && complexityOutlook(m)),
  ];
  const defaults = runs.filter((r) => !r.name.includes('exact') && !r.name.includes('conditional') && !r.name.includes('continuous'));
  const total = defaults.reduce((s, r) => s + r.medianMs, 0);
  console.log(`# ${label}: sum of medians over the default form of every measure: ${total.toFixed(1)} ms`);
}
