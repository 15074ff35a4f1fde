/** Bilingual messages of the spatial-linkage functions. */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const spatialMessages = {
  badCoordinate: (fn: string, what: string, value: number, range: string): LocalizedText => ({
    en: `${fn}: ${what} is out of range (got ${value}); expected degrees in ${range}.`,
    zh: `${fn}：${what}超出范围（得到 ${value}）；应为 ${range} 之间的度数。`,
  }),
  shape: (fn: string, what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has ${got} values; expected ${expected} (one per region, or regions² for a matrix).`,
    zh: `${fn}：${what} 有 ${got} 个值；应为 ${expected} 个（每个地区一个，矩阵为地区数的平方）。`,
  }),
  labelMismatch: (fn: string, what: string, label: string): LocalizedText => ({
    en: `${fn}: ${what} does not list region ${q(label)} where expected (got other labels or another order); use the same regions in the same order.`,
    zh: `${fn}：${what}在相应位置没有地区 ${q(label)}（标签或顺序不同）；请使用相同顺序的相同地区。`,
  }),
  notFinite: (fn: string, what: string, where: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} at ${where} is not a finite number (got ${value}); every value must be finite.`,
    zh: `${fn}：${where} 处的${what}不是有限数（得到 ${value}）；所有值都必须是有限数。`,
  }),
  negative: (fn: string, what: string, where: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} at ${where} is negative (got ${value}); expected a non-negative value.`,
    zh: `${fn}：${where} 处的${what}为负（得到 ${value}）；应为非负值。`,
  }),
  zeroDistance: (fn: string, a: string, b: string): LocalizedText => ({
    en: `${fn}: distance between ${q(a)} and ${q(b)} is 0 (got 0); distinct regions need a positive distance (merge them or fix the coordinates).`,
    zh: `${fn}：${q(a)} 与 ${q(b)} 的距离为 0；不同地区的距离必须为正（合并或修正坐标）。`,
  }),
  zeroRow: (fn: string, region: string): LocalizedText => ({
    en: `${fn}: region ${q(region)} has no linkage to any other (got a row sum of 0); memberships need a positive total (pass zeroRows: "absent" to mark it).`,
    zh: `${fn}：地区 ${q(region)} 与其他地区无联系（行和为 0）；隶属度需要正的合计（可设 zeroRows: "absent" 标记为缺失）。`,
  }),
  nonPositive: (fn: string, what: string, region: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} of region ${q(region)} is not positive (got ${value}); expected a value > 0.`,
    zh: `${fn}：地区 ${q(region)} 的${what}不为正（得到 ${value}）；应大于 0。`,
  }),
  unknownIndustry: (fn: string, label: string): LocalizedText => ({
    en: `${fn}: unknown industry ${q(label)} (got it in sectors); use the matrix's industry labels.`,
    zh: `${fn}：未知行业 ${q(label)}（出现在 sectors 中）；请使用矩阵中的行业标签。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
} as const;
