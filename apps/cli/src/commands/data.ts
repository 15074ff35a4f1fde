/**
 * `metrocoop data list | show | export` (and, through data-import.ts, `data import | validate`).
 *
 * Every command opens the store named by the global `--store` (default env `METROCOOP_STORE` or
 * `./metrocoop.duckdb`), creating or migrating it and loading the embedded dataset when it is missing or stale
 * (progress on stderr). Output goes to stdout: a table, or JSON with `--json`.
 */

import type { MetroSummary, RegionDetail } from '@metrocoop/data';
import { type ExportFormat, exportFormats } from '@metrocoop/data/formats';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { type LocalizedText, pick } from '../i18n.ts';
import { registerImportCommands } from './data-import.ts';

const text = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command texts (en / zh). */
export const messages = {
  data: text('manage data: list, show, export, import, validate, datasets, delete', '数据管理：列出、查看、导出、导入、校验、数据集、删除'),
  datasets: text(
    'list the datasets of the store: name, source, rows, regions, years, imported at',
    '列出数据库中的数据集：名称、来源、行数、地区数、年份、导入时间',
  ),
  delete: text(
    'delete one of your imported datasets (one transaction; the embedded data cannot be deleted)',
    '删除一个已导入的数据集（单一事务；内置数据不能删除）',
  ),
  deleteArg: text('the dataset name (see metrocoop data datasets)', '数据集名称（见 metrocoop data datasets）'),
  deleted: (name: string, rows: number) => text(`Deleted dataset ${name} (${rows} rows).\n`, `已删除数据集 ${name}（${rows} 行）。\n`),
  datasetHeaders: {
    name: text('name', '名称'),
    kind: text('kind', '类型'),
    source: text('source', '来源'),
    rows: text('rows', '行数'),
    regions: text('regions', '地区'),
    years: text('years', '年份'),
    loadedAt: text('imported at', '导入时间'),
  },
  list: text('list the metros with their regions, unit sets, indicators and sources', '列出都市圈及其地区、分析单元集、指标与来源'),
  show: text('show a metro or a region (by id)', '查看一个都市圈或地区（按编号）'),
  showArg: text(
    'a metro id (jjj, yrd, tokyo, nyc, boswash) or a region id (CN-110000, JP-13, US-36061, …)',
    '都市圈编号（jjj、yrd、tokyo、nyc、boswash）或地区编号（CN-110000、JP-13、US-36061 等）',
  ),
  export: text('export a table or a metro’s observations', '导出一张表或某都市圈的观测值'),
  exportArg: text('a table name (observations, regions, …) or metro:<id>', '表名（observations、regions 等）或 metro:<编号>'),
  json: text('print JSON instead of a table', '输出 JSON 而非表格'),
  format: text('output format', '输出格式'),
  out: text('output file (default: stdout for csv and json)', '输出文件（csv 与 json 默认输出到标准输出）'),
  dataset: text('only rows of this dataset (default: all)', '只导出该数据集的行（默认全部）'),
  layout: text(
    'observations as CSV: canonical (the 8 import columns), extended (+ vintage, withheld, flags, note: lossless re-import) or full (every column)',
    '观测值 CSV 的版式：canonical（导入用的 8 列）、extended（另加版本、隐去标记、注释等，可无损再导入）或 full（全部列）',
  ),
  wrote: (rows: number, path: string) => text(`Wrote ${rows} rows to ${path}.\n`, `已将 ${rows} 行写入 ${path}。\n`),
  headers: {
    id: text('id', '编号'),
    name: text('name', '名称'),
    country: text('country', '国家'),
    members: text('members', '成员'),
    levels: text('regions by level', '各级地区'),
    unitSets: text('unit sets (* default)', '分析单元集（* 为默认）'),
    indicators: text('indicators', '指标'),
    observations: text('observations', '观测值'),
    sources: text('sources', '来源'),
  },
  level: {
    country: text('country', '国家'),
    province: text('province', '省级'),
    prefecture: text('prefecture', '都道府县'),
    city: text('city', '城市'),
    county: text('county', '县'),
    municipality: text('municipality', '市区町村'),
    msa: text('MSA', '大都市统计区'),
    state: text('state', '州'),
  } as Record<string, LocalizedText>,
  ring: { core: text('core', '核心'), inner: text('inner', '内圈'), outer: text('outer', '外圈') } as Record<string, LocalizedText>,
  metroTitle: (m: MetroSummary) => text(`${m.nameEn} (${m.id}, ${m.country})`, `${m.nameZh}（${m.id}，${m.country}）`),
  defaultUnitSet: text('default unit set', '默认分析单元集'),
  membersBy: text('members', '成员'),
  unitSetsTitle: text('unit sets', '分析单元集'),
  indicatorsTitle: text('indicators (years)', '指标（年份）'),
  sourcesTitle: text('sources', '来源'),
  knowledge: text('knowledge items', '知识条目'),
  regionTitle: (r: RegionDetail) =>
    text(`${r.nameEn}${r.nameZh === null ? '' : ` / ${r.nameZh}`} (${r.id})`, `${r.nameZh ?? r.nameEn}${r.nameZh === null ? '' : ` / ${r.nameEn}`}（${r.id}）`),
  levelLabel: text('level', '级别'),
  parent: text('parent', '上级'),
  none: text('none', '无'),
  metrosLabel: text('metros', '所属都市圈'),
  unitSetsLabel: text('unit sets', '分析单元集'),
  area: text('area', '面积'),
  gapsTitle: text('gaps', '缺口'),
  withheld: text('withheld', '隐去'),
  missingYear: text('missing year', '缺年份'),
  noGaps: text('none known', '未发现'),
  totals: text('totals', '合计'),
  rows: text('rows', '行'),
} as const;

