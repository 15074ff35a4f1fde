/**
 * The four-unit metro on nine ISIC sections shared by the planning, chart and report tests: a service-led core CORE,
 * two manufacturing units WEST and EAST and a transport-led port PORT; eight traded sections and one local (G), fine
 * enough to judge homogeneity and positions. Each test adds its own names, masses and geometry.
 */
import type { AnalysisInputOutput } from '../../src/analysis/types.ts';

/** The nine ISIC sections, in matrix order. */
export const nineSections = ['A', 'B', 'C', 'G', 'H', 'J', 'K', 'M', 'N'];

/** A national input–output table over the nine sections: producer services and the primary sections supply manufacturing. */
export function nineSectionIo(year = 2020): AnalysisInputOutput {
  const strong: Record<string, Record<string, number>> = {
    A: { C: 0.2 },
    B: { C: 0.15 },
    C: { C: 0.3, H: 0.05 },
    J: { K: 0.05, C: 0.02 },
    K: { C: 0.08 },
    M: { C: 0.12 },
    N: { C: 0.04 },
  };
  const codes = nineSections;
  const n = codes.length;
  const a = new Float64Array(n * n);
  codes.forEach((k, x) => codes.forEach((l, y) => (a[x * n + y] = strong[k]?.[l] ?? 0.005)));
  return { id: 'TEST-IO', year, industries: [...codes], coefficients: a, output: Float64Array.from(codes, () => 100), mapping: 'identity' };
}

/** Activity by unit over {@link nineSections}: A B C G H J K M N. */
export const fourUnitRows: Record<string, number[]> = {
  CORE: [1, 1, 10, 30, 10, 45, 45, 40, 30],
  WEST: [2, 2, 130, 30, 12, 5, 5, 6, 5],
  EAST: [3, 20, 110, 30, 25, 4, 5, 4, 6],
  PORT: [2, 3, 90, 30, 60, 5, 6, 4, 8],
};
