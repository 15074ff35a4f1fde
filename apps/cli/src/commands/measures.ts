/**
 * `metrocoop measures --input FILE …` — the measures document of docs/spec/measures.md (JSON contract), or
 * tidy long rows (`--format csv`), or Parquet for large outputs (`--format parquet --out FILE`).
 */

import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string) => ({ en, zh });

/** The command's texts (en / zh). */
export const messages = {
  description: t('compute regional-economics measures from a long CSV (region, industry, value)', '从长格式 CSV（地区、行业、数值）计算区域经济指标'),
  input: t('long CSV file, one row per region and industry', '长格式 CSV 文件，每行一个地区与行业'),
  regionColumn: t('column with region ids', '地区代码所在列'),
  industryColumn: t('column with industry ids', '行业代码所在列'),
  valueColumn: t('column with values', '数值所在列'),
  measures: t('measures to compute: all, or a comma-separated list', '要计算的指标：all 或逗号分隔的列表'),
  option: t(
    'a measure option name=value (repeatable), e.g. threshold=1.25, proximity=continuous',
    '指标选项 name=value（可重复），如 threshold=1.25、proximity=continuous',
  ),
  format: t('output format', '输出格式'),
  out: t('output file (default: standard output; required for parquet)', '输出文件（默认标准输出；parquet 必须指定）'),
  duplicates: t('repeated region–industry rows: error, sum or first', '重复的地区—行业行：error、sum 或 first'),
  zeroTotals: t('regions or industries whose total is 0: error, drop or keep', '合计为 0 的地区或行业：error、drop 或 keep'),
  parquetNeedsOut: t('measures: --format parquet needs --out FILE.', 'measures：--format parquet 需要 --out 文件。'),
  timing: (read: number, compute: number, write: number, rows: number, industries: number) =>
    t(
      `measures: ${rows} regions × ${industries} industries; read ${read.toFixed(0)} ms, computed ${compute.toFixed(0)} ms, wrote ${write.toFixed(0)} ms\n`,
      `measures：${rows} 个地区 × ${industries} 个行业；读取 ${read.toFixed(0)} 毫秒，计算 ${compute.toFixed(0)} 毫秒，写出 ${write.toFixed(0)} 毫秒\n`,
    ),
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export interface MeasuresCommandOptions {
  input: string;
  regionColumn: string;
  industryColumn: string;
  valueColumn: string;
  measures: string;
  option: string[];
  format: 'json' | 'csv' | 'parquet';
  out?: string;
  duplicates: 'error' | 'sum' | 'first';
  zeroTotals: 'error' | 'drop' | 'keep';
  timing?: boolean;
}

export function registerMeasuresCommand(program: Command, ctx: CliContext): void {
  const p = (text: { en: string; zh: string }) => pick(text, ctx.lang);
  program
    .command('measures')
    .description(p(messages.description))
    .requiredOption('--input <file>', p(messages.input))
    .option('--region-column <name>', p(messages.regionColumn), 'region')
    .option('--industry-column <name>', p(messages.industryColumn), 'industry')
    .option('--value-column <name>', p(messages.valueColumn), 'value')
    .option('--measures <list>', p(messages.measures), 'all')
    .option('--option <name=value>', p(messages.option), collect, [])
    .addOption(new Option('--format <format>', p(messages.format)).choices(['json', 'csv', 'parquet']).default('json'))
    .option('--out <file>', p(messages.out))
    .addOption(new Option('--duplicates <policy>', p(messages.duplicates)).choices(['error', 'sum', 'first']).default('error'))
    .addOption(new Option('--zero-totals <policy>', p(messages.zeroTotals)).choices(['error', 'drop', 'keep']).default('error'))
    .option('--timing', 'print timings to stderr / 在标准错误输出中打印耗时')
    .action(async (o: MeasuresCommandOptions) => {
      const { runMeasures } = await import('./measures.run.ts');
      await runMeasures(ctx, o);
    });
}
