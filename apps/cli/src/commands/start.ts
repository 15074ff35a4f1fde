import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `metrocoop start`: the main job on the embedded data (npm start). */
export function registerStartCommand(program: Command, ctx: CliContext): void {
  program
    .command('start')
    .description(ctx.lang === 'zh' ? '在内置数据上运行主任务' : 'run the main job on the embedded data')
    .action(() => {
      ctx.out('metrocoop\n');
    });
}
