/** Bilingual messages of the gradient and functional-specialisation functions. */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const gradientMessages = {
  labelMismatch: (fn: string, kind: string, label: string): LocalizedText => ({
    en: `${fn}: the ${kind} labels of output and employment differ (got ${q(label)} at a position where the other matrix has another label); build both with the same regions and industries.`,
    zh: `${fn}：产出与就业矩阵的${kind === 'region' ? '地区' : '行业'}标签不一致（${q(label)}）；请用相同的地区与行业构建两个矩阵。`,
  }),
  noFunction: (fn: string, role: string): LocalizedText => ({
    en: `${fn}: no industry of the matrix is mapped to ${role} (got none); pass a mapping that names at least one of its industries.`,
    zh: `${fn}：矩阵中没有行业对应到“${role}”；请提供至少包含一个该类行业的映射。`,
  }),
  zeroProduction: (fn: string, region: string): LocalizedText => ({
    en: `${fn}: region ${q(region)} has no production employment (got 0), so its management/production ratio is undefined; pass zeroProduction: "absent" to mark it.`,
    zh: `${fn}：地区 ${q(region)} 的生产职能就业为 0，管理/生产比无定义；可设 zeroProduction: "absent" 标记为缺失。`,
  }),
  zeroArea: (fn: string, role: string): LocalizedText => ({
    en: `${fn}: the whole area has no ${role} employment (got 0); the reference ratio needs both functions.`,
    zh: `${fn}：全区域“${role}”就业为 0；参照比值需要两类职能都存在。`,
  }),
  badRole: (fn: string, industry: string, role: unknown): LocalizedText => ({
    en: `${fn}: mapping of ${q(industry)} is invalid (got ${JSON.stringify(role)}); expected "management", "production" or "other".`,
    zh: `${fn}：${q(industry)} 的映射无效（得到 ${JSON.stringify(role)}）；应为 "management"、"production" 或 "other"。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
} as const;
