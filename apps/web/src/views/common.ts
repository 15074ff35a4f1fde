/**
 * Small helpers the views share: names of units and industries from the analysis, and the provenance line of a set
 * of sourced values (their distinct sources and years), sentences and punctuation in each language, and a request's
 * outcome as a value.
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

/** A sentence in the view's language. */
export const tx = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en);
/** Punctuation of each language (Chinese text keeps full-width marks). */
export const colon = (lang: Lang): string => tx(lang, ': ', '：');
export const paren = (lang: Lang, s: string): string => tx(lang, ` (${s})`, `（${s}）`);

/** A request's outcome: the body, or the API's message (in the request's language). */
export type Loaded<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly message: string };
export const settle = <T>(p: Promise<T>): Promise<Loaded<T>> =>
  p.then(
    (body): Loaded<T> => ({ ok: true, body }),
    (e: unknown): Loaded<T> => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
