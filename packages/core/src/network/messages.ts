/** Bilingual messages of the network functions. */
import type { LocalizedText } from '../errors/metro-error.ts';

export const networkMessages = {
  notSquare: (fn: string, rows: number, columns: number): LocalizedText => ({
    en: `${fn}: flow matrix is ${rows} × ${columns} (got a non-square matrix or different row and column labels); expected a square matrix over one set of nodes.`,
    zh: `${fn}：流量矩阵为 ${rows} × ${columns}（非方阵或行列标签不同）；应为同一组节点上的方阵。`,
  }),
  badWeight: (fn: string, where: string, value: number): LocalizedText => ({
    en: `${fn}: flow at ${where} is not a finite non-negative number (got ${value}); flows and linkages must be ≥ 0.`,
    zh: `${fn}：${where} 处的流量不是有限非负数（得到 ${value}）；流量与联系强度必须 ≥ 0。`,
  }),
  noConvergence: (fn: string, iterations: number, tolerance: number): LocalizedText => ({
    en: `${fn}: PageRank did not converge in ${iterations} iterations (got no convergence at tolerance ${tolerance}); raise maxIterations or tolerance.`,
    zh: `${fn}：PageRank 迭代 ${iterations} 次仍未收敛（容差 ${tolerance}）；可提高 maxIterations 或 tolerance。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
} as const;
