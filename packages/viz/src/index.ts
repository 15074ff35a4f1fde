/**
 * @metrocoop/viz — pure functions from metrocoop results (the analysis, the plan) to ECharts options, one chart kind
 * a file; shared by the reports (server-side SVG) and the dashboard. No DOM, no Node built-ins.
 */

// matrices and bars
export type { BenchmarkChartOptions } from './benchmark-chart.ts';
export { benchmarkChart } from './benchmark-chart.ts';
// maps
export type { ChainFlowMapOptions } from './chain-flow-map.ts';
export { chainFlowMap } from './chain-flow-map.ts';
// the contract
export type { Chart, ChartAbsence, ChartLanguage, ChartSpec, UnitGeometries } from './chart.ts';
export type { ChoroplethMeasure, ChoroplethOptions, OverviewIndicator } from './choropleth-map.ts';
export { choroplethMap } from './choropleth-map.ts';
export type { DriversChartOptions } from './drivers-chart.ts';
export { driversChart } from './drivers-chart.ts';
// words shared with the reports
export { indicatorText, unitText } from './internal/text.ts';
export type { LinkageFlowMapOptions } from './linkage-flow-map.ts';
export { defaultFlowTop, linkageFlowMap } from './linkage-flow-map.ts';
export type { PairTypeMatrixOptions } from './pair-type-matrix.ts';
export { pairTypeMatrix, pairTypes } from './pair-type-matrix.ts';
// plan
export type { PositionsChartOptions } from './positions-chart.ts';
export { positionsChart } from './positions-chart.ts';
export type { RingGradientOptions } from './ring-gradient-chart.ts';
export { ringGradientChart } from './ring-gradient-chart.ts';
export type { SimilarityHeatmapOptions } from './similarity-heatmap.ts';
export { defaultMatrixUnits, similarityHeatmap } from './similarity-heatmap.ts';
export type { SimplifiedGeometries, SimplifyOptions } from './simplify-geometries.ts';
export { simplifyGeometries, simplifyLine } from './simplify-geometries.ts';
export type { StructureBarsOptions } from './structure-bars.ts';
export { structureBars } from './structure-bars.ts';
