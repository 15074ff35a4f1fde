/**
 * `metrocoop plan <metro> [--units SET] [--year Y] [--format text|json] [--out FILE] [optimiser options]`: the plan of
 * a metro (planMetro) — differentiated positions for every unit (a HiGHS mixed-integer program over the whole area),
 * cooperation opportunities with their modes, transport priorities and the observed firm relocations, under the
 * paper's four recommendation headings. Without `--format json` a readable summary in the user's language: a few
 * ranked items per heading, then every unit's three columns (stated, optimum, today). docs/methodology/planning.md.
 */
import type { LocalizedText } from '@metrocoop/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The command's texts (en / zh). */
export const messages = {
  description: t(
    'plan a metro: differentiated positions for every unit, cooperation opportunities with modes, transport priorities',
    '都市圈规划：各单元的差异化定位、合作机会与合作方式、交通优先事项',
  ),
  metroArg: t('metro id (jjj, yrd, tokyo, nyc, boswash)', '都市圈编号（jjj、yrd、tokyo、nyc、boswash）'),
  year: t('year (default: the unit set’s latest)', '年份（默认取分析单元集的最新年份）'),
  units: t(
    'unit set: default or an id (provinces, cities, counties, prefectures, …)',
    '分析单元集：default 或其编号（provinces、cities、counties、prefectures 等）',
  ),
  format: t('output format: text (default) or json', '输出格式：text（默认）或 json'),
  out: t('write the output to a file', '将输出写入文件'),
  metroFile: t(
    'plan the metro of this definition file in a temporary store (with --data; see docs/own-metro.md)',
    '在临时数据库中为该定义文件所定义的都市圈做规划（配合 --data；见 docs/own-metro.md）',
  ),
  data: t(
    'a data file to import into the temporary store first (canonical long CSV or any import format)',
    '先导入临时数据库的数据文件（规范长表 CSV 或其他可导入格式）',
  ),
  leads: t('most lead industries per unit (default 2)', '每个单元最多的主导产业数（默认 2）'),
  minLeads: t(
    'fewest lead industries per unit (default 1; more only where an industry adds capability net of duplication; equal to --leads forces that many)',
    '每个单元最少的主导产业数（默认 1；仅当某行业扣除重复代价后仍有能力增益时才多选；与 --leads 相等则每个单元恰好主导这么多个）',
  ),
  maxLeaders: t(
    'most units that may lead one traded industry (default: a third of the units, rounded up)',
    '同一可贸易行业最多由几个单元主导（默认单元数的三分之一，向上取整）',
  ),
  duplication: t('λ, the penalty on linked units leading the same traded industry (default 1)', 'λ：关联单元主导同一可贸易行业的惩罚权重（默认 1）'),
  weights: t(
    'capability weights, e.g. lq=1,relatedness=0.5,shift=0.5,chain=0.5 (the defaults)',
    '能力得分权重，例如 lq=1,relatedness=0.5,shift=0.5,chain=0.5（即默认值）',
  ),
  ringRule: t('every core unit leads at least one producer service', '每个核心单元至少主导一个生产性服务业'),
  fixPlans: t('keep the positions stated in plans for a unit itself', '保留规划中针对单元本身的定位'),
  fix: t('fix a choice, unit:industry (repeatable), e.g. CN-110000:I', '固定一项选择，格式 单元:行业（可重复），例如 CN-110000:I'),
  noSensitivity: t('skip the sensitivity runs (weights halved and doubled)', '跳过敏感性分析（权重减半与加倍）'),
  solver: t('MIP solver: highs (default) or glpk (the fallback)', '混合整数规划求解器：highs（默认）或 glpk（备选）'),
  headline: t('recommendations shown per heading (default 4)', '每个标题下显示的建议条数（默认 4）'),
  needMetro: t(
    'plan: name a metro (e.g. plan jjj) or give a definition file (plan --metro-file metro.json --data table.csv).',
    'plan：请指定都市圈（如 plan jjj），或给出定义文件（plan --metro-file metro.json --data table.csv）。',
  ),
  bothMetro: t('plan: give either a metro id or --metro-file, not both.', 'plan：都市圈编号与 --metro-file 只能给出其一。'),
  dataNeedsFile: t(
    'plan: --data goes with --metro-file (import into your store with metrocoop data import FILE otherwise).',
    'plan：--data 须与 --metro-file 同用（否则请用 metrocoop data import 文件 导入数据库）。',
  ),
  badNumber: (option: string, v: string, expected: LocalizedText) =>
    t(
      `plan: ${option} is invalid (got ${JSON.stringify(v)}); expected ${expected.en}.`,
      `plan：${option} 无效（得到 ${JSON.stringify(v)}）；应为${expected.zh}。`,
    ),
  integer: t('an integer ≥ 1', '≥ 1 的整数'),
  minAboveLeads: (min: number, leads: number) =>
    t(
      `plan: --min-leads (${min}) is more than --leads (${leads}, the most leads per unit); give --min-leads from 1 to --leads (equal forces exactly that many).`,
      `plan：--min-leads（${min}）大于 --leads（${leads}，每个单元最多的主导产业数）；--min-leads 应在 1 到 --leads 之间（相等即恰好这么多个）。`,
    ),
  nonNegative: t('a number ≥ 0', '≥ 0 的数'),
  badWeights: (v: string) =>
    t(
      `plan: --weights is invalid (got ${JSON.stringify(v)}); expected name=number pairs separated by commas, names lq, relatedness, shift, chain (e.g. lq=1,chain=0.5).`,
      `plan：--weights 无效（得到 ${JSON.stringify(v)}）；应为以逗号分隔的 名称=数值，名称为 lq、relatedness、shift、chain（例如 lq=1,chain=0.5）。`,
    ),
  wrote: (path: string) => t(`Wrote the plan to ${path}.\n`, `已将规划结果写入 ${path}。\n`),
};

