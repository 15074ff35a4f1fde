/**
 * `buildReport`: the report model of one metro from its analysis and plan — chapters that mirror the paper's Tables
 * 1–7 for any metro (overview, industry distribution, positions, cooperation types, homogenisation, complementarity,
 * linkages and transport, international comparison, recommendations, method appendix), each a file of this folder.
 * Pure and deterministic: the same input gives the same report (no clock; a date only when given).
 */
import { InvalidInputError, type LocalizedText } from '@metrocoop/core';
import type { Report, ReportChapter, ReportSource } from '../model.ts';
import { benchmarkChapter } from './benchmark.ts';
import { complementarityChapter } from './complementarity.ts';
import { type BuildReportInput, buildContext } from './context.ts';
import { cooperationTypesChapter } from './cooperation-types.ts';
import { homogenisationChapter } from './homogenisation.ts';
import { industryChapter } from './industry.ts';
import { linkagesChapter } from './linkages.ts';
import { methodChapter } from './method.ts';
import { overviewChapter } from './overview.ts';
import { positionsChapter } from './positions.ts';
import { recommendationsChapter } from './recommendations.ts';
import { both, indicatorWord, int, t } from './text.ts';

/** The version of the report model; bump the major on a breaking change of its shape. */
export const reportSchemaVersion = '1.0.0';

/** The chapters in reading order, by id. */
export const reportChapterIds = [
  'overview',
  'industry',
  'positions',
  'cooperation-types',
  'homogenisation',
  'complementarity',
  'linkages',
  'benchmark',
  'recommendations',
  'method',
] as const;

/**
 * The report of one metro.
 *
 * @throws {InvalidInputError} `REPORT_PLAN_MISMATCH` when the plan is of another metro, unit set or year than the analysis.
 * @example
 * const report = buildReport({ analysis, plan, geometries: null, lang: 'zh' });
 * const html = renderHtml(report, 'zh');
 */
export function buildReport(input: BuildReportInput): Report {
  const A = input.analysis;
  const plan = input.plan;
  if (plan !== null && (plan.metro.id !== A.metro.id || plan.unitSet.id !== A.unitSet.id || plan.unitSet.year !== A.unitSet.year))
    throw new InvalidInputError(
      {
        en: `buildReport: the plan is of ${plan.metro.id}/${plan.unitSet.id} ${plan.unitSet.year} and the analysis of ${A.metro.id}/${A.unitSet.id} ${A.unitSet.year}; give the plan made from this analysis.`,
        zh: `buildReport：规划结果为 ${plan.metro.id}/${plan.unitSet.id} ${plan.unitSet.year}，分析结果为 ${A.metro.id}/${A.unitSet.id} ${A.unitSet.year}；请使用由同一分析得出的规划。`,
      },
      { plan: plan.metro.id, analysis: A.metro.id },
      'REPORT_PLAN_MISMATCH',
    );
  const ctx = buildContext(input);
  const chapters: ReportChapter[] = [
    overviewChapter(ctx),
    industryChapter(ctx),
    positionsChapter(ctx),
    cooperationTypesChapter(ctx),
    homogenisationChapter(ctx),
    complementarityChapter(ctx),
    linkagesChapter(ctx),
    benchmarkChapter(ctx),
    recommendationsChapter(ctx),
    methodChapter(ctx),
  ];
  if (plan?.relocations) ctx.use(plan.relocations.source);
  const catalogue = new Map((input.sources ?? []).map((s) => [s.id, s]));
  const sources: ReportSource[] = ctx.used.map((id) => {
    const s = catalogue.get(id);
    if (s === undefined) return { id, title: t(id, id), url: null };
    const text = s.publisher === undefined || s.publisher === null || s.publisher === '' ? s.citation : `${s.citation}. ${s.publisher}`;
    return { id, title: t(text, text), url: s.url ?? null };
  });
  const date = input.date;
  const subtitle: LocalizedText = both((l) => {
    const base =
      l === 'zh'
        ? `${int(A.units.length)} 个分析单元（${A.unitSet.id}），${indicatorWord(A.unitSet.indicator).zh}，${A.unitSet.classification}，${A.unitSet.year} 年`
        : `${int(A.units.length)} units (${A.unitSet.id}), ${indicatorWord(A.unitSet.indicator).en} by ${A.unitSet.classification}, ${A.unitSet.year}`;
    return date === undefined ? base : `${base}${l === 'zh' ? `；${date}` : `; ${date}`}`;
  });
  return {
    schemaVersion: reportSchemaVersion,
    title: t(`Industrial cooperation in ${A.metro.nameEn}`, `${A.metro.nameZh}产业合作报告`),
    subtitle,
    metro: { id: A.metro.id, nameEn: A.metro.nameEn, nameZh: A.metro.nameZh },
    unitSet: { id: A.unitSet.id, classification: A.unitSet.classification, indicator: A.unitSet.indicator, year: A.unitSet.year },
    chapters,
    sources,
  };
}
