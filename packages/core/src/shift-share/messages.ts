/** Bilingual messages of the shift-share functions. */
import type { LocalizedText } from '../errors/metro-error.ts';

const q = (s: string): string => JSON.stringify(s);

export const shiftShareMessages = {
  labelMismatch: (fn: string, kind: string, missing: string, where: string): LocalizedText => ({
    en: `${fn}: ${kind} ${q(missing)} is missing from ${where} (got different ${kind} sets); both periods must cover the same regions and industries.`,
    zh: `${fn}：${where}缺少${kind === 'region' ? '地区' : '行业'} ${q(missing)}；两个时期必须包含相同的地区与行业。`,
  }),
  zeroBaseCell: (fn: string, region: string, industry: string, later: number): LocalizedText => ({
    en: `${fn}: base-period value of region ${q(region)}, industry ${q(industry)} is 0 (got ${later} later), so its growth is undefined; pass zeroBase: "exclude" to leave such cells out and list them.`,
    zh: `${fn}：地区 ${q(region)}、行业 ${q(industry)} 基期值为 0（末期为 ${later}），增长率无定义；可设 zeroBase: "exclude" 排除这些单元并列出。`,
  }),
  zeroTotal: (fn: string): LocalizedText => ({
    en: `${fn}: base-period total of all regions is 0 (got 0); national growth needs a positive base total.`,
    zh: `${fn}：所有地区基期合计为 0；全域增长率需要正的基期合计。`,
  }),
  tooFewPeriods: (fn: string, got: number): LocalizedText => ({
    en: `${fn}: fewer than two periods (got ${got}); pass at least two matrices in time order.`,
    zh: `${fn}：时期少于两个（得到 ${got} 个）；请按时间顺序传入至少两个矩阵。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
} as const;
