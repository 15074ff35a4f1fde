/**
 * The importers' message catalogue (English and Chinese). Shape: `functionName: what is wrong (got X); what is
 * expected or how to fix it.` One entry per validation code, plus the texts of the import itself.
 */
import type { LocalizedText } from '@metrocoop/core';
import type { ValidationCode } from '../validation/report.ts';

const show = (value: string | null): string => (value === null ? 'nothing' : JSON.stringify(value));
const showZh = (value: string | null): string => (value === null ? '空' : JSON.stringify(value));

/** What is wrong, per code, in both languages. */
const what: Record<ValidationCode, LocalizedText> = {
  FILE_NOT_READABLE: { en: 'the file cannot be read', zh: '无法读取文件' },
  UNKNOWN_ENCODING: { en: 'the text is neither UTF-8 nor GBK/GB18030', zh: '文本既不是 UTF-8 也不是 GBK/GB18030 编码' },
  PARSE_ERROR: { en: 'the file is malformed for its format', zh: '文件不符合其格式' },
  MISSING_COLUMN: { en: 'a required column is missing', zh: '缺少必需的列' },
  NO_ROWS: { en: 'the file has no observations to import', zh: '文件中没有可导入的观测值' },
  MISSING_FIELD: { en: 'a required field is empty', zh: '必填字段为空' },
  INVALID_YEAR: { en: 'the year is not valid', zh: '年份无效' },
  INVALID_ID: { en: 'the id is not valid', zh: '标识符无效' },
  INVALID_VALUE: { en: 'the value is not one of the allowed values', zh: '取值不在允许范围内' },
  UNKNOWN_REGION: { en: 'unknown region', zh: '未知的地区' },
  SKIPPED_REGION: { en: 'rows of an unknown region skipped', zh: '已跳过未知地区的行' },
  UNKNOWN_CLASSIFICATION: { en: 'unknown classification', zh: '未知的行业分类' },
  UNKNOWN_INDUSTRY: { en: 'unknown industry code for the classification', zh: '该分类中没有此行业代码' },
  CLASSIFICATION_MISMATCH: { en: 'the classification does not match', zh: '行业分类不一致' },
  DUPLICATE_KEY: { en: 'duplicate key', zh: '键重复' },
  NON_NUMERIC: { en: 'the value is not a number', zh: '数值不是数字' },
  OUT_OF_RANGE: { en: 'the value is out of range after unit conversion', zh: '换算单位后数值超出范围' },
  NEGATIVE_VALUE: { en: 'the value is negative', zh: '数值为负' },
  UNKNOWN_UNIT: { en: 'unknown unit', zh: '未知的单位' },
  UNIT_MISMATCH: { en: 'the indicator cannot have this unit', zh: '该指标不能使用此单位' },
  MIXED_UNITS: { en: 'one series has more than one unit', zh: '同一序列使用了多个单位' },
  SUM_MISMATCH: { en: 'the sections do not add up to the stated total', zh: '各门类之和与所列合计不符' },
  WITHHELD: { en: 'withheld cell (imported as withheld, no value)', zh: '保密/不公布的单元格（按 withheld 导入，无数值）' },
  IMPLAUSIBLE_YEAR: { en: 'the year is implausible', zh: '年份不太可信' },
  MISSING_YEAR: { en: 'a year is missing inside the series', zh: '序列中间缺少年份' },
};

/** How to fix it, per code (Chinese; the English `expected` text is the issue's own). */
const fixZh: Record<ValidationCode, string> = {
  FILE_NOT_READABLE: '请检查路径与权限',
  UNKNOWN_ENCODING: '请另存为 UTF-8 或 GBK 编码',
  PARSE_ERROR: '请检查文件格式，或用 --format 指定格式',
  MISSING_COLUMN: '请添加该列，或用命令行选项给出它的值',
  NO_ROWS: '文件只有表头或只有空单元格；空文件不会替换已有数据集',
  MISSING_FIELD: '请填写该字段，或用命令行选项给出默认值',
  INVALID_YEAR: '应为 1900–2100 之间的整数',
  INVALID_ID: '标识符只能含字母、数字和 - _ . : /，不能有空格',
  INVALID_VALUE: '请使用允许的取值',
  UNKNOWN_REGION: '应为数据库中的地区代码（如 CN-130100）或可唯一识别的地区名称，或用 --region-prefix 指定国家前缀；用 --skip-unknown-regions 可只导入其余各行',
  SKIPPED_REGION: '这些行未导入（--skip-unknown-regions）；其余各行照常导入',
  UNKNOWN_CLASSIFICATION: '应为数据库中的分类标识（如 GBT4754-2017）',
  UNKNOWN_INDUSTRY: '应为该分类中的行业代码',
  CLASSIFICATION_MISMATCH: '分行业的行须同时给出行业与分类，合计行两者皆空，且分类须与所声明的一致',
  DUPLICATE_KEY: '每个（地区、年份、指标、分类、行业、来源）只能有一行',
  NON_NUMERIC: '应为有限数，或保密标记（如 D、(D)、S、N、…、-）',
  OUT_OF_RANGE: '换算为规范单位后须为有限数，请检查数值与单位',
  NEGATIVE_VALUE: '数量与金额应为非负值',
  UNKNOWN_UNIT: '请使用已知单位（如 万人、亿元、persons、CNY、thousand USD）',
  UNIT_MISMATCH: '请检查指标与单位是否对应',
  MIXED_UNITS: '同一序列须使用同一规范单位',
  SUM_MISMATCH: '请检查各门类数值与合计，或调整 sumTolerance',
  WITHHELD: '无需处理；该值保持缺失',
  IMPLAUSIBLE_YEAR: '请检查年份是否录入有误（未来年份，或中国地区 1949 年以前的年份；历史数据可用 --earliest-year 说明）',
  MISSING_YEAR: '如确无数据可忽略；缺口不会被填补',
};

