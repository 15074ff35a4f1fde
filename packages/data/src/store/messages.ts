/**
 * The store's message catalogue (English and Chinese). Shape: `functionName: what is wrong (got X); what is
 * expected or how to fix it.`
 */
import type { LocalizedText } from '@metrocoop/core';

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

const list = (items: readonly string[], max = 20): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, … (+${items.length - max})`;

export const storeMessages = {
  storeTooNew: (fn: string, path: string, found: number, supported: number): LocalizedText => ({
    en: `${fn}: the store ${show(path)} has schema version ${found}, newer than this metrocoop supports (got ${found}, supports up to ${supported}); upgrade metrocoop or use another store file.`,
    zh: `${fn}：数据库 ${show(path)} 的结构版本为 ${found}，高于本版 metrocoop 支持的版本（得到 ${found}，最高支持 ${supported}）；请升级 metrocoop 或换用其他数据库文件。`,
  }),
  badSchemaVersion: (fn: string, value: unknown): LocalizedText => ({
    en: `${fn}: the meta table holds an unreadable schema version (got ${show(value)}); expected a non-negative integer — the file is not a metrocoop store or is damaged.`,
    zh: `${fn}：meta 表中的结构版本无法识别（得到 ${show(value)}）；应为非负整数——该文件不是 metrocoop 数据库或已损坏。`,
  }),
  readOnlyNeedsMigration: (fn: string, path: string, found: number, supported: number): LocalizedText => ({
    en: `${fn}: the store ${show(path)} has schema version ${found} and needs migrating to ${supported}, but it was opened read-only; open it writable once to migrate it.`,
    zh: `${fn}：数据库 ${show(path)} 的结构版本为 ${found}，需要迁移到 ${supported}，但它以只读方式打开；请以可写方式打开一次以完成迁移。`,
  }),
  schemaDrift: (fn: string, table: string, expected: readonly string[], got: readonly string[]): LocalizedText => ({
    en: `${fn}: table ${show(table)} has columns (${got.join(', ')}) but the model expects (${expected.join(', ')}); a schema change is missing its migration in migrations.ts.`,
    zh: `${fn}：表 ${show(table)} 的列为（${got.join(', ')}），而数据模型要求（${expected.join(', ')}）；某次结构变更缺少 migrations.ts 中的迁移。`,
  }),
  memoryReadOnly: (fn: string): LocalizedText => ({
    en: `${fn}: an in-memory store cannot be read-only (got readOnly: true with ":memory:"); open a file or drop readOnly.`,
    zh: `${fn}：内存数据库不能以只读方式打开（":memory:" 与 readOnly: true 同时给出）；请打开文件或去掉 readOnly。`,
  }),
  closed: (fn: string): LocalizedText => ({
    en: `${fn}: the store is closed; open it again with Store.open.`,
    zh: `${fn}：数据库已关闭；请用 Store.open 重新打开。`,
  }),
  openFailed: (fn: string, path: string, reason: string): LocalizedText => ({
    en: `${fn}: cannot open the store ${show(path)} (${reason}); check the path and that no other process holds it for writing.`,
    zh: `${fn}：无法打开数据库 ${show(path)}（${reason}）；请检查路径，并确认没有其他进程以写方式占用它。`,
  }),
  datasetMissing: (fn: string, dir: string): LocalizedText => ({
    en: `${fn}: the dataset folder ${show(dir)} has no table files (got no <table>/*.csv); expected the embedded dataset packages/data/dataset or a folder in its layout.`,
    zh: `${fn}：数据集目录 ${show(dir)} 中没有表文件（未找到 <table>/*.csv）；应为内置数据集 packages/data/dataset 或同样结构的目录。`,
  }),
  datasetHeader: (fn: string, file: string, got: readonly string[], expected: readonly string[]): LocalizedText => ({
    en: `${fn}: ${show(file)} has header (${got.join(',')}) (got ${got.length} columns); expected exactly (${expected.join(',')}).`,
    zh: `${fn}：${show(file)} 的表头为（${got.join(',')}）（共 ${got.length} 列）；应恰为（${expected.join(',')}）。`,
  }),
  datasetLoadFailed: (fn: string, table: string, reason: string): LocalizedText => ({
    en: `${fn}: loading table ${show(table)} of the dataset failed (${reason}); the store was left as it was — fix the dataset file and retry.`,
    zh: `${fn}：载入数据集的表 ${show(table)} 失败（${reason}）；数据库保持原状——请修正数据文件后重试。`,
  }),
  geometryInvalid: (fn: string, file: string, reason: string): LocalizedText => ({
    en: `${fn}: ${show(file)} is not a usable GeoJSON FeatureCollection (${reason}); expected features with properties {region, source} and a Polygon or MultiPolygon geometry.`,
    zh: `${fn}：${show(file)} 不是可用的 GeoJSON FeatureCollection（${reason}）；要素应带 properties {region, source} 以及 Polygon 或 MultiPolygon 几何。`,
  }),
  unknownMetro: (fn: string, id: string, known: readonly string[]): LocalizedText => ({
    en: `${fn}: unknown metro ${show(id)}; known metros: ${list(known)}.`,
    zh: `${fn}：未知的都市圈 ${show(id)}；已有：${list(known)}。`,
  }),
  unknownRegion: (fn: string, id: string): LocalizedText => ({
    en: `${fn}: unknown region ${show(id)}; use an id such as "CN-110000", "JP-13" or "US-36061" (see data list).`,
    zh: `${fn}：未知的地区 ${show(id)}；应为 "CN-110000"、"JP-13"、"US-36061" 之类的编号（见 data list）。`,
  }),
  unknownUnitSet: (fn: string, metro: string, id: string, known: readonly string[]): LocalizedText => ({
    en: `${fn}: metro ${show(metro)} has no unit set ${show(id)}; its unit sets: ${list(known)}.`,
    zh: `${fn}：都市圈 ${show(metro)} 没有单元集 ${show(id)}；可用单元集：${list(known)}。`,
  }),
  unknownMetroOrRegion: (fn: string, id: string, metros: readonly string[]): LocalizedText => ({
    en: `${fn}: ${show(id)} is neither a metro nor a region; metros: ${list(metros)}; regions look like "CN-110000", "JP-13", "US-36061".`,
    zh: `${fn}：${show(id)} 既不是都市圈也不是地区；都市圈：${list(metros)}；地区编号形如 "CN-110000"、"JP-13"、"US-36061"。`,
  }),
  unknownTable: (fn: string, what: string, known: readonly string[]): LocalizedText => ({
    en: `${fn}: unknown table ${show(what)}; expected one of ${list(known, 30)} or metro:<id>.`,
    zh: `${fn}：未知的表 ${show(what)}；应为 ${list(known, 30)} 之一，或 metro:<编号>。`,
  }),
  unknownFormat: (fn: string, format: string): LocalizedText => ({
    en: `${fn}: unknown export format ${show(format)}; expected csv, xlsx, parquet or json.`,
    zh: `${fn}：未知的导出格式 ${show(format)}；应为 csv、xlsx、parquet 或 json。`,
  }),
  needsOutFile: (fn: string, format: string): LocalizedText => ({
    en: `${fn}: format ${show(format)} is binary and needs a file (got no --out); pass --out FILE.`,
    zh: `${fn}：格式 ${show(format)} 是二进制格式，需要输出文件（未给出 --out）；请加 --out 文件名。`,
  }),
  noYearData: (fn: string, metro: string, unitSet: string, year: number, years: readonly number[]): LocalizedText => ({
    en: `${fn}: unit set ${show(unitSet)} of ${show(metro)} has no observations for ${year} (got none); years with data: ${years.length === 0 ? 'none' : years.join(', ')}.`,
    zh: `${fn}：${show(metro)} 的单元集 ${show(unitSet)} 没有 ${year} 年的观测值；有数据的年份：${years.length === 0 ? '无' : years.join('、')}。`,
  }),
  gapsInMatrix: (fn: string, count: number, cells: readonly string[]): LocalizedText => ({
    en: `${fn}: ${count} cell(s) are withheld or missing (got ${list(cells, 12)}); pass gaps: "zero" to treat them as 0 or gaps: "drop-regions" / "drop-industries" to leave their rows or columns out — the choice is reported.`,
    zh: `${fn}：有 ${count} 个单元格被隐去或缺失（${list(cells, 12)}）；可设 gaps: "zero" 视为 0，或 gaps: "drop-regions" / "drop-industries" 删除相应行或列——所做选择会被报告。`,
  }),
  invalidOption: (fn: string, option: string, value: unknown, expected: string): LocalizedText => ({
    en: `${fn}: option ${option} is invalid (got ${show(value)}); expected ${expected}.`,
    zh: `${fn}：选项 ${option} 无效（得到 ${show(value)}）；应为 ${expected}。`,
  }),
} as const;
