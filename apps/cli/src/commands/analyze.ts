/**
 * `metrocoop analyze <metro> [--year Y] [--units default|cities|provinces|counties|…] [--compare tokyo,nyc]
 * [--format json] [--out FILE]`: the cooperation analysis of a whole metro (analyzeMetro). Without `--format json`
 * a readable summary in the user's language: key figures, the pair types with their deciding numbers, the drivers,
 * the benchmark and the top findings.
 */
import type { LocalizedText } from '@metrocoop/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command's texts (en / zh). */
export const messages = {
  description: t(
    'analyse the industrial cooperation of a metro (division of labour, homogenisation, complementarity, linkage, pair types, drivers, benchmark, findings)',
    '分析都市圈产业合作（分工、同质化、互补性、联系、合作类型、驱动因素、对标与诊断发现）',
  ),
  metroArg: t('metro id (jjj, yrd, tokyo, nyc, boswash)', '都市圈编号（jjj、yrd、tokyo、nyc、boswash）'),
  year: t('analysis year (default: the unit set’s latest)', '分析年份（默认取分析单元集的最新年份）'),
  units: t(
    'unit set: default or an id (provinces, cities, counties, prefectures, …)',
    '分析单元集：default 或其编号（provinces、cities、counties、prefectures 等）',
  ),
  compare: t('metros to benchmark against, comma-separated (default tokyo,nyc; "none" for none)', '对标都市圈，逗号分隔（默认 tokyo,nyc；none 表示不对标）'),
  format: t('output format: text (default) or json', '输出格式：text（默认）或 json'),
  out: t('write the output to a file', '将输出写入文件'),
  metroFile: t(
    'analyse the metro of this definition file in a temporary store (with --data; see docs/own-metro.md)',
    '在临时数据库中分析该定义文件所定义的都市圈（配合 --data；见 docs/own-metro.md）',
  ),
  data: t(
    'a data file to import into the temporary store first (canonical long CSV or any import format)',
    '先导入临时数据库的数据文件（规范长表 CSV 或其他可导入格式）',
  ),
  needMetro: t(
    'analyze: name a metro (e.g. analyze jjj) or give a definition file (analyze --metro-file metro.json --data table.csv).',
    'analyze：请指定都市圈（如 analyze jjj），或给出定义文件（analyze --metro-file metro.json --data table.csv）。',
  ),
  bothMetro: t('analyze: give either a metro id or --metro-file, not both.', 'analyze：都市圈编号与 --metro-file 只能给出其一。'),
  dataNeedsFile: t(
    'analyze: --data goes with --metro-file (import into your store with metrocoop data import FILE otherwise).',
    'analyze：--data 须与 --metro-file 同用（否则请用 metrocoop data import 文件 导入数据库）。',
  ),
  absentTitle: t('What is missing, and what could therefore not be computed', '缺少的数据及因此无法计算的部分'),
  wrote: (path: string) => t(`Wrote the analysis to ${path}.\n`, `已将分析结果写入 ${path}。\n`),
  badYear: (v: string) =>
    t(
      `analyze: --year must be an integer year (got ${JSON.stringify(v)}); e.g. --year 2019.`,
      `analyze：--year 必须是整数年份（得到 ${JSON.stringify(v)}）；例如 --year 2019。`,
    ),
};

/** The options of `analyze` as commander gives them. */
export interface AnalyzeOptions {
  year?: string;
  units: string;
  compare?: string;
  format: string;
  out?: string;
  metroFile?: string;
  data?: string;
}

/** Register `metrocoop analyze` (its work is loaded only when it runs). */
export function registerAnalyzeCommand(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  program
    .command('analyze')
    .description(p(messages.description))
    .argument('[metro]', p(messages.metroArg))
    .option('--year <year>', p(messages.year))
    .option('--units <unitSet>', p(messages.units), 'default')
    .option('--compare <metros>', p(messages.compare))
    .addOption(new Option('--format <format>', p(messages.format)).choices(['text', 'json']).default('text'))
    .option('--out <file>', p(messages.out))
    .option('--metro-file <file>', p(messages.metroFile))
    .option('--data <file>', p(messages.data))
    .action(async (metro: string | undefined, opts: AnalyzeOptions, command: Command) => {
      const { runAnalyze } = await import('./analyze.run.ts');
      await runAnalyze(ctx, metro, opts, command);
    });
}
