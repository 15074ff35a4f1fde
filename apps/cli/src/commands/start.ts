/**
 * `metrocoop start` (what `npm start` runs): the main job on the embedded data — the cooperation analysis of the
 * default metros (Beijing–Tianjin–Hebei, Yangtze River Delta, Tokyo, New York), each benchmarked against the
 * others, printed as readable summaries in the user's language.
 */

import type { LocalizedText } from '@metrocoop/core';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

/** The metros `start` analyses, in order. */
export const defaultStartMetros = ['jjj', 'yrd', 'tokyo', 'nyc'] as const;

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
/** The command's texts (en / zh). */
export const messages = {
  description: t(
    'analyse the default metros (jjj, yrd, tokyo, nyc) on the embedded data and show the results',
    '在内置数据上分析默认都市圈（jjj、yrd、tokyo、nyc）并显示结果',
  ),
  metros: t('comma-separated metro ids to analyse instead of the defaults', '以逗号分隔的都市圈编号（代替默认列表）'),
  findings: t('findings to show per metro', '每个都市圈显示的发现条数'),
  rule: '='.repeat(100),
  progress: (metro: string, k: number, n: number) => t(`Analysing ${metro} (${k}/${n}) …\n`, `正在分析 ${metro}（${k}/${n}）…\n`),
  footer: t(
    'More: `npx metrocoop analyze <metro> --format json`, `npx metrocoop data list`, `npx metrocoop --help`.\n',
    '更多：`npx metrocoop analyze <都市圈> --format json`、`npx metrocoop data list`、`npx metrocoop --help`。\n',
  ),
};

/** The options of `start` as commander gives them. */
export interface StartOptions {
  metros?: string;
  findings: string;
}

/** Register `metrocoop start` (its work is loaded only when it runs). */
export function registerStartCommand(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  program
    .command('start')
    .description(p(messages.description))
    .option('--metros <ids>', p(messages.metros))
    .option('--findings <n>', p(messages.findings), '6')
    .action(async (opts: StartOptions, command: Command) => {
      const { runStart } = await import('./start.run.ts');
      await runStart(ctx, opts, command);
    });
}
