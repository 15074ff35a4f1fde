/**
 * `metrocoop shift-share --from T1.csv --to T2.csv --method dunn|esteban|gerfin` — shift-share decomposition per
 * region between two periods (REAT `shift` conventions; totals = sum over all regions of the input). Output:
 * `{ "regions": [...], "components": { "<name>": [...] } }` (docs/spec/measures.md).
 */

import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string) => ({ en, zh });
/** The command's texts (en / zh). */
export const messages = {
  description: t('shift-share decomposition of change between two periods', '两个时期之间变化的偏离—份额分解'),
  from: t('long CSV of the base period (region, industry, value)', '基期的长格式 CSV（地区、行业、数值）'),
  to: t('long CSV of the later period', '末期的长格式 CSV'),
  method: t('dunn (classic), esteban (Esteban-Marquillas) or gerfin (multiplicative)', 'dunn（经典）、esteban（Esteban-Marquillas）或 gerfin（乘法形式）'),
  zeroBase: t('a zero base cell: error, or exclude it and report it', '基期为 0 的单元：error 报错，或 exclude 排除并报告'),
  out: t('output file (default: standard output)', '输出文件（默认标准输出）'),
  format: t('output format', '输出格式'),
};

export interface ShiftShareCommandOptions {
  from: string;
  to: string;
  method: 'dunn' | 'esteban' | 'gerfin';
  zeroBase: 'error' | 'exclude';
  format: 'json' | 'csv';
  out?: string;
  regionColumn: string;
  industryColumn: string;
  valueColumn: string;
}

export function registerShiftShareCommand(program: Command, ctx: CliContext): void {
  const p = (text: { en: string; zh: string }) => pick(text, ctx.lang);
  program
    .command('shift-share')
    .description(p(messages.description))
    .requiredOption('--from <file>', p(messages.from))
    .requiredOption('--to <file>', p(messages.to))
    .addOption(new Option('--method <method>', p(messages.method)).choices(['dunn', 'esteban', 'gerfin']).default('dunn'))
    .addOption(new Option('--zero-base <policy>', p(messages.zeroBase)).choices(['error', 'exclude']).default('error'))
    .addOption(new Option('--format <format>', p(messages.format)).choices(['json', 'csv']).default('json'))
    .option('--region-column <name>', 'region column / 地区列', 'region')
    .option('--industry-column <name>', 'industry column / 行业列', 'industry')
    .option('--value-column <name>', 'value column / 数值列', 'value')
    .option('--out <file>', p(messages.out))
    .action(async (o: ShiftShareCommandOptions) => {
      const { runShiftShare } = await import('./shift-share.run.ts');
      await runShiftShare(ctx, o);
    });
}
