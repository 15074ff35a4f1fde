/** Bilingual messages of the dense linear-algebra kernels (LU, solve, inverse, multiply). */
import type { LocalizedText } from '../errors/metro-error.ts';

export const linalgMessages = {
  notSquare: (fn: string, length: number, n: number): LocalizedText => ({
    en: `${fn}: matrix has ${length} values (got n = ${n}); expected a square n × n row-major array of n² values.`,
    zh: `${fn}：矩阵有 ${length} 个值（n = ${n}）；应为按行存储的 n × n 方阵，共 n² 个值。`,
  }),
  badShape: (fn: string, what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has ${got} values; expected ${expected}.`,
    zh: `${fn}：${what} 有 ${got} 个值；应为 ${expected} 个。`,
  }),
  notFinite: (fn: string, what: string, index: number): LocalizedText => ({
    en: `${fn}: ${what} has a value that is not finite (got one at index ${index}); every value must be finite.`,
    zh: `${fn}：${what} 含非有限值（位置 ${index}）；所有值都必须是有限数。`,
  }),
  singular: (fn: string, column: number): LocalizedText => ({
    en: `${fn}: matrix is singular or numerically so (got a zero pivot in column ${column}); it cannot be factorised or inverted.`,
    zh: `${fn}：矩阵奇异或数值上接近奇异（第 ${column} 列主元为 0）；无法分解或求逆。`,
  }),
} as const;
