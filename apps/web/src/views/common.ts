/**
 * Small helpers the views share: names of units and industries from the analysis, and the provenance line of a set
 * of sourced values (their distinct sources and years).
 */
import type { MetroAnalysis } from '@metrocoop/core';
import { nameOf, tr } from '../i18n.ts';
import type { Lang } from './types.ts';

/** The name of unit `id` (or index `k`) of the analysis. */
export function unitName(a: MetroAnalysis, lang: Lang, idOrIndex: string | number): string {
  const u = typeof idOrIndex === 'number' ? a.units[idOrIndex] : a.units.find((x) => x.id === idOrIndex);
  return u === undefined ? String(idOrIndex) : nameOf(lang, u);
}

/** The name of industry `code`, prefixed by its code. */
export function industryName(a: MetroAnalysis, lang: Lang, code: string): string {
  const i = a.industries.find((x) => x.code === code);
  return i === undefined ? code : `${code} ${nameOf(lang, i)}`;
}

/** `Source: A, B · Year: 2019–2020` of sourced values (gaps skipped); `''` when there is none. */
export function provenanceOf(lang: Lang, values: readonly ({ readonly source: string; readonly year: number } | null | undefined)[]): string {
  const present = values.filter((v): v is { source: string; year: number } => v != null);
  if (present.length === 0) return '';
  const sources = [...new Set(present.flatMap((v) => v.source.split('|')))].sort();
  const years = [...new Set(present.map((v) => v.year))].sort((x, y) => x - y);
  const yearText = years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
  return `${tr(lang, 'source')}: ${sources.join(', ')} · ${tr(lang, 'year')}: ${yearText}`;
}

/** The ring's name. */
export const ringName = (lang: Lang, ring: string): string =>
  ({ core: { en: 'core', zh: '核心' }, inner: { en: 'inner ring', zh: '内圈' }, outer: { en: 'outer ring', zh: '外圈' } })[ring]?.[lang] ?? ring;
