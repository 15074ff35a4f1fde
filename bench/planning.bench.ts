/**
 * The positioning optimiser (issue 10, point 1): choosePositions and planPositions.
 * - JJJ cities (13 units) and YRD cities (41 units) on their real unit sets and linkage: THREE-SECTOR tables, which
 *   planPositions does not optimise, so the solve is timed on their capability with every sector a candidate and
 *   one lead per unit;
 * - the same unit counts (and real linkage) with 20 generated traded industries, one or two leads each (the default:
 *   a second only where it adds capability net of duplication);
 * - Tokyo's 343 municipalities end to end (planPositions, with and without the sensitivity re-solves);
 * - a generated 300 units × 100 industries instance (gravity weights from random points): the heuristic, its
 *   objective, bound and gap (issue 10's goal: under 60 s). Generated scores are uniform in [−1, 1]: every unit's
 *   two best are positive and the duplication small, so the optimum takes two leads everywhere (as forcing two would).
 * Figures only, no assertions. The store is a fresh one in a temporary folder (the embedded dataset is loaded once).
 *   npm run bench -- planning
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMetroAnalysisInput, Store } from '@metrocoop/data';
import { analyzeMetro } from '../packages/core/src/analysis/analyze-metro.ts';
import { unitCapability } from '../packages/core/src/planning/capability.ts';
import { choosePositions, type PositioningInput, type PositioningResult } from '../packages/core/src/planning/positioning.ts';
import { planPositions } from '../packages/core/src/planning/positions.ts';
import type { PlanningContext } from '../packages/core/src/planning/types.ts';
import { mulberry32 } from './generate.ts';
import { bench, printHeader } from './harness.ts';

/** Capability uniform in [−1, 1] (the range of the bounded components), seeded. */
function generatedCapability(units: number, industries: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: units * industries }, () => 2 * random() - 1);
}

/** Gravity weights (mass × mass / distance², normalised to a largest of 1) between random points, seeded. */
function gravityWeights(units: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const x = Float64Array.from({ length: units }, () => 300 * random());
  const y = Float64Array.from({ length: units }, () => 300 * random());
  const mass = Float64Array.from({ length: units }, () => 0.2 + 5 * random() ** 2);
  const w = new Float64Array(units * units);
  let max = 0;
  for (let u = 0; u < units; u++)
    for (let v = 0; v < units; v++) {
      if (u === v) continue;
      const d = Math.hypot((x[u] as number) - (x[v] as number), (y[u] as number) - (y[v] as number)) + 10;
      const value = ((mass[u] as number) * (mass[v] as number)) / d ** 2;
      w[u * units + v] = value;
      max = Math.max(max, value);
    }
  for (let k = 0; k < w.length; k++) w[k] = (w[k] as number) / max;
  return w;
}

function describe(r: PositioningResult): string {
  const relative = r.bound > 0 ? ` (${((100 * r.gap) / r.bound).toFixed(2)}%)` : '';
  const leads = r.leads.reduce((n, l) => n + l.industries.length, 0);
  return `${r.method}/${r.formulation}: objective ${r.objective.toFixed(3)}, bound ${r.bound.toFixed(3)}, gap ${r.gap.toFixed(3)}${relative}; ${leads} leads`;
}