const place = (file: string, row: number | null, column: string | null): LocalizedText => {
  const rowEn = row === null ? '' : `, row ${row}`;
  const colEn = column === null ? '' : `, column ${JSON.stringify(column)}`;
  const rowZh = row === null ? '' : ` 第 ${row} 行`;
  const colZh = column === null ? '' : ` ${JSON.stringify(column)} 列`;
  return { en: `${file}${rowEn}${colEn}`, zh: `${file}${rowZh}${colZh}` };
};

export const importMessages = {
  /** The message of one validation issue. */
  issue: (code: ValidationCode, file: string, row: number | null, column: string | null, value: string | null, expected: string | null): LocalizedText => {
    const at = place(file, row, column);
    const w = what[code];
    return {
      en: `importFile: ${w.en} at ${at.en} (got ${show(value)}); expected ${expected ?? 'a valid value'}.`,
      zh: `importFile：${at.zh}：${w.zh}（得到 ${showZh(value)}）；${fixZh[code]}${expected === null ? '' : `（应为：${expected}）`}。`,
    };
  },
  reportFailed: (fn: string, file: string, errors: number, warnings: number): LocalizedText => ({
    en: `${fn}: ${file} has ${errors} error(s) and ${warnings} warning(s) (got an invalid file); fix the errors listed in the validation report — nothing was imported.`,
    zh: `${fn}：${file} 有 ${errors} 个错误、${warnings} 个警告（文件无效）；请按校验报告修正错误——未导入任何数据。`,
  }),
  unknownFormat: (fn: string, format: string): LocalizedText => ({
    en: `${fn}: unknown format (got ${JSON.stringify(format)}); expected one of canonical-csv, wide-csv, xlsx-yearbook, parquet, json, cbp-county, qcew-csv.`,
    zh: `${fn}：未知的格式（得到 ${JSON.stringify(format)}）；应为 canonical-csv、wide-csv、xlsx-yearbook、parquet、json、cbp-county、qcew-csv 之一。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为 ${expected}。`,
  }),
  datasetExists: (file: string, dataset: string, existing: { rows: number; loadedAt: string | null }): LocalizedText => ({
    en: `data import: the store already has a dataset ${JSON.stringify(dataset)} (${existing.rows} observations${existing.loadedAt === null ? '' : `, imported ${existing.loadedAt}`}), so ${file} was not imported; expected a new dataset name — add --replace to replace it, or choose another name with --dataset. Nothing was written.`,
    zh: `data import：数据库中已有数据集 ${JSON.stringify(dataset)}（${existing.rows} 条观测值${existing.loadedAt === null ? '' : `，导入于 ${existing.loadedAt}`}），因此未导入 ${file}；应为新的数据集名——如要替换请加 --replace，或用 --dataset 另取名称。未写入任何数据。`,
  }),
  unknownDataset: (dataset: string, known: readonly string[]): LocalizedText => ({
    en: `data delete: there is no dataset ${JSON.stringify(dataset)} (got an unknown name); expected one of: ${known.join(', ') || '(none)'} — see metrocoop data datasets.`,
    zh: `data delete：没有名为 ${JSON.stringify(dataset)} 的数据集（未知名称）；应为以下之一：${known.join('、') || '（无）'}——见 metrocoop data datasets。`,
  }),
  protectedDataset: (dataset: string): LocalizedText => ({
    en: `data delete: the dataset ${JSON.stringify(dataset)} is metrocoop's embedded data and cannot be deleted (got a protected name); expected the name of one of your imports — see metrocoop data datasets.`,
    zh: `data delete：数据集 ${JSON.stringify(dataset)} 是 metrocoop 内置数据，不能删除（受保护的名称）；应为您导入的数据集名——见 metrocoop data datasets。`,
  }),
  metroDataset: (dataset: string, metro: string): LocalizedText => ({
    en: `data delete: the dataset ${JSON.stringify(dataset)} holds the definition of the metro ${metro} (got a metro's dataset); expected an imported dataset — remove the metro with metrocoop metro remove ${metro}.`,
    zh: `data delete：数据集 ${JSON.stringify(dataset)} 是都市圈 ${metro} 的定义（这是都市圈的数据集）；应为导入的数据集——删除该都市圈请用 metrocoop metro remove ${metro}。`,
  }),
  noSchema: (fn: string): LocalizedText => ({
    en: `${fn}: the store has no schema (got a store without the observations table); call store.ensureSchema() first.`,
    zh: `${fn}：数据库尚无表结构（缺少 observations 表）；请先调用 store.ensureSchema()。`,
  }),
} as const;
