/**
 * The words of the charts in both languages (ring, pair type, driver and industry-group names, units of measure,
 * indicator names) and the small text helpers every chart uses: unit and industry labels, numbers, lists, the data
 * line of a caption. English text is English throughout; Chinese text is Chinese throughout (the only Latin letters
 * in it are codes and ids, as in the core's text layer).
 */
import { fmt, type IndustryGroup, type LocalizedText, type MetroAnalysis, type PairType, type Ring } from '@metrocoop/core';
import type { ChartLanguage } from '../chart.ts';

export const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** A text made by one function for each language. */
export const both = (f: (lang: ChartLanguage) => string): LocalizedText => ({ en: f('en'), zh: f('zh') });

export const ringNames: Readonly<Record<Ring, LocalizedText>> = {
  core: t('core', '核心'),
  inner: t('inner ring', '内圈'),
  outer: t('outer ring', '外圈'),
};
export const ringOrder: Readonly<Record<Ring, number>> = { core: 0, inner: 1, outer: 2 };

export const pairTypeNames: Readonly<Record<PairType, LocalizedText>> = {
  vertical: t('vertical', '垂直分工'),
  horizontal: t('horizontal', '水平分工'),
  mixed: t('mixed', '混合分工'),
  competing: t('competing', '同质竞争'),
  undetermined: t('undetermined', '无法判定'),
};

export const driverNames: Readonly<Record<'proximity' | 'structure' | 'market' | 'government', LocalizedText>> = {
  proximity: t('proximity & complementarity', '邻近与资源互补'),
  structure: t('structural difference', '结构差异'),
  market: t('market', '市场'),
  government: t('government', '政府'),
};

const groupNamesSections: Readonly<Record<IndustryGroup, LocalizedText>> = {
  primary: t('agriculture and mining', '农业与采矿业'),
  production: t('manufacturing', '制造业'),
  'utilities-construction': t('utilities and construction', '公用事业与建筑业'),
  'producer-services': t('producer services', '生产性服务业'),
  'other-services': t('other services', '其他服务业'),
  secondary: t('secondary sector', '第二产业'),
  tertiary: t('tertiary sector', '第三产业'),
  unknown: t('unclassified', '未归类'),
};

/** Industry-group names; with three-sector tables (`secondary`/`tertiary` present) `primary` is the primary sector. */
export function groupName(group: IndustryGroup, threeSector: boolean): LocalizedText {
  if (group === 'primary' && threeSector) return t('primary sector', '第一产业');
  return groupNamesSections[group];
}

const unitWords: Readonly<Record<string, LocalizedText>> = {
  persons: t('persons', '人'),
  CNY: t('CNY', '元'),
  JPY: t('JPY', '日元'),
  USD: t('USD', '美元'),
  'CNY/person': t('CNY per person', '元/人'),
  'JPY/person': t('JPY per person', '日元/人'),
  'USD/person': t('USD per person', '美元/人'),
  km2: t('km²', '平方公里'),
  km: t('km', '公里'),
};

/** A unit of measure in both languages (`CNY/person` → CNY per person / 元/人); unknown units as they are. */
export function unitText(unit: string): LocalizedText {
  return unitWords[unit] ?? t(unit, unit);
}

/** A unit of measure in words (`CNY/person` → 元/人); unknown units as they are. */
export function unitWord(unit: string, lang: ChartLanguage): string {
  return unitText(unit)[lang];
}

const indicatorWords: Readonly<Record<string, LocalizedText>> = {
  employment_urban_units: t('urban-unit employment', '城镇单位就业人员'),
  employment: t('employment', '就业'),
  employees: t('employees', '雇员'),
  persons_engaged_private: t('persons engaged (private establishments)', '民营事业所从业者'),
  value_added: t('value added', '增加值'),
  output: t('output', '产出'),
};

/** An indicator id in both languages; unknown ids as they are. */
export function indicatorText(indicator: string): LocalizedText {
  return indicatorWords[indicator] ?? t(indicator, indicator);
}

/** An indicator id in words; unknown ids as they are. */
export function indicatorWord(indicator: string, lang: ChartLanguage): string {
  return indicatorText(indicator)[lang];
}

const levelWords: Readonly<Record<string, LocalizedText>> = {
  province: t('province', '省级'),
  prefecture: t('prefecture', '都县'),
  county: t('county', '县'),
  municipality: t('municipality', '市区町村'),
  city: t('city', '城市'),
  msa: t('metropolitan statistical area', '大都市统计区'),
};

