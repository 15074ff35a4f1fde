/** The core's pieces the analysis loader uses (the analysis is not yet on the core's public surface). */
export { InvalidInputError, NotFoundError, RegionIndustryMatrix } from '@metrocoop/core';
export type { LocalizedText } from '@metrocoop/core';
export type {
  AnalysisGap,
  AnalysisIndustry,
  AnalysisInputOutput,
  AnalysisKnowledgeItem,
  AnalysisTravelTime,
  AnalysisUnit,
  GradientInput,
  MetroAnalysis,
  MetroAnalysisInput,
  OverviewInput,
  SourcedValue,
} from '../../../core/src/analysis/types.ts';
export { analyzeMetro } from '../../../core/src/analysis/analyze-metro.ts';
export { compareMetros } from '../../../core/src/analysis/benchmark.ts';
export { defaultMetroAnalysisOptions, metroAnalysisSchemaVersion } from '../../../core/src/analysis/options.ts';
export type { MetroAnalysisOptions } from '../../../core/src/analysis/options.ts';