/** The options of `data export` as commander gives them. */
export interface DataExportOptions {
  format: ExportFormat;
  out?: string;
  dataset?: string;
  layout: 'canonical' | 'extended' | 'full';
}

/** `metrocoop data …` (each subcommand's work is loaded only when it runs). */
export function registerDataCommands(program: Command, ctx: CliContext): void {
  const t = (m: LocalizedText) => pick(m, ctx.lang);
  const data = program.command('data').description(t(messages.data));

  data
    .command('list')
    .description(t(messages.list))
    .option('--json', t(messages.json))
    .action(async (options: { json?: boolean }, command: Command) => (await import('./data.run.ts')).runDataList(ctx, options, command));

  data
    .command('show')
    .description(t(messages.show))
    .argument('<id>', t(messages.showArg))
    .option('--json', t(messages.json))
    .action(async (id: string, options: { json?: boolean }, command: Command) => (await import('./data.run.ts')).runDataShow(ctx, id, options, command));

  data
    .command('export')
    .description(t(messages.export))
    .argument('<what>', t(messages.exportArg))
    .addOption(new Option('--format <format>', t(messages.format)).choices([...exportFormats]).makeOptionMandatory())
    .option('--out <file>', t(messages.out))
    .option('--dataset <name>', t(messages.dataset))
    .addOption(new Option('--layout <layout>', t(messages.layout)).choices(['canonical', 'extended', 'full']).default('canonical'))
    .action(async (what: string, options: DataExportOptions, command: Command) => (await import('./data.run.ts')).runDataExport(ctx, what, options, command));

  data
    .command('datasets')
    .description(t(messages.datasets))
    .option('--json', t(messages.json))
    .action(async (options: { json?: boolean }, command: Command) => (await import('./data.run.ts')).runDataDatasets(ctx, options, command));

  data
    .command('delete')
    .description(t(messages.delete))
    .argument('<name>', t(messages.deleteArg))
    .option('--json', t(messages.json))
    .action(async (name: string, options: { json?: boolean }, command: Command) => (await import('./data.run.ts')).runDataDelete(ctx, name, options, command));

  registerImportCommands(data, ctx);
}
