import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `metrocoop data import FILE` and `metrocoop data validate FILE` (registered under the `data` command). */
export function registerImportCommands(data: Command, ctx: CliContext): void {
  void data;
  void ctx;
}
