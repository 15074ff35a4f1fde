/**
 * The store of the global `--store` option, opened by the commands that need data (never by `--help`, `measures`
 * or `shift-share`): created or migrated on first use, the embedded dataset loaded when missing or stale, with
 * progress on stderr.
 */
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
};

/** Open the store named by the global `--store` option with the embedded dataset loaded. */
export async function openCliStore(command: Command, ctx: CliContext): Promise<Store> {
  const path = String(command.optsWithGlobals<{ store?: string }>().store ?? process.env.METROCOOP_STORE ?? './metrocoop.duckdb');
  return Store.openDefault(path, {
    onProgress: (e: LoadProgress) => {
      if (e.phase === 'start') ctx.err(pick(messages.loading(path), ctx.lang));
      else if (e.phase === 'table' && ctx.interactive) ctx.err(pick(messages.loadedTable(e.table ?? '', e.rows ?? 0, e.index, e.total), ctx.lang));
      else if (e.phase === 'done') ctx.err(pick(messages.loaded(e.rows ?? 0), ctx.lang));
    },
  });
}

/** Run `fn` with the store open, closing it afterwards whatever happens. */
export async function withStore<T>(command: Command, ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(command, ctx);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
