/** Small hand-made metros whose right answers are known (used by the analysis tests). */

import type { AnalysisIndustry, AnalysisInputOutput, AnalysisUnit, MetroAnalysisInput } from '../../src/analysis/types.ts';
import { RegionIndustryMatrix } from '../../src/matrix/region-industry-matrix.ts';

export const industries: AnalysisIndustry[] = [
  { code: 'A', nameEn: 'Agriculture', nameZh: '农业', isicSections: ['A'] },
  { code: 'C', nameEn: 'Manufacturing', nameZh: '制造业', isicSections: ['C'] },
  { code: 'G', nameEn: 'Trade', nameZh: '批发零售', isicSections: ['G'] },
  { code: 'K', nameEn: 'Finance', nameZh: '金融', isicSections: ['K'] },
  { code: 'M', nameEn: 'Research', nameZh: '科研', isicSections: ['M'] },
];

/** IO coefficients over A C G K M (rows supplier, columns buyer): finance and research supply manufacturing, agriculture supplies manufacturing. */
export function io(codes: readonly string[] = ['A', 'C', 'G', 'K', 'M']): AnalysisInputOutput {
  const all = ['A', 'C', 'G', 'K', 'M'];
  const full: Record<string, Record<string, number>> = {
    A: { A: 0.1, C: 0.3, G: 0.01, K: 0.0, M: 0.0 },
    C: { A: 0.05, C: 0.3, G: 0.02, K: 0.01, M: 0.02 },
    G: { A: 0.01, C: 0.02, G: 0.05, K: 0.01, M: 0.01 },
    K: { A: 0.01, C: 0.25, G: 0.02, K: 0.1, M: 0.01 },
    M: { A: 0.0, C: 0.2, G: 0.0, K: 0.01, M: 0.05 },
  };
  const n = codes.length;
  const a = new Float64Array(n * n);
  codes.forEach((k, x) => codes.forEach((l, y) => (a[x * n + y] = full[k]?.[l] ?? 0)));
  void all;
  return { id: 'TEST-IO', year: 2020, industries: [...codes], coefficients: a, output: Float64Array.from(codes.map(() => 100)), mapping: 'identity' };
}

export function unit(id: string, ring: AnalysisUnit['ring'], lon: number, lat: number): AnalysisUnit {
  return { id, nameEn: `Unit ${id}`, nameZh: `单元${id}`, ring, lon, lat };
}

export function input(
  rows: Record<string, number[]>,
  units: AnalysisUnit[],
  extra: Partial<MetroAnalysisInput> = {},
  codes = ['A', 'C', 'G', 'K', 'M'],
): MetroAnalysisInput {
  const ids = Object.keys(rows);
  const matrix = RegionIndustryMatrix.fromWide(
    ids,
    codes,
    ids.map((r) => rows[r] as number[]),
    { order: 'input', zeroTotals: 'keep' },
  );
  return {
    metro: { id: 'test', nameEn: 'Test metro', nameZh: '测试都市圈', country: 'CN' },
    unitSet: { id: 'units', indicator: 'employment', classification: 'TEST', unit: 'persons', measure: 'employment' },
    year: 2020,
    units,
    industries: industries.filter((i) => codes.includes(i.code)),
    matrix,
    inputOutput: io(codes),
    overview: units.map((u) => ({
      unit: u.id,
      population: { value: 1e6, unit: 'persons', year: 2020, source: 'test' },
      gdp: { value: 1e10, unit: 'CNY', year: 2020, source: 'test' },
    })),
    ...extra,
  };
}

/** A core of finance and research and a manufacturing ring 50 km away: a perfect vertical pair. */
export const vertical = (): MetroAnalysisInput =>
  input({ H: [0, 5, 20, 50, 25], P: [5, 80, 10, 3, 2] }, [unit('H', 'core', 116.4, 39.9), unit('P', 'inner', 116.9, 39.7)]);

/** Two units with almost the same structure: a homogeneous (competing) pair. */
export const homogeneous = (): MetroAnalysisInput =>
  input({ X: [10, 50, 20, 10, 10], Y: [11, 49, 21, 10, 9] }, [unit('X', 'core', 116.4, 39.9), unit('Y', 'inner', 117.2, 39.1)]);

/** Agriculture next to manufacturing with no management sectors: a chain pair without a functional gap (mixed). */
export const chain = (): MetroAnalysisInput =>
  input({ F: [80, 10, 10], Q: [10, 80, 10] }, [unit('F', 'inner', 116.4, 39.9), unit('Q', 'core', 116.6, 39.8)], {}, ['A', 'C', 'G']);

/** Agriculture and trade with hardly any IO link: a horizontal pair. */
export const horizontal = (): MetroAnalysisInput =>
  input({ F: [80, 10, 10], T: [10, 10, 80] }, [unit('F', 'inner', 116.4, 39.9), unit('T', 'core', 116.6, 39.8)], {}, ['A', 'C', 'G']);
