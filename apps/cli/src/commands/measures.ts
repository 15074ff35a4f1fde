import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `metrocoop measures`. */
export function registerMeasuresCommand(program: Command, ctx: CliContext): void {
  program.command('measures').description(ctx.lang === 'zh' ? '计算区域经济指标' : 'compute regional-economics measures');
}
