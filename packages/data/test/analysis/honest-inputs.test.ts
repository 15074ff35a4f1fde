/**
 * Honest inputs (issue 8, point 5) on a small hand-made store: one statistical programme per matrix (a unit with
 * data only from another programme is dropped and listed, never filled from it), dropped units and industries as a
 * first-class list with their reasons, and the vintage of every overview figure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadMetroAnalysisInput } from '../../src/analysis/load-input.ts';
import { unitSetMatrix } from '../../src/store/queries.ts';
import type { Store } from '../../src/store/store.ts';
import { emptyStore } from '../store/helpers.ts';

let store: Store;

type Obs = [
  region: string,
  indicator: string,
  classification: string | null,
  industry: string | null,
  value: number | null,
  unit: string,
  source: string,
  vintage: string,
  withheld?: boolean,
  year?: number,
];

async function seed(s: Store): Promise<void> {
  await s.run(`INSERT INTO metros VALUES ('tm', '测试', 'Test metro', 'US', 'counties', NULL, NULL, 'default')`);
  await s.run(`INSERT INTO unit_sets VALUES ('tm', 'counties', 'Counties', '县', 'employees', 'TC', [2020], NULL, NULL, 'default')`);
  for (const [id, ring, lon] of [
    ['R1', 'core', 0],
    ['R2', 'inner', 1],
    ['R3', 'inner', 2],
    ['R4', 'inner', 3],
  ] as const) {
    await s.run(`INSERT INTO regions VALUES ($1, NULL, $2, NULL, 'county', NULL, $3, 0, NULL, 'test', 'default')`, [id, `County ${id}`, lon]);
    await s.run(`INSERT INTO metro_members VALUES ('tm', $1, $2, 'default')`, [id, ring]);
    await s.run(`INSERT INTO unit_set_members VALUES ('tm', 'counties', $1, 'default')`, [id]);
  }
  for (const [code, name] of [
    ['X', 'Industry X'],
    ['Y', 'Industry Y'],
    ['Z', 'Industry Z'],
  ] as const)
    await s.run(`INSERT INTO industries VALUES ('TC', $1, NULL, $2, NULL, 'sector', NULL, 'default')`, [code, name]);
  const obs: Obs[] = [
    // Programme A (every unit but R4): R2's Z is withheld, R3 has no Z row.
    ['R1', 'employees', 'TC', 'X', 10, 'persons', 'A', 'single'],
    ['R1', 'employees', 'TC', 'Y', 20, 'persons', 'A', 'single'],
    ['R1', 'employees', 'TC', 'Z', 30, 'persons', 'A', 'single'],
    ['R2', 'employees', 'TC', 'X', 5, 'persons', 'A', 'single'],
    ['R2', 'employees', 'TC', 'Y', 5, 'persons', 'A', 'single'],
    ['R2', 'employees', 'TC', 'Z', null, 'persons', 'A', 'single', true],
    ['R3', 'employees', 'TC', 'X', 1, 'persons', 'A', 'single'],
    ['R3', 'employees', 'TC', 'Y', 2, 'persons', 'A', 'single'],
    // Programme Q (another concept): more cells for R3, the only data of R4.
    ['R3', 'employees', 'TC', 'X', 3, 'persons', 'Q', 'single'],
    ['R3', 'employees', 'TC', 'Y', 4, 'persons', 'Q', 'single'],
    ['R3', 'employees', 'TC', 'Z', 5, 'persons', 'Q', 'single'],
    ['R4', 'employees', 'TC', 'X', 1, 'persons', 'Q', 'single'],
    ['R4', 'employees', 'TC', 'Y', 1, 'persons', 'Q', 'single'],
    ['R4', 'employees', 'TC', 'Z', 1, 'persons', 'Q', 'single'],
    // Overview: R1 has revised GDP and population of 2020 and a first-published per-capita figure of 2018.
    ['R1', 'gdp', null, null, 50000, 'USD', 'G', 'revised'],
    ['R1', 'population', null, null, 1000, 'persons', 'P', 'revised'],
    ['R1', 'gdp_per_capita', null, null, 99, 'USD/person', 'G', 'first', false, 2018],
    ['R1', 'value_added', 'THREE-SECTOR', 'I', 1, 'USD', 'V', 'revised'],
    ['R1', 'value_added', 'THREE-SECTOR', 'II', 3, 'USD', 'V', 'revised'],
    ['R1', 'value_added', 'THREE-SECTOR', 'III', 6, 'USD', 'V', 'revised'],
  ];
  for (const [region, indicator, cls, industry, value, unit, source, vintage, withheld, year] of obs)
    await s.run(`INSERT INTO observations VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, $12, false, false, NULL, 'default')`, [
      region,
      year ?? 2020,
      indicator,
      cls,
      industry,
      value,
      unit,
      value,
      unit,
      source,
      vintage,
      withheld === true,
    ]);
}

before(async () => {
  store = await emptyStore();
  await seed(store);
});
after(() => store.close());

describe('one statistical programme per matrix', () => {
  it('unitSetMatrix programme "one": the source covering the most units for every row; others listed, not used', async () => {
    const r = await unitSetMatrix(store, 'tm', 'counties', 2020, { gaps: 'zero', programme: 'one', matrix: { zeroTotals: 'keep' } });
    assert.equal(r.programme, 'A');
    assert.deepEqual(r.outsideProgramme, [{ region: 'R4', sources: ['Q'] }]);
    assert.deepEqual(
      r.choices.map((c) => [c.region, c.source]),
      [
        ['R1', 'A'],
        ['R2', 'A'],
        ['R3', 'A'],
      ],
    );
    assert.deepEqual(r.regionsWithoutData, []);
    // The default (per-region) still picks each row's best group: R3 from Q (more cells).
    const perRegion = await unitSetMatrix(store, 'tm', 'counties', 2020, { gaps: 'zero', matrix: { zeroTotals: 'keep' } });
    assert.equal(perRegion.programme, null);
    assert.equal(perRegion.choices.find((c) => c.region === 'R3')?.source, 'Q');
  });

  it('the loader reads every row from one programme and lists what it dropped, with the reason', async () => {
    const input = await loadMetroAnalysisInput(store, 'tm');
    assert.deepEqual(input.matrix.regions, ['R1', 'R2', 'R3']);
    assert.deepEqual(input.matrix.industries, ['X', 'Y']);
    // R3 from programme A (1, 2), not from Q (3, 4).
    assert.deepEqual(Array.from(input.matrix.values), [10, 20, 5, 5, 1, 2]);
    assert.equal(input.unitSet.source, 'A');
    assert.deepEqual(input.unitSet.dropped, {
      units: [{ id: 'R4', nameEn: 'County R4', nameZh: null, reason: 'other-programme', industries: [], sources: ['Q'] }],
      industries: [{ code: 'Z', nameEn: 'Industry Z', nameZh: null, reason: 'gap-cells', units: ['R2', 'R3'] }],
    });
    assert.deepEqual(
      input.gaps?.filter((g) => g.what === 'employees'),
      [
        { unit: 'R4', industry: null, what: 'employees', kind: 'other-programme', treatment: 'dropped-region' },
        { unit: 'R2', industry: 'Z', what: 'employees', kind: 'withheld', treatment: 'dropped-industry' },
        { unit: 'R3', industry: 'Z', what: 'employees', kind: 'missing', treatment: 'dropped-industry' },
      ],
    );
  });
});

describe('one vintage per figure (loader)', () => {
  it('keeps the vintage of every overview value and of the three-sector value added', async () => {
    const input = await loadMetroAnalysisInput(store, 'tm');
    const r1 = input.overview?.find((o) => o.unit === 'R1');
    assert.deepEqual(r1?.gdp, { value: 50000, unit: 'USD', year: 2020, source: 'G', vintage: 'revised' });
    assert.deepEqual(r1?.population, { value: 1000, unit: 'persons', year: 2020, source: 'P', vintage: 'revised' });
    assert.deepEqual(r1?.gdpPerCapita, { value: 99, unit: 'USD/person', year: 2018, source: 'G', vintage: 'first' });
    assert.deepEqual(r1?.sectorValueAdded, { I: 1, II: 3, III: 6, unit: 'USD', year: 2020, source: 'V', vintage: 'revised' });
  });
});
