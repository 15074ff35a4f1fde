/** Bilingual messages of the relatedness measures (presence, co-occurrence, proximity, density, relatedness). */
import type { LocalizedText } from '../errors/metro-error.ts';

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return String(value);
  if (value instanceof Float64Array) return `Float64Array(${value.length})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export const relatednessMessages = {
  notAMatrix: (fn: string, value: unknown): LocalizedText => ({
    en: `${fn}: input is not a RegionIndustryMatrix (got ${show(value)}); build one with RegionIndustryMatrix.fromLongRows or fromWide.`,
    zh: `${fn}：输入不是 RegionIndustryMatrix（得到 ${show(value)}）；请用 RegionIndustryMatrix.fromLongRows 或 fromWide 构造。`,
  }),
  notAnObject: (fn: string, value: unknown): LocalizedText => ({
    en: `${fn}: options must be an object (got ${show(value)}); pass {} or omit it for the defaults.`,
    zh: `${fn}：options 必须是对象（得到 ${show(value)}）；传入 {} 或省略以使用默认值。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${show(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${show(value)}）；应为 ${expected}。`,
  }),
  presenceLabels: (fn: string, axis: string): LocalizedText => ({
    en: `${fn}: the presence matrix's ${axis} labels differ from the input matrix's (got another set or order); build presence from the same matrix.`,
    zh: `${fn}：presence 矩阵的${axis === 'row' ? '行' : '列'}标签与输入矩阵不同（集合或顺序不同）；请由同一矩阵计算 presence。`,
  }),
  presenceNotBinary: (fn: string, row: string, column: string, value: unknown): LocalizedText => ({
    en: `${fn}: presence at (${show(row)}, ${show(column)}) is not 0 or 1 (got ${show(value)}); a presence matrix holds 0/1 only, with no absent cells.`,
    zh: `${fn}：presence 在 (${show(row)}, ${show(column)}) 处不是 0 或 1（得到 ${show(value)}）；presence 矩阵只能含 0/1，且不能有缺失。`,
  }),
  constantColumn: (fn: string, industry: string): LocalizedText => ({
    en: `${fn}: the LQ of industry ${show(industry)} is the same in every region (got zero variance); continuous proximity needs LQs that vary across regions — use the discrete form or more regions.`,
    zh: `${fn}：行业 ${show(industry)} 的区位熵在所有地区都相同（方差为 0）；连续型邻近度要求区位熵在地区间有差异——请改用离散形式或增加地区。`,
  }),
  noRelated: (industry: string): LocalizedText => ({
    en: `industry ${show(industry)} co-occurs with no other industry, so its relatedness density is undefined (0/0); it is reported as absent.`,
    zh: `行业 ${show(industry)} 不与任何其他行业共现，其关联密度无定义（0/0），记为缺失。`,
  }),
} as const;
