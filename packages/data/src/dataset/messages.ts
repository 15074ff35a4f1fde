/**
 * Bilingual messages of the embedded-dataset reader and validator (src/dataset/). Shape:
 * `functionName: what is wrong (got X); what is expected or how to fix it.`
 */
import type { LocalizedText } from '@metrocoop/core';

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export const datasetMessages = {
  unknownTable: (fn: string, table: unknown, known: readonly string[]): LocalizedText => ({
    en: `${fn}: unknown table ${show(table)}; expected one of ${known.join(', ')}.`,
    zh: `${fn}：未知的表 ${show(table)}；应为 ${known.join('、')} 之一。`,
  }),
  unreadable: (fn: string, file: string, why: string): LocalizedText => ({
    en: `${fn}: cannot read ${file} (${why}); check the dataset directory.`,
    zh: `${fn}：无法读取 ${file}（${why}）；请检查数据集目录。`,
  }),
  badCsv: (fn: string, file: string, line: number, why: string): LocalizedText => ({
    en: `${fn}: ${file} is not valid CSV at line ${line} (${why}); fields with commas, quotes or line breaks must be quoted, quotes doubled.`,
    zh: `${fn}：${file} 第 ${line} 行不是有效的 CSV（${why}）；含逗号、引号或换行的字段须加引号，引号须成对。`,
  }),
  badHeader: (fn: string, file: string, got: readonly string[], expected: readonly string[]): LocalizedText => ({
    en: `${fn}: ${file} has header ${show(got.join(','))}; expected ${show(expected.join(','))} (the schema keys in snake_case, in order).`,
    zh: `${fn}：${file} 的表头为 ${show(got.join(','))}；应为 ${show(expected.join(','))}（模式字段的 snake_case 形式，按顺序）。`,
  }),
  badFieldCount: (fn: string, file: string, line: number, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${file} line ${line} has ${got} fields; expected ${expected} like the header.`,
    zh: `${fn}：${file} 第 ${line} 行有 ${got} 个字段；应与表头一致为 ${expected} 个。`,
  }),
  invalidRow: (fn: string, file: string, line: number, issues: string): LocalizedText => ({
    en: `${fn}: ${file} line ${line} does not match its schema (${issues}); fix the builder that wrote it.`,
    zh: `${fn}：${file} 第 ${line} 行不符合其模式（${issues}）；请修正生成它的构建脚本。`,
  }),
  badGeoJson: (fn: string, file: string, why: string): LocalizedText => ({
    en: `${fn}: ${file} is not a usable GeoJSON FeatureCollection (${why}); each feature needs properties {region, source} and a Polygon or MultiPolygon.`,
    zh: `${fn}：${file} 不是可用的 GeoJSON FeatureCollection（${why}）；每个要素须有 properties {region, source} 及 Polygon 或 MultiPolygon 几何。`,
  }),
  duplicateKey: (fn: string, table: string, key: string, first: string): LocalizedText => ({
    en: `${fn}: ${table} has more than one row with key ${show(key)} (first at ${first}); keys must be unique (keep vintages apart by source).`,
    zh: `${fn}：${table} 中键 ${show(key)} 出现多行（首次出现在 ${first}）；键必须唯一（不同口径以来源区分）。`,
  }),
  missingReference: (fn: string, table: string, column: string, value: unknown, target: string): LocalizedText => ({
    en: `${fn}: ${table}.${column} refers to ${show(value)}, which is not in ${target}; add the row there or fix the reference.`,
    zh: `${fn}：${table}.${column} 引用的 ${show(value)} 不在 ${target} 中；请在其中补充该行或修正引用。`,
  }),
  notMetroMember: (fn: string, metro: string, unitSet: string, region: string): LocalizedText => ({
    en: `${fn}: region ${show(region)} of unit set ${metro}/${unitSet} is not a member of metro ${show(metro)}; add it to metro_members.`,
    zh: `${fn}：单元集 ${metro}/${unitSet} 的地区 ${show(region)} 不是都市圈 ${show(metro)} 的成员；请将其加入 metro_members。`,
  }),
  memberWithoutData: (fn: string, metro: string, unitSet: string, region: string, indicator: string, classification: string): LocalizedText => ({
    en: `${fn}: region ${show(region)} of unit set ${metro}/${unitSet} has no ${indicator} observation by ${classification} in any year; drop it from the unit set or load its data.`,
    zh: `${fn}：单元集 ${metro}/${unitSet} 的地区 ${show(region)} 在任何年份都没有按 ${classification} 分类的 ${indicator} 观测值；请从单元集中去掉它或补充其数据。`,
  }),
  emptyYears: (fn: string, metro: string, unitSet: string): LocalizedText => ({
    en: `${fn}: unit set ${metro}/${unitSet} has no year in which every member has data; check its members and the country observations.`,
    zh: `${fn}：单元集 ${metro}/${unitSet} 没有所有成员都有数据的年份；请检查其成员与各国观测值。`,
  }),
  yearsMismatch: (fn: string, metro: string, unitSet: string, got: readonly number[], expected: readonly number[]): LocalizedText => ({
    en: `${fn}: unit set ${metro}/${unitSet} lists years ${show(got)} but the observations give ${show(expected)} (years in which every member has data); rebuild the common part.`,
    zh: `${fn}：单元集 ${metro}/${unitSet} 列出的年份为 ${show(got)}，但观测值给出的是 ${show(expected)}（所有成员都有数据的年份）；请重新构建公共部分。`,
  }),
  withheldWithValue: (fn: string, value: unknown): LocalizedText => ({
    en: `${fn}: a withheld observation carries a value (got ${show(value)}); a withheld cell must have an empty value.`,
    zh: `${fn}：被保密的观测值带有数值（得到 ${show(value)}）；保密单元格的值必须为空。`,
  }),
  gapRow: (fn: string): LocalizedText => ({
    en: `${fn}: an observation has an empty value but is not withheld; a gap must be absent (no row), a suppressed cell withheld=true.`,
    zh: `${fn}：观测值为空但未标记为保密；缺口应当不写行，被抑制的单元格应标记 withheld=true。`,
  }),
  industryWithoutClassification: (fn: string, industry: unknown): LocalizedText => ({
    en: `${fn}: an observation names industry ${show(industry)} without a classification; give both or neither (totals).`,
    zh: `${fn}：观测值给出了行业 ${show(industry)} 但没有分类；两者须同时给出或同时为空（合计）。`,
  }),
  missingDefaultUnitSet: (fn: string, metro: string): LocalizedText => ({
    en: `${fn}: metro ${show(metro)} has no unit set; every metro needs its default unit set.`,
    zh: `${fn}：都市圈 ${show(metro)} 没有单元集；每个都市圈都需要其默认单元集。`,
  }),
  unknownPart: (fn: string, file: string): LocalizedText => ({
    en: `${fn}: unexpected file ${file}; dataset parts are cn, jp, us and common.`,
    zh: `${fn}：意外的文件 ${file}；数据集分部只有 cn、jp、us 与 common。`,
  }),
  badMove: (fn: string, firm: string, yearFrom: number, yearTo: number, origin: string, destination: string): LocalizedText => ({
    en: `${fn}: firm relocation ${firm} ${yearFrom}→${yearTo} ${origin}→${destination} is not a move (got the same place or year_to not after year_from); a row needs two different regions and year_to > year_from.`,
    zh: `${fn}：企业迁移 ${firm} ${yearFrom}→${yearTo} ${origin}→${destination} 不是一次迁移（起讫地相同或 year_to 不晚于 year_from）；每行须有两个不同地区且 year_to > year_from。`,
  }),
  missingTable: (fn: string, table: string): LocalizedText => ({
    en: `${fn}: table ${table} has no file in the dataset; every table of the model needs at least one part.`,
    zh: `${fn}：数据集中没有表 ${table} 的文件；模型的每张表至少需要一个分部文件。`,
  }),
} as const;
