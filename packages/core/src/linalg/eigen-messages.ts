/** Bilingual messages of the eigensolvers (Jacobi, Lanczos, inverse iteration). */
import type { LocalizedText } from '../errors/metro-error.ts';

export const eigenMessages = {
  shape: (fn: string, length: number, n: number): LocalizedText => ({
    en: `${fn}: matrix has ${length} values (got n = ${n}); expected a square n × n row-major array of n² values.`,
    zh: `${fn}：矩阵有 ${length} 个值（n = ${n}）；应为按行存储的 n × n 方阵，共 n² 个值。`,
  }),
  notFinite: (fn: string, row: number, column: number, value: number): LocalizedText => ({
    en: `${fn}: value at (${row}, ${column}) is not finite (got ${value}); every value must be finite.`,
    zh: `${fn}：(${row}, ${column}) 处的值不是有限数（得到 ${value}）；所有值都必须是有限数。`,
  }),
  option: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${String(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${String(value)}）；应为 ${expected}。`,
  }),
  noConvergence: (fn: string, iterations: number, residual: number, tolerance: number): LocalizedText => ({
    en: `${fn}: did not converge in ${iterations} iterations (residual ${residual}, tolerance ${tolerance}); raise maxIterations or tolerance.`,
    zh: `${fn}：迭代 ${iterations} 次仍未收敛（残差 ${residual}，容差 ${tolerance}）；可提高 maxIterations 或 tolerance。`,
  }),
  tooFew: (fn: string, wanted: number, available: number): LocalizedText => ({
    en: `${fn}: asked for ${wanted} eigenpairs but the space left after deflation has dimension ${available}; ask for at most ${available}.`,
    zh: `${fn}：请求 ${wanted} 个特征对，但收缩后剩余空间的维数只有 ${available}；最多只能请求 ${available} 个。`,
  }),
  singularShift: (fn: string, shift: number): LocalizedText => ({
    en: `${fn}: the shifted matrix is singular at shift ${shift} (an exact eigenvalue); perturb the shift slightly.`,
    zh: `${fn}：位移 ${shift} 处位移矩阵奇异（恰为特征值）；请略微改变位移。`,
  }),
} as const;
