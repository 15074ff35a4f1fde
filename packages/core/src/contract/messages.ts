/** Messages of the measures document (English and Chinese). */
import type { LocalizedText } from '../errors/metro-error.ts';

export const contractMessages = {
  badOption: (fn: string, name: string, value: string, expected: string): LocalizedText => ({
    en: `${fn}: ${name} is not valid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：${name} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
  absent: (measure: string, label: string): LocalizedText => ({
    en: `${measure} has no value for ${label}: its total is 0 (kept with zeroTotals "keep").`,
    zh: `${measure} 对 ${label} 无取值：其合计为 0（在 zeroTotals "keep" 下保留）。`,
  }),
} as const;
