/**
 * `metrocoop scenario <metro> --move "CN-110000:C:50000->CN-130000" [--move …] | --file scenario.json [--units U]
 * [--year Y] [--format json|text] [--out FILE]`: a relocation scenario (runScenario) — move an amount or a share of
 * an industry between units, recompute the analysis and report what changes, beside the firms that really moved.
 * `--metro-file FILE [--data FILE]` runs it on a user-defined metro in a temporary store. docs/scenarios.md.
 */
import type { LocalizedText } from '@metrocoop/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command's texts (en / zh). */
export const messages = {
  description: t(
    'test a relocation before it happens: move industry between units, recompute the analysis and report what changes (specialisation, homogenisation, complementarity, linkage, pair types, findings), beside the firms that really moved',
    '事前检验产业迁移：在单元之间迁移产业、重新分析并报告变化（专业化、同质化、互补性、联系、合作类型、诊断发现），并列出实际迁移的企业',
  ),
  metroArg: t('metro id (jjj, yrd, tokyo, nyc, boswash)', '都市圈编号（jjj、yrd、tokyo、nyc、boswash）'),
  move: t(
    'a move FROM:INDUSTRY:AMOUNT->TO, e.g. CN-110000:C:50000->CN-130000 (amount in the unit set\u2019s unit) or CN-110000:C:10%->CN-130000 (share of the origin\u2019s value); repeat for several',
    '一项迁移 起点:行业:数量->终点，如 CN-110000:C:50000->CN-130000（数量以单元集的单位计）或 CN-110000:C:10%->CN-130000（起点该行业数值的比例）；可重复给出多项',
  ),
  file: t(
    'a scenario file: { "moves": [ { "from", "industry", "amount" | "share", "to" } ], "note" } (docs/scenarios.md)',
    '情景文件：{ "moves": [ { "from", "industry", "amount" | "share", "to" } ], "note" }（见 docs/scenarios.md）',
  ),
  year: t('analysis year (default: the unit set’s latest)', '分析年份（默认取分析单元集的最新年份）'),
  units: t(
    'unit set: default or an id (provinces, cities, counties, prefectures, …)',
    '分析单元集：default 或其编号（provinces、cities、counties、prefectures 等）',
  ),
  format: t('output format: text (default) or json', '输出格式：text（默认）或 json'),
  out: t('write the output to a file', '将输出写入文件'),
  metroFile: t(
    'run the scenario on the metro of this definition file in a temporary store (with --data; see docs/own-metro.md)',
    '在临时数据库中对该定义文件所定义的都市圈运行情景（配合 --data；见 docs/own-metro.md）',
  ),
  data: t(
    'a data file to import into the temporary store first (canonical long CSV or any import format)',
    '先导入临时数据库的数据文件（规范长表 CSV 或其他可导入格式）',
  ),
  needMetro: t(
    'scenario: name a metro (e.g. scenario jjj --move CN-110000:C:50000->CN-130000) or give a definition file (scenario --metro-file metro.json --data table.csv --move …).',
    'scenario：请指定都市圈（如 scenario jjj --move CN-110000:C:50000->CN-130000），或给出定义文件（scenario --metro-file metro.json --data table.csv --move …）。',
  ),
  bothMetro: t('scenario: give either a metro id or --metro-file, not both.', 'scenario：都市圈编号与 --metro-file 只能给出其一。'),
  dataNeedsFile: t(
    'scenario: --data goes with --metro-file (import into your store with metrocoop data import FILE otherwise).',
    'scenario：--data 须与 --metro-file 同用（否则请用 metrocoop data import 文件 导入数据库）。',
  ),
  needMoves: t(
    'scenario: give the moves, with --move FROM:INDUSTRY:AMOUNT->TO (repeatable) or --file scenario.json (got neither); e.g. --move CN-110000:C:50000->CN-130000.',
    'scenario：请给出迁移，用 --move 起点:行业:数量->终点（可重复）或 --file scenario.json（两者都未给出）；例如 --move CN-110000:C:50000->CN-130000。',
  ),
  bothMoves: t(
    'scenario: give the moves either with --move or in --file, not both (got both); put every move in one place.',
    'scenario：迁移只能用 --move 或 --file 之一给出（两者都给出了）；请把所有迁移放在一处。',
  ),
  unreadable: (file: string, why: string) =>
    t(
      `scenario: cannot read the scenario file ${file} (got: ${why}); give a JSON file like { "moves": [ { "from": "CN-110000", "industry": "C", "amount": 50000, "to": "CN-130000" } ] }.`,
      `scenario：无法读取情景文件 ${file}（原因：${why}）；应为如下 JSON 文件：{ "moves": [ { "from": "CN-110000", "industry": "C", "amount": 50000, "to": "CN-130000" } ] }。`,
    ),
  wrote: (path: string) => t(`Wrote the scenario to ${path}.\n`, `已将情景结果写入 ${path}。\n`),
  running: (metro: string) => t(`Running the scenario on ${metro}`, `正在对 ${metro} 运行情景`),
  badYear: (v: string) =>
    t(
      `scenario: --year must be an integer year (got ${JSON.stringify(v)}); e.g. --year 2019.`,
      `scenario：--year 必须是整数年份（得到 ${JSON.stringify(v)}）；例如 --year 2019。`,
    ),
};

/** The options of `scenario` as commander gives them. */
export interface ScenarioCommandOptions {
  move?: string[];
  file?: string;
  year?: string;
  units: string;
  format: string;
  out?: string;
  metroFile?: string;
  data?: string;
}

/** Register `metrocoop scenario` (its work is loaded only when it runs). */
export function registerScenarioCommand(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  program
    .command('scenario')
    .description(p(messages.description))
    .argument('[metro]', p(messages.metroArg))
    .option('--move <move>', p(messages.move), (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option('--file <file>', p(messages.file))
    .option('--year <year>', p(messages.year))
    .option('--units <unitSet>', p(messages.units), 'default')
    .addOption(new Option('--format <format>', p(messages.format)).choices(['text', 'json']).default('text'))
    .option('--out <file>', p(messages.out))
    .option('--metro-file <file>', p(messages.metroFile))
    .option('--data <file>', p(messages.data))
    .action(async (metro: string | undefined, opts: ScenarioCommandOptions, command: Command) => {
      const { runScenarioCommand } = await import('./scenario.run.ts');
      await runScenarioCommand(ctx, metro, opts, command);
    });
}
