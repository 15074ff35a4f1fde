import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `metrocoop data …`. */
export function registerDataCommands(program: Command, ctx: CliContext): void {
  program.command('data').description(ctx.lang === 'zh' ? '数据管理' : 'manage data');
}
