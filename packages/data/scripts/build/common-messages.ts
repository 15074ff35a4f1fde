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
  projectWithoutModes: (fn: string, id: string): LocalizedText => ({
    en: `${fn}: knowledge project ${id} has no cooperation modes; add it to projectModes in common-knowledge.ts with a quotation of its text for each mode.`,
    zh: `${fn}：知识库项目 ${id} 没有合作模式；请在 common-knowledge.ts 的 projectModes 中为它补充，并为每种模式引用其原文。`,
  }),
  modeWithoutEvidence: (fn: string, id: string, mode: string, quote: string | null): LocalizedText => ({
    en: `${fn}: mode ${mode} of knowledge project ${id} is not justified by its text (quotation ${JSON.stringify(quote)} not found); quote the item's own words or drop the mode.`,
    zh: `${fn}：知识库项目 ${id} 的合作模式 ${mode} 没有原文依据（未找到引文 ${JSON.stringify(quote)}）；请引用该条目原文或去掉该模式。`,
  }),
  modesForNonProject: (fn: string, id: string): LocalizedText => ({
    en: `${fn}: projectModes names ${id}, which is a knowledge item of another kind than project; remove the entry or fix the id.`,
    zh: `${fn}：projectModes 中的 ${id} 是类型不为 project 的知识条目；请删除该条目或修正编号。`,
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
