/**
 * Bilingual messages of the dataset build scripts (csv-writer, cn, …). Shape:
 * `functionName: what is wrong (got X); what is expected or how to fix it.`
 */
import type { LocalizedText } from '@metrocoop/core';

const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

export const buildMessages = {
  invalidRow: (fn: string, file: string, index: number, row: unknown, issues: string): LocalizedText => ({
    en: `${fn}: row ${index} for ${file} does not match its schema (got ${show(row)}; ${issues}); fix the row or the builder that made it.`,
    zh: `${fn}：${file} 的第 ${index} 行不符合其模式（得到 ${show(row)}；${issues}）；请修正该行或生成它的构建脚本。`,
  }),
  notAnObjectSchema: (fn: string, file: string): LocalizedText => ({
    en: `${fn}: the schema for ${file} is not a zod object schema; pass one of the schemas of \`tables\` in src/model/schemas.ts.`,
    zh: `${fn}：${file} 的模式不是 zod 对象模式；请传入 src/model/schemas.ts 中 \`tables\` 的某个模式。`,
  }),
  unencodableCell: (fn: string, file: string, index: number, column: string, value: unknown, why: string): LocalizedText => ({
    en: `${fn}: cell ${column} of row ${index} for ${file} cannot be written as CSV (got ${show(value)}); ${why}.`,
    zh: `${fn}：${file} 第 ${index} 行的 ${column} 列无法写成 CSV（得到 ${show(value)}）；${why}。`,
  }),
  notFeatureCollection: (fn: string, file: string, got: unknown): LocalizedText => ({
    en: `${fn}: ${file} must be a GeoJSON FeatureCollection (got type ${show(got)}); pass { type: "FeatureCollection", features: [...] }.`,
    zh: `${fn}：${file} 必须是 GeoJSON FeatureCollection（得到类型 ${show(got)}）；请传入 { type: "FeatureCollection", features: [...] }。`,
  }),
  missingSourceFile: (fn: string, file: string): LocalizedText => ({
    en: `${fn}: raw data file ${file} is missing; check the raw-data folder the builder reads (packages/data/raw, or the one given by --from or METROCOOP_SHARED_DATA).`,
    zh: `${fn}：缺少原始数据文件 ${file}；请检查构建脚本读取的原始数据目录（packages/data/raw，或 --from、METROCOOP_SHARED_DATA 指定的目录）。`,
  }),
  badSourceValue: (fn: string, file: string, line: number, column: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: ${file} line ${line} column ${column} is not usable (got ${show(value)}); expected ${expected}.`,
    zh: `${fn}：${file} 第 ${line} 行 ${column} 列无法使用（得到 ${show(value)}）；应为 ${expected}。`,
  }),
  unknownCode: (fn: string, file: string, line: number, kind: string, code: unknown): LocalizedText => ({
    en: `${fn}: ${file} line ${line} has an unknown ${kind} (got ${show(code)}); add it to the builder's mapping or fix the raw file.`,
    zh: `${fn}：${file} 第 ${line} 行有未知的${kind}（得到 ${show(code)}）；请在构建脚本的映射中加入它或修正原始文件。`,
  }),
  duplicateKey: (fn: string, file: string, key: string): LocalizedText => ({
    en: `${fn}: more than one row with key ${show(key)} for ${file}; each key must be unique (keep vintages apart by source).`,
    zh: `${fn}：${file} 中键 ${show(key)} 出现多行；每个键必须唯一（不同口径以来源区分）。`,
  }),
  badBuildArguments: (fn: string, argv: string, why: string): LocalizedText => ({
    en: `${fn}: cannot read the command line (got ${show(argv)}; ${why}); expected [--from <raw-data folder>] [--out <dataset folder>].`,
    zh: `${fn}：无法解析命令行（得到 ${show(argv)}；${why}）；应为 [--from <原始数据目录>] [--out <数据集目录>]。`,
  }),
} as const;