printHeader('planning: the positioning optimiser');
const dir = mkdtempSync(join(tmpdir(), 'metrocoop-bench-planning-'));
const store = await Store.openDefault(join(dir, 'store.duckdb'));
try {
  const contexts = new Map<string, PlanningContext>();
  for (const [metro, units] of [
    ['jjj', 'cities'],
    ['yrd', 'cities'],
    ['tokyo', 'municipalities'],
  ] as const) {
    const input = await loadMetroAnalysisInput(store, metro, { units });
    contexts.set(`${metro} ${units}`, { input, analysis: analyzeMetro(input), parents: {}, railGaps: [], relocations: null });
  }

  for (const key of ['jjj cities', 'yrd cities']) {
    const ctx = contexts.get(key) as PlanningContext;
    const cap = unitCapability(ctx, { candidates: 'all' });
    const U = cap.units.length;
    const real: PositioningInput = {
      units: cap.units,
      industries: cap.industries.map((code, c) => ({ code, traded: cap.traded[c] === 1 })),
      capability: cap.score,
      duplicationWeight: cap.linkage.weights,
    };
    let last: PositioningResult | undefined;
    await bench(`choosePositions ${key} (3 sectors, 1 lead)`, `${U} × ${cap.industries.length}`, async () => {
      last = await choosePositions(real, { leadsPerUnit: 1 });
    });
    console.log(`  ${describe(last as PositioningResult)}; duplication weights: ${cap.linkage.basis}`);
    const generated: PositioningInput = {
      units: cap.units,
      industries: Array.from({ length: 20 }, (_, i) => ({ code: `I${String(i).padStart(2, '0')}`, traded: true })),
      capability: generatedCapability(U, 20, U),
      duplicationWeight: cap.linkage.weights,
    };
    await bench(`choosePositions ${key} (20 generated industries, 1–2 leads)`, `${U} × 20`, async () => {
      last = await choosePositions(generated);
    });
    console.log(`  ${describe(last as PositioningResult)}`);
  }

  const tokyo = contexts.get('tokyo municipalities') as PlanningContext;
  let part: Awaited<ReturnType<typeof planPositions>> | undefined;
  await bench('planPositions tokyo municipalities', '343 × 8', async () => {
    part = await planPositions(tokyo, { sensitivity: false });
  });
  console.log(
    `  ${part?.solve?.method}/${part?.solve?.formulation}: objective ${part?.solve?.objective.toFixed(3)}; ${part?.notes.map((n) => n.en).join(' ')}`,
  );
  await bench(
    'planPositions tokyo municipalities + sensitivity',
    '343 × 8',
    async () => {
      part = await planPositions(tokyo);
    },
    3,
  );
  console.log(`  sensitivity: ${part?.sensitivity?.runs.length} re-solves; ${part?.sensitivity?.stable} of ${part?.sensitivity?.of} choices stable`);

  // The heuristic against the exact optimum where both run: 100 units × 20 industries (99,000 pair variables).
  const mid: PositioningInput = {
    units: Array.from({ length: 100 }, (_, u) => `R${String(u).padStart(3, '0')}`),
    industries: Array.from({ length: 20 }, (_, i) => ({ code: `I${String(i).padStart(3, '0')}`, traded: true })),
    capability: generatedCapability(100, 20, 100020),
    duplicationWeight: gravityWeights(100, 100020),
  };
  let exact: PositioningResult | undefined;
  let heuristic: PositioningResult | undefined;
  await bench(
    'choosePositions generated (exact)',
    '100 × 20',
    async () => {
      exact = await choosePositions(mid, { method: 'exact' });
    },
    1,
    120_000,
  );
  await bench('choosePositions generated (heuristic)', '100 × 20', async () => {
    heuristic = await choosePositions(mid, { method: 'heuristic' });
  });
  console.log(`  exact: ${describe(exact as PositioningResult)}`);
  console.log(`  exact ${exact?.objective.toFixed(3)}; ${describe(heuristic as PositioningResult)}`);

  const U = 300;
  const I = 100;
  const large: PositioningInput = {
    units: Array.from({ length: U }, (_, u) => `R${String(u).padStart(3, '0')}`),
    industries: Array.from({ length: I }, (_, i) => ({ code: `I${String(i).padStart(3, '0')}`, traded: true })),
    capability: generatedCapability(U, I, 300100),
    duplicationWeight: gravityWeights(U, 300100),
  };
  let last: PositioningResult | undefined;
  await bench(
    'choosePositions generated (heuristic)',
    '300 × 100',
    async () => {
      last = await choosePositions(large);
    },
    3,
    120_000,
  );
  console.log(`  ${describe(last as PositioningResult)}; candidates ${last?.candidatesPerUnit}, partners ${last?.partnersPerUnit}`);
  await bench(
    'choosePositions generated (GLPK heuristic)',
    '300 × 100',
    async () => {
      last = await choosePositions(large, { solver: 'glpk' });
    },
    1,
    300_000,
  );
  console.log(`  ${describe(last as PositioningResult)}`);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
