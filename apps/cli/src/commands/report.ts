/**
 * `metrocoop report <metro> [--format html|md|pdf|xlsx|csv] [--out FILE] [--units SET] [--year Y] [--compare LIST]`
 * (or `--metro-file FILE [--data FILE]`): the metro's report — chapters that mirror the paper's Tables 1–7, with
 * maps and charts — in the language of the global `--lang`. It is written to a file: `--out`, else
 * `<metro>-report.<ext>` in the working directory (Markdown with its charts in `<name>-charts/` beside it; CSV as a
 * folder of files). `--out -` prints HTML or Markdown to standard output. docs/reports.md.
 */
import type { LocalizedText } from '@metrocoop/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The formats, and the extension of each (CSV is a folder). */
export const reportFormats = ['html', 'md', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The command's texts (en / zh). */
export const messages = {
  description: t(
    'write the report of a metro (overview, industry distribution, positions, cooperation types, homogenisation, complementarity, linkages, comparison, recommendations, method) as HTML, Markdown, PDF, XLSX or CSV, in the language of --lang',
    '生成都市圈报告（概况、产业分布、功能定位、合作类型、同构、互补、联系、国际比较、对策建议、方法），格式为 HTML、Markdown、PDF、XLSX 或 CSV，语言由 --lang 决定',
  ),
  metroArg: t('metro id (jjj, yrd, tokyo, nyc, boswash)', '都市圈编号（jjj、yrd、tokyo、nyc、boswash）'),
  format: t(
    'html (one self-contained page), md (Markdown with SVG charts beside it), pdf (A4, printed by Chromium), xlsx (a sheet per table), csv (a folder, a file per table)',
    'html（单个自包含网页）、md（Markdown，图表为旁边的 SVG 文件）、pdf（A4，由 Chromium 打印）、xlsx（每表一个工作表）、csv（文件夹，每表一个文件）',
  ),
  out: t(
    'file to write (csv: a folder); default <metro>-report.<ext> in the working directory; "-" prints html or md to standard output',
    '输出文件（csv 为文件夹）；默认为当前目录下的 <都市圈>-report.<扩展名>；"-" 表示将 html 或 md 输出到标准输出',
  ),
  year: t('analysis year (default: the unit set’s latest)', '分析年份（默认取分析单元集的最新年份）'),
  units: t(
    'unit set: default or an id (provinces, cities, counties, prefectures, …)',
    '分析单元集：default 或其编号（provinces、cities、counties、prefectures 等）',
  ),
  compare: t('metros to compare with, comma-separated (default tokyo,nyc; "none" for none)', '对标都市圈，逗号分隔（默认 tokyo,nyc；none 表示不对标）'),
  sensitivity: t('also run the plan’s sensitivity analysis (weights halved and doubled; slower)', '同时运行规划的敏感性分析（权重减半与加倍；较慢）'),
  metroFile: t(
    'report on the metro of this definition file in a temporary store (with --data; see docs/own-metro.md)',
    '在临时数据库中为该定义文件所定义的都市圈生成报告（配合 --data；见 docs/own-metro.md）',
  ),
  data: t(
    'a data file to import into the temporary store first (canonical long CSV or any import format)',
    '先导入临时数据库的数据文件（规范长表 CSV 或其他可导入格式）',
  ),
  needMetro: t(
    'report: name a metro (e.g. report jjj) or give a definition file (report --metro-file metro.json --data table.csv).',
    'report：请指定都市圈（如 report jjj），或给出定义文件（report --metro-file metro.json --data table.csv）。',
  ),
  bothMetro: t('report: give either a metro id or --metro-file, not both.', 'report：都市圈编号与 --metro-file 只能给出其一。'),
  dataNeedsFile: t(
    'report: --data goes with --metro-file (import into your store with metrocoop data import FILE otherwise).',
    'report：--data 须与 --metro-file 同用（否则请用 metrocoop data import 文件 导入数据库）。',
  ),
  badYear: (v: string) =>
    t(
      `report: --year must be an integer year (got ${JSON.stringify(v)}); e.g. --year 2019.`,
      `report：--year 必须是整数年份（得到 ${JSON.stringify(v)}）；例如 --year 2019。`,
    ),
  noStdout: (format: string) =>
    t(
      `report: --out - prints only html or md (got --format ${format}); give a file name, e.g. --out report.${format === 'csv' ? 'csv.d' : format}.`,
      `report：--out - 只能输出 html 或 md（得到 --format ${format}）；请给出文件名，例如 --out report.${format === 'csv' ? 'csv.d' : format}。`,
    ),
  outIsFolder: (path: string) =>
    t(
      `report: ${path} is a folder; give a file name for --out (only --format csv writes a folder).`,
      `report：${path} 是文件夹；--out 请给出文件名（只有 --format csv 输出文件夹）。`,
    ),
  outIsFile: (path: string) =>
    t(
      `report: ${path} is a file; --format csv writes a folder of files: give a folder name.`,
      `report：${path} 是文件；--format csv 输出一个文件夹：请给出文件夹名。`,
    ),
  wrote: (path: string) => t(`Wrote the report to ${path}.\n`, `已将报告写入 ${path}。\n`),
  wroteMarkdown: (path: string, charts: number, dir: string) =>
    t(`Wrote the report to ${path} and its ${charts} charts to ${dir}.\n`, `已将报告写入 ${path}，${charts} 张图表写入 ${dir}。\n`),
  wroteCsv: (dir: string, files: number) => t(`Wrote the report as ${files} CSV files to ${dir}.\n`, `已将报告写为 ${files} 个 CSV 文件，位于 ${dir}。\n`),
};

/** The options of `report` as commander gives them. */
export interface ReportCommandOptions {
  format: ReportFormat;
  out?: string;
  year?: string;
  units: string;
  compare?: string;
  sensitivity?: boolean;
  metroFile?: string;
  data?: string;
}

/** Register `metrocoop report` (its work is loaded only when it runs). */
export function registerReportCommand(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  program
    .command('report')
    .description(p(messages.description))
    .argument('[metro]', p(messages.metroArg))
    .addOption(new Option('--format <format>', p(messages.format)).choices([...reportFormats]).default('html'))
    .option('--out <file>', p(messages.out))
    .option('--year <year>', p(messages.year))
    .option('--units <unitSet>', p(messages.units), 'default')
    .option('--compare <metros>', p(messages.compare))
    .option('--sensitivity', p(messages.sensitivity))
    .option('--metro-file <file>', p(messages.metroFile))
    .option('--data <file>', p(messages.data))
    .action(async (metro: string | undefined, opts: ReportCommandOptions, command: Command) => {
      const { runReport } = await import('./report.run.ts');
      await runReport(ctx, metro, opts, command);
    });
}
