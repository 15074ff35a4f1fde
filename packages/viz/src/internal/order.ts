/**
 * The order of units in matrices and bar charts: by ring (core, inner, outer), then by size — population, else GDP
 * (the overview's), largest first — then by id. With a cap, the largest units are kept (without a size: the core
 * first, then the rings, in the units' order) and then put in that order.
 */
import type { MetroAnalysis } from '@metrocoop/core';
import { ringOrder } from './text.ts';

/** The basis of the size order (for captions): `population`, `gdp`, or `none`. */
export type SizeBasis = 'population' | 'gdp' | 'none';

/** Indexes into `a.units` in display order, at most `cap` of them, and the size basis used. */
export function unitOrder(a: MetroAnalysis, cap = Number.POSITIVE_INFINITY): { readonly order: number[]; readonly basis: SizeBasis; readonly total: number } {
  const pop = a.overview.map((o) => o.population?.value ?? null);
  const gdp = a.overview.map((o) => o.gdp?.value ?? null);
  const basis: SizeBasis = pop.some((v) => v !== null) ? 'population' : gdp.some((v) => v !== null) ? 'gdp' : 'none';
  const size = (k: number): number => (basis === 'population' ? (pop[k] ?? -1) : basis === 'gdp' ? (gdp[k] ?? -1) : -1);
  const all = a.units.map((_, k) => k);
  const ring = (k: number): number => ringOrder[(a.units[k] as MetroAnalysis['units'][number]).ring];
  // The largest first; without a size (or on a tie), the core before the rings, then the units' order.
  const kept = all.length <= cap ? all : [...all].sort((x, y) => size(y) - size(x) || ring(x) - ring(y) || x - y).slice(0, cap);
  const order = kept.sort((x, y) => ring(x) - ring(y) || size(y) - size(x) || x - y);
  return { order, basis, total: all.length };
}

/** "ordered by ring, then population" in words. */
export function orderWords(basis: SizeBasis, lang: 'en' | 'zh'): string {
  if (lang === 'zh') return basis === 'population' ? '按圈层、再按人口排序' : basis === 'gdp' ? '按圈层、再按地区生产总值排序' : '按圈层、再按代码排序';
  return basis === 'population' ? 'ordered by ring, then population' : basis === 'gdp' ? 'ordered by ring, then GDP' : 'ordered by ring, then code';
}

/** "the 40 largest of 343 units shown" (empty when all are shown). */
export function capWords(shown: number, total: number, basis: SizeBasis, lang: 'en' | 'zh'): string {
  if (shown >= total) return '';
  if (lang === 'zh')
    return basis === 'none' ? `仅显示 ${total} 个单元中的前 ${shown} 个（按圈层与代码）。` : `仅显示 ${total} 个单元中规模最大的 ${shown} 个。`;
  return basis === 'none'
    ? `Only the first ${shown} of ${total} units (by ring and code) are shown.`
    : `Only the ${shown} largest of ${total} units are shown.`;
}
