/**
 * `metrocoop data import FILE` and `metrocoop data validate FILE` (registered under `data` by data.ts).
 *
 * Both read the file in any supported format (detected, or `--format`), run every validation rule and print the
 * report — a table in the user's language, or JSON with `--json`. `import` then writes the observations into the
 * store (global `--store`) as the dataset `--dataset` (default: the file's base name) in one transaction; a file
 * with errors imports nothing. Exit codes: 0 ok (warnings allowed), 1 the file has errors, 2 usage error.
 */
import { statSync } from 'node:fs';
import { InvalidInputError } from '@metrocoop/core';
import {
  DataValidationError,
  type ImportFormat,
  type ImportOptions,
  type ImportPhase,
  importFile,
  importFormats,
  type ValidationReport,
  validateFile,
} from '@metrocoop/data';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { type LocalizedText, pick } from '../i18n.ts';
import { ExitCode } from '../main.ts';
import { openCliStore } from './data.ts';

const text = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command texts (en / zh). */
const messages = {
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
    'dataset name for the imported rows (default: the file name); its earlier rows are replaced',
    '导入行的数据集名（默认取文件名）；同名数据集的旧行会被替换',
  ),
  regionPrefix: text('country of bare region codes and names: CN, JP or US', '裸地区代码与地区名称所属国家：CN、JP 或 US'),
  classification: text('classification of the industry columns/rows (e.g. GBT4754-2017)', '行业列/行所用分类（如 GBT4754-2017）'),
  year: text('year of rows without one', '无年份行的年份'),
  unit: text('unit of rows without one, as published (万人, 亿元, thousand USD, …)', '无单位行的单位，按原表（万人、亿元、thousand USD 等）'),
  indicator: text('indicator of rows without one (gdp, employment_urban_units, employees, …)', '无指标行的指标（gdp、employment_urban_units、employees 等）'),
  source: text('source id of rows without one', '无来源行的来源编号'),
  sheet: text('XLSX worksheet name or number (default: the first)', 'XLSX 工作表名称或序号（默认第一个）'),
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

interface CommandOptions {
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
}

/** Files at least this large get progress lines on stderr even when stderr is not a terminal. */
const progressBytes = 50 * 2 ** 20;

function importOptions(opts: CommandOptions, ctx: CliContext, file: string): ImportOptions {
  const out: { -readonly [K in keyof ImportOptions]: ImportOptions[K] } = {};
  if (opts.format !== undefined) out.format = opts.format;
  if (opts.dataset !== undefined) out.dataset = opts.dataset;
  if (opts.regionPrefix !== undefined) out.regionPrefix = opts.regionPrefix;
  if (opts.classification !== undefined) out.classification = opts.classification;
  if (opts.unit !== undefined) out.unit = opts.unit;
  if (opts.indicator !== undefined) out.indicator = opts.indicator;
  if (opts.source !== undefined) out.source = opts.source;
  if (opts.sheet !== undefined) out.sheet = /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet;
  if (opts.year !== undefined) {
    const y = Number(opts.year);
    if (!Number.isInteger(y) || y < 1900 || y > 2100)
      throw new InvalidInputError(messages.badNumber('--year', opts.year, ' 1900–2100 / an integer year between 1900 and 2100'), undefined, 'USAGE');
    out.year = y;
  }
  if (opts.sumTolerance !== undefined) {
    const t = Number(opts.sumTolerance);
    if (!(t >= 0 && t <= 1))
      throw new InvalidInputError(messages.badNumber('--sum-tolerance', opts.sumTolerance, ' [0, 1] / a number in [0, 1]'), undefined, 'USAGE');
    out.sumTolerance = t;
  }
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // the report says FILE_NOT_READABLE
  }
  if (ctx.interactive || size >= progressBytes) {
    const started = performance.now();
    out.onProgress = (phase, info) => {
      const rows = info.rows === undefined ? '' : ` ${info.rows}`;
      ctx.err(`${pick(messages.phase[phase], ctx.lang)}${rows} … ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    };
  }
  return out;
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
    .option('--sum-tolerance <ratio>', t(messages.sumTolerance));
  if (withDataset) command.option('--dataset <name>', t(messages.dataset));
  return command;
}

/** The report as a table in the user's language (at most 50 issues; the JSON has them all). */
export function reportText(report: ValidationReport, lang: CliContext['lang']): string {
  let out = pick(messages.summary(report.file, report.format, report.rows, report.errorCount, report.warningCount), lang);
  if (report.issues.length === 0) return out;
  const h = messages.headers;
  const head = [h.severity, h.code, h.row, h.column, h.value, h.message].map((m) => pick(m, lang));
  const shown = report.issues.slice(0, 50);
  const rows = shown.map((i) => [
    pick(messages.severity[i.severity], lang),
    i.code,
    i.row === null ? '' : String(i.row),
    i.column ?? '',
    i.value === null ? '' : i.value.length > 30 ? `${i.value.slice(0, 29)}…` : i.value,
    pick(i.message, lang),
  ]);
  const width = (k: number) => Math.max(...[head, ...rows].map((r) => displayWidth(r[k] ?? '')));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const widths = head.map((_, k) => (k === head.length - 1 ? 0 : width(k)));
  const line = (r: string[]) => `${r.map((c, k) => (k === r.length - 1 ? c : pad(c, widths[k] ?? 0))).join('  ')}\n`;
  out += line(head);
  for (const r of rows) out += line(r);
  if (report.issues.length > shown.length) out += pick(messages.more(report.issues.length - shown.length), lang);
  const omitted = Object.values(report.omitted).reduce((a, b) => a + b, 0);
  if (omitted > 0) out += pick(messages.omitted(omitted), lang);
  return out;
}

/** Terminal width of a string: CJK and full-width characters count 2. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `metrocoop data import FILE` and `metrocoop data validate FILE` (registered under the `data` command). */
export function registerImportCommands(data: Command, ctx: CliContext): void {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  addOptions(data.command('import').description(t(messages.import)), ctx, true).action(async (file: string, opts: CommandOptions, command: Command) => {
    const options = importOptions(opts, ctx, file);
    const store = await openCliStore(command, ctx);
    try {
      const result = await importFile(store, file, options);
      if (opts.json === true) ctx.out(json({ ...result.report, dataset: result.dataset, imported: result.imported }));
      else {
        ctx.out(reportText(result.report, ctx.lang));
        ctx.out(t(messages.imported(result.imported, result.dataset)));
      }
    } catch (error) {
      if (!(error instanceof DataValidationError)) throw error;
      if (opts.json === true) ctx.out(json({ ...error.report, dataset: null, imported: 0 }));
      else {
        ctx.out(reportText(error.report, ctx.lang));
        ctx.out(t(messages.notImported));
      }
      throw new ExitCode(1);
    } finally {
      store.close();
    }
  });
  addOptions(data.command('validate').description(t(messages.validate)), ctx, false).action(async (file: string, opts: CommandOptions, command: Command) => {
    const options = importOptions(opts, ctx, file);
    const store = await openCliStore(command, ctx);
    let report: ValidationReport;
    try {
      report = await validateFile(store, file, options);
    } finally {
      store.close();
    }
    if (opts.json === true) ctx.out(json(report));
    else {
      ctx.out(reportText(report, ctx.lang));
      if (report.errorCount === 0) ctx.out(t(messages.valid));
    }
    if (report.errorCount > 0) throw new ExitCode(1);
  });
}
