/** Bilingual messages of the cooperation measures. */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const cooperationMessages = {
  labelMismatch: (fn: string, what: string, label: string): LocalizedText => ({
    en: `${fn}: ${what} has no industry ${q(label)} (got different labels); the coefficient matrix must cover exactly the matrix's industries.`,
    zh: `${fn}：${what}中没有行业 ${q(label)}；系数矩阵必须恰好覆盖矩阵中的行业。`,
  }),
  badCoefficients: (fn: string, detail: string): LocalizedText => ({
    en: `${fn}: coefficient matrix is invalid (got ${detail}); expected a square, finite, non-negative industry × industry matrix with equal row and column labels.`,
    zh: `${fn}：系数矩阵无效（${detail}）；应为行列标签相同、有限、非负的行业 × 行业方阵。`,
  }),
  scoreRange: (fn: string, subsystem: number, label: string, value: number): LocalizedText => ({
    en: `${fn}: score of subsystem ${subsystem} for ${q(label)} is outside [0, 1] (got ${value}); normalise the subsystem scores first.`,
    zh: `${fn}：子系统 ${subsystem} 在 ${q(label)} 的得分不在 [0, 1] 内（得到 ${value}）；请先标准化子系统得分。`,
  }),
  zeroScores: (fn: string, label: string): LocalizedText => ({
    en: `${fn}: every subsystem score of ${q(label)} is 0 (got all zeros), so the coupling degree is undefined; pass zeroScores: "zero" to report 0.`,
    zh: `${fn}：${q(label)} 的所有子系统得分均为 0，耦合度无定义；可设 zeroScores: "zero" 记为 0。`,
  }),
  shape: (fn: string, what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has ${got} values; expected ${expected}.`,
    zh: `${fn}：${what} 有 ${got} 个值；应为 ${expected} 个。`,
  }),
  duplicate: (fn: string, what: string, label: string): LocalizedText => ({
    en: `${fn}: ${what} ${q(label)} appears more than once (got a duplicate); labels must be unique.`,
    zh: `${fn}：${what} ${q(label)} 重复；标签必须唯一。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
} as const;