/** The options of `plan` as commander gives them. */
export interface PlanCommandOptions {
  year?: string;
  units: string;
  format: string;
  out?: string;
  metroFile?: string;
  data?: string;
  leads?: string;
  minLeads?: string;
  maxLeaders?: string;
  duplication?: string;
  weights?: string;
  ringRule?: boolean;
  fixPlans?: boolean;
  fix?: string[];
  sensitivity: boolean;
  solver: string;
  headline?: string;
}

/** Register `metrocoop plan` (its work is loaded only when it runs). */
export function registerPlanCommand(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  program
    .command('plan')
    .description(p(messages.description))
    .argument('[metro]', p(messages.metroArg))
    .option('--year <year>', p(messages.year))
    .option('--units <unitSet>', p(messages.units), 'default')
    .addOption(new Option('--format <format>', p(messages.format)).choices(['text', 'json']).default('text'))
    .option('--out <file>', p(messages.out))
    .option('--leads <n>', p(messages.leads))
    .option('--min-leads <n>', p(messages.minLeads))
    .option('--max-leaders <n>', p(messages.maxLeaders))
    .option('--duplication <lambda>', p(messages.duplication))
    .option('--weights <list>', p(messages.weights))
    .option('--ring-rule', p(messages.ringRule))
    .option('--fix-plans', p(messages.fixPlans))
    .option('--fix <unit:industry>', p(messages.fix), collect)
    .option('--no-sensitivity', p(messages.noSensitivity))
    .addOption(new Option('--solver <solver>', p(messages.solver)).choices(['highs', 'glpk']).default('highs'))
    .option('--headline <n>', p(messages.headline))
    .option('--metro-file <file>', p(messages.metroFile))
    .option('--data <file>', p(messages.data))
    .action(async (metro: string | undefined, opts: PlanCommandOptions, command: Command) => {
      const { runPlan } = await import('./plan.run.ts');
      await runPlan(ctx, metro, opts, command);
    });
}
