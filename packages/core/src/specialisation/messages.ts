/**
 * Bilingual message texts of the specialisation, concentration and similarity measures. Shape (STYLE.md):
 * `functionName: what is wrong (got X); what is expected or how to fix it.` Tests assert class and code only.
 */
import type { LocalizedText } from '../errors/metro-error.ts';

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  return String(value);
};

export const specialisationMessages = {
  notAMatrix: (fn: string, value: unknown): LocalizedText => ({
    en: `${fn}: the input is not a RegionIndustryMatrix (got ${show(value)}); build one with RegionIndustryMatrix.fromLongRows or fromWide.`,
    zh: `${fn}：输入不是 RegionIndustryMatrix（得到 ${show(value)}）；请用 RegionIndustryMatrix.fromLongRows 或 fromWide 构建。`,
  }),
  notAnObject: (fn: string, what: string, value: unknown): LocalizedText => ({
    en: `${fn}: ${what} must be an object (got ${show(value)}); pass an options object or nothing.`,
    zh: `${fn}：${what} 必须是对象（得到 ${show(value)}）；请传入选项对象或不传。`,
  }),
  missingLabel: (fn: string, what: string, kind: string, label: string): LocalizedText => ({
    en: `${fn}: ${what} has no value for ${kind} ${show(label)}; it must cover every ${kind} of the matrix.`,
    zh: `${fn}：${what} 缺少${kind} ${show(label)} 的值；它必须覆盖矩阵中的每个${kind}。`,
  }),
  badWeight: (fn: string, what: string, label: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} for ${show(label)} is not a finite non-negative number (got ${value}); expected a value ≥ 0.`,
    zh: `${fn}：${what} 中 ${show(label)} 的值不是有限非负数（得到 ${value}）；应 ≥ 0。`,
  }),
  zeroWeight: (fn: string, what: string, label: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} for ${show(label)} is 0 while the matrix has activity there (got ${value}); the ratio would be infinite — give a positive value.`,
    zh: `${fn}：${what} 中 ${show(label)} 为 0，但矩阵在该处有经济活动（得到 ${value}）；比值将为无穷大——请给出正值。`,
  }),
  zeroSum: (fn: string, what: string): LocalizedText => ({
    en: `${fn}: ${what} sums to 0 (got 0); expected a positive total.`,
    zh: `${fn}：${what} 的合计为 0（得到 0）；应为正数。`,
  }),
  tooFewRegions: (fn: string, option: string, got: number): LocalizedText => ({
    en: `${fn}: ${option} needs at least 2 regions (got ${got}); use the default reference or add regions.`,
    zh: `${fn}：${option} 至少需要 2 个地区（得到 ${got}）；请使用默认参照或增加地区。`,
  }),
  tooFewIndustries: (fn: string, option: string, got: number): LocalizedText => ({
    en: `${fn}: ${option} needs at least 2 industries (got ${got}); drop the option or add industries.`,
    zh: `${fn}：${option} 至少需要 2 个行业（得到 ${got}）；请去掉该选项或增加行业。`,
  }),
  missingGroup: (fn: string, industry: string): LocalizedText => ({
    en: `${fn}: industry ${show(industry)} has no group in options.groups (got none); map every industry to a group.`,
    zh: `${fn}：行业 ${show(industry)} 在 options.groups 中没有分组（未找到）；请为每个行业指定分组。`,
  }),
  badGroup: (fn: string, industry: string, group: unknown): LocalizedText => ({
    en: `${fn}: the group of industry ${show(industry)} is not a non-empty string (got ${show(group)}); expected a group id.`,
    zh: `${fn}：行业 ${show(industry)} 的分组不是非空字符串（得到 ${show(group)}）；应为分组编号。`,
  }),
  needsPopulation: (fn: string, test: string): LocalizedText => ({
    en: `${fn}: test ${show(test)} needs a population vector (got none); pass options.population over the regions.`,
    zh: `${fn}：检验 ${show(test)} 需要人口向量（未提供）；请通过 options.population 按地区传入。`,
  }),
} as const;
