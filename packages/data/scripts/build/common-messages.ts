/**
 * Bilingual messages of the common part's builder and of the whole build (common.ts, common-metros.ts,
 * common-knowledge.ts, build-dataset.ts). Shape: `functionName: what is wrong (got X); what is expected or how to
 * fix it.`
 */
import type { LocalizedText } from '@metrocoop/core';

export const commonMessages = {
  noRing: (fn: string, region: string, where: string): LocalizedText => ({
    en: `${fn}: region ${region} has no ring in ${where}; add its ring or prefecture to the raw region list.`,
    zh: `${fn}：地区 ${region} 在 ${where} 中没有圈层；请在原始地区表中补充其圈层或所属都县。`,
  }),
  missingRawColumn: (fn: string, file: string, column: string): LocalizedText => ({
    en: `${fn}: ${file} has no column ${column}; the raw-data layout changed — update the builder.`,
    zh: `${fn}：${file} 没有 ${column} 列；原始数据的格式已改变，请更新构建脚本。`,
  }),
  unknownSourceTag: (fn: string, tag: string, entry: string): LocalizedText => ({
    en: `${fn}: knowledge entry ${entry} cites [${tag}], which is not in the source list at the end of knowledge.md; add the source there.`,
    zh: `${fn}：知识条目 ${entry} 引用了 [${tag}]，但 knowledge.md 末尾的来源列表中没有它；请在其中补充该来源。`,
  }),
  unknownKnowledgeSection: (fn: string, heading: string): LocalizedText => ({
    en: `${fn}: knowledge.md has a section "${heading}" the parser does not know; add it to the section table of common-knowledge.ts.`,
    zh: `${fn}：knowledge.md 中有解析器不认识的章节“${heading}”；请把它加入 common-knowledge.ts 的章节表。`,
  }),
  missingObservations: (fn: string, file: string): LocalizedText => ({
    en: `${fn}: ${file} does not exist, so unit-set years cannot be computed from it; run the country builders first (npm run dataset:build does).`,
    zh: `${fn}：${file} 不存在，无法据此计算单元集年份；请先运行各国构建脚本（npm run dataset:build 会按顺序运行）。`,
  }),
  builderFailed: (fn: string, part: string, why: string): LocalizedText => ({
    en: `${fn}: the ${part} builder failed (${why}); fix it and run the build again.`,
    zh: `${fn}：${part} 构建脚本失败（${why}）；请修复后重新构建。`,
  }),
} as const;
