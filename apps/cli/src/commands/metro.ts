/**
 * `metrocoop metro add FILE | list | show ID | remove ID`: your own metro areas, defined in a JSON file
 * (packages/data/schemas/metro-definition.schema.json; docs/own-metro.md). `add` checks the whole file and adds the
 * metro, its members and any new regions in one transaction; embedded metros cannot be removed.
 */
import type { LocalizedText } from '@metrocoop/core';
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { pick } from '../i18n.ts';

const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** The command texts (en / zh). */
export const messages = {
  metro: t('your own metro areas: add from a definition file, list, show, remove', '自定义都市圈：从定义文件添加、列出、查看、删除'),
  add: t(
    'check a metro definition file (JSON) and add the metro, its members and new regions to the store',
    '校验都市圈定义文件（JSON），并将该都市圈、其成员及新地区加入数据库',
  ),
  addArg: t('the definition file (see docs/own-metro.md)', '定义文件（见 docs/own-metro.md）'),
  list: t('list the metros: embedded and your own', '列出都市圈：内置的与自定义的'),
  show: t('show a metro: members by ring, unit sets, indicators', '查看一个都市圈：各圈层成员、分析单元集、指标'),
  remove: t('remove one of your metros (the embedded ones cannot be removed)', '删除一个自定义都市圈（内置都市圈不能删除）'),
  idArg: t('the metro id', '都市圈编号'),
  json: t('print JSON', '输出 JSON'),
  added: (id: string, members: number, newRegions: number, unitSets: string, travel: number) =>
    t(
      `Added metro ${id}: ${members} members (${newRegions} new region(s)), unit set(s) ${unitSets}, ${travel} travel time(s).\nNext: import its data (metrocoop data import FILE), then metrocoop analyze ${id}.\n`,
      `已添加都市圈 ${id}：${members} 个成员（新地区 ${newRegions} 个），分析单元集 ${unitSets}，通勤时间 ${travel} 条。\n下一步：导入其数据（metrocoop data import 文件），然后运行 metrocoop analyze ${id}。\n`,
    ),
  removed: (id: string, rows: number) => t(`Removed metro ${id} (${rows} rows of its definition).\n`, `已删除都市圈 ${id}（其定义共 ${rows} 行）。\n`),
  headers: {
    id: t('id', '编号'),
    name: t('name', '名称'),
    country: t('country', '国家'),
    origin: t('origin', '来源'),
    members: t('members', '成员'),
  },
  embedded: t('embedded', '内置'),
  user: t('yours', '自定义'),
};

/** Register `metrocoop metro …` (the work is loaded only when a subcommand runs). */
export function registerMetroCommands(program: Command, ctx: CliContext): void {
  const p = (x: LocalizedText) => pick(x, ctx.lang);
  const metro = program.command('metro').description(p(messages.metro));
  metro
    .command('add')
    .description(p(messages.add))
    .argument('<file>', p(messages.addArg))
    .option('--json', p(messages.json))
    .action(async (file: string, options: { json?: boolean }, command: Command) => (await import('./metro.run.ts')).runMetroAdd(ctx, file, options, command));
  metro
    .command('list')
    .description(p(messages.list))
    .option('--json', p(messages.json))
    .action(async (options: { json?: boolean }, command: Command) => (await import('./metro.run.ts')).runMetroList(ctx, options, command));
  metro
    .command('show')
    .description(p(messages.show))
    .argument('<id>', p(messages.idArg))
    .option('--json', p(messages.json))
    .action(async (id: string, options: { json?: boolean }, command: Command) => (await import('./metro.run.ts')).runMetroShow(ctx, id, options, command));
  metro
    .command('remove')
    .description(p(messages.remove))
    .argument('<id>', p(messages.idArg))
    .option('--json', p(messages.json))
    .action(async (id: string, options: { json?: boolean }, command: Command) => (await import('./metro.run.ts')).runMetroRemove(ctx, id, options, command));
}
