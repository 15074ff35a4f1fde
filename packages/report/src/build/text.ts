/**
 * The report's words and small text helpers: bilingual labels of rings, pair types, modes, measurement units and
 * table columns, and number formatting inside sentences. English text is English throughout, Chinese text Chinese
 * throughout (ids and industry codes are the only Latin letters in it).
 */
import { fmt, type Language, type LocalizedText, modeNames } from '@metrocoop/core';
import { indicatorText, unitText } from '@metrocoop/viz';
import type { ReportCell, ReportColumn, ReportTable } from '../model.ts';

export const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** A text made in each language by one function. */
export const both = (f: (lang: Language) => string): LocalizedText => ({ en: f('en'), zh: f('zh') });

/** A list in running text: `a, b, c` / `a、b、c`. */
export const joinList = (items: readonly string[], lang: Language): string => items.join(lang === 'zh' ? '、' : ', ');

/** Join bilingual parts into one text with a separator per language. */
export function joinTexts(items: readonly LocalizedText[], sep: LocalizedText = t(', ', '、')): LocalizedText {
  return both((l) => items.map((x) => x[l]).join(sep[l]));
}

/** A number in a sentence: 3 significant digits (core's `fmt`), `—` when absent. */
export const num = (v: number | null | undefined): string => fmt(v ?? null);

/** A fraction as a percentage in a sentence: 0.253 → `25.3%`. */
export const pct = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`);

/** An integer with thousands separators. */
export const int = (v: number): string => Math.round(v).toLocaleString('en-US');

export const ringNames: Record<'core' | 'inner' | 'outer', LocalizedText> = {
  core: t('core', '核心'),
  inner: t('inner ring', '内圈'),
  outer: t('outer ring', '外圈'),
};

export const pairTypeNames: Record<'vertical' | 'horizontal' | 'mixed' | 'competing' | 'undetermined', LocalizedText> = {
  vertical: t('vertical', '垂直分工'),
  horizontal: t('horizontal', '水平分工'),
  mixed: t('mixed', '混合分工'),
  competing: t('competing', '同质竞争'),
  undetermined: t('undetermined', '无法判定'),
};

export const specialisationNames: Record<'same' | 'different' | 'neither' | 'not-judgeable', LocalizedText> = {
  same: t('same', '相同'),
  different: t('different', '不同'),
  neither: t('no evidence', '无明显证据'),
  'not-judgeable': t('not judgeable', '无法判定'),
};

/** The typology's suggested modes (Table 1 B) and the plan's modes, by name. */
export const modeText: Record<string, LocalizedText> = {
  ...modeNames,
  'joint-park-or-enclave': t('a joint park or enclave', '共建园区或飞地'),
};
export const modeName = (mode: string): LocalizedText => modeText[mode] ?? t(mode, mode);

export const yesNo = (v: boolean | null): LocalizedText | null => (v === null ? null : v ? t('yes', '是') : t('no', '否'));

/** Measurement units of the data, in words (unknown units are shown as they are): the charts' words (packages/viz). */
export const unitWord = (unit: string): LocalizedText => unitText(unit);

/** An indicator id in words (`employment_urban_units` → 城镇单位就业人员), as the charts say it. */
export const indicatorWord = (indicator: string): LocalizedText => indicatorText(indicator);

/** Publication vintages of a number, in words. */
const vintageWords: Record<string, LocalizedText> = {
  first: t('first release', '初步数'),
  revised: t('revised', '修订数'),
  final: t('final', '最终核实数'),
};
/** A vintage in words, or `null` when it says nothing (`single`: the only release). */
export const vintageWord = (v: string | null): LocalizedText | null => (v === null || v === 'single' ? null : (vintageWords[v] ?? t(v, v)));

/** Region levels, in words. */
const levelWords: Record<string, LocalizedText> = {
  province: t('province', '省级'),
  prefecture: t('prefecture', '府县级'),
  city: t('city', '市级'),
  county: t('county', '县级'),
  municipality: t('municipality', '市町村级'),
  msa: t('metropolitan statistical area', '大都市统计区'),
  metro: t('metro', '都市圈'),
};
export const levelWord = (level: string): LocalizedText => levelWords[level] ?? t(level, level);

/** A currency amount in millions: `million CNY` / `百万元`. */
export const millionsOf = (unit: string): LocalizedText => {
  const w = unitWord(unit);
  return t(`million ${w.en}`, `百万${w.zh}`);
};

/** A table column. */
export const column = (key: string, label: LocalizedText, kind: ReportColumn['kind'], unit: LocalizedText | null = null): ReportColumn => ({
  key,
  label,
  unit,
  kind,
});

/** A table, with `shownRows` only when the rows are more than that. */
export function table(spec: {
  id: string;
  title: LocalizedText;
  columns: readonly ReportColumn[];
  rows: readonly (readonly ReportCell[])[];
  note?: LocalizedText | null;
  sources?: readonly string[];
  shownRows?: number;
}): ReportTable {
  const base: ReportTable = {
    id: spec.id,
    title: spec.title,
    columns: spec.columns,
    rows: spec.rows,
    note: spec.note ?? null,
    sources: spec.sources ?? [],
  };
  return spec.shownRows !== undefined && spec.rows.length > spec.shownRows ? { ...base, shownRows: spec.shownRows } : base;
}

/** `a` and `b` as a pair: `Beijing–Tianjin` / `北京市—天津市`. */
export const pairText = (a: LocalizedText, b: LocalizedText): LocalizedText => ({ en: `${a.en}–${b.en}`, zh: `${a.zh}—${b.zh}` });

/** A count with its noun: `1 pair`, `3 pairs` / `3 个单元对`. */
export const count = (n: number, en: [string, string], zh: string): LocalizedText => t(`${int(n)} ${n === 1 ? en[0] : en[1]}`, `${int(n)} 个${zh}`);

/**
 * Rows a ranked view of the pairs keeps in the model, and so in XLSX and CSV (the similarity, chain and linkage
 * rankings): 343 units make 58,653 pairs, and the one table of every pair is the cooperation types' (Table 1).
 */
export const rankedPairRows = 200;

/** A ranked view of the pairs cut to {@link rankedPairRows}, its note saying so (unchanged when short enough). */
export function capRanked<R>(rows: readonly R[], note: LocalizedText | null): { rows: readonly R[]; note: LocalizedText | null } {
  if (rows.length <= rankedPairRows) return { rows, note };
  const cap = both((l) =>
    l === 'zh'
      ? `此处列出排序最前的 ${int(rankedPairRows)} 个单元对（共 ${int(rows.length)} 个）；每个单元对的类型与判定数值见合作类型表，全部数值见分析 JSON。`
      : `The first ${int(rankedPairRows)} of ${int(rows.length)} pairs; every pair's type and deciding numbers are in the cooperation-type table, all their numbers in the analysis JSON.`,
  );
  return { rows: rows.slice(0, rankedPairRows), note: note === null ? cap : both((l) => `${note[l]}\n${cap[l]}`) };
}
