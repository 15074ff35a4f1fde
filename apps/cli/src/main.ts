/**
 * The metrocoop command line: parse → data/core → format. Each command is two files in ./commands: `<name>.ts`
 * declares it (options, descriptions, messages; light) and `<name>.run.ts` does its work, imported only when the
 * command runs — so `--help` loads neither DuckDB nor the measures. This file wires the commands and maps every
 * error once (exit 0 ok, 1 data or validation error, 2 usage error).
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MetroError } from '@metrocoop/core/errors';
import { Command, CommanderError } from 'commander';
import { registerAnalyzeCommand } from './commands/analyze.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerMeasuresCommand } from './commands/measures.ts';
import { registerMetroCommands } from './commands/metro.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerScenarioCommand } from './commands/scenario.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerShiftShareCommand } from './commands/shift-share.ts';
import { registerStartCommand } from './commands/start.ts';
import type { CliContext } from './context.ts';
import { ExitCode } from './errors.ts';
import { languageFromArguments, pick } from './i18n.ts';
import { humanise } from './text/humanise.ts';

export interface MainOptions {
  readonly out?: (text: string) => void;
  readonly err?: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}

/** Commander's own help words in the user's language (our descriptions are localised where they are written). */
export function localizeHelp(text: string, lang: CliContext['lang']): string {
  if (lang !== 'zh') return text;
  return text
    .replace(/^Usage:/gm, '用法：')
    .replace(/^Arguments:$/gm, '参数：')
    .replace(/^Options:$/gm, '选项：')
    .replace(/^Commands:$/gm, '命令：')
    .replace(/\(default: ([^)]*)\)/g, '（默认：$1）')
    .replace(/\(choices: ([^)]*)\)/g, '（可选：$1）');
}

/** The version of metrocoop: the root package.json's (found from this file upwards), read only for `--version`. */
export function metrocoopVersion(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'metrocoop' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // not readable: keep looking upwards
      }
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** Build the program for one language (descriptions and help are localised). */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('metrocoop');
  const t = (en: string, zh: string) => pick({ en, zh }, ctx.lang);
  program
    .description(t('Measure, diagnose and plan industrial cooperation inside metropolitan areas.', '都市圈产业合作的测度、诊断与规划工具。'))
    .option('--lang <lang>', t('language of messages: zh or en (default: from the locale)', '输出语言：zh 或 en（默认取自系统区域设置）'))
    .option('--store <file>', t('DuckDB store file', 'DuckDB 数据库文件'), process.env.METROCOOP_STORE ?? './metrocoop.duckdb')
    .option(
      '--wait <seconds>',
      t('when another command is using the store, wait this long for it before giving up', '数据库正被其他命令占用时，最多等待的秒数'),
      '30',
    )
    .option('--progress', t('show progress on stderr even when it is not a terminal', '即使标准错误不是终端也显示进度'))
    .option('-V, --version', t('show the version', '显示版本号'))
    .helpOption('-h, --help', t('show help', '显示帮助'))
    .helpCommand('help [command]', t('show help for a command', '显示某个命令的帮助'))
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => ctx.out(localizeHelp(s, ctx.lang)),
      writeErr: (s) => ctx.err(s),
    })
    .exitOverride();
  program.on('option:version', () => {
    ctx.out(`${metrocoopVersion()}\n`);
    throw new ExitCode(0);
  });
  registerStartCommand(program, ctx);
  registerDataCommands(program, ctx);
  registerMeasuresCommand(program, ctx);
  registerShiftShareCommand(program, ctx);
  registerAnalyzeCommand(program, ctx);
  registerMetroCommands(program, ctx);
  registerPlanCommand(program, ctx);
  registerScenarioCommand(program, ctx);
  registerReportCommand(program, ctx);
  registerServeCommand(program, ctx);
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => ctx.out(localizeHelp(s, ctx.lang)), writeErr: (s) => ctx.err(s) });
    for (const sub of command.commands) {
      sub.exitOverride();
      sub.configureOutput({ writeOut: (s) => ctx.out(localizeHelp(s, ctx.lang)), writeErr: (s) => ctx.err(s) });
    }
  }
  return program;
}

/** Run the CLI with arguments (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const lang = languageFromArguments(argv, env);
  if (lang !== 'zh' && lang !== 'en') return 2;
  const ctx: CliContext = {
    lang,
    out: options.out ?? ((s) => process.stdout.write(s)),
    err: options.err ?? ((s) => process.stderr.write(s)),
    interactive: options.err === undefined && process.stderr.isTTY === true,
    argv,
    progress: argv.includes('--progress'),
  };
  const langArg = argv.find((a, k) => a.startsWith('--lang=') || argv[k - 1] === '--lang');
  if (langArg !== undefined) {
    const value = langArg.startsWith('--lang=') ? langArg.slice(7) : langArg;
    if (value !== 'zh' && value !== 'en') {
      ctx.err(`--lang: expected zh or en (got ${JSON.stringify(value)}) / 应为 zh 或 en\n`);
      return 2;
    }
  }
  const program = buildProgram(ctx);
  // The command the user ran (`data import`), for messages: set before its action runs.
  let command: string | null = null;
  program.hook('preAction', (_root, action) => {
    const path: string[] = [];
    for (let c: Command | null = action; c !== null && c !== program; c = c.parent) path.unshift(c.name());
    command = path.join(' ');
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return exitCodeOf(error, ctx, command);
  }
}

function exitCodeOf(error: unknown, ctx: CliContext, command: string | null): number {
  if (error instanceof ExitCode) return error.code;
  if (error instanceof CommanderError) {
    // help and version are "errors" to commander; they exit 0.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof MetroError) {
    ctx.err(`${humanise(pick(error.messages, ctx.lang), command)}\n`);
    return error.code === 'USAGE' ? 2 : 1;
  }
  const text = error instanceof Error ? error.message : String(error);
  ctx.err(pick({ en: `metrocoop: unexpected failure: ${text}\n`, zh: `metrocoop：意外错误：${text}\n` }, ctx.lang));
  return 1;
}
