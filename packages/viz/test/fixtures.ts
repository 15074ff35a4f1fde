/**
 * A small hand-made metro for the chart tests, analysed by the core (`analyzeMetro`, `planMetro`), built on the
 * core's analysis fixtures (packages/core/test/analysis/fixtures.ts: `input`, `unit`): four units on nine ISIC
 * sections (eight traded, G local: fine enough to judge homogeneity and positions) — a service-led core CORE, two
 * manufacturing units WEST and EAST (inner ring) and a transport-led port PORT (outer ring) — with populations,
 * GDP and three-sector value added of 2020, a national input–output table in which finance, research and the primary
 * sections supply manufacturing, a stated position of WEST in manufacturing, and the comparison bases of itself and
 * two other metros (one on the same basis, one six years apart). The numbers the charts must show are read from the
 * analysis itself in the tests.
 *
 * Geometries: CORE and WEST have square boundaries around their points, EAST only a Point feature, PORT nothing
 * (drawn at the analysis's representative point).
 */
import { type AnalysisIndustry, analyzeMetro, type BenchmarkBasis, type MetroAnalysis, type MetroPlan, planMetro } from '@metrocoop/core';
import { input, unit } from '../../core/test/analysis/fixtures.ts';
import { fourUnitRows, nineSectionIo, nineSections } from '../../core/test/analysis/four-units.ts';
import type { UnitGeometries } from '../src/chart.ts';

export const codes = nineSections;
const industries: AnalysisIndustry[] = codes.map((c) => ({ code: c, nameEn: `Section ${c}`, nameZh: `门类${c}`, isicSections: [c] }));

const rows = fourUnitRows;
export const points = { CORE: [116.4, 39.9], WEST: [116.0, 39.8], EAST: [117.0, 39.6], PORT: [117.7, 39.0] } as const satisfies Record<
  string,
  readonly [number, number]
>;
const population: Record<string, number> = { CORE: 2e6, WEST: 1.5e6, EAST: 1e6, PORT: 5e5 };
const gdp: Record<string, number> = { CORE: 4e11, WEST: 1.5e11, EAST: 1.2e11, PORT: 1.4e11 };
const tertiary: Record<string, number> = { CORE: 0.8, WEST: 0.45, EAST: 0.4, PORT: 0.5 };

/** A comparison basis on ISIC sections C, G, J, K (see packages/core/test/analysis/benchmark.test.ts). */
function basis(id: string, nameEn: string, nameZh: string, year: number, values: number[][]): BenchmarkBasis {
  return {
    metro: { id, nameEn, nameZh },
    indicator: 'employment',
    sourceIndicator: 'employment_test',
    classification: 'ISIC-4',
    sourceClassification: 'TEST',
    year,
    source: `src-${id}`,
    unitSet: 'units',
    level: 'province',
    aggregatedFrom: null,
    coverage: 1,
    populationYear: year,
    units: [
      { id: 'X', ring: 'core', population: 100 },
      { id: 'R1', ring: 'inner', population: 200 },
      { id: 'R2', ring: 'outer', population: 200 },
    ],
    sections: ['C', 'G', 'J', 'K'],
    values,
    unmapped: [],
  };
}

export const benchmarkBases = (): BenchmarkBasis[] => [
  basis('test', 'Test metro', '测试都市圈', 2020, [
    [10, 50, 20, 20],
    [40, 50, 5, 5],
    [20, 30, 25, 25],
  ]),
  basis('other', 'Other metro', '另一都市圈', 2019, [
    [5, 40, 30, 25],
    [50, 40, 5, 5],
    [45, 30, 6, 4],
  ]),
  basis('old', 'Old metro', '旧都市圈', 2012, [
    [5, 40, 30, 25],
    [50, 40, 5, 5],
    [45, 30, 6, 4],
  ]),
];

/** The analysis input of the fixture metro (`extra` overrides any part). */
export function fixtureInput(extra: Partial<Parameters<typeof analyzeMetro>[0]> = {}): Parameters<typeof analyzeMetro>[0] {
  const units = [
    unit('CORE', 'core', ...points.CORE),
    unit('WEST', 'inner', ...points.WEST),
    unit('EAST', 'inner', ...points.EAST),
    unit('PORT', 'outer', ...points.PORT),
  ];
  return input(
    rows,
    units,
    {
      industries,
      inputOutput: nineSectionIo(2018),
      overview: units.map((u) => ({
        unit: u.id,
        population: { value: population[u.id] as number, unit: 'persons', year: 2020, source: 'test-census' },
        gdp: { value: gdp[u.id] as number, unit: 'CNY', year: 2020, source: 'test-accounts' },
        sectorValueAdded: {
          I: 2,
          II: 98 - 100 * (tertiary[u.id] as number),
          III: 100 * (tertiary[u.id] as number),
          unit: 'CNY',
          year: 2020,
          source: 'test-accounts',
        },
      })),
      knowledge: [
        {
          id: 'kb-west-1',
          kind: 'positioning',
          unit: 'WEST',
          region: 'WEST',
          year: 2019,
          textEn: 'West: a manufacturing base',
          textZh: '西部：制造业基地',
          industries: ['C'],
          verified: true,
          source: 'test-plan',
        },
      ],
      benchmark: benchmarkBases(),
      ...extra,
    },
    codes,
  );
}

/** The fixture metro, analysed. */
export const fixtureAnalysis = (extra: Partial<Parameters<typeof analyzeMetro>[0]> = {}): MetroAnalysis => analyzeMetro(fixtureInput(extra));

/** The fixture metro's plan (no sensitivity runs). */
export async function fixturePlan(): Promise<MetroPlan> {
  const inp = fixtureInput();
  return planMetro(
    { input: inp, analysis: analyzeMetro(inp), parents: { CORE: null, WEST: null, EAST: null, PORT: null }, railGaps: [], relocations: null },
    { positions: { sensitivity: false } },
  );
}

const square = (c: readonly [number, number], r: number) => [
  [
    [c[0] - r, c[1] - r],
    [c[0] + r, c[1] - r],
    [c[0] + r, c[1] + r],
    [c[0] - r, c[1] + r],
    [c[0] - r, c[1] - r],
  ],
];

/** CORE and WEST as squares, EAST as a Point, PORT absent. */
export function fixtureGeometries(): UnitGeometries {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { region: 'CORE', source: 'test-boundaries' }, geometry: { type: 'Polygon', coordinates: square(points.CORE, 0.15) } },
      { type: 'Feature', properties: { region: 'WEST', source: 'test-boundaries' }, geometry: { type: 'Polygon', coordinates: square(points.WEST, 0.15) } },
      { type: 'Feature', properties: { region: 'EAST', source: 'test-points' }, geometry: { type: 'Point', coordinates: [117.01, 39.61] } },
    ],
  };
}
