/**
 * Findings: typed statements computed from the numbers by documented rules, one module each (F1–F12 in
 * docs/methodology/from-measures-to-diagnosis.md, "Findings"); nothing is written per metro. Pair findings are
 * grouped (one finding per rule, its pairs as columns in `data`). Every finding has a numeric priority = effect ×
 * share of the activity concerned (./context.ts); the list is ordered by priority, highest first, ties by id —
 * never by code or alphabet — and the first `headlineFindings` are the headline (`headline: true`), whatever the
 * number of units. The sentences come from the one text layer (../../text/findings-text.ts).
 */
import { findingNames, findingText } from '../../text/findings-text.ts';
import type { MetroAnalysisOptions } from '../options.ts';
import type { Finding } from '../types.ts';
import { chainPairs } from './chain-pairs.ts';
import { competingPairs } from './competing-pairs.ts';
import { type Draft, type FindingRule, type FindingsInput, sharedOf } from './context.ts';
import { coreFunction } from './core-function.ts';
import { coreRingDivision } from './core-ring-division.ts';
import { dataGaps } from './data-gaps.ts';
import { flatGradient } from './gradient.ts';
import { homogenisationTrend } from './homogenisation-trend.ts';
import { hotSpots } from './hot-spots.ts';
import { missingLinksRule } from './missing-links.ts';
import { mostSimilarPair } from './most-similar-pair.ts';
import { planPositions } from './plan-positions.ts';
import { weakComplementarity } from './weak-complementarity.ts';

export type { FindingsInput } from './context.ts';
export { type MissingInputs, missingLinks } from './missing-links.ts';

/** The rules, in the order of their numbers (the output order is by priority). */
export const findingRules: readonly FindingRule[] = [
  competingPairs,
  hotSpots,
  weakComplementarity,
  chainPairs,
  missingLinksRule,
  coreFunction,
  flatGradient,
  planPositions,
  homogenisationTrend,
  dataGaps,
  coreRingDivision,
  mostSimilarPair,
];

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Run every rule, order by priority (ties by id), mark the headline and render the sentences. */
export function findingsPart(x: FindingsInput, options: Required<MetroAnalysisOptions>): Finding[] {
  const shared = sharedOf(x);
  const drafts: Draft[] = findingRules.flatMap((rule) => rule(x, options, shared));
  drafts.sort((p, q) => q.priority - p.priority || byId(p.id, q.id));
  const names = findingNames(x.units, x.industries);
  return drafts.map((d, k) => {
    const en = findingText(d, names, 'en');
    const zh = findingText(d, names, 'zh');
    return { ...d, headline: k < options.headlineFindings, title: { en: en.title, zh: zh.title }, detail: { en: en.detail, zh: zh.detail } } as Finding;
  });
}
