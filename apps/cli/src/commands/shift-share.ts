import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `metrocoop shift-share`. */
export function registerShiftShareCommand(program: Command, ctx: CliContext): void {
  program.command('shift-share').description(ctx.lang === 'zh' ? '偏离-份额分析' : 'shift-share analysis');
}
