/**
 * The core's message catalogue (English and Chinese). Each entry builds a {@link LocalizedText} from its
 * parameters so that wording lives in one place per package. Topic modules add their own entries here.
 */
import type { LocalizedText } from './metro-error.ts';

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export const coreMessages = {
  shapeMismatch: (fn: string, what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has length ${got}; expected ${expected}.`,
    zh: `${fn}：${what} 的长度为 ${got}，应为 ${expected}。`,
  }),
  notFinite: (fn: string, where: string, value: unknown): LocalizedText => ({
    en: `${fn}: value at ${where} is not a finite number (got ${show(value)}); every value must be finite.`,
    zh: `${fn}：${where} 处的值不是有限数（得到 ${show(value)}）；所有值都必须是有限数。`,
  }),
  negative: (fn: string, where: string, value: number): LocalizedText => ({
    en: `${fn}: value at ${where} is negative (got ${value}); expected a non-negative value.`,
    zh: `${fn}：${where} 处的值为负（得到 ${value}）；应为非负值。`,
  }),
  duplicateLabel: (fn: string, kind: string, label: string): LocalizedText => ({
    en: `${fn}: ${kind} label ${show(label)} appears more than once; labels must be unique.`,
    zh: `${fn}：${kind}标签 ${show(label)} 出现了不止一次；标签必须唯一。`,
  }),
  duplicateCell: (fn: string, region: string, industry: string): LocalizedText => ({
    en: `${fn}: more than one row for region ${show(region)} and industry ${show(industry)}; pass duplicates: "sum" or "first" to combine them.`,
    zh: `${fn}：地区 ${show(region)} 与行业 ${show(industry)} 有多行；可设 duplicates: "sum" 或 "first" 合并。`,
  }),
  zeroTotal: (fn: string, kind: string, label: string): LocalizedText => ({
    en: `${fn}: ${kind} ${show(label)} has a total of 0; pass zeroTotals: "drop" or "keep" to allow it.`,
    zh: `${fn}：${kind} ${show(label)} 的合计为 0；可设 zeroTotals: "drop" 或 "keep" 以允许。`,
  }),
  empty: (fn: string, what: string): LocalizedText => ({
    en: `${fn}: ${what} is empty; at least one is needed.`,
    zh: `${fn}：${what} 为空；至少需要一个。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${show(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${show(value)}）；应为 ${expected}。`,
  }),
  unknownLabel: (fn: string, kind: string, label: string): LocalizedText => ({
    en: `${fn}: unknown ${kind} ${show(label)}.`,
    zh: `${fn}：未知的${kind} ${show(label)}。`,
  }),
  noConvergence: (fn: string, iterations: number, residual: number, tolerance: number): LocalizedText => ({
    en: `${fn}: did not converge in ${iterations} iterations (residual ${residual}, tolerance ${tolerance}); raise maxIterations or tolerance.`,
    zh: `${fn}：迭代 ${iterations} 次仍未收敛（残差 ${residual}，容差 ${tolerance}）；可提高 maxIterations 或 tolerance。`,
  }),
  singular: (fn: string, what: string): LocalizedText => ({
    en: `${fn}: ${what} is singular (or numerically so) and cannot be inverted.`,
    zh: `${fn}：${what} 是奇异矩阵（或数值上接近奇异），无法求逆。`,
  }),
} as const;
