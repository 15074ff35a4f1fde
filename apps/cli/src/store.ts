/**
 * The store of the global `--store` option, opened by the commands that need data (never by `--help`, `measures`
 * or `shift-share`): created or migrated on first use, the embedded dataset loaded when missing or stale, with
 * progress on stderr. Commands that only read open it read-only, so that several can run at once; a command that
 * finds the store held by another process (an import, say) waits for it — saying who holds it — up to the global
 * `--wait SECONDS` (default 30), then fails with exit 1.
 */

import { InvalidInputError } from '@metrocoop/core/errors';
import { type LoadProgress, Store } from '@metrocoop/data';
import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { type LocalizedText, pick } from './i18n.ts';

const text = (en: string, zh: string): LocalizedText => ({ en, zh });

const messages = {
  loading: (path: string) => text(`Loading the embedded dataset into ${path} …\n`, `正在将内置数据集载入 ${path} …\n`),
  loadedTable: (table: string, rows: number, index: number, total: number) =>
    text(`  [${index}/${total}] ${table}: ${rows} rows\n`, `  [${index}/${total}] ${table}：${rows} 行\n`),
  loaded: (rows: number) => text(`Loaded ${rows} rows.\n`, `已载入 ${rows} 行。\n`),
  badWait: (value: string) =>
    text(
      `--wait: expected a number of seconds, 0 or more (got ${JSON.stringify(value)}); for example --wait 60.`,
      `--wait：应为不小于 0 的秒数（得到 ${JSON.stringify(value)}）；例如 --wait 60。`,
    ),
};

/** The default of the global `--wait` option, in seconds. */
export const defaultWaitSeconds = 30;

/** The commands that only read the store (opened read-only, so that several run at once). */
export const readOnlyCommands: ReadonlySet<string> = new Set([
  'analyze',
  'plan',
  'report',
  'scenario',
  'start',
  'data list',
  'data show',
  'data export',
  'data datasets',
  'metro list',
  'metro show',
]);

/** A command's path below the program, e.g. `data list`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent != null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The global `--wait` option in milliseconds (a usage error, exit 2, when it is not a number of seconds ≥ 0). */
export function waitMilliseconds(command: Command): number {
  const raw = command.optsWithGlobals<{ wait?: string | number }>().wait;
  if (raw === undefined) return defaultWaitSeconds * 1000;
  const seconds = Number(raw);
  if (String(raw).trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new InvalidInputError(messages.badWait(String(raw)), { wait: raw }, 'USAGE');
  }
  return Math.round(seconds * 1000);
}

/** Options of {@link openCliStore}. */
export interface OpenCliStoreOptions {
  /** Open read-only (default: whether the command is one of {@link readOnlyCommands}). */
  readonly readOnly?: boolean;
}

/** Open the store named by the global `--store` option with the embedded dataset loaded. */
export async function openCliStore(command: Command, ctx: CliContext, options: OpenCliStoreOptions = {}): Promise<Store> {
  const path = String(command.optsWithGlobals<{ store?: string }>().store ?? process.env.METROCOOP_STORE ?? './metrocoop.duckdb');
  const name = commandPath(command);
  const args = ctx.argv ?? [name, ...command.args];
  return Store.openDefault(path, {
    readOnly: options.readOnly ?? readOnlyCommands.has(name),
    waitMs: waitMilliseconds(command),
    holder: { command: ['metrocoop', ...args].join(' ') },
    onBusy: (_holders, message) => ctx.err(`${pick(message, ctx.lang)}\n`),
    onProgress: (e: LoadProgress) => {
      if (e.phase === 'start') ctx.err(pick(messages.loading(path), ctx.lang));
      else if (e.phase === 'table' && ctx.interactive) ctx.err(pick(messages.loadedTable(e.table ?? '', e.rows ?? 0, e.index, e.total), ctx.lang));
      else if (e.phase === 'done') ctx.err(pick(messages.loaded(e.rows ?? 0), ctx.lang));
    },
  });
}

/** Run `fn` with the store open, closing it afterwards whatever happens. */
export async function withStore<T>(command: Command, ctx: CliContext, fn: (store: Store) => Promise<T>, options: OpenCliStoreOptions = {}): Promise<T> {
  const store = await openCliStore(command, ctx, options);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
