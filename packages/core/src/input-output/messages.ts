/** Bilingual messages of the input–output functions. */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const inputOutputMessages = {
  shape: (fn: string, what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has ${got} values; expected ${expected} (one per sector, or sectors² for a matrix).`,
    zh: `${fn}：${what} 有 ${got} 个值；应为 ${expected} 个（每个部门一个，矩阵为部门数的平方）。`,
  }),
  notFinite: (fn: string, what: string, sector: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} for sector ${q(sector)} is not finite (got ${value}); every value must be finite.`,
    zh: `${fn}：部门 ${q(sector)} 的${what}不是有限数（得到 ${value}）；所有值都必须是有限数。`,
  }),
  negative: (fn: string, what: string, where: string, value: number): LocalizedText => ({
    en: `${fn}: ${what} at ${where} is negative (got ${value}); expected a non-negative value.`,
    zh: `${fn}：${where} 处的${what}为负（得到 ${value}）；应为非负值。`,
  }),
  zeroOutput: (fn: string, sector: string, value: number): LocalizedText => ({
    en: `${fn}: total output of sector ${q(sector)} is not positive (got ${value}); coefficients divide by output, so drop or merge the sector.`,
    zh: `${fn}：部门 ${q(sector)} 的总产出不为正（得到 ${value}）；系数要除以总产出，请删除或合并该部门。`,
  }),
  unbalanced: (fn: string, what: string, sector: string, got: number, expected: number, tolerance: number): LocalizedText => ({
    en: `${fn}: ${what} of sector ${q(sector)} does not balance (got ${got}, expected ${expected} within relative ${tolerance}); fix the table or raise balanceTolerance.`,
    zh: `${fn}：部门 ${q(sector)} 的${what}不平衡（得到 ${got}，应为 ${expected}，相对容差 ${tolerance}）；请修正表格或提高 balanceTolerance。`,
  }),
  missing: (fn: string, what: string, how: string): LocalizedText => ({
    en: `${fn}: ${what} is missing (got none); ${how}.`,
    zh: `${fn}：缺少${what}；${how}。`,
  }),
  duplicateSector: (fn: string, sector: string): LocalizedText => ({
    en: `${fn}: sector label ${q(sector)} appears more than once (got a duplicate); labels must be unique.`,
    zh: `${fn}：部门标签 ${q(sector)} 重复；标签必须唯一。`,
  }),
  empty: (fn: string): LocalizedText => ({
    en: `${fn}: the table has no sectors (got 0); at least one is needed.`,
    zh: `${fn}：表中没有部门；至少需要一个。`,
  }),
  notProductive: (fn: string, detail: string): LocalizedText => ({
    en: `${fn}: the coefficient matrix is not productive (got ${detail}); every column sum of A must be below 1 for (I − A)⁻¹ to exist and be non-negative.`,
    zh: `${fn}：系数矩阵不满足生产性条件（${detail}）；A 的各列和须小于 1，(I − A)⁻¹ 才存在且非负。`,
  }),
  labelMismatch: (fn: string, what: string, label: string): LocalizedText => ({
    en: `${fn}: ${what} has no sector ${q(label)} (got different labels); label sets must match the table's sectors.`,
    zh: `${fn}：${what}中没有部门 ${q(label)}；标签集合必须与表的部门一致。`,
  }),
  unknownSector: (fn: string, label: string): LocalizedText => ({
    en: `${fn}: unknown sector ${q(label)} (got it in a group); use the table's sector labels.`,
    zh: `${fn}：未知部门 ${q(label)}（出现在分组中）；请使用表中的部门标签。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
} as const;
