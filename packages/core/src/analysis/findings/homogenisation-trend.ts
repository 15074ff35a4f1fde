/**
 * F9 — homogenisation rising: the mean traded-structure similarity over the pairs rose by at least `trendRise` from
 * the first to the last year that has it. The mean is continuous (the index — the share of pairs with the same
 * traded specialisations — moves in steps of one pair: a third of the pairs in a three-unit metro); the index of
 * both years is shown beside it.
 *
 * Priority: effect(rise, trendRise) × 1 (it concerns the whole metro).
 */
import { type DraftOf, effect, type FindingRule } from './context.ts';

export const homogenisationTrend: FindingRule = (x, o) => {
  const trend = x.homogenisation.trend.filter((t) => t.meanTradedSimilarity !== null);
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (first === undefined || last === undefined || !(last.year > first.year)) return [];
  const rise = (last.meanTradedSimilarity as number) - (first.meanTradedSimilarity as number);
  if (rise < o.trendRise) return [];
  const draft: DraftOf<'homogenisation-rising'> = {
    id: 'homogenisation-rising',
    kind: 'homogenisation-rising',
    rule: 'F9',
    priority: effect(rise, o.trendRise),
    data: {
      fromYear: first.year,
      from: first.meanTradedSimilarity as number,
      toYear: last.year,
      to: last.meanTradedSimilarity as number,
      rise,
      threshold: o.trendRise,
      fromIndex: first.index,
      toIndex: last.index,
    },
    evidence: [
      {
        measure: 'meanTradedSimilarity',
        units: [],
        values: { [String(first.year)]: first.meanTradedSimilarity, [String(last.year)]: last.meanTradedSimilarity },
      },
    ],
    regions: [],
    industries: [],
  };
  return [draft];
};
