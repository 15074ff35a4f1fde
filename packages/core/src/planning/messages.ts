/** Bilingual messages of the planning module (positioning optimiser). */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const planningMessages = {
  shape: (fn: string, what: string, got: number, expected: number): LocalizedText => ({
    en: `${fn}: ${what} has ${got} values; expected ${expected}.`,
    zh: `${fn}：${what} 有 ${got} 个值；应为 ${expected} 个。`,
  }),
  duplicate: (fn: string, what: string, label: string): LocalizedText => ({
    en: `${fn}: ${what} ${q(label)} appears more than once (got a duplicate); labels must be unique.`,
    zh: `${fn}：${what} ${q(label)} 重复；标签必须唯一。`,
  }),
  empty: (fn: string, what: string): LocalizedText => ({
    en: `${fn}: ${what} is empty (got none); pass at least one.`,
    zh: `${fn}：${what}为空；至少需要一个。`,
  }),
  badValue: (fn: string, what: string, position: string, value: number, expected: string): LocalizedText => ({
    en: `${fn}: ${what} at ${position} is invalid (got ${value}); expected ${expected}.`,
    zh: `${fn}：${what}在 ${position} 处无效（得到 ${value}）；应为${expected}。`,
  }),
  unknownLabel: (fn: string, what: string, label: string): LocalizedText => ({
    en: `${fn}: fixed choice names an unknown ${what} ${q(label)} (got a label not in the input); use one of the input's ${what} labels.`,
    zh: `${fn}：固定选择中的${what === 'unit' ? '单元' : '行业'} ${q(label)} 不在输入中；请使用输入中的标签。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
  leadsExceedIndustries: (fn: string, leadsPerUnit: number, industries: number): LocalizedText => ({
    en: `${fn}: the constraints conflict: leadsPerUnit (${leadsPerUnit}) > number of industries (${industries}), so no unit can lead that many distinct industries; lower leadsPerUnit or add industries.`,
    zh: `${fn}：约束冲突：每个单元的主导产业数 leadsPerUnit（${leadsPerUnit}）> 行业数（${industries}），任何单元都无法选出这么多不同的行业；请减小 leadsPerUnit 或增加行业。`,
  }),
  tradedCapacity: (fn: string, units: number, tradedPerUnit: number, traded: number, cap: number, leadsPerUnit: number, nonTraded: number): LocalizedText => ({
    en:
      `${fn}: the constraints conflict: units × traded leads each unit needs (${units} × ${tradedPerUnit} = ${units * tradedPerUnit}) > ` +
      `traded industries × maxLeadersPerIndustry (${traded} × ${cap} = ${traded * cap}); each unit must lead ${leadsPerUnit} industries and only ` +
      `${nonTraded} are non-traded; raise maxLeadersPerIndustry, lower leadsPerUnit or add industries.`,
    zh:
      `${fn}：约束冲突：单元数 × 每个单元至少需要的可贸易主导产业数（${units} × ${tradedPerUnit} = ${units * tradedPerUnit}）> ` +
      `可贸易行业数 × 每个行业的主导单元上限 maxLeadersPerIndustry（${traded} × ${cap} = ${traded * cap}）；每个单元须主导 ${leadsPerUnit} 个行业，` +
      `而非贸易行业只有 ${nonTraded} 个；请提高 maxLeadersPerIndustry、减小 leadsPerUnit 或增加行业。`,
  }),
  fixedPerUnit: (fn: string, unit: string, fixed: number, leadsPerUnit: number): LocalizedText => ({
    en: `${fn}: the constraints conflict: unit ${q(unit)} has ${fixed} fixed choices > leadsPerUnit (${leadsPerUnit}); drop fixed choices or raise leadsPerUnit.`,
    zh: `${fn}：约束冲突：单元 ${q(unit)} 的固定选择数（${fixed}）> 每个单元的主导产业数 leadsPerUnit（${leadsPerUnit}）；请减少固定选择或提高 leadsPerUnit。`,
  }),
  fixedPerIndustry: (fn: string, industry: string, fixed: number, cap: number): LocalizedText => ({
    en: `${fn}: the constraints conflict: traded industry ${q(industry)} is fixed for ${fixed} units > maxLeadersPerIndustry (${cap}); drop fixed choices or raise maxLeadersPerIndustry.`,
    zh: `${fn}：约束冲突：可贸易行业 ${q(industry)} 被固定给 ${fixed} 个单元 > 每个行业的主导单元上限 maxLeadersPerIndustry（${cap}）；请减少固定选择或提高 maxLeadersPerIndustry。`,
  }),
  solverFailed: (fn: string, status: string): LocalizedText => ({
    en: `${fn}: the HiGHS solver did not reach an optimum (got status ${q(status)}); report this with the input.`,
    zh: `${fn}：HiGHS 求解器未得到最优解（状态 ${q(status)}）；请连同输入一起报告此问题。`,
  }),
} as const;
