/**
 * `metrocoop data import FILE` and `metrocoop data validate FILE` (registered under `data` by data.ts).
 *
 * Both read the file in any supported format (detected, or `--format`), run every validation rule and print the
 * report — a table in the user's language, or JSON with `--json`. `import` then writes the observations into the
 * store (global `--store`) as the dataset `--dataset` (default: the file's base name) in one transaction; a file
 * with errors imports nothing. Exit codes: 0 ok (warnings allowed), 1 the file has errors, 2 usage error.
 */
import type { ImportPhase } from '@metrocoop/data';
import { type ImportFormat, importFormats } from '@metrocoop/data/formats';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { type LocalizedText, pick } from '../i18n.ts';

const text = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command texts (en / zh). */
export const messages = {
  import: text(
    'validate a file and import its observations into the store (one transaction; nothing on errors)',
    '校验文件并将其观测值导入数据库（单一事务；有错误时不导入）',
  ),
  validate: text('validate a file and print its report without importing', '校验文件并输出报告，不导入'),
  file: text(
    'the file: canonical or wide CSV (UTF-8 or GBK), yearbook XLSX, Parquet, JSON, CBP county file, QCEW CSV',
    '文件：规范长表或宽表 CSV（UTF-8 或 GBK）、年鉴式 XLSX、Parquet、JSON、CBP 县级文件、QCEW CSV',
  ),
  json: text('print the report as JSON', '以 JSON 输出报告'),
  format: text('the file format (default: detected)', '文件格式（默认自动识别）'),
  dataset: text(
    'dataset name for the imported rows (default: the file name); an existing dataset is replaced only with --replace',
    '导入行的数据集名（默认取文件名）；已有同名数据集只有加 --replace 才会被替换',
  ),
  regionPrefix: text('country of bare region codes and names: CN, JP or US', '裸地区代码与地区名称所属国家：CN、JP 或 US'),
  classification: text('classification of the industry columns/rows (e.g. GBT4754-2017)', '行业列/行所用分类（如 GBT4754-2017）'),
  year: text('year of rows without one', '无年份行的年份'),
  unit: text('unit of rows without one, as published (万人, 亿元, thousand USD, …)', '无单位行的单位，按原表（万人、亿元、thousand USD 等）'),
  indicator: text('indicator of rows without one (gdp, employment_urban_units, employees, …)', '无指标行的指标（gdp、employment_urban_units、employees 等）'),
  source: text('source id of rows without one', '无来源行的来源编号'),
  sheet: text('XLSX worksheet name or number (default: the first)', 'XLSX 工作表名称或序号（默认第一个）'),
  replace: text(
    'replace the dataset if it already exists (without it, importing into an existing dataset is refused)',
    '数据集已存在时替换它（不加此选项时，导入到已有数据集会被拒绝）',
  ),
  earliestYear: text(
    'years before this are warned as implausible (default: before 1949 for Chinese regions)',
    '早于此年份的年份给出警告（默认：中国地区早于 1949 年）',
  ),
  skipUnknownRegions: text(
    'leave out the rows of regions the store does not know and import the rest; each skipped region is listed once with its rows',
    '跳过数据库中没有的地区的行并导入其余各行；每个被跳过的地区列出一次及其行号',
  ),
  sumTolerance: text('relative tolerance of section sums against a stated total (default 0.005)', '各门类之和与合计的相对容差（默认 0.005）'),
  badNumber: (option: string, value: string, expected: string) =>
    text(
      `data import: option ${option} is invalid (got ${JSON.stringify(value)}); expected ${expected}.`,
      `data import：选项 ${option} 无效（得到 ${JSON.stringify(value)}）；应为${expected}。`,
    ),
  phase: {
    read: text('Reading', '正在读取'),
    validate: text('Validating', '正在校验'),
    insert: text('Writing', '正在写入'),
    inserted: text('Committing', '正在提交'),
    done: text('Done', '完成'),
  } satisfies Record<ImportPhase, LocalizedText>,
  summary: (file: string, format: string, rows: number, errors: number, warnings: number) =>
    text(
      `${file} (${format}): ${rows} rows, ${errors} error(s), ${warnings} warning(s)\n`,
      `${file}（${format}）：${rows} 行，${errors} 个错误，${warnings} 个警告\n`,
    ),
  imported: (n: number, dataset: string) => text(`Imported ${n} observations as dataset ${dataset}.\n`, `已导入 ${n} 条观测值，数据集为 ${dataset}。\n`),
  notImported: text('Nothing was imported: fix the errors and run again.\n', '未导入任何数据：请修正错误后重试。\n'),
  valid: text('The file is valid.\n', '文件有效。\n'),
  more: (n: number) => text(`… and ${n} more (see --json)\n`, `……另有 ${n} 条（见 --json）\n`),
  omitted: (n: number) => text(`(${n} further issue(s) counted but not listed)\n`, `（另有 ${n} 个问题已计数但未列出）\n`),
  headers: {
    severity: text('severity', '级别'),
    code: text('code', '代码'),
    row: text('row', '行'),
    column: text('column', '列'),
    value: text('value', '值'),
    message: text('message', '说明'),
  },
  severity: { error: text('error', '错误'), warning: text('warning', '警告') },
};

export interface CommandOptions {
  json?: boolean;
  format?: ImportFormat;
  dataset?: string;
  regionPrefix?: 'CN' | 'JP' | 'US';
  classification?: string;
  year?: string;
  unit?: string;
  indicator?: string;
  source?: string;
  sheet?: string;
  sumTolerance?: string;
  replace?: boolean;
  earliestYear?: string;
  skipUnknownRegions?: boolean;
}

function addOptions(command: Command, ctx: CliContext, withDataset: boolean): Command {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  command
    .argument('<file>', t(messages.file))
    .option('--json', t(messages.json))
    .addOption(new Option('--format <format>', t(messages.format)).choices(importFormats))
    .addOption(new Option('--region-prefix <prefix>', t(messages.regionPrefix)).choices(['CN', 'JP', 'US']))
    .option('--classification <id>', t(messages.classification))
    .option('--year <year>', t(messages.year))
    .option('--unit <unit>', t(messages.unit))
    .option('--indicator <id>', t(messages.indicator))
    .option('--source <id>', t(messages.source))
    .option('--sheet <name>', t(messages.sheet))
    .option('--sum-tolerance <ratio>', t(messages.sumTolerance))
    .option('--earliest-year <year>', t(messages.earliestYear))
    .option('--skip-unknown-regions', t(messages.skipUnknownRegions));
  if (withDataset) command.option('--dataset <name>', t(messages.dataset)).option('--replace', t(messages.replace));
  return command;
}

/** `metrocoop data import FILE` and `metrocoop data validate FILE` (registered under `data`; their work is loaded only when one runs). */
export function registerImportCommands(data: Command, ctx: CliContext): void {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  addOptions(data.command('import').description(t(messages.import)), ctx, true).action(async (file: string, opts: CommandOptions, command: Command) =>
    (await import('./data-import.run.ts')).runImport(ctx, file, opts, command),
  );
  addOptions(data.command('validate').description(t(messages.validate)), ctx, false).action(async (file: string, opts: CommandOptions, command: Command) =>
    (await import('./data-import.run.ts')).runValidate(ctx, file, opts, command),
  );
}
