/**
 * `<command> --metro-file FILE [--data FILE]`: run a command on a user-defined metro in a temporary store holding
 * the embedded dataset, the metro and the data; the store is removed afterwards. Shared by `analyze`, `plan` and
 * `scenario` (imported only by their `*.run.ts` modules).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { LocalizedText } from '@metrocoop/core';
import { addMetro, DataValidationError, importFile, Store } from '@metrocoop/data';
import { reportText } from './commands/data-import.run.ts';
import type { CliContext } from './context.ts';
import { ExitCode } from './errors.ts';
import { pick } from './i18n.ts';

const temporary = (path: string): LocalizedText => ({
  en: `Working in a temporary store ${path} (removed afterwards) …\n`,
  zh: `在临时数据库 ${path} 中运行（结束后删除）…\n`,
});

/** Runs `work` on the metro of `metroFile` (and the data of `data`, when given) in a temporary store. */
export async function withOneShotMetro(
  ctx: CliContext,
  command: string,
  metroFile: string,
  data: string | undefined,
  work: (store: Store, id: string) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `metrocoop-${command}-`));
  const path = join(dir, 'metrocoop.duckdb');
  ctx.err(pick(temporary(path), ctx.lang));
  let store: Store | undefined;
  try {
    store = await Store.openDefault(path);
    const added = await addMetro(store, metroFile);
    if (data !== undefined) {
      try {
        await importFile(store, data, {
          dataset:
            basename(data)
              .replace(/\.[^.]*$/, '')
              .replace(/[^A-Za-z0-9_.:/-]/g, '-') || 'data',
        });
      } catch (error) {
        if (!(error instanceof DataValidationError)) throw error;
        ctx.err(reportText(error.report, ctx.lang, command));
        throw new ExitCode(1);
      }
    }
    await work(store, added.id);
  } finally {
    store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