/** A region level in words (`municipality` → 市区町村); unknown levels as they are. */
export function levelWord(level: string, lang: ChartLanguage): string {
  return levelWords[level]?.[lang] ?? level;
}

/**
 * Display names of the units in one language (Chinese name, else the English one), unique: a name shared by two
 * units (e.g. two Montgomery Counties) gets its id in brackets.
 */
export function unitLabels(
  units: readonly { readonly id: string; readonly nameEn: string; readonly nameZh: string | null }[],
  lang: ChartLanguage,
): Map<string, string> {
  const raw = units.map((u) => [u.id, lang === 'zh' ? (u.nameZh ?? u.nameEn) : u.nameEn] as const);
  const count = new Map<string, number>();
  for (const [, n] of raw) count.set(n, (count.get(n) ?? 0) + 1);
  return new Map(raw.map(([id, n]) => [id, (count.get(n) ?? 0) > 1 ? (lang === 'zh' ? `${n}（${id}）` : `${n} (${id})`) : n]));
}

/** `code name` of an industry in one language (the code alone when it has no name in that language). */
export function industryLabel(
  industries: readonly { readonly code: string; readonly nameEn: string | null; readonly nameZh: string | null }[],
  code: string,
  lang: ChartLanguage,
): string {
  const i = industries.find((x) => x.code === code);
  const name = i === undefined ? null : lang === 'zh' ? i.nameZh : i.nameEn;
  return name === null || name === '' ? code : `${code} ${name}`;
}

/** Numbers in labels: three significant digits (the core's `fmt`). */
export const num = (v: number | null): string => fmt(v);

/** A share as a percentage with one decimal. */
export const pct = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`);

/** A list of names, at most `max` of them, the rest counted. */
export function list(names: readonly string[], lang: ChartLanguage, max = 8): string {
  const head = names.slice(0, max).join(lang === 'zh' ? '、' : ', ');
  const more = names.length - max;
  if (more <= 0) return head;
  return lang === 'zh' ? `${head}等（另有 ${more} 个）` : `${head} and ${more} more`;
}

/** The sentence end in each language. */
export const stop = (lang: ChartLanguage): string => (lang === 'zh' ? '。' : '.');

/**
 * The data line of a caption: the analysis matrix's indicator, unit, classification, year and source, e.g.
 * "Data: urban-unit employment (persons) by GBT4754-2017 industries, 2020; source NBS_PROV_URBAN_UNIT_EMP."
 */
export function matrixSource(a: MetroAnalysis, lang: ChartLanguage): string {
  const u = a.unitSet;
  const source = u.source ?? (lang === 'zh' ? '未注明' : 'not stated');
  return lang === 'zh'
    ? `数据：${indicatorWord(u.indicator, lang)}（${unitWord(u.unit, lang)}），按 ${u.classification} 行业分类，${u.year} 年；来源 ${source}。`
    : `Data: ${indicatorWord(u.indicator, lang)} (${unitWord(u.unit, lang)}) by ${u.classification} industries, ${u.year}; source ${source}.`;
}

/** The metro's name in one language. */
export const metroName = (a: { readonly metro: { readonly nameEn: string; readonly nameZh: string } }, lang: ChartLanguage): string =>
  lang === 'zh' ? a.metro.nameZh : a.metro.nameEn;

/** A scale for large numbers: the factor to divide by and its word (thousand/million/billion; 万/亿/万亿). */
export function scaleFor(max: number, lang: ChartLanguage): { readonly factor: number; readonly word: string } {
  const m = Math.abs(max);
  if (lang === 'zh') {
    if (m >= 1e12) return { factor: 1e12, word: '万亿' };
    if (m >= 1e8) return { factor: 1e8, word: '亿' };
    if (m >= 1e5) return { factor: 1e4, word: '万' };
    return { factor: 1, word: '' };
  }
  if (m >= 1e12) return { factor: 1e12, word: 'trillion' };
  if (m >= 1e9) return { factor: 1e9, word: 'billion' };
  if (m >= 1e6) return { factor: 1e6, word: 'million' };
  if (m >= 1e5) return { factor: 1e3, word: 'thousand' };
  return { factor: 1, word: '' };
}

/** A scaled unit in words: "million persons", "万人", "thousand CNY per person", "万元/人". */
export function scaledUnit(word: string, unit: string, lang: ChartLanguage): string {
  const u = unitWord(unit, lang);
  if (word === '') return u;
  return lang === 'zh' ? `${word}${u}` : `${word} ${u}`;
}
