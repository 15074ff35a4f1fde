/**
 * The report's charts: each function asks @metrocoop/viz for one chart of the analysis or the plan, in one language.
 * The one place where the report meets the viz package's signatures.
 */
import type { Language } from '@metrocoop/core';
import type { Chart, OverviewIndicator } from '@metrocoop/viz';
import * as viz from '@metrocoop/viz';
import type { BuildContext } from './context.ts';
import { t } from './text.ts';

/** The overview's map: GDP per capita (the development gradient), else population, else the rings. */
export function overviewMap(ctx: BuildContext, lang: Language): Chart {
  const O = ctx.analysis.overview;
  const indicator: OverviewIndicator | null = O.some((o) => o.gdpPerCapita !== null)
    ? 'gdpPerCapita'
    : O.some((o) => o.population !== null)
      ? 'population'
      : null;
  return viz.choroplethMap(ctx.analysis, {
    lang,
    geometries: ctx.geometries,
    measure: indicator === null ? { kind: 'ring' } : { kind: 'overview', indicator },
  });
}

export const structureChart = (ctx: BuildContext, lang: Language): Chart => viz.structureBars(ctx.analysis, { lang });
export const ringGradient = (ctx: BuildContext, lang: Language): Chart => viz.ringGradientChart(ctx.analysis, { lang });
export const functionalMap = (ctx: BuildContext, lang: Language): Chart =>
  viz.choroplethMap(ctx.analysis, { lang, geometries: ctx.geometries, measure: { kind: 'functional-specialisation' } });
export const positionsChart = (ctx: BuildContext, lang: Language): Chart =>
  ctx.plan === null
    ? { kind: 'absent', id: 'positions', title: t('Positions', '功能定位'), reason: t('No plan was given to this report.', '本报告未附规划结果。') }
    : viz.positionsChart(ctx.plan, { lang });
export const pairTypeMatrix = (ctx: BuildContext, lang: Language): Chart => viz.pairTypeMatrix(ctx.analysis, { lang });
export const driversChart = (ctx: BuildContext, lang: Language): Chart => viz.driversChart(ctx.analysis, { lang });
export const similarityHeatmap = (ctx: BuildContext, lang: Language): Chart => viz.similarityHeatmap(ctx.analysis, { lang });
export const chainFlowMap = (ctx: BuildContext, lang: Language): Chart => viz.chainFlowMap(ctx.analysis, { lang, geometries: ctx.geometries });
export const linkageFlowMap = (ctx: BuildContext, lang: Language): Chart => viz.linkageFlowMap(ctx.analysis, { lang, geometries: ctx.geometries });
export const benchmarkChart = (ctx: BuildContext, lang: Language): Chart => viz.benchmarkChart(ctx.analysis, { lang });
