/**
 * A small hand-made metro for the report tests: four units (a service-led core, two manufacturing units, a port) in
 * nine ISIC sections with an input–output table, analysed and planned by the core. One unit's and one industry's
 * names carry HTML and Markdown characters (`<script>`, `&`, `|`, `*`) so that escaping is tested on real output.
 */
import {
  type AnalysisIndustry,
  analyzeMetro,
  type MetroAnalysis,
  type MetroAnalysisInput,
  type MetroPlan,
  type PlanningContext,
  planMetro,
  RegionIndustryMatrix,
} from '@metrocoop/core';
import { fourUnitRows, nineSectionIo, nineSections } from '../../../core/test/analysis/four-units.ts';

export const codes = nineSections;

/** The port's English name: every character HTML and Markdown must escape. */
export const trickyName = 'Port <script>alert("x")</script> & Docks | *Bay*';
export const trickyNameZh = '港区<b>码头</b>&湾';
export const trickyIndustry = 'Finance & <insurance> | *banks*';

const industries: AnalysisIndustry[] = codes.map((c) => ({
  code: c,
  nameEn: c === 'K' ? trickyIndustry : `Section ${c}`,
  nameZh: c === 'K' ? '金融<保险>' : `门类${c}`,
  isicSections: [c],
}));

export const rows = fourUnitRows;
/** Longitude, latitude, GDP (CNY), population (persons), area (km²). */
export const facts: Record<string, [number, number, number, number, number]> = {
  CORE: [116.4, 39.9, 4e10, 2_000_000, 1_600],
  WEST: [116.0, 39.8, 1.5e10, 1_500_000, 3_000],
  EAST: [117.0, 39.6, 1.2e10, 1_200_000, 4_500],
  PORT: [117.7, 39.0, 1.4e10, 900_000, 2_500],
};

export function handMadeInput(): MetroAnalysisInput {
  const ids = Object.keys(rows);
  return {
    metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈', country: 'CN' },
    unitSet: { id: 'units', indicator: 'employment', classification: 'ISIC-4', unit: 'persons', measure: 'employment', source: 'TEST_EMP' },
    year: 2020,
    units: ids.map((id) => ({
      id,
      nameEn: id === 'PORT' ? trickyName : `Unit ${id}`,
      nameZh: id === 'PORT' ? trickyNameZh : `单元${id}`,
      ring: id === 'CORE' ? 'core' : 'inner',
      lon: facts[id]?.[0] ?? 0,
      lat: facts[id]?.[1] ?? 0,
    })),
    industries,
    matrix: RegionIndustryMatrix.fromWide(
      ids,
      codes,
      ids.map((id) => rows[id] as number[]),
      { order: 'input', zeroTotals: 'keep' },
    ),
    earlier: [
      {
        year: 2015,
        matrix: RegionIndustryMatrix.fromWide(
          ids,
          codes,
          ids.map((id) => (rows[id] as number[]).map((v, k) => v * (1 + 0.05 * k))),
          { order: 'input', zeroTotals: 'keep' },
        ),
      },
    ],
    inputOutput: nineSectionIo(),
    overview: ids.map((id) => ({
      unit: id,
      area: { value: facts[id]?.[4] ?? 1, unit: 'km2', year: 2020, source: id === 'CORE' ? 'TEST_AREA_CORE' : 'TEST_AREA' },
      population: { value: facts[id]?.[3] ?? 1, unit: 'persons', year: 2020, source: 'TEST_POP' },
      gdp: { value: facts[id]?.[2] ?? 1, unit: 'CNY', year: 2020, source: 'TEST_GDP' },
      sectorValueAdded: { I: 1, II: id === 'CORE' ? 15 : 45, III: id === 'CORE' ? 84 : 54, unit: 'CNY', year: 2020, source: 'TEST_VA' },
    })),
    travelTimes: [{ origin: 'CORE', destination: 'WEST', minutes: 25, mode: 'rail', source: 'TEST_RAIL' }],
  };
}

/** The hand-made metro's analysis and plan (no sensitivity runs: fast). */
export async function handMadeMetro(): Promise<{ analysis: MetroAnalysis; plan: MetroPlan }> {
  const input = handMadeInput();
  const analysis = analyzeMetro(input);
  const context: PlanningContext = {
    input,
    analysis,
    parents: { CORE: null, WEST: null, EAST: null, PORT: null },
    railGaps: [
      { origin: 'CORE', destination: 'EAST', reason: 'no-direct-train', source: 'TEST_RAIL' },
      { origin: 'CORE', destination: 'PORT', reason: 'not-in-source', source: 'TEST_RAIL' },
    ],
    relocations: null,
  };
  const plan = await planMetro(context, { positions: { sensitivity: false } });
  return { analysis, plan };
}

/** The English headings of every report, in order: the ten chapters of the paper between the contents and the sources. */
export const englishHeadings = [
  'Contents',
  '1. Overview',
  '2. Industry distribution',
  '3. Positions: stated in plans, revealed today, and the optimum',
  '4. Cooperation types',
  '5. Homogenisation',
  '6. Complementarity along supply chains',
  '7. Linkages and transport',
  '8. International comparison',
  '9. Recommendations',
  '10. Method, thresholds, sources and data gaps',
  'Sources',
];
