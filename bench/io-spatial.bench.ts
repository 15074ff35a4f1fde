/**
 * Input–output and spatial kernels at named sizes: Leontief inverse at 42 (China's 42-sector table), 71 and 500
 * sectors; Rasmussen linkages at 42; gravity linkage + membership over 3,000 regions; chain complementarity on
 * the medium matrix (300 regions × 100 industries). Figures only, no assertions.
 */
import { chainComplementarity } from '../packages/core/src/cooperation/chain-complementarity.ts';
import { InputOutputTable } from '../packages/core/src/input-output/input-output-table.ts';
import { leontiefInverse } from '../packages/core/src/input-output/leontief-inverse.ts';
import { rasmussenLinkages } from '../packages/core/src/input-output/rasmussen-linkages.ts';
import { technicalCoefficients } from '../packages/core/src/input-output/technical-coefficients.ts';
import { labelledMatrix } from '../packages/core/src/matrix/labelled.ts';
import { gravityLinkage } from '../packages/core/src/spatial/gravity-linkage.ts';
import { greatCircleDistanceMatrix } from '../packages/core/src/spatial/great-circle-distance.ts';
import { membershipDegree } from '../packages/core/src/spatial/membership-degree.ts';
import { generateMatrix, mulberry32, sizes } from './generate.ts';
import { bench, printHeader } from './harness.ts';

/** A productive table: each column's intermediate inputs are a random share (< 0.9) of its output. */
function productiveTable(n: number, seed: number): InputOutputTable {
  const random = mulberry32(seed);
  const sectors = Array.from({ length: n }, (_, k) => `S${String(k).padStart(3, '0')}`);
  const x = Float64Array.from({ length: n }, () => 100 + 10_000 * random());
  const z = new Float64Array(n * n);
  for (let l = 0; l < n; l++) {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const v = random() < 0.5 ? random() ** 3 : 0;
      z[k * n + l] = v;
      sum += v;
    }
    const scale = sum > 0 ? ((0.2 + 0.7 * random()) * (x[l] as number)) / sum : 0;
    for (let k = 0; k < n; k++) z[k * n + l] = (z[k * n + l] as number) * scale;
  }
  return InputOutputTable.create({ sectors, intermediate: z, output: x, unit: 'bench' });
}

printHeader('input–output and spatial');
for (const n of [42, 71, 500]) {
  const table = productiveTable(n, n);
  await bench('leontiefInverse', `${n} sectors`, () => leontiefInverse(table), n >= 500 ? 5 : 20);
}
const t42 = productiveTable(42, 42);
await bench('rasmussenLinkages (L and Ghosh)', '42 sectors', () => rasmussenLinkages(t42), 20);

const nRegions = 3000;
const random = mulberry32(3000);
const points = Array.from({ length: nRegions }, (_, k) => ({ label: `R${String(k).padStart(5, '0')}`, lon: 100 + 25 * random(), lat: 20 + 25 * random() }));
const population = Float64Array.from({ length: nRegions }, () => 10 + 1000 * random());
const gdp = Float64Array.from({ length: nRegions }, () => 100 + 50_000 * random());
let km = greatCircleDistanceMatrix(points);
await bench(
  'greatCircleDistanceMatrix',
  '3,000 regions',
  () => {
    km = greatCircleDistanceMatrix(points);
  },
  5,
);
const regions = points.map((p) => p.label);
let strength = labelledMatrix([], [], new Float64Array(0));
await bench(
  'gravityLinkage (km, b = 2)',
  '3,000 regions',
  () => {
    strength = gravityLinkage({ regions, population, gdp, km }).strength;
  },
  5,
);
await bench('membershipDegree', '3,000 regions', () => membershipDegree(strength), 5);

const medium = generateMatrix(sizes.medium.regions, sizes.medium.industries, 7);
const mTable = productiveTable(sizes.medium.industries, 100);
const a = technicalCoefficients(mTable);
const coefficients = labelledMatrix(medium.industries, medium.industries, a.values);
await bench('chainComplementarity (top 3 links)', 'medium 300×100', () => chainComplementarity(medium, coefficients), 5);
await bench('chainComplementarity (no links)', 'medium 300×100', () => chainComplementarity(medium, coefficients, { topLinks: 0 }), 5);
